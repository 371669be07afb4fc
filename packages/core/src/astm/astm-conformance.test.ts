/**
 * Conformance over every ASTM capture in ../shared/fixtures (see fixtures/INDEX.md §2 and
 * SOURCES.md): checksums, frame numbering and flags, record counts and the values INDEX.md lists.
 */
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../test-support/shared-fixtures.js';
import { readAstmCapture } from './capture-reader.js';
import type { AstmFrameTrailer } from './frame-codec.js';
import { AstmLinkMachine } from './link-machine.js';
import type { AstmLinkAction } from './link-types.js';
import { tryParseAstmMessages, type AstmMessage } from './message-parser.js';
import { findAstmRecords, getAstmPath, getAstmRepetitions, getAstmValue } from './record-access.js';
import { readAstmOrder, readAstmQuery, readAstmResult } from './record-readers.js';

/** Payload = bytes after the leading `# ` header lines (fixtures/INDEX.md conventions). */
function payload(file: string): Uint8Array {
  let bytes: Uint8Array = sharedFixtures.bytes(file);
  while (bytes[0] === 0x23 && bytes[1] === 0x20) {
    bytes = bytes.subarray(bytes.indexOf(0x0a) + 1);
  }
  return bytes;
}

function parseCapture(file: string): { message: AstmMessage; capture: ReturnType<typeof readAstmCapture> } {
  const capture = readAstmCapture(payload(file));
  const parsed = tryParseAstmMessages(capture.text);
  const message = parsed.messages[0];
  if (message === undefined) {
    throw new Error(`${file}: no message`);
  }
  return { message, capture };
}

const typeCounts = (message: AstmMessage): Record<string, number> =>
  message.records.reduce<Record<string, number>>(
    (counts, r) => ({ ...counts, [r.type]: (counts[r.type] ?? 0) + 1 }),
    {}
  );

interface FramedCase {
  readonly files: readonly string[];
  readonly checksums: string;
  readonly numbers: string;
  /** B = ETB (intermediate), X = ETX (final). */
  readonly finals: string;
  readonly trailer: AstmFrameTrailer;
  readonly recordTypes: string;
}

const framedCases: readonly FramedCase[] = [
  {
    files: ['astm/01_roche_cobas_c111_multiframe_ETB.txt', 'astm-e1381-cobas-c111.raw.txt'],
    checksums: 'C6,4B,B3,CE,4F,FD,0A',
    numbers: '1234567',
    finals: 'BBBBBBX',
    trailer: 'LF',
    recordTypes: 'HPORCML',
  },
  {
    files: ['astm/02_roche_cobas_c311_single_frame_many_records.txt', 'astm-e1381-cobas-c311.raw.txt'],
    checksums: '06',
    numbers: '1',
    finals: 'X',
    trailer: 'CRLF',
    recordTypes: 'HPORCRCRCRCRCRCRCL',
  },
  {
    files: ['astm/04_sysmex_xp100_cbc_single_frame.txt', 'astm-e1381-sysmex-xp100.raw.txt'],
    checksums: '57',
    numbers: '1',
    finals: 'X',
    trailer: 'CR',
    recordTypes: `HPO${'R'.repeat(20)}L`,
  },
  {
    files: ['astm/05_horiba_pentra_xlr_frame_number_wraps.txt', 'astm-e1381-pentra-xlr.raw.txt'],
    checksums: '58,C9,83,E2,D7,62,4A,57,8B,14,48,4C,3F,1A,0A,73,3D,26,6A,EC,34,7D,4F,1F,47,45,9D,07',
    numbers: '1234567012345670123456701234',
    finals: 'X'.repeat(28),
    trailer: 'LF', // INDEX.md says CR LF, but the bytes are `ETX cs LF`
    recordTypes: `HPORCC${'R'.repeat(18)}CRRL`,
  },
  {
    files: ['astm/08_siemens_dca_vantage_acr.txt'],
    checksums: '43',
    numbers: '1',
    finals: 'X',
    trailer: 'CR',
    recordTypes: 'HPORCRCRL',
  },
  {
    files: ['astm/11_abbott_architect_manual_example.txt'],
    checksums: '02',
    numbers: '1',
    finals: 'X',
    trailer: 'CR',
    recordTypes: 'HPORCRRL',
  },
  {
    files: ['astm/12_roche_cobas_c111_inline_frames_ETB_crlf.bin'],
    checksums: '9B,4B,C0,A2,4F,AD,0A',
    numbers: '1234567',
    finals: 'BBBBBBX',
    trailer: 'CRLF',
    recordTypes: 'HPORCML',
  },
];

/** Plays a capture to a receiving machine as a sender would: ENQ, each frame after the previous reply, EOT. */
function replay(bytes: Uint8Array, frameOffsets: readonly number[]): { writes: string[]; stored: string[] } {
  const machine = new AstmLinkMachine();
  const writes: string[] = [];
  const stored: string[] = [];
  const apply = (actions: AstmLinkAction[]): void => {
    for (const action of actions) {
      if (action.type === 'write') {
        writes.push(action.label);
      } else if (action.type === 'awaitStorage') {
        stored.push(action.messageText);
        apply(machine.handle({ type: 'stored', storageId: action.storageId }, 0));
      }
    }
  };
  apply(machine.handle({ type: 'bytesReceived', bytes: Uint8Array.of(0x05) }, 0));
  frameOffsets.forEach((offset, i) => {
    apply(
      machine.handle({ type: 'bytesReceived', bytes: bytes.subarray(offset, frameOffsets[i + 1] ?? bytes.length) }, 0)
    );
  });
  apply(machine.handle({ type: 'bytesReceived', bytes: Uint8Array.of(0x04) }, 0));
  return { writes, stored };
}

describe.skipIf(!sharedFixtures.available)('ASTM conformance — framed captures (E1381)', () => {
  for (const c of framedCases) {
    for (const file of c.files) {
      describe(file, () => {
        it('frames: checksums verified, numbering, ETB/ETX flags, trailer', () => {
          const capture = readAstmCapture(payload(file));
          expect(capture.framed).toBe(true);
          expect(capture.frames.map((f) => f.checksum).join(',')).toBe(c.checksums);
          expect(capture.frames.every((f) => f.checksumOk && f.expectedChecksum === f.checksum)).toBe(true);
          expect(capture.frames.map((f) => f.number).join('')).toBe(c.numbers);
          expect(capture.frames.map((f) => (f.final ? 'X' : 'B')).join('')).toBe(c.finals);
          expect(new Set(capture.frames.map((f) => f.trailer))).toEqual(new Set([c.trailer]));
          expect(capture.issues.filter((i) => i.severity === 'error')).toEqual([]);
        });

        it('records', () => {
          const parsed = tryParseAstmMessages(readAstmCapture(payload(file)).text);
          expect(parsed.issues).toEqual([]);
          expect(parsed.messages.map((m) => m.records.map((r) => r.type).join(''))).toEqual([c.recordTypes]);
        });

        it('a receiving link ACKs every frame and stores the whole text', () => {
          const bytes = payload(file);
          const capture = readAstmCapture(bytes);
          const { writes, stored } = replay(
            bytes,
            capture.frames.map((f) => f.offset)
          );
          expect(writes).toEqual(Array(capture.frames.length + 1).fill('ACK'));
          expect(stored.join('')).toBe(capture.text);
          expect(stored).toHaveLength(c.finals.split('').filter((f) => f === 'X').length);
        });
      });
    }
  }

  it('Roche cobas c111: R ^^^413 = 40.13 g/L, flag N, status F; M record with 18 repeated raw values', () => {
    const { message } = parseCapture('astm/01_roche_cobas_c111_multiframe_ETB.txt');
    const [result] = findAstmRecords(message, 'R').map(readAstmResult);
    expect(result).toMatchObject({
      localTestCode: '413',
      value: '40.13',
      units: 'g/L',
      abnormalFlags: ['N'],
      status: 'F',
    });
    const manufacturer = findAstmRecords(message, 'M')[0];
    expect(manufacturer && getAstmRepetitions(manufacturer, 5)).toHaveLength(18);
  });

  it('Roche cobas c111 (inline frames): R ^^^550 = 95.2 U/L', () => {
    const { message } = parseCapture('astm/12_roche_cobas_c111_inline_frames_ETB_crlf.bin');
    expect(getAstmPath(message, 'R.3.4')).toBe('550');
    expect(getAstmPath(message, 'R.4')).toBe('95.2');
    expect(getAstmPath(message, 'R.5')).toBe('U/L');
  });

  it('Roche cobas c311: 7 R and 7 C; R1 685/ 22.4 U/l flag A; R3 712/ 4.1 umol/l flag L; space-padded O.3', () => {
    const { message } = parseCapture('astm/02_roche_cobas_c311_single_frame_many_records.txt');
    expect(typeCounts(message)).toEqual({ H: 1, P: 1, O: 1, R: 7, C: 7, L: 1 });
    const results = findAstmRecords(message, 'R').map(readAstmResult);
    expect(results[0]).toMatchObject({ localTestCode: '685/', value: '22.4', units: 'U/l', abnormalFlags: ['A'] });
    expect(results[2]).toMatchObject({ localTestCode: '712/', value: '4.1', units: 'umol/l', abnormalFlags: ['L'] });
    expect(getAstmPath(message, 'O.3')).toBe('11625^CL-PL-24-0370         ^1^^004');
    expect(readAstmOrder(findAstmRecords(message, 'O')[0] ?? { fields: [] }).specimenIds).toEqual(['11625']);
  });

  it('Sysmex XP-100: 20 R (CBC), O.5 lists the 20 tests as repetitions, space-padded values', () => {
    const { message } = parseCapture('astm/04_sysmex_xp100_cbc_single_frame.txt');
    const order = readAstmOrder(findAstmRecords(message, 'O')[0] ?? { fields: [] });
    expect(order.tests).toHaveLength(20);
    expect(order.tests[0]?.[4]).toBe('WBC');
    const results = findAstmRecords(message, 'R').map(readAstmResult);
    expect(results).toHaveLength(20);
    expect(results[0]).toMatchObject({ localTestCode: 'WBC', value: '5.5', units: '10*3/uL', abnormalFlags: ['N'] });
    expect(results[1]).toMatchObject({ localTestCode: 'RBC', value: '2.87' });
    expect(getAstmPath(message, 'H.13')).toBe('E1394-97');
  });

  it('Horiba Pentra XLR: patient, specimen S1234, 21 R with LOINC in R.3, 3 C alarm records', () => {
    const { message } = parseCapture('astm/05_horiba_pentra_xlr_frame_number_wraps.txt');
    expect(getAstmPath(message, 'P.6')).toBe('Mohale^Rita');
    expect(getAstmPath(message, 'P.8')).toBe('19771201');
    expect(getAstmPath(message, 'P.9')).toBe('F');
    expect(getAstmPath(message, 'O.3')).toBe('S1234^00^00');
    expect(typeCounts(message)).toMatchObject({ R: 21, C: 3 });
    const wbc = readAstmResult(findAstmRecords(message, 'R')[0] ?? { fields: [] });
    expect(wbc).toMatchObject({ localTestCode: 'WBC', value: '8.5' });
    expect(wbc.testId[4]).toBe('804-5');
    expect(getAstmPath(message, 'C.4')).toBe('Alarm_WBC^LMNE-^BASO+^LL^NL^LN^NO^SL1');
  });

  it('Horiba Yumizen H500 QC: 31 frames whose numbers repeat 1 on the M records (reported), 21 R, 4 M, H.12 = Q', () => {
    const capture = readAstmCapture(payload('astm/06_horiba_yumizen_h500_qc_histograms.txt'));
    expect(capture.frames).toHaveLength(31);
    expect(capture.frames.every((f) => f.checksumOk && f.final)).toBe(true);
    expect(capture.frames.map((f) => f.number).join('')).toBe('1234511145670123456701234567012');
    expect(capture.frames.some((f) => f.duplicate)).toBe(false); // same number, different text: not a retransmission
    // 5 → 1, 1 → 1, 1 → 1, 1 → 4
    expect(capture.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(
      Array(4).fill('SIL_ASTM_FRAME_NUMBER')
    );
    const message = tryParseAstmMessages(capture.text).messages[0];
    expect(message && typeCounts(message)).toEqual({ H: 1, P: 1, O: 1, C: 2, M: 4, R: 21, L: 1 });
    expect(message && getAstmPath(message, 'H.12')).toBe('Q');
    expect(message && getAstmPath(message, 'H.13')).toBe('LIS2-A2');
    expect(message && getAstmPath(message, 'O.16')).toBe('CTRL^^CTRL MEDIUM');
    expect(message && getAstmPath(message, 'C.4')).toBe('CONTROL_FAILED^^PLT_ABOVE_TOLERANCE');
    expect(message && readAstmResult(findAstmRecords(message, 'R')[0] ?? { fields: [] }).referenceRange).toEqual([
      '84.0 - 94.0',
      'REFERENCE_RANGE',
    ]);
    expect(message && getAstmValue(findAstmRecords(message, 'M')[0] ?? { fields: [] }, 6, 1)).toBe(
      'FLOATLE-stream/deflate:base64'
    );
  });

  it('Siemens DCA Vantage: Alb 63.7 mg/L, Crt 230.8 mg/dL, Ratio 27.6 mg/g, all final', () => {
    const { message } = parseCapture('astm/08_siemens_dca_vantage_acr.txt');
    expect(
      findAstmRecords(message, 'R')
        .map(readAstmResult)
        .map((r) => [r.localTestCode, r.value, r.units, r.status])
    ).toEqual([
      ['Alb', '63.7', 'mg/L', 'F'],
      ['Crt', '230.8', 'mg/dL', 'F'],
      ['Ratio', '27.6', 'mg/g', 'F'],
    ]);
  });

  it('Abbott ARCHITECT: < 1.20 mIU/mL with EXP^<, NEGATIVE interpretation, 9245 RLU; patient and specimen ids', () => {
    const { message } = parseCapture('astm/11_abbott_architect_manual_example.txt');
    const results = findAstmRecords(message, 'R').map(readAstmResult);
    expect(results.map((r) => [r.value, r.units, r.testId.at(-1)])).toEqual([
      ['< 1.20', 'mIU/mL', 'F'],
      ['NEGATIVE', '', 'I'],
      ['9245', 'RLU', 'P'],
    ]);
    expect(results[0]).toMatchObject({ referenceRange: ['0.35 TO 4.94'], abnormalFlags: ['EXP', '<'] });
    expect(getAstmPath(message, 'P.6')).toBe('Patient^Im^A');
    expect(getAstmPath(message, 'P.14')).toBe('Dr.Amesbury');
    expect(getAstmPath(message, 'O.3')).toBe('SID13');
    expect(getAstmPath(message, 'O.4')).toBe('SID3^A123^5');
    expect(getAstmPath(message, 'H.5.1')).toBe('ARCHITECT');
  });

  it('bioMérieux mini VIDAS native protocol is not E1381: structured error, no exception', () => {
    for (const file of ['astm/10_biomerieux_mini_vidas_native_protocol.txt', 'biomerieux-minividas-framed.raw.txt']) {
      const capture = readAstmCapture(payload(file));
      expect(capture.frames).toEqual([]);
      expect(capture.issues.map((i) => i.code)).toEqual(['SIL_ASTM_FRAME_MALFORMED']);
      const { writes } = replay(payload(file), [0]);
      expect(writes).toEqual(['ACK']); // ENQ answered; the unterminated "frame" gets no reply
    }
  });
});

describe.skipIf(!sharedFixtures.available)('ASTM conformance — unframed E1394 records', () => {
  const parse = (file: string): AstmMessage => {
    const parsed = tryParseAstmMessages(readAstmCapture(payload(file)).text);
    expect(readAstmCapture(payload(file)).framed).toBe(false);
    const message = parsed.messages[0];
    if (message === undefined) {
      throw new Error(`${file}: no message`);
    }
    return message;
  };

  it('Siemens ADVIA Centaur XP VitD: 7 records, RLU 611793, COFF 1.00 ng/mL, DOSE 25.22 ng/mL', () => {
    const message = parse('astm/15_siemens_advia_centaur_xp_vitd.txt');
    expect(message.records).toHaveLength(7);
    expect(
      findAstmRecords(message, 'R')
        .map(readAstmResult)
        .map((r) => [r.testId[7], r.value, r.units])
    ).toEqual([
      ['RLU', '611793', ''],
      ['COFF', '1.00', 'ng/mL'],
      ['DOSE', '25.22', 'ng/mL'],
    ]);
    expect(getAstmPath(message, 'O.3')).toBe('000004300798^0014^A');
  });

  it('Siemens ADVIA Centaur XP host query: H, Q, L; Q.3 specimen K403911, Q.5 ALL, Q.13 O', () => {
    const message = parse('astm/16_siemens_advia_centaur_xp_query_Q_record.txt');
    expect(message.records.map((r) => r.type).join('')).toBe('HQL');
    expect(getAstmPath(message, 'Q.3')).toBe('^K403911^0024^A');
    const query = readAstmQuery(findAstmRecords(message, 'Q')[0] ?? { fields: [] });
    expect(query).toMatchObject({ specimenIds: ['K403911'], tests: [['ALL']], requestStatus: 'O' });
  });

  it('Beckman DxH order download with delimiters \\!~: O.3, O.5 !!!CD, O.12 N, H.3 control id', () => {
    const message = parse('astm/17_beckman_unicel_dxh_order_download.txt');
    expect(message.delimiters).toEqual({ field: '|', repeat: '\\', component: '!', escape: '~' });
    expect(message.records).toHaveLength(4);
    expect(getAstmPath(message, 'O.3')).toBe('000004287888');
    expect(getAstmPath(message, 'O.5')).toBe('!!!CD');
    expect(getAstmPath(message, 'O.5.4')).toBe('CD');
    expect(getAstmPath(message, 'O.12')).toBe('N');
    expect(getAstmPath(message, 'O.16')).toBe('Whole blood');
    expect(getAstmPath(message, 'H.3')).toBe('(0:0-144795890#123476669, 571)');
    expect(getAstmPath(message, 'P.8.2')).toBe('44');
  });

  it('Ortho VISION (LF-terminated): ABO = B, Rh = POS, patient and physician', () => {
    const message = parse('astm/18_ortho_vision_abo_rh_lf.txt');
    expect(
      findAstmRecords(message, 'R')
        .map(readAstmResult)
        .map((r) => [r.localTestCode, r.value])
    ).toEqual([
      ['ABO', 'B'],
      ['Rh', 'POS'],
    ]);
    expect(getAstmPath(message, 'P.6')).toBe('Brown^Bobby^B');
    expect(getAstmPath(message, 'P.14')).toBe('PHY1234^Kildare^James^P');
  });

  it('Ortho VISION with M records (tgenaux): ABO = A, Rh = NEG, 5 M records, L||', () => {
    const message = parse('astm-lis2-ortho-vision-abo-rh.txt');
    expect(typeCounts(message)).toEqual({ H: 1, P: 1, O: 1, R: 2, M: 5, L: 1 });
    expect(findAstmRecords(message, 'R').map((r) => getAstmValue(r, 4))).toEqual(['A', 'NEG']);
    expect(getAstmValue(findAstmRecords(message, 'M')[0] ?? { fields: [] }, 4, 6)).toBe('20240307_151227Grey.jpg');
  });

  it('Phadia ImmunoCAP: 3 orders, results 9.34 kUA/l, Examine, 199 kU/l', () => {
    const message = parse('astm-lis2-phadia-immunocap.txt');
    expect(message.records.map((r) => r.type).join('')).toBe('HPORCORCORCL');
    expect(
      findAstmRecords(message, 'R')
        .map(readAstmResult)
        .map((r) => [r.testId[3], r.value, r.units])
    ).toEqual([
      ['t2', '9.34', 'kUA/l'],
      ['t3', 'Examine', 'kUA/l'],
      ['a-IgE', '199', 'kU/l'],
    ]);
  });

  it('single O record: O.3 repetitions SID102, SID103 and O.16 PACKEDCELLS, PLASMA', () => {
    const message = parse('astm/21_order_record_repeat_sample_ids.txt');
    const order = findAstmRecords(message, 'O')[0] ?? { fields: [] };
    expect(readAstmOrder(order).specimenIds).toEqual(['SID102', 'SID103']);
    expect(getAstmRepetitions(order, 16)).toEqual([['PACKEDCELLS'], ['PLASMA']]);
  });

  it('single P record: P.14 repetitions of physicians', () => {
    const message = parse('astm/22_patient_record_repeated_physicians.txt');
    expect(getAstmRepetitions(message.records[0] ?? { fields: [] }, 14)).toEqual([
      ['PHY101', 'Forbin', 'Charles', 'A'],
      ['PHY103', 'Morbius', 'Edward'],
    ]);
  });

  it('twgenaux LIS02 message in <CR> notation: H, P, O, L', () => {
    const lines = sharedFixtures.textWithoutHeader('astm-lis1-framed-session-twgenaux.txt').split('\n');
    const records = lines
      .slice(
        0,
        lines.findIndex((l) => l.startsWith('# ---'))
      )
      .join('')
      .replace(/<CR>/g, '\r');
    const parsed = tryParseAstmMessages(records);
    expect(parsed.issues).toEqual([]);
    expect(parsed.messages[0]?.records.map((r) => r.type).join('')).toBe('HPOL');
    expect(parsed.messages[0] && getAstmPath(parsed.messages[0], 'O.16')).toBe('CENTBLOOD');
  });
});
