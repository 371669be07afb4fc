/**
 * The starter catalogue every new lab gets at first start: containers, analytes (version 1) and
 * orderable analyses (version 1), inserted into the tables of migration 0003. The data lives in
 * typed constants (starter-containers.ts, starter-analytes-*.ts, starter-analyses.ts) with the
 * source of every reference interval (starter-sources.ts); the lab edits it afterwards through the
 * catalogue API, each change being a new version with its reason.
 */
import type { Queryable } from '../../db/database.js';
import {
  toAnalysisDefinition,
  type AnalyteDefinition,
  type ContainerDefinition,
  type StarterAnalysis,
} from './catalogue-definitions.js';
import { starterAnalyses } from './starter-analyses.js';
import { chemistryAnalytes } from './starter-analytes-chemistry.js';
import { haematologyAnalytes } from './starter-analytes-haematology.js';
import { immunoassayAnalytes } from './starter-analytes-immunoassay.js';
import { otherAnalytes } from './starter-analytes-other.js';
import { starterContainers } from './starter-containers.js';

export { starterAnalyses } from './starter-analyses.js';
export { starterContainers } from './starter-containers.js';

export const starterAnalytes: AnalyteDefinition[] = [
  ...haematologyAnalytes,
  ...chemistryAnalytes,
  ...immunoassayAnalytes,
  ...otherAnalytes,
];

export const starterCatalogue: {
  containers: readonly ContainerDefinition[];
  analytes: readonly AnalyteDefinition[];
  analyses: readonly StarterAnalysis[];
} = { containers: starterContainers, analytes: starterAnalytes, analyses: starterAnalyses };

export const starterChangeReason = 'Catalogue de démarrage Sillage';

/**
 * Inserts the starter catalogue in the caller's transaction (one statement per table: the whole
 * seed is one JSON parameter expanded by jsonb_to_recordset, so a test app starts quickly).
 */
export async function seedStarterCatalogue(
  tx: Queryable
): Promise<{ containers: number; analytes: number; analyses: number }> {
  await tx.query(
    `INSERT INTO container (code, label, colour, colour_hex, capacity_ml, specimen_type, additive, draw_order)
     SELECT code, label, colour, "colourHex", "capacityMl", "specimenType", additive, "drawOrder"
       FROM jsonb_to_recordset($1::jsonb) AS c(code text, label text, colour text, "colourHex" text,
            "capacityMl" numeric, "specimenType" text, additive text, "drawOrder" integer)`,
    [JSON.stringify(starterContainers)]
  );
  await tx.query(
    `INSERT INTO analyte (code, version, label, short_label, loinc, chapter, result_type, unit_ucum, unit_conventional,
       conventional_factor, decimals, coded_values, critical_low, critical_high, delta_rule, formula,
       reference_intervals, change_reason)
     SELECT code, 1, label, "shortLabel", loinc, chapter, "resultType", "unitUcum", "unitConventional",
       "conventionalFactor", decimals, "codedValues", "criticalLow", "criticalHigh", "deltaRule", formula,
       "referenceIntervals", $2
       FROM jsonb_to_recordset($1::jsonb) AS a(code text, label text, "shortLabel" text, loinc text, chapter text,
            "resultType" text, "unitUcum" text, "unitConventional" text, "conventionalFactor" numeric,
            decimals integer, "codedValues" jsonb, "criticalLow" numeric, "criticalHigh" numeric,
            "deltaRule" jsonb, formula jsonb, "referenceIntervals" jsonb)`,
    [JSON.stringify(starterAnalytes), starterChangeReason]
  );
  await tx.query(
    `INSERT INTO analysis (code, version, mnemonic, label, nabm_codes, chapter, section, container_code, volume_ml,
       shareable, stability_hours_room, stability_hours_cold, fasting_required, time_window_start, time_window_end,
       analyte_codes, orderable, change_reason)
     SELECT code, 1, mnemonic, label, "nabmCodes", chapter, section, "containerCode", "volumeMl",
       shareable, "stabilityHoursRoom", "stabilityHoursCold", "fastingRequired", "timeWindowStart"::time,
       "timeWindowEnd"::time, "analyteCodes", orderable, $2
       FROM jsonb_to_recordset($1::jsonb) AS a(code text, mnemonic text, label text, "nabmCodes" text[], chapter text,
            section text, "containerCode" text, "volumeMl" numeric, shareable boolean, "stabilityHoursRoom" numeric,
            "stabilityHoursCold" numeric, "fastingRequired" boolean, "timeWindowStart" text, "timeWindowEnd" text,
            "analyteCodes" text[], orderable boolean)`,
    [JSON.stringify(starterAnalyses.map(toAnalysisDefinition)), starterChangeReason]
  );
  return {
    containers: starterContainers.length,
    analytes: starterAnalytes.length,
    analyses: starterAnalyses.length,
  };
}
