import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../../test-support/shared-fixtures.js';
import {
  createTestApp,
  login,
  loginAs,
  testAdminPassword,
  type TestApp,
  type TestClient,
} from '../../testing/test-app.js';

const quoteBody = {
  date: '2025-06-02T09:30:00+02:00',
  territory: 'metropole',
  patient: { birthDate: '1980-01-31', sex: 'F', amo: { exoneration: null, alsaceMoselle: false }, amc: null },
  acts: ['1104', '0552'],
  bloodSample: true,
  urgent: false,
};

interface QuoteAnswer {
  lines: { code: string; coefficient: number; amountCents: number; billed: boolean; reason: string }[];
  totalCents: number;
  amoCents: number;
  amcCents: number;
  patientCents: number;
  participationForfaitaireCents: number;
}

describe.skipIf(!sharedFixtures.available)('billing: NABM import and desk quote (CNAM release from ../shared)', () => {
  let t: TestApp;
  let desk: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    desk = await loginAs(t, ['secretaire']);
    const summary = await t.app.services.billing.importNabm(
      {
        actsCsv: sharedFixtures.textWithoutHeader('france/nabm/IR_BIO_R_nabm_actes_biologie.csv', 'latin1'),
        historyCsv: sharedFixtures.textWithoutHeader('france/nabm/IR_BTF_R_coefficient_history.csv', 'latin1'),
        source: 'fixtures',
      },
      true,
      { actor: null, requestId: 'test', address: null }
    );
    expect(summary.actCount).toBeGreaterThan(1000);
    expect(summary.added.length).toBe(summary.actCount); // first import: everything is new
  });
  afterAll(async () => t?.close());

  it('quotes an order: each line priced coefficient × B (métropole 0,25 €), forfaits added, shares sum to the total', async () => {
    const res = await desk.post('/api/billing/quote', quoteBody);
    expect(res.statusCode, res.body).toBe(200);
    const quote = res.json<QuoteAnswer>();
    const billed = quote.lines.filter((l) => l.billed);
    expect(billed.map((l) => l.code)).toEqual(expect.arrayContaining(['1104', '0552', '9005']));
    for (const line of billed) {
      // NGAP/NABM: amount = coefficient × value of B; B = 0,25 € in métropole since 2024-01-15.
      expect(line.amountCents).toBe(Math.round(line.coefficient * 25));
      expect(line.reason.length).toBeGreaterThan(5);
    }
    expect(quote.totalCents).toBe(billed.reduce((sum, l) => sum + l.amountCents, 0));
    expect(quote.amoCents + quote.amcCents + quote.patientCents).toBe(quote.totalCents);
    // AMO pays 60 % of B acts for a non-exonerated adult (CSS R160-5), no AMC here.
    expect(quote.amoCents).toBe(Math.round(quote.totalCents * 0.6));
    expect(quote.participationForfaitaireCents).toBeGreaterThan(0);
  });

  it('the same acts cost more at La Réunion (B = 0,31 €)', async () => {
    const metro = (await desk.post('/api/billing/quote', quoteBody)).json<QuoteAnswer>();
    const reunion = (await desk.post('/api/billing/quote', { ...quoteBody, territory: 'reunion' })).json<QuoteAnswer>();
    const coefficientSum = metro.lines.filter((l) => l.billed).reduce((s, l) => s + l.coefficient, 0);
    expect(reunion.totalCents).toBe(Math.round(coefficientSum * 31));
  });

  it('an unknown NABM code is refused with a clear error and the quote writes nothing', async () => {
    const before = await t.db.database.query<{ n: number }>('SELECT count(*) AS n FROM audit_event');
    const res = await desk.post('/api/billing/quote', { ...quoteBody, acts: ['1104', '9876'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('SIL_NABM_UNKNOWN_ACT');
    const after = await t.db.database.query<{ n: number }>('SELECT count(*) AS n FROM audit_event');
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('a re-import shows the differences: a changed coefficient, a removed act', async () => {
    const acts = sharedFixtures
      .textWithoutHeader('france/nabm/IR_BIO_R_nabm_actes_biologie.csv', 'latin1')
      .split('\n')
      .filter((line) => !line.startsWith('1207;'))
      .map((line) => (line.startsWith('1104;') ? line.replace(/;B;26\.00\s*$/, ';B;27.00') : line))
      .join('\n');
    const summary = await t.app.services.billing.importNabm(
      {
        actsCsv: acts,
        historyCsv: sharedFixtures.textWithoutHeader('france/nabm/IR_BTF_R_coefficient_history.csv', 'latin1'),
        source: 'modifié',
      },
      false,
      { actor: null, requestId: 'test', address: null }
    );
    expect(summary.applied).toBe(false);
    expect(summary.changedCoefficients).toEqual([{ code: '1104', from: 2600, to: 2700 }]);
    expect(summary.removed).toContain('1207');
  });

  it('a malformed release is refused whole', async () => {
    await expect(
      t.app.services.billing.importNabm({ actsCsv: 'pas;un;fichier\nCNAM', historyCsv: 'x', source: 'cassé' }, true, {
        actor: null,
        requestId: 'test',
        address: null,
      })
    ).rejects.toMatchObject({ code: 'SIL_NABM_IMPORT_INVALID' });
    const [row] = await t.db.database.query<{ n: number }>('SELECT count(*) AS n FROM nabm_act');
    expect(Number(row?.n)).toBeGreaterThan(1000);
  });

  it('the quote is for the desk: a technician may not, an admin may', async () => {
    const technician = await loginAs(t, ['technicien']);
    expect((await technician.post('/api/billing/quote', quoteBody)).statusCode).toBe(403);
    const admin = await login(t.app, 'admin', testAdminPassword);
    expect((await admin.post('/api/billing/quote', quoteBody)).statusCode).toBe(200);
  });
});
