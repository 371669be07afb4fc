/**
 * What order entry reads from the catalogue: the current version of each analysis, its container
 * and the current version of each of its analytes (migration 0003: `valid_to IS NULL` is current).
 * An order points at these versions, so a later catalogue change never alters it.
 */
import type { Queryable } from '../../db/database.js';

export interface CatalogueAnalysis {
  id: string;
  code: string;
  version: number;
  mnemonic: string;
  label: string;
  section: string;
  containerCode: string;
  volumeMl: number;
  shareable: boolean;
  stabilityHoursRoom: number | null;
  stabilityHoursCold: number | null;
  fastingRequired: boolean;
  /** "HH:MM" in Europe/Paris local time, or null. */
  timeWindowStart: string | null;
  timeWindowEnd: string | null;
  analyteCodes: string[];
}

export interface CatalogueContainer {
  code: string;
  label: string;
  colour: string;
  colourHex: string;
  capacityMl: number;
  specimenType: string;
  additive: string | null;
  drawOrder: number;
}

interface AnalysisRow {
  id: string;
  code: string;
  version: number;
  mnemonic: string;
  label: string;
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
}

const analysisColumns = `id, code, version, mnemonic, label, section, container_code, volume_ml, shareable,
  stability_hours_room, stability_hours_cold, fasting_required,
  to_char(time_window_start, 'HH24:MI') AS time_window_start, to_char(time_window_end, 'HH24:MI') AS time_window_end,
  analyte_codes`;

function numberOrNull(value: string | null): number | null {
  return value === null ? null : Number(value);
}

function toAnalysis(row: AnalysisRow): CatalogueAnalysis {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    mnemonic: row.mnemonic,
    label: row.label,
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
  };
}

/**
 * Current, orderable analyses whose code or mnemonic (case-insensitive) is among `terms`.
 * Several rows may match one term (a mnemonic shared by two analyses): the caller decides.
 */
export async function findOrderableAnalyses(db: Queryable, terms: readonly string[]): Promise<CatalogueAnalysis[]> {
  const upper = terms.map((t) => t.toUpperCase());
  const rows = await db.query<AnalysisRow>(
    `SELECT ${analysisColumns} FROM analysis
     WHERE valid_to IS NULL AND orderable AND (code = ANY($1::text[]) OR upper(mnemonic) = ANY($1::text[]))
     ORDER BY code`,
    [upper]
  );
  return rows.map(toAnalysis);
}

/** Analysis versions by id (an order keeps the version it was placed with). */
export async function findAnalysesByIds(db: Queryable, ids: readonly string[]): Promise<CatalogueAnalysis[]> {
  const rows = await db.query<AnalysisRow>(`SELECT ${analysisColumns} FROM analysis WHERE id = ANY($1::uuid[])`, [ids]);
  return rows.map(toAnalysis);
}

export async function findContainers(db: Queryable, codes: readonly string[]): Promise<CatalogueContainer[]> {
  const rows = await db.query<{
    code: string;
    label: string;
    colour: string;
    colour_hex: string;
    capacity_ml: string;
    specimen_type: string;
    additive: string | null;
    draw_order: number;
  }>(
    `SELECT code, label, colour, colour_hex, capacity_ml, specimen_type, additive, draw_order
     FROM container WHERE code = ANY($1::text[])`,
    [codes]
  );
  return rows.map((r) => ({
    code: r.code,
    label: r.label,
    colour: r.colour,
    colourHex: r.colour_hex,
    capacityMl: Number(r.capacity_ml),
    specimenType: r.specimen_type,
    additive: r.additive,
    drawOrder: r.draw_order,
  }));
}

/** Current analyte version id by code. */
export async function findCurrentAnalyteIds(db: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; code: string }>(
    'SELECT id, code FROM analyte WHERE valid_to IS NULL AND code = ANY($1::text[])',
    [codes]
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}
