/**
 * `sillage inspect` (issue 4 § 2): what a capture holds, for lab IT staff reading analyzer traffic.
 * Pure apart from the codecs it calls: bytes in, JSON-able report out; never throws on bad bytes.
 */
import { looksLikeUtf8, decodeHprim, type InstrumentCharset } from '@sillage/core';
import { blankCommentLines, decodeNotationIfWritten, stripCommentLines } from './capture-payload.js';
import { detectCaptureKind } from './detect-capture.js';
import { inspectAstm } from './inspect-astm.js';
import { inspectHprimMedecins, inspectHprimSante } from './inspect-hprim.js';
import { decodeHl7Bytes, inspectHl7Text, inspectMllp } from './inspect-hl7.js';
import { emptyIssues, inspectIssue, type CollectedIssues } from './inspect-issues.js';
import type { InspectMessage, InspectOptions, InspectProtocol, InspectReport } from './inspect-report.js';

export function inspectCapture(bytes: Uint8Array, options: InspectOptions = {}): InspectReport {
  const issues = emptyIssues();
  const payload = decodeNotationIfWritten(stripCommentLines(bytes));
  const encoding = options.encoding;
  const kind = detectCaptureKind(payload);
  switch (kind) {
    case 'empty':
      issues.errors.push(inspectIssue('SIL_INSPECT_EMPTY_CAPTURE', 'nothing but comment lines and blanks'));
      return report('unknown', [], issues);
    case 'unknown':
      issues.errors.push(inspectIssue('SIL_INSPECT_UNKNOWN_PROTOCOL', `starts with ${describeStart(payload)}`));
      return report('unknown', [], issues);
    case 'mllp':
      return report('hl7', inspectMllp(payload, encoding, issues), issues);
    case 'hl7':
      return report('hl7', inspectHl7Text(decodeHl7Bytes(blankCommentLines(payload), encoding), issues), issues);
    case 'hprim':
      return report(
        'hprim',
        inspectHprimSante(decodeHprim(blankCommentLines(payload), { charset: encoding ?? 'auto' }).text, issues),
        issues
      );
    case 'hprim-medecins':
      return report(
        'hprim',
        inspectHprimMedecins(decodeHprim(blankCommentLines(payload), { charset: encoding ?? 'auto' }).text, issues),
        issues
      );
    case 'astm-framed': {
      const { frames, messages } = inspectAstm(payload, encoding ?? guessAstmCharset(payload), issues);
      return report('astm', messages, issues, frames);
    }
    case 'astm': {
      const text = blankCommentLines(payload);
      return report('astm', inspectAstm(text, encoding ?? guessAstmCharset(text), issues).messages, issues);
    }
  }
}

/**
 * LIS1-A §4.3 leaves the character set to the parties: well-formed UTF-8 with multi-byte sequences is
 * read as UTF-8, anything else as Windows-1252 (French instruments and middleware; a superset of
 * ISO 8859-1's printable characters).
 */
function guessAstmCharset(bytes: Uint8Array): InstrumentCharset {
  return looksLikeUtf8(bytes) ? 'utf-8' : 'windows-1252';
}

function report(
  protocol: InspectProtocol,
  messages: InspectMessage[],
  issues: CollectedIssues,
  frames?: InspectReport['frames']
): InspectReport {
  return {
    protocol,
    ...(frames === undefined ? {} : { frames }),
    messages,
    errors: issues.errors,
    ...(issues.warnings.length === 0 ? {} : { warnings: issues.warnings }),
  };
}

function describeStart(bytes: Uint8Array): string {
  const shown = Array.from(bytes.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
  return `bytes ${shown}${bytes.length > 8 ? ' …' : ''}`;
}
