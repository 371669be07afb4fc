/** Shared setup of the billing route tests (real app, real database). */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApp, TestClient } from '../../testing/test-app.js';
import { createOrder, createPatient, expectStatus, type OrderBody } from '../orders/orders-test-helpers.js';
import type { InvoiceView } from './invoices.schemas.js';

/**
 * A few NABM acts entered by hand, as a lab without the CNAM file would: code, label and the B
 * coefficient in force (CNAM open data, IR_BTF_R open-ended periods): 1104 hémogramme B 25 and
 * 9005 forfait pré-analytique B 17 (NABM art. 4 quater) since 2019-04-01, 0552 glucose B 5,
 * 0592 créatinine B 6 (since 2019-09-19), 9105 forfait de sécurité échantillon sanguin B 5.
 */
export const handEnteredActs = [
  { code: '1104', label: 'HEMOGRAMME Y COMPRIS PLAQUETTES (NFS, NFP)', coefficient: 25 },
  { code: '0552', label: 'GLUCOSE', coefficient: 5 },
  { code: '0592', label: 'CREATININE', coefficient: 6 },
  { code: '9005', label: 'FORFAIT DE PRISE EN CHARGE PRE-ANALYTIQUE DU PATIENT', coefficient: 17 },
  { code: '9105', label: 'FORFAIT DE SECURITE POUR LE TRAITEMENT D’UN ECHANTILLON SANGUIN', coefficient: 5 },
] as const;

export async function insertHandEnteredTariffs(t: TestApp): Promise<void> {
  for (const act of handEnteredActs) {
    await t.db.database.query(
      `INSERT INTO nabm_act (code, label, created_on, key_letter, coefficient_hundredths, coefficient_valid_from)
       VALUES ($1, $2, '1996-01-01', 'B', $3, '2019-04-01')`,
      [act.code, act.label, act.coefficient * 100]
    );
  }
}

/** A NIR body (13 characters) with its key: 97 − (body mod 97) (décret 82-103, INSEE). */
export function nirWithKey(body: string): string {
  const numeric = BigInt(body.replace('2A', '19').replace('2B', '18'));
  return `${body}${String(97n - (numeric % 97n)).padStart(2, '0')}`;
}

export const insuredNir = nirWithKey('2650375123456');

export function coverageBody(
  amo: Record<string, unknown> = {},
  amc: Record<string, unknown> | null = null
): Record<string, unknown> {
  return {
    amo: {
      regime: '01',
      caisse: '751',
      centre: '0001',
      insuredNir,
      beneficiaryRank: '00',
      validFrom: '2020-01-01',
      validTo: null,
      exoneration: null,
      alsaceMoselle: false,
      ...amo,
    },
    amc:
      amc === null
        ? null
        : {
            organisme: 'Mutuelle des Tilleuls',
            memberNumber: 'A-1234',
            contract: 'C2',
            ratePercentOfTm: 100,
            tiersPayant: true,
            ...amc,
          },
  };
}

export async function putCoverage(
  desk: TestClient,
  patientId: string,
  amo: Record<string, unknown> = {},
  amc: Record<string, unknown> | null = null
): Promise<void> {
  expectStatus(await desk.put(`/api/patients/${patientId}/coverage`, coverageBody(amo, amc)), 200);
}

/** A patient with coverage and an order of `analyses`, ready to invoice. */
export async function patientWithOrder(
  desk: TestClient,
  analyses: string[],
  options: {
    traits?: Record<string, unknown>;
    amo?: Record<string, unknown>;
    amc?: Record<string, unknown> | null;
  } = {}
): Promise<{ patientId: string; order: OrderBody }> {
  const { id: patientId } = await createPatient(desk, options.traits ?? {});
  await putCoverage(desk, patientId, options.amo ?? {}, options.amc ?? null);
  const order = await createOrder(desk, patientId, analyses, { acknowledgeWarnings: true });
  return { patientId, order };
}

export async function invoiceOrder(desk: TestClient, orderId: string): Promise<InvoiceView> {
  const res = await desk.post(`/api/orders/${orderId}/invoice`, {});
  expectStatus(res, 201);
  return res.json<InvoiceView>();
}

export function lineOf(invoice: InvoiceView, code: string): InvoiceView['lines'][number] {
  const line = invoice.lines.find((l) => l.code === code);
  if (line === undefined) {
    throw new Error(`no line ${code} in ${invoice.lines.map((l) => l.code).join(', ')}`);
  }
  return line;
}

export const pdftotextAvailable = existsSync('/usr/bin/pdftotext');

/** Text of a PDF through poppler's pdftotext (layout kept), for asserting what a document says. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'sillage-billing-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function count(t: TestApp, table: string, where = 'true'): Promise<number> {
  const [row] = await t.db.database.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`);
  return Number(row?.n);
}

/** Row counts of every billing table: a refused request must leave them unchanged. */
export async function billingCounts(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'invoice',
    'invoice_line',
    'payment',
    'cash_closing',
    'reimbursement_import',
    'reimbursement_return',
    'dispute',
    'patient_charge',
  ]) {
    counts[table] = await count(t, table);
  }
  const [counter] = await t.db.database.query<{ total: number }>(
    `SELECT coalesce(sum(value), 0)::int AS total FROM number_counter WHERE name LIKE 'invoice:%' OR name LIKE 'credit_note:%'`
  );
  counts.invoiceCounters = Number(counter?.total);
  return counts;
}

export function currentParisYear(): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));
}
