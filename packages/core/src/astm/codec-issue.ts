import type { ErrorCode } from '../errors/error-catalog.js';

/**
 * One problem found while decoding instrument traffic (ASTM, HPRIM). Codecs never throw on bad
 * bytes: they return these, with a stable catalog code, so the message log and `sillage inspect`
 * can show them and a link can answer as its protocol says.
 */
export interface InstrumentCodecIssue {
  readonly code: ErrorCode;
  /** `error`: the data is unusable as is; `warning`: tolerated deviation from the standard. */
  readonly severity: 'error' | 'warning';
  /** English detail for logs (the catalog holds the French and English titles). */
  readonly detail: string;
  /** 1-based line (record or segment) number in the decoded text, when known. */
  readonly line?: number;
  /** 0-based byte offset in the input, when known. */
  readonly offset?: number;
  /** Frame number (0–7) for ASTM E1381 frame issues. */
  readonly frame?: number;
}

export function codecError(
  code: ErrorCode,
  detail: string,
  where: Partial<InstrumentCodecIssue> = {}
): InstrumentCodecIssue {
  return { ...where, code, severity: 'error', detail };
}

export function codecWarning(
  code: ErrorCode,
  detail: string,
  where: Partial<InstrumentCodecIssue> = {}
): InstrumentCodecIssue {
  return { ...where, code, severity: 'warning', detail };
}
