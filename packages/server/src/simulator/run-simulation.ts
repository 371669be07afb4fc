/**
 * A simulation run: `connections` parallel links each take the next planned message (paced by the
 * shared token bucket), send it and wait for its acknowledgement; a dropped connection is reopened
 * and the unacknowledged message sent again. The run ends when the plan is exhausted, `maxMessages`
 * were taken, `durationMs` passed or the signal aborts; in-flight messages finish first.
 */
import { seededRandom } from '../demo/patient-generator.js';
import { AstmInstrumentLink, type AstmLinkSettings } from './astm-instrument-link.js';
import { FaultPlan, type FaultKind } from './fault-plan.js';
import type { InstrumentLink, SendOutcome } from './instrument-link.js';
import type { LinkEndpoint } from './link-endpoint.js';
import { MessagePlanner } from './message-planner.js';
import { MllpInstrumentLink } from './mllp-instrument-link.js';
import type { ValueMix } from './simulated-values.js';
import { SimulationStats, type SimulationSummary } from './simulation-stats.js';
import type { SimulatorProfile } from './simulator-profile.js';
import type { PlannedMessage, SimulatedSpecimen } from './simulator-types.js';
import { TokenBucket } from './token-bucket.js';

export interface SimulationOptions {
  readonly profile: SimulatorProfile;
  readonly endpoint: LinkEndpoint;
  readonly specimens: readonly SimulatedSpecimen[];
  /** Parallel links (default 1). */
  readonly connections?: number;
  /** Results per second over all links; unpaced when absent. */
  readonly ratePerSecond?: number;
  /** Stop taking new messages after this long (the specimen list is replayed until then). */
  readonly durationMs?: number;
  /** Stop after this many messages (the specimen list is replayed until then). */
  readonly maxMessages?: number;
  readonly fault?: FaultKind;
  /** Every n-th message carries the fault (default 10). */
  readonly faultEvery?: number;
  /** Delay between bytes for the `slow` fault (default 20 ms). */
  readonly slowByteMs?: number;
  /** A control run after every n specimens (default 0: none). */
  readonly qcEvery?: number;
  readonly seed?: number;
  readonly mix?: ValueMix;
  /** HL7: wait this long for an ACK (default 30 s). */
  readonly ackTimeoutMs?: number;
  /** ASTM: frame size and E1381 timers (defaults: the standard's). */
  readonly astm?: Omit<AstmLinkSettings, 'charset'>;
  /** Attempts per message across reconnections (default 3). */
  readonly maxAttempts?: number;
  /** Consecutive failed connection attempts before a link gives up (default 5). */
  readonly maxConnectFailures?: number;
  readonly progress?: (line: string) => void;
  readonly progressEveryMs?: number;
  readonly signal?: AbortSignal;
  readonly clock?: () => Date;
  /** Prefix of message control ids (default: derived from the start time). */
  readonly runTag?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function runSimulation(options: SimulationOptions): Promise<SimulationSummary> {
  const { profile, endpoint, signal } = options;
  const connections = Math.max(1, options.connections ?? 1);
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const maxConnectFailures = Math.max(1, options.maxConnectFailures ?? 5);
  const stats = new SimulationStats();
  const faults = new FaultPlan(options.fault, options.faultEvery ?? 10, options.slowByteMs ?? 20);
  const random = seededRandom((options.seed ?? 1) + 7);
  const planner = new MessagePlanner({
    profile,
    specimens: options.specimens,
    loop: options.durationMs !== undefined || options.maxMessages !== undefined,
    qcEvery: options.qcEvery ?? 0,
    seed: options.seed ?? 1,
    ...(options.mix === undefined ? {} : { mix: options.mix }),
    ...(options.runTag === undefined ? {} : { runTag: options.runTag }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const bucket = options.ratePerSecond === undefined ? undefined : new TokenBucket(options.ratePerSecond);
  const started = performance.now();
  const deadline = options.durationMs === undefined ? undefined : started + options.durationMs;
  const stopped = (): boolean => signal?.aborted === true || (deadline !== undefined && performance.now() >= deadline);
  let taken = 0;

  const nextMessage = async (): Promise<PlannedMessage | undefined> => {
    if (stopped() || (options.maxMessages !== undefined && taken >= options.maxMessages)) {
      return undefined;
    }
    const message = planner.next();
    if (message === undefined) {
      return undefined;
    }
    taken++;
    await bucket?.take(message.resultCount);
    return stopped() ? undefined : message;
  };

  const openLink = async (): Promise<InstrumentLink | undefined> => {
    for (let failures = 0; failures < maxConnectFailures && signal?.aborted !== true; failures++) {
      try {
        const socket = await endpoint.open(signal);
        stats.connectionsOpened++;
        return profile.protocol === 'astm'
          ? new AstmInstrumentLink(socket, { charset: profile.charset, ...options.astm }, faults, stats, random)
          : new MllpInstrumentLink(
              socket,
              {
                charset: profile.charset,
                ...(options.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: options.ackTimeoutMs }),
              },
              faults,
              stats,
              random
            );
      } catch (error) {
        const failure = error as NodeJS.ErrnoException;
        if (failure.code !== 'ABORTED') {
          stats.error(failure.code ?? 'CONNECT_FAILED', failure.message);
        }
        await sleep(Math.min(2_000, 100 * 2 ** failures));
      }
    }
    return undefined;
  };

  const record = (message: PlannedMessage, outcome: SendOutcome): void => {
    switch (outcome.status) {
      case 'acknowledged':
        stats.acknowledged++;
        stats.resultsAcknowledged += message.resultCount;
        stats.latency.record(outcome.latencyMs);
        return;
      case 'rejected':
        stats.rejected++;
        stats.error(outcome.code, outcome.detail);
        return;
      default:
        stats.failed++;
        stats.error(outcome.code, outcome.detail);
    }
  };

  const runLink = async (): Promise<void> => {
    let link: InstrumentLink | undefined;
    for (let message = await nextMessage(); message !== undefined; message = await nextMessage()) {
      stats.messagesSent++;
      stats.resultsSent += message.resultCount;
      if (message.qc) {
        stats.qc++;
      }
      for (let attempt = 1; ; attempt++) {
        if (link?.alive !== true) {
          link = await openLink();
        }
        if (link === undefined) {
          record(message, {
            status: 'failed',
            code: 'NO_CONNECTION',
            detail: `pas de connexion à ${endpoint.description}`,
          });
          return;
        }
        const outcome = await link.send(message);
        if (outcome.status === 'connectionLost' && attempt < maxAttempts && signal?.aborted !== true) {
          stats.resent++;
          continue;
        }
        record(message, outcome);
        break;
      }
    }
    await link?.close();
  };

  const ticker =
    options.progress === undefined
      ? undefined
      : setInterval(
          () => options.progress?.(stats.progressLine(performance.now() - started)),
          options.progressEveryMs ?? 1_000
        );
  try {
    await Promise.all(Array.from({ length: connections }, () => runLink()));
  } finally {
    clearInterval(ticker);
  }
  const durationMs = performance.now() - started;
  options.progress?.(stats.progressLine(durationMs));
  return {
    protocol: profile.protocol,
    profile: profile.name,
    target: endpoint.description,
    connections,
    durationMs: Math.round(durationMs),
    rate: {
      targetResultsPerSecond: options.ratePerSecond ?? null,
      achievedResultsPerSecond: Math.round((stats.resultsAcknowledged / Math.max(durationMs, 1)) * 1000 * 10) / 10,
    },
    messages: {
      sent: stats.messagesSent,
      acknowledged: stats.acknowledged,
      rejected: stats.rejected,
      failed: stats.failed,
      resent: stats.resent,
      qc: stats.qc,
    },
    results: { sent: stats.resultsSent, acknowledged: stats.resultsAcknowledged },
    acknowledgements: { ack: stats.ack, nak: stats.nak, aa: stats.aa, ae: stats.ae, ar: stats.ar },
    astm:
      profile.protocol === 'astm'
        ? { enq: stats.enq, frames: stats.frames, retransmissions: stats.retransmissions, eot: stats.eot }
        : null,
    ackLatencyMs: stats.latency.summary(),
    faults: {
      kind: options.fault ?? null,
      every: options.fault === undefined ? null : faults.every,
      injected: faults.injected,
    },
    connectionsOpened: stats.connectionsOpened,
    connectionsLost: stats.connectionsLost,
    inboundMessages: stats.inboundMessages,
    skippedSpecimens: planner.skipped.length,
    errors: stats.errorList(),
  };
}
