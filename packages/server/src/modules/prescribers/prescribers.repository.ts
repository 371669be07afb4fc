/** SQL of prescribers and correspondents (table `prescriber`, migration 0003). */
import type { Queryable } from '../../db/database.js';
import type { PrescriberRecord, PrescriberView } from './prescribers.schemas.js';

interface PrescriberRow {
  id: string;
  kind: PrescriberView['kind'];
  rpps: string | null;
  last_name: string;
  first_name: string | null;
  specialty: string | null;
  organisation: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  delivery_channels: PrescriberView['deliveryChannels'];
  active: boolean;
  created_at: Date;
  version: number;
}

const columns = `id, kind, rpps, last_name, first_name, specialty, organisation, address, phone, email, delivery_channels,
  active, created_at, version`;

/** Accent folding in SQL, the same letters as `foldSearchText` (no unaccent extension on PGlite). */
function folded(column: string): string {
  return `translate(lower(coalesce(${column}, '')), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy')`;
}

export function toPrescriberView(row: PrescriberRow): PrescriberView {
  return {
    id: row.id,
    kind: row.kind,
    rpps: row.rpps,
    lastName: row.last_name,
    firstName: row.first_name,
    specialty: row.specialty,
    organisation: row.organisation,
    address: row.address,
    phone: row.phone,
    email: row.email,
    deliveryChannels: row.delivery_channels,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

export async function findPrescriber(
  db: Queryable,
  id: string,
  forUpdate = false
): Promise<PrescriberView | undefined> {
  const rows = await db.query<PrescriberRow>(
    `SELECT ${columns} FROM prescriber WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id]
  );
  return rows[0] === undefined ? undefined : toPrescriberView(rows[0]);
}

export async function findByRpps(db: Queryable, rpps: string): Promise<PrescriberView | undefined> {
  const rows = await db.query<PrescriberRow>(`SELECT ${columns} FROM prescriber WHERE rpps = $1`, [rpps]);
  return rows[0] === undefined ? undefined : toPrescriberView(rows[0]);
}

export async function searchPrescribers(
  db: Queryable,
  criteria: {
    rppsPrefix: string | null;
    words: readonly string[];
    kind: PrescriberView['kind'] | null;
    includeInactive: boolean;
    limit: number;
  }
): Promise<PrescriberView[]> {
  const conditions: string[] = [];
  const params: (string | number | boolean)[] = [];
  const param = (value: string | number | boolean): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (criteria.rppsPrefix !== null) {
    conditions.push(`rpps LIKE ${param(`${criteria.rppsPrefix}%`)}`);
  }
  const haystack = `(${folded('last_name')} || ' ' || ${folded('first_name')} || ' ' || ${folded('organisation')})`;
  for (const word of criteria.words) {
    conditions.push(`strpos(${haystack}, ${param(word)}) > 0`);
  }
  if (criteria.kind !== null) {
    conditions.push(`kind = ${param(criteria.kind)}`);
  }
  if (!criteria.includeInactive) {
    conditions.push('active');
  }
  const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  const rows = await db.query<PrescriberRow>(
    `SELECT ${columns} FROM prescriber ${where}
     ORDER BY lower(last_name), lower(coalesce(first_name, '')), id LIMIT ${param(criteria.limit)}`,
    params
  );
  return rows.map(toPrescriberView);
}

export async function insertPrescriber(db: Queryable, record: PrescriberRecord): Promise<PrescriberView> {
  const rows = await db.query<PrescriberRow>(
    `INSERT INTO prescriber (kind, rpps, last_name, first_name, specialty, organisation, address, phone, email,
       delivery_channels, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text[], $11)
     RETURNING ${columns}`,
    [
      record.kind,
      record.rpps,
      record.lastName,
      record.firstName,
      record.specialty,
      record.organisation,
      record.address,
      record.phone,
      record.email,
      record.deliveryChannels,
      record.active,
    ]
  );
  return toPrescriberView(rows[0] as PrescriberRow);
}

export async function updatePrescriber(db: Queryable, id: string, record: PrescriberRecord): Promise<PrescriberView> {
  const rows = await db.query<PrescriberRow>(
    `UPDATE prescriber SET kind = $2, rpps = $3, last_name = $4, first_name = $5, specialty = $6, organisation = $7,
       address = $8, phone = $9, email = $10, delivery_channels = $11::text[], active = $12, version = version + 1
     WHERE id = $1
     RETURNING ${columns}`,
    [
      id,
      record.kind,
      record.rpps,
      record.lastName,
      record.firstName,
      record.specialty,
      record.organisation,
      record.address,
      record.phone,
      record.email,
      record.deliveryChannels,
      record.active,
    ]
  );
  return toPrescriberView(rows[0] as PrescriberRow);
}
