/**
 * The simulator's HL7 side over real loopback sockets against a minimal MLLP receiver built from
 * core's MllpDecoder and buildAck: one ACK per message, AE/AR counted as refusals, faults, listen mode.
 */
import net from 'node:net';
import { buildAck, decodeHl7, encodeMllp, MllpDecoder, tryParseHl7 } from '@sillage/core';
import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../demo/patient-generator.js';
import { FaultPlan } from './fault-plan.js';
import { dialEndpoint, listenEndpoint } from './link-endpoint.js';
import { MessagePlanner } from './message-planner.js';
import { MllpInstrumentLink } from './mllp-instrument-link.js';
import { cobasPureHl7Profile } from './profiles/cobas-pure-hl7.js';
import { startMllpReceiver, type ReferenceReceiver } from './reference-receivers.js';
import { runSimulation, type SimulationOptions } from './run-simulation.js';
import { SimulationStats } from './simulation-stats.js';

const clock = (): Date => new Date(2026, 2, 14, 9, 30, 0);
/** Two analytes each: two OUL^R22 per tube. */
const tubes = (n: number): { barcode: string; analytes: string[] }[] =>
  Array.from({ length: n }, (_, i) => ({
    barcode: `2603140002${String(i + 1).padStart(2, '0')}`,
    analytes: ['GLUCOSE', 'CRP'],
  }));

function expectedTexts(specimens: { barcode: string; analytes: string[] }[]): string[] {
  const planner = new MessagePlanner({ profile: cobasPureHl7Profile, specimens, loop: false, runTag: 'T', clock });
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
    profile: cobasPureHl7Profile,
    endpoint: dialEndpoint('127.0.0.1', target.port),
    runTag: 'T',
    clock,
    ...options,
  });
}

describe('HL7 sessions over MLLP against a core MllpDecoder receiver', () => {
  it('delivers every OUL^R22 intact, waits for each ACK, measures its latency and closes its socket', async () => {
    receiver = await startMllpReceiver();
    const specimens = tubes(3);
    const summary = await simulate(receiver, { specimens });
    expect(receiver.messages.map((message) => message.text)).toEqual(expectedTexts(specimens));
    expect(summary.messages).toMatchObject({ sent: 6, acknowledged: 6, rejected: 0, failed: 0 });
    expect(summary.acknowledgements).toMatchObject({ aa: 6, ae: 0, ar: 0 });
    expect(summary.astm).toBeNull();
    expect(summary.ackLatencyMs.count).toBe(6);
    expect(summary.ackLatencyMs.p99).not.toBeNull();
    expect(summary.errors).toEqual([]);
    await eventually(() => receiver?.openConnections() === 0);
  });

  it('counts AE and AR as refusals, not resent, and keeps going', async () => {
    receiver = await startMllpReceiver({
      ackCode: (_message, index) => (index === 1 ? 'AE' : index === 2 ? 'AR' : 'AA'),
    });
    const summary = await simulate(receiver, { specimens: tubes(2) });
    expect(summary.messages).toMatchObject({ sent: 4, acknowledged: 2, rejected: 2, resent: 0 });
    expect(summary.acknowledgements).toMatchObject({ aa: 2, ae: 1, ar: 1 });
    expect(summary.errors.map((error) => error.code).sort()).toEqual(['HL7_AE', 'HL7_AR']);
    expect(summary.errors[0]?.detail).toBe('refus simulé');
  });

  it('--fault garbage: the receiver reports bytes outside a frame and still gets every message', async () => {
    receiver = await startMllpReceiver();
    const specimens = tubes(2);
    const summary = await simulate(receiver, { specimens, fault: 'garbage', faultEvery: 2 });
    expect(summary.faults.injected).toBe(2);
    expect(receiver.errors.filter((error) => error.startsWith('garbage-outside-frame'))).toHaveLength(2);
    expect(receiver.messages.map((message) => message.text)).toEqual(expectedTexts(specimens));
  });

  it('--fault truncate: half a block then the line drops; the receiver drops it, the resend is stored once', async () => {
    receiver = await startMllpReceiver();
    const specimens = tubes(2);
    const summary = await simulate(receiver, { specimens, fault: 'truncate', faultEvery: 2 });
    expect(summary.faults.injected).toBe(2);
    expect(summary.messages).toMatchObject({ sent: 4, acknowledged: 4, resent: 2 });
    expect(receiver.errors.filter((error) => error.startsWith('truncated-frame'))).toHaveLength(2);
    expect(receiver.messages.map((message) => message.text)).toEqual(expectedTexts(specimens));
    expect(receiver.connectionCount()).toBe(3);
  });

  it('--fault slow: a block written byte by byte is one message', async () => {
    receiver = await startMllpReceiver();
    const specimens = [{ barcode: '260314000299', analytes: ['GLUCOSE'] }];
    const summary = await simulate(receiver, { specimens, fault: 'slow', faultEvery: 1, slowByteMs: 0.2 });
    expect(summary.faults.injected).toBe(1);
    expect(receiver.dataEvents()).toBeGreaterThan(30);
    expect(receiver.messages.map((message) => message.text)).toEqual(expectedTexts(specimens));
  });

  it('drops the connection when the ACK is late, resends, and gives up after the last attempt', async () => {
    receiver = await startMllpReceiver({ ackDelayMs: 400 });
    const summary = await simulate(receiver, {
      specimens: [{ barcode: '260314000298', analytes: ['GLUCOSE'] }],
      ackTimeoutMs: 50,
      maxAttempts: 2,
    });
    expect(summary.messages).toMatchObject({ sent: 1, acknowledged: 0, failed: 1, resent: 1 });
    expect(summary.errors.find((error) => error.code === 'HL7_ACK_TIMEOUT')?.count).toBe(3);
  });

  it('--listen: waits for the LIS to connect, then sends over that connection', async () => {
    const endpoint = await listenEndpoint('127.0.0.1', 0);
    const received: string[] = [];
    const lis = net.connect({ host: '127.0.0.1', port: endpoint.port });
    const decoder = new MllpDecoder();
    lis.on('data', (chunk: Buffer) => {
      for (const event of decoder.push(chunk)) {
        if (event.type === 'message') {
          const parsed = tryParseHl7(decodeHl7(event.bytes));
          if (parsed.ok) {
            received.push(parsed.message.get('MSH-10'));
            const ack = buildAck(parsed.message, { code: 'AA', controlId: 'L1', timestamp: new Date() });
            lis.write(encodeMllp(new TextEncoder().encode(ack.toString())));
          }
        }
      }
    });
    try {
      const summary = await runSimulation({ profile: cobasPureHl7Profile, endpoint, specimens: tubes(1), runTag: 'L' });
      expect(summary.target).toBe(`listen 127.0.0.1:${endpoint.port}`);
      expect(summary.messages.acknowledged).toBe(2);
      expect(received).toEqual(['L0', 'L1']);
    } finally {
      lis.destroy();
      await endpoint.close();
    }
  });

  it('acknowledges AA a work order the LIS pushes (LAB-28 OML^O33)', async () => {
    receiver = await startMllpReceiver();
    const socket = await dialEndpoint('127.0.0.1', receiver.port).open();
    const stats = new SimulationStats();
    const link = new MllpInstrumentLink(socket, { charset: 'utf-8' }, new FaultPlan(undefined), stats, seededRandom(1));
    await eventually(() => receiver?.openConnections() === 1);
    receiver.push(
      'MSH|^~\\&|SILLAGE||cobas pure||20260314093000||OML^O33^OML_O33|W1|P|2.5.1\rSPM|1|260314000101&BARCODE\r'
    );
    await eventually(() => stats.inboundMessages === 1);
    await link.close();
    expect(stats.errorList()).toEqual([]);
  });
});
