/**
 * Bench worklists: each accepted tube with its open results, urgent first then oldest, with the
 * patient summary, the analyte's unit and the reference interval for the patient's sex and age AT
 * COLLECTION (the interval frozen with a value once one is typed). A list, not a record read: it is
 * not logged per view (the entry and the review are).
 */
import type { Database } from '../../db/database.js';
import { analyteRuleOf } from './analyte-rule.js';
import { displayOf, intervalView, patientAtCollection, resultValueOf, selectInterval } from './result-evaluation.js';
import { frozenInterval, isoOrNull, patientSummaryOf } from './result-views.js';
import type { WorklistSpecimen } from './results.schemas.js';
import { worklistRows, type WorklistRow } from './worklists.repository.js';

function patientAt(row: WorklistRow): ReturnType<typeof patientAtCollection> | null {
  try {
    return patientAtCollection(row.birth_date, row.sex, row.collected_at ?? row.received_at ?? new Date());
  } catch {
    // A birth date after the collection is an identity error to fix at the desk, not a reason to hide the list.
    return null;
  }
}

export class WorklistService {
  constructor(private readonly database: Database) {}

  async worklist(section: string | null, limit: number): Promise<WorklistSpecimen[]> {
    const rows = await worklistRows(this.database, section, limit);
    const specimens = new Map<string, WorklistSpecimen>();
    const patients = new Map<string, ReturnType<typeof patientAt>>();
    for (const row of rows) {
      let specimen = specimens.get(row.specimen_id);
      if (specimen === undefined) {
        const patient = patientAt(row);
        patients.set(row.specimen_id, patient);
        specimen = {
          specimenId: row.specimen_id,
          barcode: row.barcode,
          containerCode: row.container_code,
          orderId: row.order_id,
          orderNumber: row.order_number,
          urgency: row.urgency,
          collectedAt: isoOrNull(row.collected_at),
          receivedAt: isoOrNull(row.received_at),
          patient: { ...patientSummaryOf(row), ageDaysAtCollection: patient?.ageDays ?? null },
          results: [],
        };
        specimens.set(row.specimen_id, specimen);
      }
      const analyte = analyteRuleOf(row);
      const patient = patients.get(row.specimen_id) ?? null;
      const selected = patient === null ? null : selectInterval(analyte, patient);
      const value = resultValueOf(
        {
          valueNumeric: row.value_numeric,
          qualifier: row.qualifier,
          valueText: row.value_text,
          valueCode: row.value_code,
        },
        analyte.decimals
      );
      specimen.results.push({
        resultId: row.result_id,
        analyteCode: analyte.code,
        analyteLabel: analyte.label,
        analysisCode: row.analysis_code,
        resultType: analyte.resultType,
        unit: analyte.unit,
        decimals: analyte.decimals,
        codedValues: analyte.codedValues?.map((option) => ({ code: option.code, label: option.label })) ?? null,
        calculated: analyte.formula !== null,
        status: row.status,
        version: row.current_version,
        value: displayOf(value, analyte),
        flag: row.flag,
        critical: row.critical,
        comment: row.comment,
        commentCodes: row.comment_codes ?? [],
        interval:
          frozenInterval(row.reference) ?? (selected === null ? null : intervalView(selected, analyte.decimals)),
      });
    }
    return [...specimens.values()];
  }
}
