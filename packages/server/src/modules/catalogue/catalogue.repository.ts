/**
 * SQL of the catalogue (migration 0003). Versioning: a change closes the current row
 * (`valid_to`, the only UPDATE ever made on a version) and inserts version n + 1; results keep
 * the id of the analyte version they were measured with. `numeric` columns come back as strings
 * and are converted here; times are read as `HH:MM` text.
 */
import type { Queryable } from '../../db/database.js';
import type { AnalysisDefinition, AnalyteDefinition } from './catalogue-definitions.js';
import type { AnalysisView, AnalyteView, ContainerView } from './catalogue.schemas.js';

interface VersionRow {
  id: string;
  version: number;
  valid_from: Date;
  valid_to: Date | null;
  change_reason: string | null;
  created_by: string | null;
  created_by_name: string | null;
}

interface AnalyteRow extends VersionRow {
  code: string;
  label: string;
  short_label: string | null;
  loinc: string | null;
  chapter: string;
  result_type: AnalyteView['resultType'];
  unit_ucum: string | null;
  unit_conventional: string | null;
  conventional_factor: string | null;
  decimals: number;
  coded_values: AnalyteView['codedValues'];
  critical_low: string | null;
  critical_high: string | null;
  delta_rule: AnalyteView['deltaRule'];
  formula: AnalyteView['formula'];
  reference_intervals: AnalyteView['referenceIntervals'];
}

interface AnalysisRow extends VersionRow {
  code: string;
  mnemonic: string;
  label: string;
  nabm_codes: string[];
  chapter: string;
  section: string;
  container_code: string;
  volume_ml: string;
  shareable: boolean;
  stability_hours_room: string | null;
  stability_hours_cold: string | null;
  fasting_required: boolean;
  time_window_start: string | null;
  time_window_end: string | null;
  analyte_codes: string[];
  orderable: boolean;
  off_nomenclature_price_cents: number | null;
}

interface ContainerRow {
  code: string;
  label: string;
  colour: string;
  colour_hex: string;
  capacity_ml: string;
  specimen_type: string;
  additive: string | null;
  draw_order: number;
}

function numberOrNull(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}

function versionMeta(row: VersionRow) {
  return {
    id: row.id,
    version: row.version,
    validFrom: row.valid_from.toISOString(),
    validTo: row.valid_to?.toISOString() ?? null,
    changeReason: row.change_reason,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
  };
}

function toAnalyteView(row: AnalyteRow): AnalyteView {
  return {
    code: row.code,
    label: row.label,
    shortLabel: row.short_label ?? row.label,
    loinc: row.loinc,
    chapter: row.chapter,
    resultType: row.result_type,
    unitUcum: row.unit_ucum,
    unitConventional: row.unit_conventional,
    conventionalFactor: numberOrNull(row.conventional_factor),
    decimals: row.decimals,
    codedValues: row.coded_values,
    criticalLow: numberOrNull(row.critical_low),
    criticalHigh: numberOrNull(row.critical_high),
    deltaRule: row.delta_rule,
    formula: row.formula,
    referenceIntervals: row.reference_intervals,
    ...versionMeta(row),
  };
}

function toAnalysisView(row: AnalysisRow): AnalysisView {
  return {
    code: row.code,
    mnemonic: row.mnemonic,
    label: row.label,
    nabmCodes: row.nabm_codes,
    chapter: row.chapter,
    section: row.section,
    containerCode: row.container_code,
    volumeMl: Number(row.volume_ml),
    shareable: row.shareable,
    stabilityHoursRoom: numberOrNull(row.stability_hours_room),
    stabilityHoursCold: numberOrNull(row.stability_hours_cold),
    fastingRequired: row.fasting_required,
    timeWindowStart: row.time_window_start,
    timeWindowEnd: row.time_window_end,
    analyteCodes: row.analyte_codes,
    orderable: row.orderable,
    offNomenclaturePriceCents: row.off_nomenclature_price_cents,
    ...versionMeta(row),
  };
}

function toContainerView(row: ContainerRow): ContainerView {
  return {
    code: row.code,
    label: row.label,
    colour: row.colour,
    colourHex: row.colour_hex,
    capacityMl: Number(row.capacity_ml),
    specimenType: row.specimen_type,
    additive: row.additive,
    drawOrder: row.draw_order,
  };
}

/** Who wrote a catalogue version, named for the versions screen (ISO 15189 §7.3.5: who changed what). */
const createdByName = '(SELECT u.display_name FROM app_user u WHERE u.id = created_by) AS created_by_name';

const analyteColumns = `id, code, version, label, short_label, loinc, chapter, result_type, unit_ucum, unit_conventional,
  conventional_factor, decimals, coded_values, critical_low, critical_high, delta_rule, formula, reference_intervals,
  valid_from, valid_to, change_reason, created_by, ${createdByName}`;

const analysisColumns = `id, code, version, mnemonic, label, nabm_codes, chapter, section, container_code, volume_ml, shareable,
  stability_hours_room, stability_hours_cold, fasting_required, to_char(time_window_start, 'HH24:MI') AS time_window_start,
  to_char(time_window_end, 'HH24:MI') AS time_window_end, analyte_codes, orderable, off_nomenclature_price_cents, valid_from, valid_to,
  change_reason, created_by, ${createdByName}`;

// ── Analytes ──────────────────────────────────────────────────────────────

/** Current versions of the given analyte codes (all current analytes when `codes` is omitted). */
export async function findCurrentAnalytes(db: Queryable, codes?: readonly string[]): Promise<AnalyteView[]> {
  const rows =
    codes === undefined
      ? await db.query<AnalyteRow>(`SELECT ${analyteColumns} FROM analyte WHERE valid_to IS NULL ORDER BY code`)
      : await db.query<AnalyteRow>(
          `SELECT ${analyteColumns} FROM analyte WHERE valid_to IS NULL AND code = ANY($1::text[]) ORDER BY code`,
          [codes]
        );
  return rows.map(toAnalyteView);
}

export async function findCurrentAnalyte(
  db: Queryable,
  code: string,
  forUpdate = false
): Promise<AnalyteView | undefined> {
  const rows = await db.query<AnalyteRow>(
    `SELECT ${analyteColumns} FROM analyte WHERE code = $1 AND valid_to IS NULL${forUpdate ? ' FOR UPDATE' : ''}`,
    [code]
  );
  return rows[0] === undefined ? undefined : toAnalyteView(rows[0]);
}

export async function findAnalyteVersion(
  db: Queryable,
  code: string,
  version: number
): Promise<AnalyteView | undefined> {
  const rows = await db.query<AnalyteRow>(`SELECT ${analyteColumns} FROM analyte WHERE code = $1 AND version = $2`, [
    code,
    version,
  ]);
  return rows[0] === undefined ? undefined : toAnalyteView(rows[0]);
}

/** An analyte version by id: what a result points at (ranges frozen with the result). */
export async function findAnalyteById(db: Queryable, id: string): Promise<AnalyteView | undefined> {
  const rows = await db.query<AnalyteRow>(`SELECT ${analyteColumns} FROM analyte WHERE id = $1`, [id]);
  return rows[0] === undefined ? undefined : toAnalyteView(rows[0]);
}

export async function listAnalyteVersions(db: Queryable, code: string): Promise<AnalyteView[]> {
  const rows = await db.query<AnalyteRow>(`SELECT ${analyteColumns} FROM analyte WHERE code = $1 ORDER BY version`, [
    code,
  ]);
  return rows.map(toAnalyteView);
}

export async function listAnalysisVersions(db: Queryable, code: string): Promise<AnalysisView[]> {
  const rows = await db.query<AnalysisRow>(`SELECT ${analysisColumns} FROM analysis WHERE code = $1 ORDER BY version`, [
    code,
  ]);
  return rows.map(toAnalysisView);
}

export async function analyteCodeExists(db: Queryable, code: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM analyte WHERE code = $1 LIMIT 1', [code])).length > 0;
}

export async function currentAnalyteCodes(db: Queryable): Promise<Set<string>> {
  const rows = await db.query<{ code: string }>('SELECT code FROM analyte WHERE valid_to IS NULL');
  return new Set(rows.map((row) => row.code));
}

export async function insertAnalyteVersion(
  db: Queryable,
  definition: AnalyteDefinition,
  version: number,
  meta: { createdBy: string | null; reason: string }
): Promise<AnalyteView> {
  const rows = await db.query<AnalyteRow>(
    `INSERT INTO analyte (code, version, label, short_label, loinc, chapter, result_type, unit_ucum, unit_conventional,
       conventional_factor, decimals, coded_values, critical_low, critical_high, delta_rule, formula, reference_intervals,
       created_by, change_reason, valid_from)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15::jsonb, $16::jsonb, $17::jsonb, $18,
       $19, now())
     RETURNING ${analyteColumns}`,
    [
      definition.code,
      version,
      definition.label,
      definition.shortLabel,
      definition.loinc,
      definition.chapter,
      definition.resultType,
      definition.unitUcum,
      definition.unitConventional,
      definition.conventionalFactor,
      definition.decimals,
      definition.codedValues === null ? null : JSON.stringify(definition.codedValues),
      definition.criticalLow,
      definition.criticalHigh,
      definition.deltaRule === null ? null : JSON.stringify(definition.deltaRule),
      definition.formula === null ? null : JSON.stringify(definition.formula),
      JSON.stringify(definition.referenceIntervals),
      meta.createdBy,
      meta.reason,
    ]
  );
  return toAnalyteView(rows[0] as AnalyteRow);
}

/** Closes a version at the transaction's time, the instant the next version starts. */
export async function closeAnalyteVersion(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE analyte SET valid_to = now() WHERE id = $1 AND valid_to IS NULL', [id]);
}

// ── Analyses ──────────────────────────────────────────────────────────────

export async function findCurrentAnalyses(db: Queryable, options: { orderableOnly: boolean }): Promise<AnalysisView[]> {
  const rows = await db.query<AnalysisRow>(
    `SELECT ${analysisColumns} FROM analysis WHERE valid_to IS NULL${options.orderableOnly ? ' AND orderable' : ''}
     ORDER BY code`
  );
  return rows.map(toAnalysisView);
}

/** The current analysis whose code or mnemonic is `key` (code first). */
export async function findCurrentAnalysis(
  db: Queryable,
  key: string,
  forUpdate = false
): Promise<AnalysisView | undefined> {
  const rows = await db.query<AnalysisRow>(
    `SELECT ${analysisColumns} FROM analysis WHERE valid_to IS NULL AND (code = $1 OR mnemonic = $1)
     ORDER BY (code = $1) DESC LIMIT 1${forUpdate ? ' FOR UPDATE' : ''}`,
    [key]
  );
  return rows[0] === undefined ? undefined : toAnalysisView(rows[0]);
}

/**
 * Current analyses for codes or mnemonics typed at the desk (`NFS`, `GLY`…), in the order asked;
 * unknown keys are returned apart so the caller can refuse them.
 */
export async function resolveCurrentAnalyses(
  db: Queryable,
  keys: readonly string[]
): Promise<{ found: AnalysisView[]; unknown: string[] }> {
  const wanted = keys.map((key) => key.trim().toUpperCase());
  const rows = (
    await db.query<AnalysisRow>(
      `SELECT ${analysisColumns} FROM analysis WHERE valid_to IS NULL AND (code = ANY($1::text[]) OR mnemonic = ANY($1::text[]))`,
      [wanted]
    )
  ).map(toAnalysisView);
  const found: AnalysisView[] = [];
  const unknown: string[] = [];
  for (const key of wanted) {
    const match = rows.find((row) => row.code === key) ?? rows.find((row) => row.mnemonic === key);
    if (match === undefined) {
      unknown.push(key);
    } else {
      found.push(match);
    }
  }
  return { found, unknown };
}

export async function analysisCodeExists(db: Queryable, code: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM analysis WHERE code = $1 LIMIT 1', [code])).length > 0;
}

/** True when another current analysis already answers to this mnemonic (or has it as its code). */
export async function mnemonicTaken(db: Queryable, mnemonic: string, exceptCode: string | null): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM analysis WHERE valid_to IS NULL AND (mnemonic = $1 OR code = $1) AND code IS DISTINCT FROM $2 LIMIT 1`,
    [mnemonic, exceptCode]
  );
  return rows.length > 0;
}

export async function insertAnalysisVersion(
  db: Queryable,
  definition: AnalysisDefinition,
  version: number,
  meta: { createdBy: string | null; reason: string }
): Promise<AnalysisView> {
  const rows = await db.query<AnalysisRow>(
    `INSERT INTO analysis (code, version, mnemonic, label, nabm_codes, chapter, section, container_code, volume_ml,
       shareable, stability_hours_room, stability_hours_cold, fasting_required, time_window_start, time_window_end,
       analyte_codes, orderable, created_by, change_reason, off_nomenclature_price_cents, valid_from)
     VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9, $10, $11, $12, $13, $14::time, $15::time, $16::text[], $17, $18,
       $19, $20, now())
     RETURNING ${analysisColumns}`,
    [
      definition.code,
      version,
      definition.mnemonic,
      definition.label,
      definition.nabmCodes,
      definition.chapter,
      definition.section,
      definition.containerCode,
      definition.volumeMl,
      definition.shareable,
      definition.stabilityHoursRoom,
      definition.stabilityHoursCold,
      definition.fastingRequired,
      definition.timeWindowStart,
      definition.timeWindowEnd,
      definition.analyteCodes,
      definition.orderable,
      meta.createdBy,
      meta.reason,
      definition.offNomenclaturePriceCents ?? null,
    ]
  );
  return toAnalysisView(rows[0] as AnalysisRow);
}

export async function closeAnalysisVersion(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE analysis SET valid_to = now() WHERE id = $1 AND valid_to IS NULL', [id]);
}

// ── Containers ────────────────────────────────────────────────────────────

export async function listContainers(db: Queryable): Promise<ContainerView[]> {
  const rows = await db.query<ContainerRow>('SELECT * FROM container ORDER BY draw_order, code');
  return rows.map(toContainerView);
}

export async function findContainer(db: Queryable, code: string): Promise<ContainerView | undefined> {
  const rows = await db.query<ContainerRow>('SELECT * FROM container WHERE code = $1', [code]);
  return rows[0] === undefined ? undefined : toContainerView(rows[0]);
}
