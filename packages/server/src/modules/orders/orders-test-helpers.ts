/** Shared setup of the order, sampling and reception route tests (real app, real database). */
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp, TestClient } from '../../testing/test-app.js';

export const dupontTraits = {
  birthName: 'Dupont',
  usedName: 'Martin',
  birthFirstNames: 'Marie Hélène',
  firstFirstName: 'Marie',
  birthDate: '1965-03-12',
  sex: 'F',
  identityStatus: 'PROV',
};

let patientCounter = 0;

/** Creates a patient through the API (distinct birth dates keep duplicate detection quiet). */
export async function createPatient(desk: TestClient, traits: Record<string, unknown> = {}): Promise<{ id: string }> {
  patientCounter++;
  const res = await desk.post('/api/patients', {
    ...dupontTraits,
    birthDate: `19${String(40 + patientCounter).padStart(2, '0')}-0${1 + (patientCounter % 9)}-1${patientCounter % 10}`,
    confirmDuplicate: true,
    ...traits,
  });
  if (res.statusCode !== 201) {
    throw new Error(`patient creation failed: ${res.statusCode} ${res.body}`);
  }
  return res.json<{ id: string }>();
}

export async function count(t: TestApp, table: string, where = 'true'): Promise<number> {
  const [row] = await t.db.database.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`);
  return Number(row?.n);
}

/** Row counts of every table an order writes: a refused request must leave them all unchanged. */
export async function orderTableCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = [
    'lab_order',
    'order_analysis',
    'specimen',
    'specimen_analysis',
    'result',
    'number_counter',
    'non_conformity',
    'prescription_document',
    'validation_event',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = await count(t, table);
  }
  const [counter] = await t.db.database.query<{ total: number }>(
    'SELECT coalesce(sum(value), 0)::int AS total FROM number_counter'
  );
  counts.counterTotal = Number(counter?.total);
  return counts;
}

export interface OrderBody {
  id: string;
  orderNumber: string;
  status: string;
  analyses: { code: string; mnemonic: string; barcodes: string[]; cancelled: boolean; results: { total: number } }[];
  specimens: {
    id: string;
    barcode: string;
    containerCode: string;
    colour: string;
    drawOrder: number;
    volumeMl: number;
    status: string;
    analyses: string[];
  }[];
  warnings: { code: string; severity: string; analysisCode: string }[];
}

export function expectStatus(res: LightMyRequestResponse, status: number): void {
  if (res.statusCode !== status) {
    throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  }
}

export async function createOrder(
  desk: TestClient,
  patientId: string,
  analyses: string[],
  extra: Record<string, unknown> = {}
): Promise<OrderBody> {
  const res = await desk.post('/api/orders', { patientId, analyses, patientFasting: 'yes', ...extra });
  expectStatus(res, 201);
  return res.json<OrderBody>();
}
