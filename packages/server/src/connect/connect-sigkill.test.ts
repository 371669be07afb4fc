/**
 * Issue 4: "SIGKILL at any instant loses no acknowledged message". The connect process runs on a
 * PGlite data directory; an ASTM analyzer and an HL7 analyzer stream messages at it; the process is
 * killed with SIGKILL at a random instant, restarted, stopped cleanly; then every message that had
 * been acknowledged (ASTM final-frame ACK, HL7 AA) must be in `inbound_message`, byte for byte, and
 * no row may be half-written (each row's hash matches its bytes).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openConfiguredDatabase } from '../db/open-database.js';
import { ackCodeOf, AstmTestInstrument, Hl7TestSender } from './connect-test-support.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const connectEntry = fileURLToPath(new URL('../cli/connect.ts', import.meta.url));

interface ConnectChild {
  readonly child: ChildProcess;
  readonly ports: Map<string, number>;
  readonly exited: Promise<number | null>;
}

/** Starts `cli/connect.ts` (tsx, core from source) and waits for its `ready` line. */
async function startConnect(dataDir: string): Promise<ConnectChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', connectEntry], {
    cwd: repoRoot,
    env: { ...process.env, SILLAGE_DATA_DIR: dataDir, TSX_TSCONFIG_PATH: join(repoRoot, 'tsconfig.tests.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ports = new Map<string, number>();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`connect did not start: ${stderr}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let newline = buffered.indexOf('\n');
      while (newline !== -1) {
        const event = JSON.parse(buffered.slice(0, newline)) as { event: string; instrument?: string; port?: number };
        buffered = buffered.slice(newline + 1);
        if (event.event === 'listening' && event.instrument !== undefined && event.port !== undefined) {
          ports.set(event.instrument, event.port);
        }
        if (event.event === 'ready') {
          clearTimeout(timer);
          resolve();
        }
        newline = buffered.indexOf('\n');
      }
    });
    void exited.then((code) => reject(new Error(`connect exited with ${code}: ${stderr}`)));
  });
  return { child, ports, exited };
}

function astmMessage(index: number): string {
  return (
    `H|\\^&|||KILLTEST|||||||P|1|2026010510${String(index % 60).padStart(2, '0')}00\r` +
    `O|1|KILL-${index}||^^^NA|R\r` +
    `R|1|^^^NA|${130 + (index % 20)}|mmol/L||N||F||||20260105100000\r` +
    'L|1|N\r'
  );
}

function hl7Message(index: number): string {
  return (
    `MSH|^~\\&|KILL|LAB|SILLAGE|LABO|20260105100000+0100||ORU^R01^ORU_R01|KILL-${index}|P|2.5.1\r` +
    `OBR|1\rOBX|1|NM|NA^Sodium||${130 + (index % 20)}|mmol/L||N|||F\rSPM|1|KILLH-${index}&LAB\r`
  );
}

const sha256 = (text: string): string => createHash('sha256').update(Buffer.from(text, 'latin1')).digest('hex');

describe('SIGKILL of the connect process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sillage-sigkill-'));
  const children: ChildProcess[] = [];

  afterAll(() => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('every acknowledged message is stored after a kill at a random instant and a restart', async () => {
    const config = { ...loadConfig({}), dataDir };
    const setup = await openConfiguredDatabase(config);
    await setup.database.query(
      `INSERT INTO instrument (code, name, protocol, role, host, port, specimen_id_location)
       VALUES ('KILL-ASTM', 'ASTM kill test', 'astm', 'server', '127.0.0.1', 0, 'O.3'),
              ('KILL-HL7', 'HL7 kill test', 'hl7', 'server', '127.0.0.1', 0, 'SPM-2.1')`
    );
    await setup.database.close();
    setup.lock?.release();

    const first = await startConnect(dataDir);
    children.push(first.child);
    const ackedAstm: string[] = [];
    const ackedHl7: string[] = [];
    let streaming = true;
    const astmStream = (async () => {
      const instrument = await AstmTestInstrument.connect(first.ports.get('KILL-ASTM') as number);
      try {
        for (let i = 0; streaming; i++) {
          const text = astmMessage(i);
          if (!(await instrument.sendMessage(text))) {
            return;
          }
          ackedAstm.push(text); // the final frame was ACKed
        }
      } catch {
        // the process died under us
      } finally {
        await instrument.close();
      }
    })();
    const hl7Stream = (async () => {
      const sender = await Hl7TestSender.connect(first.ports.get('KILL-HL7') as number);
      try {
        for (let i = 0; streaming; i++) {
          const answer = await sender.request(hl7Message(i), 3000);
          if (ackCodeOf(answer) !== 'AA') {
            return;
          }
          ackedHl7.push(`KILL-${i}`);
        }
      } catch {
        // the process died under us
      } finally {
        await sender.close();
      }
    })();
    // Let both streams run, then kill at a random instant (mid-frame, mid-commit, mid-ACK…).
    while (ackedAstm.length < 5 || ackedHl7.length < 5) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.floor(Math.random() * 900)));
    first.child.kill('SIGKILL');
    await first.exited;
    streaming = false;
    await Promise.all([astmStream, hl7Stream]);
    expect(ackedAstm.length + ackedHl7.length).toBeGreaterThan(10);

    // Restart on the same directory (stale lock taken over, WAL replayed), then stop cleanly.
    const second = await startConnect(dataDir);
    children.push(second.child);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const check = await openConfiguredDatabase(config);
    try {
      const rows = await check.database.query<{ sha256: string; control_id: string | null; intact: boolean }>(
        `SELECT sha256, control_id, encode(sha256(raw), 'hex') = sha256 AS intact FROM inbound_message`
      );
      expect(rows.every((row) => row.intact)).toBe(true);
      const hashes = new Set(rows.map((row) => row.sha256));
      const controlIds = new Set(rows.map((row) => row.control_id));
      expect(ackedAstm.filter((text) => !hashes.has(sha256(text)))).toEqual([]);
      expect(ackedHl7.filter((id) => !controlIds.has(id))).toEqual([]);
    } finally {
      await check.database.close();
      check.lock?.release();
    }
  }, 180_000);
});
