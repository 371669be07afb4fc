import { buildAstmFrames, encodeMllp } from '@sillage/core';
import { describe, expect, it } from 'vitest';
import { inspectCapture } from './inspect-capture.js';
import type { InspectReport } from './inspect-report.js';
import { codesOf, numbering, recordOfType, recordsIn } from './inspect-test-helpers.js';

const astm = numbering('astm');
const hl7 = numbering('hl7');
const hprim = numbering('hprim');

/** Bytes of a text whose characters are all ≤ 0xFF (one byte each, as on a Latin-1 wire). */
function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}

const astmMessage =
  'H|\\^&|||Analyseur^1|||||||P|LIS2-A2\rP|1||123\rO|1|SID42||^^^GLU\rR|1|^^^GLU|5.4|mmol/L||N||F\rL|1|N\r';
const hl7Message =
  'MSH|^~\\&|LAB|SITE|SIL|LBM|20250101120000||ORU^R01^ORU_R01|42|P|2.5.1\rPID|1||123^^^LBM^PI||DUPONT^Jean\rOBX|1|NM|GLU^Glucose^L||5.4|mmol/L|||||F\r';
const hprimMessage =
  'H|~^\\&|F.HPR||LABO||ORU|||SIL||P|H2.4|20250101\rP|1|123||DUPONT~Jean\rOBX|1|NM|GLU~Glucose||5.4|mmol/L\rL|1\r';

describe('inspectCapture: protocol detection', () => {
  const cases: { name: string; bytes: Uint8Array; protocol: InspectReport['protocol']; framed: boolean }[] = [
    { name: 'HL7 v2 (MSH, CR)', bytes: latin1(hl7Message), protocol: 'hl7', framed: false },
    { name: 'HL7 v2 with LF', bytes: latin1(hl7Message.replaceAll('\r', '\n')), protocol: 'hl7', framed: false },
    { name: 'HL7 batch (FHS)', bytes: latin1(`FHS|^~\\&|LAB\r${hl7Message}FTS|1\r`), protocol: 'hl7', framed: false },
    { name: 'HL7 batch (BHS)', bytes: latin1(`BHS|^~\\&|LAB\r${hl7Message}BTS|1\r`), protocol: 'hl7', framed: false },
    { name: 'MLLP-wrapped HL7', bytes: encodeMllp(latin1(hl7Message)), protocol: 'hl7', framed: false },
    { name: 'framed ASTM', bytes: concat(...buildAstmFrames(astmMessage)), protocol: 'astm', framed: true },
    {
      name: 'framed ASTM session with ENQ/EOT',
      bytes: concat(Uint8Array.of(0x05), ...buildAstmFrames(astmMessage), Uint8Array.of(0x04)),
      protocol: 'astm',
      framed: true,
    },
    { name: 'unframed ASTM records', bytes: latin1(astmMessage), protocol: 'astm', framed: false },
    { name: 'ASTM records without H', bytes: latin1('P|1||123\rL|1\r'), protocol: 'astm', framed: false },
    { name: 'HPRIM Santé', bytes: latin1(hprimMessage), protocol: 'hprim', framed: false },
    {
      name: 'HPRIM Médecins RES block',
      bytes: latin1('RES|GLUCOSE|GLU|N|5.2|mmol/L|3.5|6.5|N|F\r\n'),
      protocol: 'hprim',
      framed: false,
    },
  ];

  it.each(cases)('$name → $protocol', ({ bytes, protocol, framed }) => {
    const report = inspectCapture(bytes);
    expect(report.protocol).toBe(protocol);
    expect(report.errors).toEqual([]);
    expect(report.frames !== undefined).toBe(framed);
    expect(report.messages.length).toBeGreaterThan(0);
    const key = protocol === 'astm' ? 'records' : 'segments';
    expect(report.messages.every((message) => key in message)).toBe(true);
  });

  it('skips leading `# ` comment lines (and bare `#` lines) before detecting', () => {
    const report = inspectCapture(latin1(`# SOURCE: somewhere\n#\n# NOTE: H|~^\\&| is HPRIM\n${astmMessage}`));
    expect(report.protocol).toBe('astm');
    expect(recordsIn(report).map((record) => record.type)).toEqual(['H', 'P', 'O', 'R', 'L']);
  });

  it('reads `<STX>`-style notation as the control characters', () => {
    const notation = buildAstmFrames(astmMessage, { maxText: 30 })
      .map((frame) =>
        [...frame].map((byte) => (byte < 0x20 ? `<${controlName(byte)}>` : String.fromCharCode(byte))).join('')
      )
      .join('\n');
    const report = inspectCapture(latin1(`Instrument: <ENQ>\n${notation}\nInstrument: <EOT>\n`));
    expect(report.protocol).toBe('astm');
    expect(report.frames?.length).toBe(Math.ceil(astmMessage.length / 30));
    expect(report.frames?.every((frame) => frame.checksumOk)).toBe(true);
    expect(report.errors).toEqual([]);
    expect(astm.value(recordOfType(report, 'R'), 4)).toBe('5.4');
  });

  it('says so when nothing is recognised, or nothing is there', () => {
    const unknown = inspectCapture(latin1('hello world\n'));
    expect(unknown).toMatchObject({ protocol: 'unknown', messages: [] });
    expect(unknown.errors[0]).toMatchObject({
      code: 'SIL_INSPECT_UNKNOWN_PROTOCOL',
      message: expect.stringContaining('Protocole non reconnu'),
    });
    const empty = inspectCapture(latin1('# only a comment\n\r\n  \n'));
    expect(codesOf(empty.errors)).toEqual(['SIL_INSPECT_EMPTY_CAPTURE']);
    expect(codesOf(inspectCapture(new Uint8Array(0)).errors)).toEqual(['SIL_INSPECT_EMPTY_CAPTURE']);
  });
});

describe('inspectCapture: ASTM E1381 frames', () => {
  const frames = buildAstmFrames(astmMessage, { maxText: 40 });
  const numbers = frames.map((_, i) => (i + 1) % 8);

  it('lists each frame with its number, checksum, verdict and ETB/ETX', () => {
    const report = inspectCapture(concat(...frames));
    expect(frames.length).toBeGreaterThan(2);
    expect(report.frames?.map((frame) => frame.number)).toEqual(numbers);
    expect(report.frames?.map((frame) => frame.final)).toEqual(frames.map((_, i) => i === frames.length - 1));
    for (const [i, frame] of frames.entries()) {
      // E1381 §6.3.1: the checksum is the two characters before CR LF.
      const sent = String.fromCharCode(frame[frame.length - 4] ?? 0, frame[frame.length - 3] ?? 0);
      expect(report.frames?.[i]).toEqual({
        number: i + 1,
        checksum: sent,
        checksumOk: true,
        final: i === frames.length - 1,
      });
    }
    expect(report.warnings).toBeUndefined();
  });

  it('reports a wrong checksum as an error, with the frame number and a French message', () => {
    const damaged = Uint8Array.from(frames[1] ?? []);
    damaged[damaged.length - 3] = damaged[damaged.length - 3] === 0x30 ? 0x31 : 0x30;
    const report = inspectCapture(concat(frames[0] ?? new Uint8Array(), damaged, ...frames.slice(2)));
    expect(report.frames?.[1]?.checksumOk).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({
      code: 'SIL_ASTM_FRAME_CHECKSUM',
      message: 'Somme de contrôle de trame ASTM incorrecte.',
      frame: 2,
      offset: frames[0]?.length,
    });
  });

  it('reports a frame-number jump', () => {
    const report = inspectCapture(concat(frames[0] ?? new Uint8Array(), ...frames.slice(2)));
    expect(codesOf(report.errors)).toEqual(['SIL_ASTM_FRAME_NUMBER']);
    expect(report.errors[0]?.detail).toBe('frame 3 follows frame 1');
  });

  it('numbers frames from 1 again in each transfer phase (ENQ … EOT)', () => {
    const session = concat(Uint8Array.of(0x05), ...frames, Uint8Array.of(0x04));
    const report = inspectCapture(concat(session, session));
    expect(report.errors).toEqual([]);
    expect(report.frames?.map((frame) => frame.number)).toEqual([...numbers, ...numbers]);
    expect(report.messages).toHaveLength(2);
    const late = inspectCapture(concat(session, Uint8Array.of(0x05), ...frames.slice(1), Uint8Array.of(0x04)));
    expect(late.errors).toMatchObject([
      { code: 'SIL_ASTM_FRAME_NUMBER', detail: 'first frame of a transfer phase is 2, not 1', frame: 2 },
    ]);
    // A capture that starts in the middle of a phase (no ENQ seen) may start at any number.
    expect(inspectCapture(concat(...frames.slice(1))).errors).toEqual([]);
  });

  it('reports a truncated frame and still shows what came before', () => {
    const last = frames.at(-1) ?? new Uint8Array();
    const report = inspectCapture(concat(...frames.slice(0, -1), last.subarray(0, last.length - 5)));
    expect(codesOf(report.errors)).toEqual(['SIL_ASTM_FRAME_MALFORMED']);
    expect(report.frames).toHaveLength(frames.length - 1);
    expect(recordOfType(report, 'H').type).toBe('H');
  });
});

describe('inspectCapture: fields, numbering and escapes', () => {
  it('HL7: MSH-1 is the field separator, MSH-2 the encoding characters; escapes decoded', () => {
    const text = 'MSH|^~\\&|LAB\rNTE|1||a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f\\X41\\\rPID|1||1^^^A&B~2||DOE^JOHN\r';
    const report = inspectCapture(latin1(text));
    const msh = recordOfType(report, 'MSH');
    expect(msh.fields.slice(0, 4)).toEqual([[['MSH']], [['|']], [['^~\\&']], [['LAB']]]);
    expect(hl7.value(recordOfType(report, 'NTE'), 3)).toBe('a|b^c&d~e\\fA');
    const pid = recordOfType(report, 'PID');
    expect(hl7.field(pid, 3)).toEqual([['1', '', '', 'A&B'], ['2']]);
    expect(hl7.field(pid, 2)).toEqual([['']]);
  });

  it('ASTM: the record type is field 1 and H.2 the delimiter definition; escapes decoded', () => {
    const report = inspectCapture(latin1('H|\\^&|||A\rR|1|^^^K|4&F&2&S&1&R&0&E&|mmol/L\rL|1\r'));
    const header = recordOfType(report, 'H');
    expect([astm.field(header, 1), astm.field(header, 2)]).toEqual([[['H']], [['\\^&']]]);
    expect(astm.value(recordOfType(report, 'R'), 4)).toBe('4|2^1\\0&');
  });

  it('HPRIM: component `~`, repetition `^`; `A` continuation merged', () => {
    const report = inspectCapture(latin1('H|~^\\&|F.HPR\rP|1|123||DUP\rA|ONT~Jean^X~Y\rL|1\r'));
    expect(hprim.field(recordOfType(report, 'P'), 5)).toEqual([
      ['DUPONT', 'Jean'],
      ['X', 'Y'],
    ]);
  });

  it('HL7 batch: one message per MSH, envelope segments kept in wire order', () => {
    const second = hl7Message.replace('|42|', '|43|');
    const report = inspectCapture(latin1(`FHS|^~\\&\rBHS|^~\\&\r${hl7Message}${second}BTS|2\rFTS|1\r`));
    expect(report.messages.map((message) => recordsIn({ ...report, messages: [message] }).map((s) => s.type))).toEqual([
      ['FHS', 'BHS', 'MSH', 'PID', 'OBX'],
      ['MSH', 'PID', 'OBX', 'BTS', 'FTS'],
    ]);
  });

  it('HL7 parse errors come with their catalog code and segment, never as exceptions', () => {
    const badDelimiters = inspectCapture(latin1('MSH|^^\\&|LAB\r'));
    expect(badDelimiters).toMatchObject({ protocol: 'hl7', messages: [] });
    expect(codesOf(badDelimiters.errors)).toEqual(['SIL_HL7_INVALID_DELIMITERS']);
    const badSegment = inspectCapture(latin1('MSH|^~\\&|LAB\rpid|1\r'));
    expect(badSegment.errors[0]).toMatchObject({ code: 'SIL_HL7_INVALID_SEGMENT', segmentIndex: 1 });
  });

  it('MLLP: every frame parsed, framing problems reported', () => {
    const frame = encodeMllp(latin1(hl7Message));
    const report = inspectCapture(concat(frame, latin1('junk'), frame, frame.subarray(0, 20)));
    expect(report.messages).toHaveLength(2);
    expect(report.errors.map((issue) => [issue.code, issue.detail])).toEqual([
      ['SIL_HL7_MLLP_FRAMING', 'garbage-outside-frame'],
      ['SIL_HL7_MLLP_FRAMING', 'truncated-frame'],
    ]);
  });

  it('comment lines between HL7 messages are skipped', () => {
    const report = inspectCapture(latin1(`${hl7Message}\n# ---- next message ----\n${hl7Message}`));
    expect(report.errors).toEqual([]);
    expect(report.messages).toHaveLength(2);
  });
});

describe('inspectCapture: names in Windows-1252', () => {
  // `CŒUR^Élise` and `D’ARC^Zoë` as French middleware writes them: Œ = 0x8C, ’ = 0x92 in Windows-1252
  // (C1 controls in ISO 8859-1), É = 0xC9, ë = 0xEB in both.
  const hl7Bytes = latin1('MSH|^~\\&|LAB\rPID|1||1||C\x8cUR^\xc9lise\r');
  const astmBytes = latin1('H|\\^&\rP|1||||D\x92ARC^Zo\xeb\rL|1\r');
  const hprimBytes = latin1('H|~^\\&|F\rP|1|1||D\x92ARC~Zo\xeb\rL|1\r');

  it('decodes them by default (not valid UTF-8, no MSH-18: Windows-1252)', () => {
    expect(hl7.field(recordOfType(inspectCapture(hl7Bytes), 'PID'), 5)).toEqual([['CŒUR', 'Élise']]);
    expect(astm.field(recordOfType(inspectCapture(astmBytes), 'P'), 6)).toEqual([['D’ARC', 'Zoë']]);
    expect(hprim.field(recordOfType(inspectCapture(hprimBytes), 'P'), 5)).toEqual([['D’ARC', 'Zoë']]);
  });

  it('follows --encoding: iso-8859-1 keeps 0x80–0x9F as C1 controls, utf-8 shows replacement characters', () => {
    const iso = inspectCapture(hl7Bytes, { encoding: 'iso-8859-1' });
    expect(hl7.value(recordOfType(iso, 'PID'), 5)).toBe('C\u008cUR');
    const utf8 = inspectCapture(astmBytes, { encoding: 'utf-8' });
    expect(astm.value(recordOfType(utf8, 'P'), 6)).toBe('D\ufffdARC');
    const windows = inspectCapture(hprimBytes, { encoding: 'windows-1252' });
    expect(hprim.value(recordOfType(windows, 'P'), 5, 2)).toBe('Zoë');
  });

  it('takes precedence over MSH-18', () => {
    // MSH-18 `8859/1` is read with the Windows-1252 table, as WHATWG decoders do (decodeHl7).
    const declared = latin1('MSH|^~\\&|LAB||||||ADT^A01|1|P|2.5|||||FRA|8859/1\rPID|1||1||C\x8cUR\r');
    expect(hl7.value(recordOfType(inspectCapture(declared), 'PID'), 5)).toBe('CŒUR');
    const strict = inspectCapture(declared, { encoding: 'iso-8859-1' });
    expect(hl7.value(recordOfType(strict, 'PID'), 5)).toBe('C\u008cUR');
    const utf8Declared = latin1('MSH|^~\\&|LAB||||||ADT^A01|1|P|2.5|||||FRA|UNICODE UTF-8\rPID|1||1||Zo\xc3\xab\r');
    expect(hl7.value(recordOfType(inspectCapture(utf8Declared), 'PID'), 5)).toBe('Zoë');
    expect(hl7.value(recordOfType(inspectCapture(utf8Declared, { encoding: 'windows-1252' }), 'PID'), 5)).toBe('ZoÃ«');
  });

  it('reads UTF-8 names as UTF-8 without being told', () => {
    const utf8 = new TextEncoder().encode('H|\\^&\rP|1||||Zoë^Œdipe\rL|1\r');
    expect(astm.field(recordOfType(inspectCapture(utf8), 'P'), 6)).toEqual([['Zoë', 'Œdipe']]);
  });
});

function controlName(byte: number): string {
  const names: Record<number, string> = { 0x02: 'STX', 0x03: 'ETX', 0x17: 'ETB', 0x0d: 'CR', 0x0a: 'LF' };
  return names[byte] ?? `x${byte}`;
}
