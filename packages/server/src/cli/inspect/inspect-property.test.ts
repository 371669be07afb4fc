/**
 * Issue 4 § 10 ("any byte stream → no exception"): `inspectCapture` never throws and always returns
 * the documented shape, on arbitrary bytes and on bytes that start like each protocol so every codec
 * path is reached; and a generated framed ASTM message is read back value for value.
 */
import { buildAstmFrames, encodeMllp } from '@sillage/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inspectCapture } from './inspect-capture.js';
import { numbering, recordsOfType } from './inspect-test-helpers.js';

const field = z.array(z.array(z.string()).min(1)).min(1);
const record = z.strictObject({ type: z.string(), fields: z.array(field).min(1) });
const issue = z.strictObject({
  code: z.string().regex(/^SIL_[A-Z0-9_]+$/),
  message: z.string().min(5),
  detail: z.string(),
  line: z.number().int().positive().optional(),
  offset: z.number().int().nonnegative().optional(),
  frame: z.number().int().min(0).max(7).optional(),
  segmentIndex: z.number().int().nonnegative().optional(),
});
const frame = z.strictObject({
  number: z.number().int().min(0).max(7),
  checksum: z.string().length(2),
  checksumOk: z.boolean(),
  final: z.boolean(),
});
const reportSchema = z
  .strictObject({
    protocol: z.enum(['astm', 'hl7', 'hprim', 'unknown']),
    frames: z.array(frame).optional(),
    messages: z.array(
      z.union([z.strictObject({ records: z.array(record) }), z.strictObject({ segments: z.array(record) })])
    ),
    errors: z.array(issue),
    warnings: z.array(issue).min(1).optional(),
  })
  .refine((report) => report.frames === undefined || report.protocol === 'astm', 'frames only for ASTM')
  .refine(
    (report) => report.messages.every((message) => 'records' in message === (report.protocol === 'astm')),
    '`records` for ASTM, `segments` for HL7 and HPRIM'
  )
  .refine(
    (report) =>
      report.messages.every((message) =>
        ('records' in message ? message.records : message.segments).every((r) => r.fields[0]?.[0]?.[0] === r.type)
      ),
    'fields[0] holds the record type or segment name'
  );

const encoder = new TextEncoder();
const starts = [
  '',
  'MSH|^~\\&|',
  'FHS|^~\\&|',
  '\x0bMSH|^~\\&|',
  '\x02',
  '\x051H|\\^&|',
  'H|\\^&|',
  'H|~^\\&|',
  'RES|',
  'P|',
  '# c\n',
];
/** Characters that matter to the codecs: delimiters, escapes, controls, record letters. */
const protocolChars = [
  ...'|^~\\&!@HMSPORCLQAXF0123456789 \r\n',
  '\x02',
  '\x03',
  '\x04',
  '\x05',
  '\x0b',
  '\x17',
  '\x1c',
  '\x80',
  '\x8c',
  '\xe9',
];

describe('inspectCapture never throws and always returns the documented shape', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(reportSchema.safeParse(inspectCapture(bytes)).error).toBeUndefined();
      }),
      { numRuns: 400 }
    );
  });

  it('on bytes that start like each protocol, in every encoding', () => {
    const body = fc.array(fc.constantFrom(...protocolChars), { maxLength: 300 }).map((chars) => chars.join(''));
    const encoding = fc.constantFrom(undefined, 'windows-1252' as const, 'iso-8859-1' as const, 'utf-8' as const);
    fc.assert(
      fc.property(fc.constantFrom(...starts), body, encoding, (start, text, chosen) => {
        const bytes = Uint8Array.from(start + text, (char) => char.charCodeAt(0) & 0xff);
        const report = inspectCapture(bytes, chosen === undefined ? {} : { encoding: chosen });
        expect(reportSchema.safeParse(report).error).toBeUndefined();
        expect(JSON.parse(JSON.stringify(report))).toEqual(report);
      }),
      { numRuns: 400 }
    );
  });

  it('on damaged framed ASTM and MLLP streams', () => {
    const damage = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 });
    fc.assert(
      fc.property(fc.boolean(), damage, (mllp, changes) => {
        const clean = mllp
          ? encodeMllp(encoder.encode('MSH|^~\\&|A\rPID|1||1^^^X~2||DOE^JOHN\r'))
          : Uint8Array.from(
              buildAstmFrames('H|\\^&\rP|1\rR|1|^^^GLU|5.4\rL|1\r', { maxText: 7 }).flatMap((f) => [...f])
            );
        const bytes = Uint8Array.from(clean);
        for (const [at, value] of changes) {
          bytes[at % bytes.length] = value;
        }
        expect(reportSchema.safeParse(inspectCapture(bytes)).error).toBeUndefined();
      }),
      { numRuns: 300 }
    );
  });
});

describe('framed ASTM read back', () => {
  const astm = numbering('astm');
  // Values free of the delimiters and of the characters E1381 §6.6 forbids in frame text.
  const value = fc.string({ unit: fc.constantFrom(...'ABCXYZ0123456789.<> -/éè'), maxLength: 20 });

  it('every generated result comes back, frames verified and numbered 1…7, 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 5, max: 240 }),
        (results, maxText) => {
          const records = results.map(([code, result], i) => `R|${i + 1}|^^^${code}|${result}|mmol/L`);
          const text = `H|\\^&|||SIM\r${records.join('\r')}\rL|1|N\r`;
          const frames = buildAstmFrames(text, { maxText, charset: 'windows-1252' });
          const report = inspectCapture(Uint8Array.from(frames.flatMap((f) => [...f])), { encoding: 'windows-1252' });
          expect(report.errors).toEqual([]);
          expect(report.frames?.map((f) => f.number)).toEqual(frames.map((_, i) => (i + 1) % 8));
          expect(report.frames?.every((f) => f.checksumOk)).toBe(true);
          const read = recordsOfType(report, 'R').map((r) => [astm.value(r, 3, 4), astm.value(r, 4)]);
          expect(read).toEqual(results);
        }
      ),
      { numRuns: 150 }
    );
  });
});
