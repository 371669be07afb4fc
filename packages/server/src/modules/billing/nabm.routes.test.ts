/** NABM release import from the admin screen: dry run, import, differences, bad input, access. */
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
import { count } from './billing-test-helpers.js';

const route = '/api/billing/nabm/import';

/** The CNAM files as an admin's browser sends them: whole text (provenance lines included), latin1 decoded. */
const rawActs = sharedFixtures.bytes('france/nabm/IR_BIO_R_nabm_actes_biologie.csv').toString('latin1');
const rawHistory = sharedFixtures.bytes('france/nabm/IR_BTF_R_coefficient_history.csv').toString('latin1');

interface Summary {
  source: string;
  actCount: number;
  periodCount: number;
  added: string[];
  removed: string[];
  changedCoefficients: { code: string; from: number | null; to: number | null }[];
  applied: boolean;
}

interface Problem {
  code: string;
  title: string;
  lineErrors?: { line: number; code: string; detail: string }[];
}

describe.skipIf(!sharedFixtures.available)('POST /api/billing/nabm/import (CNAM release from ../shared)', () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, 'admin', testAdminPassword);
  });
  afterAll(async () => t?.close());

  it('a dry run lists every act as new and writes nothing', async () => {
    const res = await admin.post(route, { actsCsv: rawActs, historyCsv: rawHistory, dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json<Summary>();
    expect(summary.applied).toBe(false);
    // The fixture's own note: 1076 data rows (IR_BIO_R); 0552 is GLUCOSE, code padded to 4 characters.
    expect(summary.actCount).toBe(1076);
    expect(summary.added).toHaveLength(summary.actCount);
    expect(summary.added).toContain('0552');
    expect(summary.periodCount).toBeGreaterThan(summary.actCount);
    expect(await count(t, 'nabm_act')).toBe(0);
    expect(await count(t, 'nabm_release')).toBe(0);
    expect(await count(t, 'audit_event', `action = 'nabm.imported'`)).toBe(0);
  });

  it('the import replaces the release, audited; the same files again show no difference', async () => {
    const res = await admin.post(route, {
      actsCsv: rawActs,
      historyCsv: rawHistory,
      dryRun: false,
      source: 'IR_BIO_R.csv + IR_BTF_R.csv',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Summary>()).toMatchObject({ applied: true, source: 'IR_BIO_R.csv + IR_BTF_R.csv' });
    expect(await count(t, 'nabm_act')).toBe(1076);
    expect(await count(t, 'nabm_act', `code = '0552' AND label = 'GLUCOSE'`)).toBe(1);
    expect(await count(t, 'audit_event', `action = 'nabm.imported'`)).toBe(1);

    const again = (await admin.post(route, { actsCsv: rawActs, historyCsv: rawHistory, dryRun: true })).json<Summary>();
    expect(again).toMatchObject({ added: [], removed: [], changedCoefficients: [], applied: false });
  });

  it('a new release shows its differences: changed coefficient (hundredths), removed act', async () => {
    const edited = rawActs
      .split('\n')
      .filter((line) => !line.startsWith('1207;'))
      .map((line) => (line.startsWith('1104;') ? line.replace(/;B;26\.00(\s*)$/, ';B;27.00$1') : line))
      .join('\n');
    const res = await admin.post(route, { actsCsv: edited, historyCsv: rawHistory, dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json<Summary>();
    expect(summary.changedCoefficients).toEqual([{ code: '1104', from: 2600, to: 2700 }]);
    expect(summary.removed).toEqual(['1207']);
    expect(summary.added).toEqual([]);
  });

  it('accepts a release larger than the global body limit (1 MiB) on this route', async () => {
    // Blank lines are skipped by the parser: the same release, padded past 1 MiB of JSON.
    const padded = rawActs + '\n'.repeat(1_200_000);
    const res = await admin.post(route, { actsCsv: padded, historyCsv: rawHistory, dryRun: true });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.json<Summary>().actCount).toBe(1076);
  });

  it('a malformed line refuses the whole release, with the line number of the file; nothing changes', async () => {
    const lines = rawHistory.split('\n');
    const badIndex = lines.findIndex((line) => /^\d/.test(line)) + 2;
    lines[badIndex] = '559__01JAN2030;559;pas une date;B;31DEC9999:00:00:00;25';
    const before = await count(t, 'nabm_coefficient');
    const res = await admin.post(route, { actsCsv: rawActs, historyCsv: lines.join('\n'), dryRun: false });
    expect(res.statusCode).toBe(422);
    const problem = res.json<Problem>();
    expect(problem.code).toBe('SIL_NABM_IMPORT_INVALID');
    expect(problem.lineErrors).toEqual([
      expect.objectContaining({ line: badIndex + 1, code: 'SIL_NABM_DATE_INVALID' }),
    ]);
    expect(await count(t, 'nabm_coefficient')).toBe(before);
    expect(await count(t, 'nabm_release')).toBe(1);
    expect(await count(t, 'audit_event', `action = 'nabm.imported'`)).toBe(1);
  });
});

describe('POST /api/billing/nabm/import: bad input and access (no fixture needed)', () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, 'admin', testAdminPassword);
  });
  afterAll(async () => t?.close());

  it('a file that is not a NABM table is refused with the missing columns; nothing imported', async () => {
    const res = await admin.post(route, {
      actsCsv: 'nom;prix\nglucose;5\n',
      historyCsv:
        'BTF_PRS_IDE;BTF_HIS_DTD;BTF_TAR_NAT;BTF_HIS_DTF;BTF_TAR_COF\n552;30MAR1997:00:00:00;B;31DEC9999:00:00:00;5\n',
      dryRun: false,
    });
    expect(res.statusCode).toBe(422);
    const problem = res.json<Problem>();
    expect(problem.code).toBe('SIL_NABM_IMPORT_INVALID');
    expect(problem.title).toContain('rien n’a été importé');
    expect(problem.lineErrors?.[0]).toMatchObject({ line: 1, code: 'SIL_NABM_CSV_HEADER_INVALID' });
    expect(problem.lineErrors?.[0]?.detail).toContain('BIO_PRS_IDE');
    expect(await count(t, 'nabm_act')).toBe(0);
    expect(await count(t, 'nabm_release')).toBe(0);
  });

  it('the body is checked: both files and the dry-run flag are required, unknown fields refused', async () => {
    for (const body of [
      { actsCsv: 'x', dryRun: true },
      { actsCsv: '', historyCsv: 'x', dryRun: true },
      { actsCsv: 'x', historyCsv: 'x' },
      { actsCsv: 'x', historyCsv: 'x', dryRun: true, apply: true },
    ]) {
      const res = await admin.post(route, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<Problem>().code).toBe('SIL_VALIDATION');
    }
    expect(await count(t, 'nabm_release')).toBe(0);
  });

  it('only an admin (billing.manage) may change the tariffs', async () => {
    for (const role of ['secretaire', 'biologiste'] as const) {
      const client = await loginAs(t, [role]);
      const res = await client.post(route, { actsCsv: 'x', historyCsv: 'x', dryRun: true });
      expect(res.statusCode, role).toBe(403);
    }
  });
});
