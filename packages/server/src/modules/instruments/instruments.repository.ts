/**
 * SQL of link profiles and their test-code mappings. Every function takes the handle it runs in.
 */
import type { Queryable } from '../../db/database.js';
import type {
  InstrumentKind,
  InstrumentProtocol,
  LinkCharset,
  LinkDirection,
  LinkRole,
  SpecimenIdLocation,
} from './instruments.schemas.js';

/** A link profile as the links and the message processing read it. */
export interface InstrumentProfile {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: InstrumentKind;
  readonly protocol: InstrumentProtocol;
  readonly role: LinkRole;
  readonly host: string;
  readonly port: number;
  readonly direction: LinkDirection;
  readonly charset: LinkCharset;
  readonly specimenIdLocation: SpecimenIdLocation;
  readonly qcSpecimenPattern: string | null;
  readonly qcSpecimenRole: boolean;
  readonly reagentLotComponent: number | null;
  readonly enabled: boolean;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface InstrumentRow {
  id: string;
  code: string;
  name: string;
  kind: InstrumentKind;
  protocol: InstrumentProtocol;
  role: LinkRole;
  host: string;
  port: number;
  direction: LinkDirection;
  charset: LinkCharset;
  specimen_id_location: SpecimenIdLocation;
  qc_specimen_pattern: string | null;
  qc_specimen_role: boolean;
  reagent_lot_component: number | null;
  enabled: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The profile from an `instrument` row (also as `row_to_json`, whose timestamps are strings). */
export function profileFromRow(row: InstrumentRow | Record<string, unknown>): InstrumentProfile {
  const r = row as InstrumentRow & { created_at: Date | string; updated_at: Date | string };
  return toProfile({ ...r, created_at: new Date(r.created_at), updated_at: new Date(r.updated_at) });
}

function toProfile(row: InstrumentRow): InstrumentProfile {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    protocol: row.protocol,
    role: row.role,
    host: row.host,
    port: Number(row.port),
    direction: row.direction,
    charset: row.charset,
    specimenIdLocation: row.specimen_id_location,
    qcSpecimenPattern: row.qc_specimen_pattern,
    qcSpecimenRole: row.qc_specimen_role,
    reagentLotComponent: row.reagent_lot_component === null ? null : Number(row.reagent_lot_component),
    enabled: row.enabled,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listInstruments(
  db: Queryable,
  options: { enabledOnly?: boolean } = {}
): Promise<InstrumentProfile[]> {
  const rows = await db.query<InstrumentRow>(
    `SELECT * FROM instrument ${options.enabledOnly === true ? 'WHERE enabled' : ''} ORDER BY code`
  );
  return rows.map(toProfile);
}

export async function findInstrument(
  db: Queryable,
  id: string,
  forUpdate = false
): Promise<InstrumentProfile | undefined> {
  const rows = await db.query<InstrumentRow>(
    `SELECT * FROM instrument WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
    [id]
  );
  return rows[0] === undefined ? undefined : toProfile(rows[0]);
}

export async function findInstrumentByCode(db: Queryable, code: string): Promise<InstrumentProfile | undefined> {
  const rows = await db.query<InstrumentRow>('SELECT * FROM instrument WHERE code = $1', [code]);
  return rows[0] === undefined ? undefined : toProfile(rows[0]);
}

export type ProfileValues = Omit<InstrumentProfile, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export async function insertInstrument(db: Queryable, values: ProfileValues): Promise<InstrumentProfile> {
  const [row] = await db.query<InstrumentRow>(
    `INSERT INTO instrument (code, name, kind, protocol, role, host, port, direction, charset, specimen_id_location,
       qc_specimen_pattern, qc_specimen_role, reagent_lot_component, enabled)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     RETURNING *`,
    [
      values.code,
      values.name,
      values.kind,
      values.protocol,
      values.role,
      values.host,
      values.port,
      values.direction,
      values.charset,
      values.specimenIdLocation,
      values.qcSpecimenPattern,
      values.qcSpecimenRole,
      values.reagentLotComponent,
      values.enabled,
    ]
  );
  return toProfile(row as InstrumentRow);
}

export async function updateInstrument(db: Queryable, id: string, values: ProfileValues): Promise<InstrumentProfile> {
  const [row] = await db.query<InstrumentRow>(
    `UPDATE instrument SET name = $2, role = $3, host = $4, port = $5, direction = $6, charset = $7,
       specimen_id_location = $8, qc_specimen_pattern = $9, qc_specimen_role = $10, reagent_lot_component = $11,
       enabled = $12, version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING *`,
    [
      id,
      values.name,
      values.role,
      values.host,
      values.port,
      values.direction,
      values.charset,
      values.specimenIdLocation,
      values.qcSpecimenPattern,
      values.qcSpecimenRole,
      values.reagentLotComponent,
      values.enabled,
    ]
  );
  return toProfile(row as InstrumentRow);
}

/** Another enabled server-role profile bound to the same address and port (port 0 never collides). */
export async function findListenerConflict(
  db: Queryable,
  host: string,
  port: number,
  exceptId: string | null
): Promise<string | undefined> {
  const rows = await db.query<{ code: string }>(
    `SELECT code FROM instrument
     WHERE enabled AND role = 'server' AND port = $2 AND port <> 0 AND id IS DISTINCT FROM $3::uuid
       AND (host = $1 OR host IN ('0.0.0.0', '::') OR $1 IN ('0.0.0.0', '::'))
     LIMIT 1`,
    [host, port, exceptId]
  );
  return rows[0]?.code;
}

// ── Mappings ─────────────────────────────────────────────────────────────────

export interface TestMapping {
  readonly id: string;
  readonly instrumentId: string;
  readonly instrumentCode: string;
  readonly analyteCode: string;
  readonly analyteLabel: string | null;
  readonly factor: number;
  readonly sendToInstrument: boolean;
}

interface MappingRow {
  id: string;
  instrument_id: string;
  instrument_code: string;
  analyte_code: string;
  analyte_label: string | null;
  factor: string | number;
  send_to_instrument: boolean;
}

function toMapping(row: MappingRow): TestMapping {
  return {
    id: row.id,
    instrumentId: row.instrument_id,
    instrumentCode: row.instrument_code,
    analyteCode: row.analyte_code,
    analyteLabel: row.analyte_label,
    factor: Number(row.factor),
    sendToInstrument: row.send_to_instrument,
  };
}

const mappingSelect = `SELECT m.id, m.instrument_id, m.instrument_code, m.analyte_code, m.factor::text AS factor,
    m.send_to_instrument, a.label AS analyte_label
  FROM instrument_test_mapping m
  LEFT JOIN analyte a ON a.code = m.analyte_code AND a.valid_to IS NULL`;

export async function listMappings(db: Queryable, instrumentId: string): Promise<TestMapping[]> {
  const rows = await db.query<MappingRow>(`${mappingSelect} WHERE m.instrument_id = $1 ORDER BY m.instrument_code`, [
    instrumentId,
  ]);
  return rows.map(toMapping);
}

export async function findMapping(db: Queryable, instrumentId: string, id: string): Promise<TestMapping | undefined> {
  const rows = await db.query<MappingRow>(`${mappingSelect} WHERE m.instrument_id = $1 AND m.id = $2`, [
    instrumentId,
    id,
  ]);
  return rows[0] === undefined ? undefined : toMapping(rows[0]);
}

export async function findMappingByCode(
  db: Queryable,
  instrumentId: string,
  instrumentCode: string
): Promise<TestMapping | undefined> {
  const rows = await db.query<MappingRow>(`${mappingSelect} WHERE m.instrument_id = $1 AND m.instrument_code = $2`, [
    instrumentId,
    instrumentCode,
  ]);
  return rows[0] === undefined ? undefined : toMapping(rows[0]);
}

export interface MappingValues {
  readonly instrumentCode: string;
  readonly analyteCode: string;
  readonly factor: number;
  readonly sendToInstrument: boolean;
}

export async function insertMapping(db: Queryable, instrumentId: string, values: MappingValues): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO instrument_test_mapping (instrument_id, instrument_code, analyte_code, factor, send_to_instrument)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [instrumentId, values.instrumentCode, values.analyteCode, values.factor, values.sendToInstrument]
  );
  return (row as { id: string }).id;
}

export async function updateMapping(db: Queryable, id: string, values: MappingValues): Promise<void> {
  await db.query(
    `UPDATE instrument_test_mapping
     SET instrument_code = $2, analyte_code = $3, factor = $4, send_to_instrument = $5, updated_at = now()
     WHERE id = $1`,
    [id, values.instrumentCode, values.analyteCode, values.factor, values.sendToInstrument]
  );
}

export async function deleteMapping(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM instrument_test_mapping WHERE id = $1', [id]);
}

/** Whether a current (not retired) catalogue analyte has this code. */
export async function analyteExists(db: Queryable, code: string): Promise<boolean> {
  const rows = await db.query<{ found: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM analyte WHERE code = $1 AND valid_to IS NULL) AS found',
    [code]
  );
  return rows[0]?.found === true;
}
