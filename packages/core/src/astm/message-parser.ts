import { defaultAstmDelimiters, readAstmDelimiters, type AstmDelimiters } from './astm-delimiters.js';
import { isAstmRecordType, type AstmRecord } from './astm-record.js';
import { codecError, codecWarning, type InstrumentCodecIssue } from './codec-issue.js';
import { parseAstmRecord } from './record-parser.js';

/** An E1394 message: records from H to L, with the delimiters its header declared. */
export interface AstmMessage {
  readonly delimiters: AstmDelimiters;
  readonly records: readonly AstmRecord[];
}

export interface AstmMessagesParseResult {
  /** False when any issue has severity `error`. */
  readonly ok: boolean;
  readonly messages: readonly AstmMessage[];
  readonly issues: readonly InstrumentCodecIssue[];
}

export interface AstmMessageParseResult {
  readonly ok: boolean;
  readonly message: AstmMessage | undefined;
  readonly issues: readonly InstrumentCodecIssue[];
}

/**
 * Parses E1394 text into messages; a message starts at each H record. Records end with CR
 * (E1394 §6); LF and CR LF are tolerated, empty lines skipped. Never throws: unknown record
 * types are kept with a warning, records before any H use the default delimiters (warning),
 * a bad delimiter definition or a record not using the declared field delimiter is an error.
 */
export function tryParseAstmMessages(text: string): AstmMessagesParseResult {
  const issues: InstrumentCodecIssue[] = [];
  const messages: { delimiters: AstmDelimiters; records: AstmRecord[]; terminated: boolean }[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    if (line.length === 0) {
      return;
    }
    const lineNumber = index + 1;
    let current = messages.at(-1);
    if (line[0] === 'H') {
      const { delimiters, issue } = readAstmDelimiters(line);
      if (issue !== undefined) {
        issues.push({ ...issue, line: lineNumber });
      }
      current = { delimiters, records: [], terminated: false };
      messages.push(current);
    } else if (current === undefined) {
      issues.push(codecWarning('SIL_ASTM_NO_HEADER', 'records before any H header record', { line: lineNumber }));
      current = { delimiters: defaultAstmDelimiters, records: [], terminated: false };
      messages.push(current);
    } else if (current.terminated) {
      issues.push(
        codecWarning('SIL_ASTM_RECORD_AFTER_TERMINATOR', `record "${line[0]}" after the L record`, { line: lineNumber })
      );
    }
    const record = parseAstmRecord(line, current.delimiters, lineNumber);
    // A type holding punctuation means the line is split with another delimiter than declared.
    if (!/^[\p{L}\p{N}]*$/u.test(record.type)) {
      issues.push(
        codecError(
          'SIL_ASTM_DELIMITER_MISMATCH',
          `record does not use the declared field delimiter "${current.delimiters.field}"`,
          { line: lineNumber }
        )
      );
    } else if (!isAstmRecordType(record.type)) {
      issues.push(
        codecWarning('SIL_ASTM_UNKNOWN_RECORD_TYPE', `unknown record type "${record.type}"`, { line: lineNumber })
      );
    }
    current.records.push(record);
    if (record.type === 'L') {
      current.terminated = true;
    }
  });
  if (messages.length === 0) {
    issues.push(codecError('SIL_ASTM_EMPTY_MESSAGE', 'no record in the text'));
  }
  for (const message of messages) {
    if (!message.terminated) {
      issues.push(
        codecWarning('SIL_ASTM_NO_TERMINATOR', 'message without an L record', { line: message.records[0]?.line })
      );
    }
  }
  return {
    ok: !issues.some((issue) => issue.severity === 'error'),
    messages: messages.map(({ delimiters, records }) => ({ delimiters, records })),
    issues: issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}

/** Parses text holding one message; when it holds several, the first is returned with a warning. */
export function tryParseAstmMessage(text: string): AstmMessageParseResult {
  const { messages, issues } = tryParseAstmMessages(text);
  const all = [...issues];
  if (messages.length > 1) {
    all.push(
      codecWarning(
        'SIL_ASTM_RECORD_AFTER_TERMINATOR',
        `the text holds ${messages.length} messages; only the first is returned (use tryParseAstmMessages)`,
        { line: messages[1]?.records[0]?.line }
      )
    );
  }
  return { ok: !all.some((issue) => issue.severity === 'error'), message: messages[0], issues: all };
}
