/**
 * Counters of a simulation run, shared by its connections, and the JSON summary printed at the end.
 */
import type { FaultKind } from './fault-plan.js';
import { LatencyRecorder, type LatencySummary } from './latency-recorder.js';
import type { SimulatorProtocol } from './simulator-types.js';

export interface SimulationErrorCount {
  readonly code: string;
  readonly count: number;
  /** The first detail seen for this code. */
  readonly detail: string;
}

export interface SimulationSummary {
  readonly protocol: SimulatorProtocol;
  readonly profile: string;
  /** `host:port` dialled, or `listen host:port`. */
  readonly target: string;
  readonly connections: number;
  readonly durationMs: number;
  readonly rate: { readonly targetResultsPerSecond: number | null; readonly achievedResultsPerSecond: number };
  readonly messages: {
    /** Messages taken from the plan and handed to a connection. */
    readonly sent: number;
    readonly acknowledged: number;
    /** HL7 AE/AR (CE/CR): the receiver refused the message. */
    readonly rejected: number;
    /** Given up: retries exhausted, no connection, timeout on the last attempt. */
    readonly failed: number;
    /** Sent again after the connection dropped before the acknowledgement (at-least-once, as analyzers do). */
    readonly resent: number;
    readonly qc: number;
  };
  readonly results: { readonly sent: number; readonly acknowledged: number };
  readonly acknowledgements: {
    /** ASTM: ACK and NAK bytes received. */
    readonly ack: number;
    readonly nak: number;
    /** HL7 MSA-1 codes received (enhanced-mode CA/CE/CR counted with AA/AE/AR). */
    readonly aa: number;
    readonly ae: number;
    readonly ar: number;
  };
  readonly astm: {
    readonly enq: number;
    readonly frames: number;
    readonly retransmissions: number;
    readonly eot: number;
  } | null;
  /** Final-frame (ASTM) or whole-message (HL7) write → its acknowledgement. */
  readonly ackLatencyMs: LatencySummary;
  readonly faults: { readonly kind: FaultKind | null; readonly every: number | null; readonly injected: number };
  readonly connectionsOpened: number;
  readonly connectionsLost: number;
  /** Messages the LIS sent to the simulator (orders, queries answered), acknowledged by it. */
  readonly inboundMessages: number;
  /** Specimens the profile has no test for (their pending analytes are run elsewhere). */
  readonly skippedSpecimens: number;
  readonly errors: readonly SimulationErrorCount[];
}

export class SimulationStats {
  readonly latency = new LatencyRecorder();
  messagesSent = 0;
  acknowledged = 0;
  rejected = 0;
  failed = 0;
  resent = 0;
  qc = 0;
  resultsSent = 0;
  resultsAcknowledged = 0;
  ack = 0;
  nak = 0;
  aa = 0;
  ae = 0;
  ar = 0;
  enq = 0;
  frames = 0;
  retransmissions = 0;
  eot = 0;
  faultsInjected = 0;
  connectionsOpened = 0;
  connectionsLost = 0;
  inboundMessages = 0;
  private readonly errors = new Map<string, { count: number; detail: string }>();

  error(code: string, detail: string): void {
    const entry = this.errors.get(code);
    if (entry === undefined) {
      this.errors.set(code, { count: 1, detail });
    } else {
      entry.count++;
    }
  }

  errorCount(): number {
    let total = 0;
    for (const entry of this.errors.values()) {
      total += entry.count;
    }
    return total;
  }

  errorList(): SimulationErrorCount[] {
    return [...this.errors].map(([code, entry]) => ({ code, count: entry.count, detail: entry.detail }));
  }

  /** One line for stderr while the run goes on. */
  progressLine(elapsedMs: number): string {
    const seconds = Math.max(elapsedMs / 1000, 0.001);
    return (
      `${Math.round(elapsedMs / 100) / 10} s : ${this.acknowledged}/${this.messagesSent} messages acquittés, ` +
      `${this.resultsAcknowledged} résultats (${Math.round(this.resultsAcknowledged / seconds)}/s), ` +
      `NAK ${this.nak}, AE/AR ${this.ae + this.ar}, échecs ${this.failed}, erreurs ${this.errorCount()}`
    );
  }
}
