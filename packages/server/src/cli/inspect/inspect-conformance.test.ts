/**
 * Issue 4 § 10 for `sillage inspect`: every capture in ../shared/fixtures is inspected; protocol,
 * frames and checksums, message and record counts, and values from fixtures/INDEX.md (and SOURCES.md
 * for the top-level files) are asserted. A capture file without an expectation here fails the suite.
 */
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../../test-support/shared-fixtures.js';
import { inspectCapture } from './inspect-capture.js';
import type { InspectProtocol, InspectReport } from './inspect-report.js';
import { codesOf, numbering, recordOfType, recordsIn, recordsOfType, uniqueCodesOf } from './inspect-test-helpers.js';

const astm = numbering('astm');
const hl7 = numbering('hl7');
const hprim = numbering('hprim');

interface Expectation {
  readonly protocol: InspectProtocol;
  /** Framed ASTM only: the checksums received, in order (all must verify unless `badChecksums`). */
  readonly checksums?: readonly string[];
  /** Records (or segments) per message. */
  readonly recordCounts: readonly number[];
  /** Error codes, in order. */
  readonly errors?: readonly string[];
  /** Distinct warning codes. */
  readonly warnings?: readonly string[];
  readonly check: (report: InspectReport) => void;
}

const TRAILER = 'SIL_ASTM_FRAME_TRAILER';

/** `count` frames whose checksums INDEX.md does not list: each must still verify. */
function unlisted(count: number): string[] {
  return Array.from({ length: count }, () => '');
}

const c111Checksums = ['C6', '4B', 'B3', 'CE', '4F', 'FD', '0A'];

function checkC111(report: InspectReport): void {
  // INDEX §2: R test `^^^413` = 40.13 g/L, flag N, status F; one record per frame, ETB then ETX.
  expect(report.frames?.map((frame) => frame.final)).toEqual([false, false, false, false, false, false, true]);
  const result = recordOfType(report, 'R');
  expect(astm.field(result, 3)).toEqual([['', '', '', '413']]);
  expect([astm.value(result, 4), astm.value(result, 5), astm.value(result, 7), astm.value(result, 9)]).toEqual([
    '40.13',
    'g/L',
    'N',
    'F',
  ]);
  expect(recordsIn(report).map((record) => record.type)).toEqual(['H', 'P', 'O', 'R', 'C', 'M', 'L']);
  // M record with `\`-repeated raw values.
  expect(astm.field(recordOfType(report, 'M'), 5)?.length).toBeGreaterThan(10);
}

function checkC311(report: InspectReport): void {
  expect(recordsOfType(report, 'R')).toHaveLength(7);
  expect(recordsOfType(report, 'C')).toHaveLength(7);
  const r1 = recordOfType(report, 'R', 1);
  expect([astm.value(r1, 3, 4), astm.value(r1, 4), astm.value(r1, 5), astm.value(r1, 7)]).toEqual([
    '685/',
    '22.4',
    'U/l',
    'A',
  ]);
  const r3 = recordOfType(report, 'R', 3);
  expect([astm.value(r3, 3, 4), astm.value(r3, 4), astm.value(r3, 5), astm.value(r3, 7)]).toEqual([
    '712/',
    '4.1',
    'umol/l',
    'L',
  ]);
  expect(astm.field(recordOfType(report, 'O'), 3)).toEqual([['11625', 'CL-PL-24-0370         ', '1', '', '004']]);
}

function checkSysmex(report: InspectReport): void {
  expect(recordsOfType(report, 'R')).toHaveLength(20);
}

function checkPentra(report: InspectReport): void {
  // Frame numbers wrap 1…7, 0, 1…
  expect(report.frames?.slice(5, 10).map((frame) => frame.number)).toEqual([6, 7, 0, 1, 2]);
  const patient = recordOfType(report, 'P');
  expect(astm.field(patient, 6)).toEqual([['Mohale', 'Rita']]);
  expect([astm.value(patient, 8), astm.value(patient, 9)]).toEqual(['19771201', 'F']);
  expect(astm.field(recordOfType(report, 'O'), 3)).toEqual([['S1234', '00', '00']]);
  expect(recordsOfType(report, 'R')).toHaveLength(21);
  expect(recordsOfType(report, 'C')).toHaveLength(3);
  const wbc = recordsOfType(report, 'R').find((record) => astm.value(record, 3, 4) === 'WBC');
  expect(wbc && [astm.value(wbc, 3, 5), astm.value(wbc, 4)]).toEqual(['804-5', '8.5']);
}

/** bioMérieux VIDAS native protocol: STX, RS-tagged fields, GS and a checksum — no ETX, so no E1381 frame. */
function checkVidas(report: InspectReport): void {
  expect(report.frames).toEqual([]);
  expect(report.errors[0]).toMatchObject({ offset: 0, detail: expect.stringContaining('truncated') });
}

const hl7Types = (report: InspectReport, index = 0): string[] => recordsIn(report, index).map((s) => s.type);

const expectations: Readonly<Record<string, Expectation>> = {
  // ── top level (SOURCES.md) ───────────────────────────────────────────────
  'astm-e1381-cobas-c111.raw.txt': {
    protocol: 'astm',
    checksums: c111Checksums,
    recordCounts: [7],
    warnings: [TRAILER],
    check: checkC111,
  },
  'astm-e1381-cobas-c311.raw.txt': { protocol: 'astm', checksums: ['06'], recordCounts: [18], check: checkC311 },
  'astm-e1381-pentra-xlr.raw.txt': {
    protocol: 'astm',
    checksums: unlisted(28),
    recordCounts: [28],
    warnings: [TRAILER],
    check: checkPentra,
  },
  'astm-e1381-sysmex-xp100.raw.txt': {
    protocol: 'astm',
    checksums: ['57'],
    recordCounts: [24],
    warnings: [TRAILER],
    check: checkSysmex,
  },
  'astm-lis1-framed-session-twgenaux.txt': {
    // `<STX>` notation; the excerpt ends with a stand-alone example frame numbered 6 after frame 4.
    protocol: 'astm',
    checksums: ['96', '66', '4B', '07', '62'],
    recordCounts: [5],
    errors: ['SIL_ASTM_FRAME_NUMBER'],
    warnings: ['SIL_ASTM_RECORD_AFTER_TERMINATOR'],
    check: (report) => {
      // After the EOT a new transfer phase starts: its first frame must be 1 (E1381 §6.3.2).
      expect(report.errors[0]).toMatchObject({
        frame: 6,
        detail: 'first frame of a transfer phase is 6, not 1',
        message: expect.stringContaining('Numéro de trame'),
      });
      expect(astm.field(recordOfType(report, 'P'), 6)).toEqual([['Brown', 'Bobby', 'B']]);
    },
  },
  'astm-lis2-ortho-vision-abo-rh.txt': {
    protocol: 'astm',
    recordCounts: [11],
    check: (report) => {
      expect(recordsOfType(report, 'R').map((r) => [astm.value(r, 3), astm.value(r, 4)])).toEqual([
        ['ABO', 'A'],
        ['Rh', 'NEG'],
      ]);
      expect(recordsOfType(report, 'M')).toHaveLength(5);
    },
  },
  'astm-lis2-phadia-immunocap.txt': {
    protocol: 'astm',
    recordCounts: [12],
    check: (report) => {
      const values = recordsOfType(report, 'R').map((r) => [astm.value(r, 3, 4), astm.value(r, 4), astm.value(r, 5)]);
      expect(values).toEqual([
        ['t2', '9.34', 'kUA/l'],
        ['t3', 'Examine', 'kUA/l'],
        ['a-IgE', '199', 'kU/l'],
      ]);
    },
  },
  'biomerieux-minividas-framed.raw.txt': {
    // Proprietary VIDAS protocol (SOURCES.md): STX but no ETX/ETB frame, hence no E1394 record.
    protocol: 'astm',
    checksums: [],
    recordCounts: [],
    errors: ['SIL_ASTM_FRAME_MALFORMED', 'SIL_ASTM_EMPTY_MESSAGE'],
    check: checkVidas,
  },
  'hl7v25-ack-r01-cisis.hl7': {
    protocol: 'hl7',
    recordCounts: [2],
    check: (report) => {
      const msa = recordOfType(report, 'MSA');
      expect([hl7.value(msa, 1), hl7.value(msa, 2)]).toEqual(['AA', '015']);
    },
  },
  'hl7v25-oru-r01-cisis-crbio-transmission-dmp-mss.hl7': {
    protocol: 'hl7',
    recordCounts: [22],
    check: (report) => {
      expect(recordsOfType(report, 'PRT')).toHaveLength(4);
      // MSH-18 UNICODE UTF-8: accents decoded.
      expect(hl7.value(recordOfType(report, 'OBX', 3), 3, 2)).toBe('Masqué aux professionnels de Santé');
      expect(hl7.value(recordOfType(report, 'PRT', 4), 15, 4)).toBe('adam.hoda@test-ci-sis.mssante.fr');
    },
  },
  'hl7v251-ihe-law-lab29-oul-r22-roche-cobas-pure-qc.hl7': {
    protocol: 'hl7',
    recordCounts: [16],
    check: (report) => {
      const msh = recordOfType(report, 'MSH');
      expect(hl7.field(msh, 9)).toEqual([['OUL', 'R22', 'OUL_R22']]);
      expect(hl7.field(msh, 21)).toEqual([['LAB-29', 'IHE']]);
      // QC specimen: SPM-11 = Q (HL7 table 0369).
      expect(hl7.value(recordOfType(report, 'SPM'), 11)).toBe('Q');
      expect(hl7.field(recordOfType(report, 'OBX', 1), 18)).toEqual([
        ['c303', 'ROCHE'],
        ['24V5-03', 'ROCHE'],
        ['1', 'ROCHE'],
      ]);
      expect(hl7.value(recordOfType(report, 'OBX', 5), 3)).toBe('QC_TARGET');
    },
  },
  'hl7v26-zam-z01-z02-z03-cisis-acquittements-metier.hl7': {
    // Three messages separated by `# ---- next message ----` comment lines.
    protocol: 'hl7',
    recordCounts: [4, 4, 4],
    check: (report) => {
      expect(report.messages.map((_, i) => hl7.value(recordOfType(report, 'MSH', 1, i), 9, 2))).toEqual([
        'Z01',
        'Z02',
        'Z03',
      ]);
      expect(hl7.field(recordOfType(report, 'ERR'), 5)).toEqual([['DMPClosed', 'DMP fermé', 'DMPERRORCODE']]);
    },
  },
  'hprim-medecins-res-tex-lines.txt': {
    protocol: 'hprim',
    recordCounts: [5],
    check: (report) => {
      expect(hl7Types(report)).toEqual(['RES', 'RES', 'RES', 'TEX', 'TEX']);
      const creatinine = recordOfType(report, 'RES', 3);
      // UTF-8 file: µ decoded.
      expect([2, 3, 4, 5, 6, 7, 8, 9].map((n) => hprim.value(creatinine, n))).toEqual([
        'CREATININE',
        'CREA',
        'N',
        '85*',
        'µmol/L',
        '60',
        '120',
        'H',
      ]);
      expect(hprim.value(recordOfType(report, 'TEX', 2), 2)).toBe('Valeurs normales détectées');
    },
  },
  'hprim-sante-2.1-oru-libhprim.hpr': {
    protocol: 'hprim',
    recordCounts: [8],
    // The OBR line is 229 characters before its `A` continuation.
    warnings: ['SIL_HPRIM_LINE_TOO_LONG'],
    check: (report) => {
      expect(hl7Types(report)).toEqual(['H', 'P', 'OBR', 'OBX', 'C', 'OBX', 'OBX', 'L']);
      expect(hprim.field(recordOfType(report, 'H'), 2)).toEqual([['~^\\&']]);
      // Component `~`, repetition `^` (the reverse of HL7).
      expect(hprim.field(recordOfType(report, 'P'), 6)).toEqual([['GAULLE', 'MARECHAL']]);
      const obr = recordOfType(report, 'OBR');
      expect(hprim.field(obr, 5)?.length).toBe(9);
      // The `A|ue HP~L|…` continuation is merged into OBR.
      expect(hprim.field(obr, 17)).toEqual([['PILO', 'DR PITO OLIV', 'L', 'TESTHP', 'Clinique HP', 'L']]);
      const obx = recordOfType(report, 'OBX');
      expect([hprim.value(obx, 6), hprim.value(obx, 7), hprim.value(obx, 8)]).toEqual(['16', 'UI/l', '10 - 40']);
    },
  },
  // ── astm/ (INDEX §2) ─────────────────────────────────────────────────────
  'astm/01_roche_cobas_c111_multiframe_ETB.txt': {
    protocol: 'astm',
    checksums: c111Checksums,
    recordCounts: [7],
    warnings: [TRAILER],
    check: checkC111,
  },
  'astm/02_roche_cobas_c311_single_frame_many_records.txt': {
    protocol: 'astm',
    checksums: ['06'],
    recordCounts: [18],
    check: checkC311,
  },
  'astm/04_sysmex_xp100_cbc_single_frame.txt': {
    protocol: 'astm',
    checksums: ['57'],
    recordCounts: [24],
    warnings: [TRAILER],
    check: checkSysmex,
  },
  'astm/05_horiba_pentra_xlr_frame_number_wraps.txt': {
    protocol: 'astm',
    checksums: unlisted(28),
    recordCounts: [28],
    warnings: [TRAILER],
    check: checkPentra,
  },
  'astm/06_horiba_yumizen_h500_qc_histograms.txt': {
    // The capture's own numbering runs 1…5, 1, 1, 1, 4…: four jumps, reported as such.
    protocol: 'astm',
    checksums: unlisted(31),
    recordCounts: [31],
    errors: ['SIL_ASTM_FRAME_NUMBER', 'SIL_ASTM_FRAME_NUMBER', 'SIL_ASTM_FRAME_NUMBER', 'SIL_ASTM_FRAME_NUMBER'],
    warnings: [TRAILER],
    check: (report) => {
      const header = recordOfType(report, 'H');
      expect([astm.value(header, 12), astm.value(header, 13)]).toEqual(['Q', 'LIS2-A2']);
      expect(astm.field(recordOfType(report, 'O'), 16)).toEqual([['CTRL', '', 'CTRL MEDIUM']]);
      expect(recordsOfType(report, 'R')).toHaveLength(21);
      expect(recordsOfType(report, 'M')).toHaveLength(4);
      expect(astm.value(recordOfType(report, 'R', 1), 6)).toMatch(/^\d+\.\d - \d+\.\d$/);
      expect(astm.value(recordOfType(report, 'R', 1), 6, 2)).toBe('REFERENCE_RANGE');
      const comments = recordsOfType(report, 'C').map((c) => astm.field(c, 4));
      expect(comments).toContainEqual([['CONTROL_FAILED', '', 'PLT_ABOVE_TOLERANCE']]);
    },
  },
  'astm/08_siemens_dca_vantage_acr.txt': {
    protocol: 'astm',
    checksums: ['43'],
    recordCounts: [9],
    warnings: [TRAILER],
    check: (report) => {
      const results = recordsOfType(report, 'R').map((r) => [astm.value(r, 4), astm.value(r, 5), astm.value(r, 9)]);
      expect(results).toEqual([
        ['63.7', 'mg/L', 'F'],
        ['230.8', 'mg/dL', 'F'],
        ['27.6', 'mg/g', 'F'],
      ]);
    },
  },
  'astm/10_biomerieux_mini_vidas_native_protocol.txt': {
    protocol: 'astm',
    checksums: [],
    recordCounts: [],
    errors: ['SIL_ASTM_FRAME_MALFORMED', 'SIL_ASTM_EMPTY_MESSAGE'],
    check: checkVidas,
  },
  'astm/11_abbott_architect_manual_example.txt': {
    protocol: 'astm',
    checksums: ['02'],
    recordCounts: [8],
    warnings: [TRAILER],
    check: (report) => {
      const r1 = recordOfType(report, 'R', 1);
      expect([astm.value(r1, 4), astm.value(r1, 5), astm.value(r1, 6)]).toEqual(['< 1.20', 'mIU/mL', '0.35 TO 4.94']);
      expect(astm.field(r1, 7)).toEqual([['EXP', '<']]);
      expect(astm.value(recordOfType(report, 'R', 2), 4)).toBe('NEGATIVE');
      expect([astm.value(recordOfType(report, 'R', 3), 4), astm.value(recordOfType(report, 'R', 3), 5)]).toEqual([
        '9245',
        'RLU',
      ]);
      expect(astm.field(recordOfType(report, 'P'), 6)).toEqual([['Patient', 'Im', 'A']]);
      const order = recordOfType(report, 'O');
      expect([astm.value(order, 3), astm.field(order, 4)]).toEqual(['SID13', [['SID3', 'A123', '5']]]);
    },
  },
  'astm/12_roche_cobas_c111_inline_frames_ETB_crlf.bin': {
    protocol: 'astm',
    checksums: ['9B', '4B', 'C0', 'A2', '4F', 'AD', '0A'],
    recordCounts: [7],
    check: (report) => {
      expect(astm.value(recordOfType(report, 'R'), 4)).toBe('95.2');
      expect(astm.value(recordOfType(report, 'R'), 5)).toBe('U/L');
    },
  },
  'astm/15_siemens_advia_centaur_xp_vitd.txt': {
    protocol: 'astm',
    recordCounts: [7],
    check: (report) => {
      const results = recordsOfType(report, 'R').map((r) => [astm.value(r, 4), astm.value(r, 5)]);
      expect(results).toEqual([
        ['611793', ''],
        ['1.00', 'ng/mL'],
        ['25.22', 'ng/mL'],
      ]);
      expect(astm.field(recordOfType(report, 'O'), 3)).toEqual([['000004300798', '0014', 'A']]);
    },
  },
  'astm/16_siemens_advia_centaur_xp_query_Q_record.txt': {
    protocol: 'astm',
    recordCounts: [3],
    check: (report) => {
      const query = recordOfType(report, 'Q');
      expect(astm.field(query, 3)).toEqual([['', 'K403911', '0024', 'A']]);
      expect([astm.value(query, 5), astm.value(query, 13)]).toEqual(['ALL', 'O']);
    },
  },
  'astm/17_beckman_unicel_dxh_order_download.txt': {
    // Delimiters `|\!~`: repeat `\`, component `!`, escape `~`.
    protocol: 'astm',
    recordCounts: [4],
    check: (report) => {
      const header = recordOfType(report, 'H');
      expect([astm.field(header, 2), astm.value(header, 3)]).toEqual([[['\\!~']], '(0:0-144795890#123476669, 571)']);
      const order = recordOfType(report, 'O');
      expect([astm.value(order, 3), astm.field(order, 5), astm.value(order, 12)]).toEqual([
        '000004287888',
        [['', '', '', 'CD']],
        'N',
      ]);
    },
  },
  'astm/18_ortho_vision_abo_rh_lf.txt': {
    protocol: 'astm',
    recordCounts: [6],
    check: (report) => {
      expect(recordsOfType(report, 'R').map((r) => [astm.value(r, 3), astm.value(r, 4)])).toEqual([
        ['ABO', 'B'],
        ['Rh', 'POS'],
      ]);
      const patient = recordOfType(report, 'P');
      expect(astm.field(patient, 6)).toEqual([['Brown', 'Bobby', 'B']]);
      expect(astm.field(patient, 14)).toEqual([['PHY1234', 'Kildare', 'James', 'P']]);
    },
  },
  'astm/21_order_record_repeat_sample_ids.txt': {
    protocol: 'astm',
    recordCounts: [1],
    warnings: ['SIL_ASTM_NO_HEADER', 'SIL_ASTM_NO_TERMINATOR'],
    check: (report) => {
      const order = recordOfType(report, 'O');
      expect(astm.field(order, 3)).toEqual([['SID102'], ['SID103']]);
      expect(astm.field(order, 16)).toEqual([['PACKEDCELLS'], ['PLASMA']]);
    },
  },
  'astm/22_patient_record_repeated_physicians.txt': {
    protocol: 'astm',
    recordCounts: [1],
    warnings: ['SIL_ASTM_NO_HEADER', 'SIL_ASTM_NO_TERMINATOR'],
    check: (report) => {
      expect(astm.field(recordOfType(report, 'P'), 14)).toEqual([
        ['PHY101', 'Forbin', 'Charles', 'A'],
        ['PHY103', 'Morbius', 'Edward'],
      ]);
    },
  },
  // ── hl7v2/ (INDEX §1) ────────────────────────────────────────────────────
  'hl7v2/01_oru_r01_glucose_sn_python-hl7.hl7': {
    protocol: 'hl7',
    recordCounts: [5],
    check: (report) => {
      expect(hl7Types(report)).toEqual(['MSH', 'PID', 'OBR', 'OBX', 'OBX']);
      const msh = recordOfType(report, 'MSH');
      // MSH-1 is the field separator, MSH-2 the encoding characters.
      expect([hl7.field(msh, 0), hl7.field(msh, 1), hl7.field(msh, 2)]).toEqual([[['MSH']], [['|']], [['^~\\&']]]);
      expect([hl7.field(msh, 9), hl7.value(msh, 10), hl7.value(msh, 12)]).toEqual([
        [['ORU', 'R01']],
        'CNTRL-3456',
        '2.4',
      ]);
      const pid = recordOfType(report, 'PID');
      expect([hl7.value(pid, 5, 1), hl7.value(pid, 5, 2), hl7.value(pid, 7), hl7.value(pid, 8)]).toEqual([
        'EVERYWOMAN',
        'EVE',
        '196203520',
        'F',
      ]);
      const obx = recordOfType(report, 'OBX', 1);
      expect([hl7.value(obx, 2), hl7.field(obx, 5), hl7.value(obx, 6), hl7.value(obx, 7), hl7.value(obx, 8)]).toEqual([
        'SN',
        [['', '182']],
        'mg/dl',
        '70_105',
        'H',
      ]);
      expect(hl7.value(recordOfType(report, 'OBX', 2), 3)).toBe('1553-5');
    },
  },
  'hl7v2/02_oru_r01_repetitions_subcomponents_python-hl7.hl7': {
    protocol: 'hl7',
    recordCounts: [2],
    check: (report) => {
      const pid = recordOfType(report, 'PID');
      expect(hl7.field(pid, 1)).toEqual([['Field1']]);
      expect(hl7.field(pid, 2)).toEqual([['Component1', 'Component2']]);
      // Subcomponents joined back with `&`.
      expect(hl7.field(pid, 3)).toEqual([['Component1', 'Sub-Component1&Sub-Component2', 'Component3']]);
      expect(hl7.field(pid, 4)).toEqual([['Repeat1'], ['Repeat2']]);
    },
  },
  'hl7v2/03_adt_a01_nulls_repetitions_python-hl7.hl7': {
    protocol: 'hl7',
    recordCounts: [9],
    check: (report) => {
      // IN1 ×3 and IN2 ×2, interleaved as insurance groups.
      expect(hl7Types(report)).toEqual(['MSH', 'PID', 'PV1', 'DG1', 'IN1', 'IN2', 'IN1', 'IN2', 'IN1']);
      expect(hl7.value(recordOfType(report, 'MSH'), 10)).toBe('Q150084616T145947960');
      const pid = recordOfType(report, 'PID');
      expect(hl7.field(pid, 3)).toEqual([
        ['2148790', '', '', 'MSH_MRN', 'MR'],
        ['162840', '', '', 'MSH_EMPI', 'CM'],
      ]);
      expect(hl7.field(pid, 4)?.[1]).toEqual(['184737', '0', '', 'IID', 'DONOR ']);
      expect(hl7.field(pid, 13)).toHaveLength(2);
      const pv1 = recordOfType(report, 'PV1');
      // Explicit null `""` is kept, distinct from empty.
      expect([hl7.field(pv1, 9), pv1.fields.at(-1), hl7.value(pv1, 5)]).toEqual([[['""']], [['""']], ' 863968']);
      expect(hl7.value(recordOfType(report, 'DG1'), 3)).toBe('440.21');
    },
  },
  'hl7v2/04_batch_fhs_bhs_adt_a04_python-hl7.hl7': {
    protocol: 'hl7',
    recordCounts: [10],
    check: (report) => {
      expect(hl7Types(report)).toEqual(['FHS', 'BHS', 'MSH', 'EVN', 'PID', 'PD1', 'NK1', 'PV1', 'BTS', 'FTS']);
      const fhs = recordOfType(report, 'FHS');
      expect([hl7.value(fhs, 7), hl7.value(fhs, 9), hl7.value(fhs, 10)]).toEqual([
        '20070101123401',
        '',
        'abchs20070101123401.hl7',
      ]);
      const msh = recordOfType(report, 'MSH');
      expect([hl7.value(msh, 3), hl7.value(msh, 4)]).toEqual(['', 'ABCHS']);
      expect([hl7.value(recordOfType(report, 'BTS'), 1), hl7.value(recordOfType(report, 'FTS'), 1)]).toEqual([
        '1',
        '1',
      ]);
    },
  },
  'hl7v2/05_batch_two_adt_a04_python-hl7.hl7': {
    protocol: 'hl7',
    recordCounts: [7, 7],
    check: (report) => {
      expect([hl7Types(report, 0)[0], hl7Types(report, 1).at(-1)]).toEqual(['BHS', 'BTS']);
      expect(report.messages.map((_, i) => hl7.value(recordOfType(report, 'MSH', 1, i), 10))).toEqual([
        '12334456778890',
        '12334456778891',
      ]);
      expect(hl7.value(recordOfType(report, 'BTS', 1, 1), 1)).toBe('2');
    },
  },
  'hl7v2/06_oru_r01_nist_lead_nm_refrange_flag.hl7': {
    protocol: 'hl7',
    recordCounts: [7],
    check: (report) => {
      expect(hl7Types(report)).toEqual(['MSH', 'SFT', 'PID', 'ORC', 'OBR', 'OBX', 'SPM']);
      const msh = recordOfType(report, 'MSH');
      expect([hl7.value(msh, 3), hl7.value(msh, 21)]).toEqual(['EHR Application', 'PHLabReport-NoAck']);
      const pid = recordOfType(report, 'PID');
      expect([hl7.value(pid, 3, 1), hl7.value(pid, 3, 4), hl7.field(pid, 5), hl7.value(pid, 7)]).toEqual([
        '9817566735',
        'MPI&2.16.840.1.113883.19.3.2.1&ISO',
        [['Johnson', 'Philip']],
        '20070526',
      ]);
      const obx = recordOfType(report, 'OBX');
      expect([1, 2, 3, 5, 6, 7, 8, 11].map((n) => hl7.value(obx, n))).toEqual([
        '1',
        'NM',
        '10368-9',
        '50',
        'ug/dL',
        '<9 mcg/dL:  Acceptable background lead exposure',
        'H',
        'F',
      ]);
      expect(hl7.value(recordOfType(report, 'SPM'), 4)).toBe('122554006');
    },
  },
  'hl7v2/08_oru_r01_nist_stool_culture_3obx_st.hl7': {
    protocol: 'hl7',
    recordCounts: [9],
    check: (report) => {
      const observations = recordsOfType(report, 'OBX').map((obx) => [
        hl7.value(obx, 1),
        hl7.value(obx, 3),
        hl7.value(obx, 5),
      ]);
      expect(observations).toEqual([
        ['1', '6331-3', 'Isolated'],
        ['1', '20995-1', 'Isolated'],
        ['1', '17576-0', 'Not Isolated'],
      ]);
      expect(hl7.field(recordOfType(report, 'PID'), 5)).toEqual([['Whiteagle', 'Adam']]);
    },
  },
  'hl7v2/09_oru_r01_olis_nte_escapes_F_br.hl7': {
    protocol: 'hl7',
    recordCounts: [8],
    check: (report) => {
      expect(hl7.value(recordOfType(report, 'MSH'), 9)).toBe('ORU');
      expect(hl7.field(recordOfType(report, 'PID'), 5)).toEqual([['LEIGHTON', 'RACHEL', 'DIAMOND']]);
      expect(hl7.value(recordOfType(report, 'OBR'), 4, 3)).toBe('HL79901 literal');
      // `\F\` → `|` and `\.br\` → line feed, decoded.
      const note = hl7.value(recordOfType(report, 'NTE'), 3);
      expect(note).toContain('|  Risk   |');
      expect(note.split('\n')).toHaveLength(30);
      expect(note).not.toContain('\\F\\');
      const obx1 = recordOfType(report, 'OBX', 1);
      expect([hl7.value(obx1, 2), hl7.value(obx1, 5), hl7.value(obx1, 6)]).toEqual(['NM', '2.30', 'mmol/L']);
      expect([hl7.value(recordOfType(report, 'OBX', 2), 2), hl7.value(recordOfType(report, 'OBX', 2), 5)]).toEqual([
        'FT',
        'Lab STP',
      ]);
    },
  },
  'hl7v2/10_oru_r01_blood_gas_ft_H_N_S_escapes.hl7': {
    protocol: 'hl7',
    recordCounts: [5],
    check: (report) => {
      expect(hl7Types(report)).not.toContain('PID');
      const obx = recordOfType(report, 'OBX');
      expect([hl7.value(obx, 2), hl7.field(obx, 3), hl7.value(obx, 8)]).toEqual(['FT', [['GAS', '', 'LN']], 'A']);
      const text = hl7.value(obx, 5);
      expect(text).toContain('pH : \\H\\ 7.28\\N\\ (7.38-7.43)');
      expect(text).toContain('37 ^o C');
      expect(text).toContain('\n');
    },
  },
  'hl7v2/11_adt_a08_version_field_with_components.hl7': {
    protocol: 'hl7',
    recordCounts: [2, 2],
    check: (report) => {
      const headers = report.messages.map((_, i) => recordOfType(report, 'MSH', 1, i));
      expect(headers.map((msh) => [hl7.field(msh, 9), hl7.value(msh, 10), hl7.value(msh, 12)])).toEqual([
        [[['ADT', 'A08']], '01501', '2.2'],
        [[['ADT', 'A08']], '01501', '2.2'],
      ]);
      expect(hl7.field(headers[1] ?? recordOfType(report, 'MSH'), 12)).toEqual([['2.2', 'x', 'x']]);
    },
  },
  'hl7v2/13_orm_o01_minimal_v23.hl7': {
    protocol: 'hl7',
    recordCounts: [5],
    check: (report) => {
      expect(hl7Types(report)).toEqual(['MSH', 'PID', 'PV1', 'ORC', 'OBR']);
      const pid = recordOfType(report, 'PID');
      expect(hl7.field(pid, 3)).toEqual([
        ['1', '', '', 'XXX'],
        ['2', '', '', 'YYY'],
      ]);
      expect(hl7.value(pid, 5, 2)).toBe('FirstName');
      const orc = recordOfType(report, 'ORC');
      expect([hl7.value(orc, 1), hl7.value(orc, 5)]).toEqual(['CA', 'CA']);
      expect(hl7.field(recordOfType(report, 'OBR'), 4)).toEqual([['RX50', 'ADDOME SUPINO']]);
    },
  },
  'hl7v2/15_mllp_frame_python-hl7_client_assert.bin': {
    protocol: 'hl7',
    recordCounts: [1],
    check: (report) => {
      const msh = recordOfType(report, 'MSH');
      expect([hl7.value(msh, 3), hl7.value(msh, 4)]).toEqual(['GHH LAB', 'ELAB']);
    },
  },
  'hl7v2/16_oul_r22_roche_cobas_pro_c503_lab29_lf.hl7': {
    protocol: 'hl7',
    recordCounts: [19],
    check: (report) => {
      const observations = recordsOfType(report, 'OBX');
      expect(observations.map((obx) => hl7.value(obx, 1))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
      expect(observations.map((obx) => hl7.value(obx, 2))).toEqual([
        'NM',
        'CE',
        'DTM',
        'EI',
        'EI',
        'CE',
        'ST',
        'ST',
        'ST',
      ]);
      const first = recordOfType(report, 'OBX', 1);
      expect([hl7.value(first, 5), hl7.field(first, 6), hl7.field(first, 8)]).toEqual([
        '32.2',
        [['mg/L', '', '99ROC']],
        [['N', '', 'HL70078']],
      ]);
      expect(hl7.field(recordOfType(report, 'OBX', 5), 5)).toEqual([['62'], ['67']]);
      expect(hl7.field(first, 18)).toEqual([
        ['c503', 'ROCHE'],
        ['', 'ROCHE'],
        ['1', 'ROCHE'],
      ]);
      expect(hl7.value(recordOfType(report, 'OBR'), 2)).toBe('""');
      expect(hl7.value(recordOfType(report, 'SPM'), 2)).toBe('022&BARCODE');
      expect(hl7.field(recordOfType(report, 'PID'), 5)).toEqual([['', '', '', '', '', '', 'U']]);
      expect(recordsOfType(report, 'INV')).toHaveLength(2);
      expect(JSON.stringify(report.messages)).toContain('·');
    },
  },
  'hl7v2/18_oul_r22_roche_c503_crlf_terminated.hl7': {
    protocol: 'hl7',
    recordCounts: [8],
    check: (report) => {
      expect(hl7.value(recordOfType(report, 'MSH'), 3)).toBe('device');
      const obx = recordOfType(report, 'OBX');
      expect([hl7.value(obx, 5), hl7.value(obx, 6)]).toEqual(['32.2', 'mg/L']);
    },
  },
  'hl7v2/19_ack_aa_trailing_field_separators.hl7': {
    protocol: 'hl7',
    recordCounts: [2],
    check: (report) => {
      const msa = recordOfType(report, 'MSA');
      expect([1, 2, 3].map((n) => hl7.value(msa, n))).toEqual(['AA', '9B38584D', 'Everything was okay dokay!']);
      // The trailing `|` makes one more, empty field.
      expect(msa.fields.at(-1)).toEqual([['']]);
    },
  },
  'hl7v2/20_ack_nonstandard_field_separator_underscore.hl7': {
    protocol: 'hl7',
    recordCounts: [2],
    check: (report) => {
      const msh = recordOfType(report, 'MSH');
      expect([hl7.field(msh, 1), hl7.value(msh, 3)]).toEqual([[['_']], 'Main']);
      const msa = recordOfType(report, 'MSA');
      expect([1, 2, 3].map((n) => hl7.value(msa, n))).toEqual(['AA', '9B38584D', 'Everything was okay dokay!']);
    },
  },
  'hl7v2/21_adt_a04_epic_lf_trailing_pipes.hl7': {
    protocol: 'hl7',
    recordCounts: [4],
    check: (report) => {
      const msh = recordOfType(report, 'MSH');
      expect([hl7.value(msh, 3), hl7.value(msh, 4)]).toEqual(['EPIC', 'EPICADT']);
      const pid = recordOfType(report, 'PID');
      expect([hl7.value(pid, 2), hl7.field(pid, 5)]).toEqual(['0493575', [['DOE', 'JOHN', '', '', '', '']]]);
      const nk1 = recordOfType(report, 'NK1');
      expect([hl7.value(nk1, 2, 1), hl7.value(nk1, 2, 2)]).toEqual(['ROE', 'MARIE']);
      const pv1 = recordOfType(report, 'PV1');
      expect(hl7.value(pv1, 2)).toBe('O');
      expect(hl7.field(pv1, 3)).toEqual([['168 '], ['219'], ['C'], ['PMA', '', '', '', '', '', '', '', '', '']]);
    },
  },
  'hl7v2/22_adt_a01_classic_spec_example.hl7': {
    protocol: 'hl7',
    recordCounts: [4],
    check: (report) => {
      const msh = recordOfType(report, 'MSH');
      expect([hl7.value(msh, 8), hl7.value(msh, 10)]).toEqual(['SECURITY', 'MSG00001']);
      const pid = recordOfType(report, 'PID');
      expect([hl7.field(pid, 5), hl7.value(pid, 8)]).toEqual([[['JONES', 'WILLIAM', 'A', 'III']], 'M-']);
    },
  },
  // ── france/hprim/ (INDEX §5) ─────────────────────────────────────────────
  'france/hprim/01_hprim_medecin_allergie_ige_crlf.hpr': {
    protocol: 'hprim',
    recordCounts: [12],
    check: (report) => {
      expect(recordsOfType(report, 'RES')).toHaveLength(2);
      const ige = recordOfType(report, 'RES', 1);
      expect([2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => hprim.value(ige, n))).toEqual([
        'I.G.E Totales',
        'IGET 000',
        'N',
        '164',
        'UI/ml',
        '0',
        '3000',
        'N',
        'F',
      ]);
      const second = recordOfType(report, 'RES', 2);
      expect([hprim.value(second, 2), hprim.value(second, 3), hprim.value(second, 4)]).toEqual(['', 'IGET 005', 'A']);
    },
  },
};

/** Every capture of the folders the issue names: top-level *.hl7, *.hpr, *.txt; astm/, hl7v2/, france/hprim/. */
function captureFiles(): string[] {
  const list = (folder: string, keep: (name: string) => boolean): string[] =>
    readdirSync(sharedFixtures.path(folder))
      .filter(keep)
      .map((name) => (folder === '.' ? name : `${folder}/${name}`));
  const notDerived = (name: string): boolean => !name.includes('DERIVED');
  return [
    ...list('.', (name) => /\.(?:hl7|hpr|txt)$/.test(name)),
    ...list('astm', notDerived),
    ...list('hl7v2', notDerived),
    ...list('france/hprim', notDerived),
  ].sort();
}

describe.skipIf(!sharedFixtures.available)('sillage inspect on every shared capture (fixtures/INDEX.md)', () => {
  it('has an expectation for every capture file, and every expectation names an existing file', () => {
    expect(captureFiles()).toEqual(Object.keys(expectations).sort());
  });

  describe.each(Object.entries(expectations))('%s', (file, expected) => {
    // Read in beforeAll, not at collection: the suite must skip cleanly without ../shared.
    let report!: ReturnType<typeof inspectCapture>;
    beforeAll(() => {
      report = inspectCapture(sharedFixtures.bytes(file));
    });

    it('detects the protocol and counts messages and records', () => {
      expect(report.protocol).toBe(expected.protocol);
      expect(report.messages.map((message) => recordsIn({ ...report, messages: [message] }).length)).toEqual(
        expected.recordCounts
      );
      const key = expected.protocol === 'astm' ? 'records' : 'segments';
      for (const message of report.messages) {
        expect(Object.keys(message)).toEqual([key]);
      }
    });

    it('lists the frames of framed ASTM only, every checksum verified', () => {
      if (expected.checksums === undefined) {
        expect(report.frames).toBeUndefined();
        return;
      }
      expect(report.frames).toHaveLength(expected.checksums.length);
      for (const [i, frame] of (report.frames ?? []).entries()) {
        expect(frame.checksumOk).toBe(true);
        expect(frame.checksum).toMatch(/^[0-9A-F]{2}$/);
        if (expected.checksums[i] !== '') {
          expect(frame.checksum).toBe(expected.checksums[i]);
        }
      }
    });

    it('reports exactly the expected errors and warnings, with French messages', () => {
      expect(codesOf(report.errors)).toEqual(expected.errors ?? []);
      expect(uniqueCodesOf(report.warnings)).toEqual([...(expected.warnings ?? [])].sort());
      for (const issue of [...report.errors, ...(report.warnings ?? [])]) {
        expect(issue.message).not.toBe(issue.code);
        expect(issue.message).toMatch(/[a-zà-ÿ]/);
      }
    });

    it('decodes the values INDEX.md lists', () => {
      expected.check(report);
    });
  });
});
