/**
 * Tunables of the instrument links. Defaults follow the standards (ASTM E1381 §6.5.2 timers, MLLP
 * frame limit) and a busy lab's needs; tests shorten the timers.
 */
import type { AstmLinkOptions } from '@sillage/core';

export interface ConnectLogger {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}

export interface ConnectOptions {
  /** ASTM E1381 timers and limits (receive 30 s, reply 15 s, storage budget 10 s…). */
  readonly astm?: Omit<AstmLinkOptions, 'role' | 'charset' | 'ackAfterStorage'>;
  /** Largest MLLP frame accepted (default 16 MiB). */
  readonly hl7MaxFrameBytes?: number;
  /**
   * A connection that has sent bytes without completing a message for this long is closed (a
   * sender trickling one byte a minute would otherwise hold a frame buffer forever). Default 120 s.
   */
  readonly partialMessageTimeoutMs?: number;
  /** Simultaneous connections accepted per listening link (default 256). */
  readonly maxConnections?: number;
  /** Client links: delay before reconnecting, doubled up to the maximum (default 1 s … 30 s). */
  readonly reconnectMinMs?: number;
  readonly reconnectMaxMs?: number;
  /** Same bytes from the same instrument within this window are one message (default 10 min). */
  readonly dedupeWindowMs?: number;
  /** Inbound queue poll (default 1 s) and LAB-28 work-order scan (default 5 s). */
  readonly pollMs?: number;
  readonly workOrderScanMs?: number;
  readonly logger?: ConnectLogger;
}

export type ResolvedConnectOptions = Required<Omit<ConnectOptions, 'astm' | 'logger'>> & {
  readonly astm: NonNullable<ConnectOptions['astm']>;
  readonly logger: ConnectLogger;
};

const silent: ConnectLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function resolveConnectOptions(options: ConnectOptions = {}): ResolvedConnectOptions {
  return {
    astm: options.astm ?? {},
    hl7MaxFrameBytes: options.hl7MaxFrameBytes ?? 16 * 1024 * 1024,
    partialMessageTimeoutMs: options.partialMessageTimeoutMs ?? 120_000,
    maxConnections: options.maxConnections ?? 256,
    reconnectMinMs: options.reconnectMinMs ?? 1000,
    reconnectMaxMs: options.reconnectMaxMs ?? 30_000,
    dedupeWindowMs: options.dedupeWindowMs ?? 10 * 60_000,
    pollMs: options.pollMs ?? 1000,
    workOrderScanMs: options.workOrderScanMs ?? 5000,
    logger: options.logger ?? silent,
  };
}

/**
 * `SILLAGE_CONNECT`: `in-process` (default; the only choice on PGlite) runs the links inside the
 * server; `external` leaves them to `npm run connect` (PostgreSQL: a separate process).
 */
export function connectModeFromEnv(env: NodeJS.ProcessEnv = process.env): 'in-process' | 'external' {
  return env.SILLAGE_CONNECT === 'external' ? 'external' : 'in-process';
}
