import { parseSpecimenBarcode } from '@sillage/core';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchPendingSpecimens, syntheticBarcodes, WorklistError } from './pending-specimens.js';
import { startAstmReceiver, type ReferenceReceiver } from './reference-receivers.js';
import { runSimulateCommand } from './simulate-command.js';
import type { SimulationSummary } from './simulation-stats.js';

function capture(): { out: string[]; err: string[]; io: Parameters<typeof runSimulateCommand>[1] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { writeStdout: (t) => out.push(t), writeStderr: (t) => err.push(t), env: {} } };
}

let receiver: ReferenceReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('runSimulateCommand', () => {
  it('prints the usage in French on stderr and exits 2 on a bad command line', async () => {
    const { err, io } = capture();
    expect(await runSimulateCommand(['--protocol', 'astm'], io)).toBe(2);
    expect(err.join('')).toMatch(/^simulate : --profile manquant/);
    expect(err.join('')).toContain('Usage : npm run simulate');
  });

  it('runs synthetic barcodes against a receiver: progress on stderr, JSON summary on stdout, exit 0', async () => {
    receiver = await startAstmReceiver();
    const { out, err, io } = capture();
    const code = await runSimulateCommand(
      ['--protocol', 'astm', '--profile', 'cobas-c311', '--port', String(receiver.port), '--count', '3'],
      io
    );
    expect(code).toBe(0);
    const summary = JSON.parse(out.join('')) as SimulationSummary;
    expect(summary.messages).toMatchObject({ sent: 3, acknowledged: 3 });
    expect(summary.target).toBe(`127.0.0.1:${receiver.port}`);
    expect(err.join('')).toContain('[simulate] cobas-c311 (ASTM)');
    expect(receiver.messages).toHaveLength(3);
  });

  it('exits 1 when messages are not acknowledged (nothing listening)', async () => {
    const { out, io } = capture();
    const code = await runSimulateCommand(
      ['--protocol', 'hl7', '--profile', 'cobas-pure-hl7', '--port', '1', '--barcodes', 'X1', '--quiet'],
      io
    );
    expect(code).toBe(1);
    expect((JSON.parse(out.join('')) as SimulationSummary).messages.failed).toBe(1);
  }, 20_000);
});

describe('syntheticBarcodes', () => {
  it('are distinct 12-digit Sillage barcodes dated 2099 (no real order matches them)', () => {
    const barcodes = syntheticBarcodes(25_000);
    expect(new Set(barcodes).size).toBe(25_000);
    for (const barcode of [barcodes[0], barcodes[98], barcodes[99], barcodes[24_999]]) {
      const parsed = parseSpecimenBarcode(barcode ?? '');
      expect(parsed?.labDay.startsWith('2099-')).toBe(true);
    }
    expect(syntheticBarcodes(2, 99)).toEqual(syntheticBarcodes(101).slice(99));
  });
});

describe('fetchPendingSpecimens', () => {
  const worklist = {
    section: 'biochimie',
    specimens: [
      {
        barcode: '260314000101',
        results: [
          { analyteCode: 'CREATININE', status: 'pending', calculated: false },
          { analyteCode: 'DFG_CKDEPI', status: 'pending', calculated: true },
          { analyteCode: 'GLUCOSE', status: 'entered', calculated: false },
        ],
      },
      {
        barcode: '260314000201',
        results: [{ analyteCode: 'UREE', status: 'technically_validated', calculated: false }],
      },
    ],
  };

  function fakeFetch(loginAnswer: object, calls: { url: string; headers: Record<string, string> }[]): typeof fetch {
    return (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      calls.push({ url, headers: (init?.headers ?? {}) as Record<string, string> });
      if (url.endsWith('/api/auth/login')) {
        return new Response(JSON.stringify(loginAnswer), {
          status: 200,
          headers: [
            ['set-cookie', 'sillage_session=abc; Path=/; HttpOnly'],
            ['set-cookie', 'sillage_csrf=xyz; Path=/'],
          ],
        });
      }
      return new Response(JSON.stringify(worklist), { status: 200 });
    }) as typeof fetch;
  }

  it('logs in, reads the section worklist and keeps the pending measured analytes', async () => {
    const calls: { url: string; headers: Record<string, string> }[] = [];
    const specimens = await fetchPendingSpecimens({
      apiUrl: 'http://lis',
      user: 'tech',
      password: 'pw',
      section: 'biochimie',
      fetch: fakeFetch({ step: 'done', user: {} }, calls),
    });
    expect(specimens).toEqual([{ barcode: '260314000101', analytes: ['CREATININE'] }]);
    expect(calls[1]?.url).toBe('http://lis/api/worklists?section=biochimie&limit=500');
    expect(calls[1]?.headers.cookie).toBe('sillage_session=abc; sillage_csrf=xyz');
  });

  it('sends an API token as a bearer, and refuses an account that needs TOTP', async () => {
    const calls: { url: string; headers: Record<string, string> }[] = [];
    await fetchPendingSpecimens({
      apiUrl: 'http://lis',
      token: 'tok',
      section: 'biochimie',
      fetch: fakeFetch({}, calls),
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers.authorization).toBe('Bearer tok');
    await expect(
      fetchPendingSpecimens({
        apiUrl: 'http://lis',
        user: 'bio',
        password: 'pw',
        section: 'biochimie',
        fetch: fakeFetch({ step: 'totp', ticket: 't' }, []),
      })
    ).rejects.toThrow(WorklistError);
  });
});
