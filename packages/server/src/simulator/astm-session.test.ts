/**
 * The simulator over real loopback sockets against a minimal ASTM receiver built from core's
 * AstmLinkMachine (computer role): sessions delivered intact, NAK → retransmission, injected faults
 * doing what they say, pacing, parallel links, sockets closed.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AstmInstrumentLink } from './astm-instrument-link.js';
import { FaultPlan } from './fault-plan.js';
import { dialEndpoint } from './link-endpoint.js';
import { MessagePlanner } from './message-planner.js';
import { cobasC311Profile } from './profiles/cobas-c311.js';
import { sysmexXnProfile } from './profiles/sysmex-xn.js';
import { startAstmReceiver, type ReferenceReceiver } from './reference-receivers.js';
import { runSimulation, type SimulationOptions } from './run-simulation.js';
import { SimulationStats } from './simulation-stats.js';
import type { SimulatorProfile } from './simulator-profile.js';
import { seededRandom } from '../demo/patient-generator.js';

const clock = (): Date => new Date(2026, 2, 14, 9, 30, 0);
const barcodes = (n: number): { barcode: string }[] =>
  Array.from({ length: n }, (_, i) => ({ barcode: `2603140001${String(i + 1).padStart(2, '0')}` }));

/** The texts the run must deliver: the same plan, replayed with the same seed, tag and clock. */
function expectedTexts(profile: SimulatorProfile, specimens: { barcode: string }[], seed = 1): string[] {
  const planner = new MessagePlanner({ profile, specimens, loop: false, seed, runTag: 'T', clock });
  const texts: string[] = [];
  for (let message = planner.next(); message !== undefined; message = planner.next()) {
    texts.push(message.text);
  }
  return texts;
}

async function eventually(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let receiver: ReferenceReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

function simulate(
  target: ReferenceReceiver,
  options: Partial<SimulationOptions> & Pick<SimulationOptions, 'specimens'>
): ReturnType<typeof runSimulation> {
  return runSimulation({
    profile: cobasC311Profile,
    endpoint: dialEndpoint('127.0.0.1', target.port),
    runTag: 'T',
    clock,
    ...options,
  });
}

describe('ASTM sessions against a core AstmLinkMachine receiver', () => {
  it('delivers every message intact, ACK per frame, one ENQ and EOT per message, and closes its socket', async () => {
    receiver = await startAstmReceiver();
    const specimens = barcodes(5);
    const summary = await simulate(receiver, { specimens });
    expect(receiver.messages.map((message) => message.text)).toEqual(expectedTexts(cobasC311Profile, specimens));
    expect(summary.messages).toMatchObject({ sent: 5, acknowledged: 5, failed: 0, rejected: 0, resent: 0 });
    expect(summary.results).toEqual({ sent: 30, acknowledged: 30 });
    expect(summary.astm?.enq).toBe(5);
    expect(summary.astm?.eot).toBe(5);
    // c311 messages run over 240 characters: several frames each, every one acknowledged.
    expect(summary.astm?.frames).toBeGreaterThan(5);
    // One ACK per ENQ and one per frame.
    expect(summary.acknowledgements.ack).toBe((summary.astm?.frames ?? 0) + 5);
    expect(summary.acknowledgements.nak).toBe(0);
    expect(summary.ackLatencyMs.count).toBe(5);
    expect(summary.errors).toEqual([]);
    await eventually(() => receiver?.openConnections() === 0);
    expect(receiver.connectionCount()).toBe(1);
  });

  it('splits into frames of --frame-size text characters and still delivers the same text', async () => {
    receiver = await startAstmReceiver();
    const specimens = barcodes(2);
    const summary = await simulate(receiver, { profile: sysmexXnProfile, specimens, astm: { maxFrameText: 32 } });
    expect(receiver.messages.map((message) => message.text)).toEqual(expectedTexts(sysmexXnProfile, specimens));
    const textLength = expectedTexts(sysmexXnProfile, specimens).reduce(
      (sum, text) => sum + Math.ceil(text.length / 32),
      0
    );
    expect(summary.astm?.frames).toBe(textLength);
  });

  it('retransmits a frame the receiver NAKs and the message arrives once, intact', async () => {
    receiver = await startAstmReceiver({ corruptEveryNthFrame: 4 });
    const specimens = barcodes(4);
    const summary = await simulate(receiver, { specimens });
    expect(receiver.messages.map((message) => message.text)).toEqual(expectedTexts(cobasC311Profile, specimens));
    expect(receiver.naksSent()).toBeGreaterThan(0);
    expect(summary.acknowledgements.nak).toBe(receiver.naksSent());
    expect(summary.astm?.retransmissions).toBe(receiver.naksSent());
    expect(receiver.errors.some((error) => error.startsWith('SIL_ASTM_FRAME_CHECKSUM'))).toBe(true);
    expect(summary.messages.acknowledged).toBe(4);
  });

  it('--fault checksum: the faulted final frames are NAKed, retransmitted clean, nothing lost', async () => {
    receiver = await startAstmReceiver();
    const specimens = barcodes(6);
    const summary = await simulate(receiver, { specimens, fault: 'checksum', faultEvery: 2 });
    expect(summary.faults).toEqual({ kind: 'checksum', every: 2, injected: 3 });
    expect(receiver.naksSent()).toBe(3);
    expect(summary.acknowledgements.nak).toBe(3);
    expect(summary.astm?.retransmissions).toBe(3);
    expect(receiver.errors.filter((error) => error.startsWith('SIL_ASTM_FRAME_CHECKSUM'))).toHaveLength(3);
    expect(receiver.messages.map((message) => message.text)).toEqual(expectedTexts(cobasC311Profile, specimens));
  });

  it('--fault garbage: line noise before ENQ is ignored by the receiver (E1381 neutral state)', async () => {
    receiver = await startAstmReceiver();
    const specimens = barcodes(4);
    const summary = await simulate(receiver, { specimens, fault: 'garbage', faultEvery: 1 });
    expect(summary.faults.injected).toBe(4);
    expect(receiver.messages.map((message) => message.text)).toEqual(expectedTexts(cobasC311Profile, specimens));
    expect(summary.acknowledgements.nak).toBe(0);
  });

  it('--fault truncate: half a final frame then the line drops; the message is resent whole, stored once', async () => {
    receiver = await startAstmReceiver();
    const specimens = barcodes(6);
    const summary = await simulate(receiver, { specimens, fault: 'truncate', faultEvery: 3 });
    expect(summary.faults.injected).toBe(2);
    expect(summary.messages).toMatchObject({ sent: 6, acknowledged: 6, resent: 2, failed: 0 });
    expect(summary.connectionsOpened).toBe(3);
    expect(receiver.connectionCount()).toBe(3);
    expect(receiver.messages.map((message) => message.text)).toEqual(expectedTexts(cobasC311Profile, specimens));
    await eventually(() => receiver?.openConnections() === 0);
  });

  it('--fault slow: a message dribbled byte by byte arrives intact', async () => {
    receiver = await startAstmReceiver();
    const specimens = barcodes(2);
    const summary = await simulate(receiver, {
      profile: sysmexXnProfile,
      specimens: specimens.map((specimen) => ({ ...specimen, analytes: ['LEUCOCYTES', 'HEMOGLOBINE'] })),
      fault: 'slow',
      faultEvery: 2,
      slowByteMs: 0.5,
    });
    expect(summary.faults.injected).toBe(1);
    // The slow message arrives in many small reads; a normal one in a handful.
    expect(receiver.dataEvents()).toBeGreaterThan(30);
    expect(receiver.messages).toHaveLength(2);
    expect(receiver.messages[1]?.text).toContain('^^^^HGB^1|');
  });

  it('spreads messages over parallel connections', async () => {
    receiver = await startAstmReceiver();
    const summary = await simulate(receiver, { specimens: barcodes(12), connections: 3 });
    expect(summary.messages.acknowledged).toBe(12);
    expect(receiver.connectionCount()).toBe(3);
    expect(new Set(receiver.messages.map((message) => message.connection)).size).toBe(3);
    expect(new Set(receiver.messages.map((message) => message.text)).size).toBe(12);
    await eventually(() => receiver?.openConnections() === 0);
  });

  it('roughly honours --rate: a 0.6 s run at 200 results/s sends about 120 results, not thousands', async () => {
    receiver = await startAstmReceiver();
    const summary = await simulate(receiver, { specimens: barcodes(10), ratePerSecond: 200, durationMs: 600 });
    // 6 results per message; the bucket holds 10 at the start; the last message may straddle the end.
    expect(summary.results.sent).toBeGreaterThanOrEqual(48);
    expect(summary.results.sent).toBeLessThanOrEqual(120 + 10 + 6);
    expect(summary.messages.acknowledged).toBe(summary.messages.sent);
  });

  it('reports a refused connection as failed messages with the socket error', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const address = closed.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    await new Promise((resolve) => closed.close(resolve));
    const summary = await runSimulation({
      profile: cobasC311Profile,
      endpoint: dialEndpoint('127.0.0.1', port),
      specimens: barcodes(1),
      maxConnectFailures: 2,
    });
    expect(summary.messages).toMatchObject({ sent: 1, acknowledged: 0, failed: 1 });
    expect(summary.errors.find((error) => error.code === 'ECONNREFUSED')?.count).toBe(2);
  });

  it('acknowledges a message the LIS sends to the analyzer (orders downloaded on the same link)', async () => {
    receiver = await startAstmReceiver();
    const socket = await dialEndpoint('127.0.0.1', receiver.port).open();
    const stats = new SimulationStats();
    const link = new AstmInstrumentLink(
      socket,
      { charset: 'iso-8859-1' },
      new FaultPlan(undefined),
      stats,
      seededRandom(1)
    );
    await eventually(() => receiver?.openConnections() === 1);
    receiver.push('H|\\^&\rP|1\rO|1|260314000101||^^^717/|R||||||N\rL|1|N\r');
    await eventually(() => stats.inboundMessages === 1);
    await link.close();
    expect(link.alive).toBe(false);
  });
});
