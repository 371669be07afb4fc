/**
 * Roche cobas c311 (clinical chemistry, ASTM E1381/E1394), record layout copied field for field
 * from the capture `fixtures/astm/02_roche_cobas_c311_single_frame_many_records.txt`:
 *
 *   H|\^&|||c311^1|||||host|RSUPL^REAL|P|1
 *   P|1
 *   O|1|11625^CL-PL-24-0370         ^1^^004|R1|^^^685/\^^^687/…|R||||||N||^^||SC|||labo  |<padding>|||20240203132011|||F
 *   R|1|^^^685/|22.4|U/l||A||F|||||P1
 *   C|1|I|43|I
 *   L|1|N
 *
 * The sample id (the tube barcode) is O-3 component 2, space-padded to 22 characters; component 1
 * is the analyzer's sequence number: a link reading this instrument takes O-3.2, trimmed. Each R is
 * followed by a C record carrying the instrument's data alarm code (0 = none, 43 seen with flag A).
 *
 * Test codes are Roche application codes followed by `/` (dilution left empty). 685 ALT, 687 AST,
 * 712 total bilirubin, 735 direct bilirubin, 717 glucose and 690 creatinine carry the values the
 * capture shows for them (22.4 U/l, 15.0 U/l, 4.1 µmol/l, 1.6 µmol/l, 5.85 mmol/l, 34 µmol/l);
 * the other codes are illustrative — a lab maps its own analyzer's codes in the link profile.
 */
import { makeAstmRecord, serializeAstmMessage, type AstmRecordLike } from '@sillage/core';
import type { SimulatorProfile } from '../simulator-profile.js';
import type { MessageContent, SimulatedResult, SimulatedTest } from '../simulator-types.js';
import { localTimestamp } from './instrument-time.js';
import { simulatedTest } from './test-table.js';

const t = simulatedTest;
const skewed = { skewed: true } as const;
const tests: readonly SimulatedTest[] = [
  t('717', 'GLUCOSE', 'Glucose', 'mmol/l', 2, [4.11, 5.88], [0.11, 41.6], { criticalLow: 2.2, criticalHigh: 25 }),
  t('690', 'CREATININE', 'Créatinine', 'umol/l', 0, [45, 104], [5, 2650], { criticalHigh: 600 }),
  t('418', 'UREE', 'Urée', 'mmol/l', 1, [2.5, 7.5], [0.5, 40]),
  t('989', 'SODIUM', 'Sodium', 'mmol/l', 0, [136, 145], [80, 180], { criticalLow: 120, criticalHigh: 160 }),
  t('990', 'POTASSIUM', 'Potassium', 'mmol/l', 1, [3.5, 5.1], [1.5, 10], { criticalLow: 2.8, criticalHigh: 6.2 }),
  t('991', 'CHLORE', 'Chlore', 'mmol/l', 0, [98, 107], [60, 140]),
  t('685', 'ALAT', 'ALAT', 'U/l', 1, [7, 45], [5, 700], skewed),
  t('687', 'ASAT', 'ASAT', 'U/l', 1, [10, 40], [5, 700], skewed),
  t('712', 'BILIRUBINE_T', 'Bilirubine totale', 'umol/l', 1, [5, 21], [2.5, 680], skewed),
  t('735', 'BILIRUBINE_C', 'Bilirubine conjuguée', 'umol/l', 1, [0, 5], [1.5, 170], skewed),
  t('681', 'GGT', 'Gamma-GT', 'U/l', 0, [8, 61], [3, 1200], skewed),
  t('683', 'PAL', 'Phosphatases alcalines', 'U/l', 0, [40, 130], [5, 1200], skewed),
  t('798', 'CHOLESTEROL_T', 'Cholestérol total', 'mmol/l', 2, [3.1, 5.2], [0.1, 20.7]),
  t('781', 'TRIGLYCERIDES', 'Triglycérides', 'mmol/l', 2, [0.45, 1.7], [0.1, 10], skewed),
  t('435', 'HDL', 'Cholestérol HDL', 'mmol/l', 2, [1.0, 2.2], [0.08, 3.1]),
  t('734', 'CRP', 'Protéine C réactive', 'mg/l', 1, [0, 5], [0.6, 350], skewed),
];

/** Roche application code, then `/` and the (empty) dilution, as in the capture's `^^^685/`. */
function wireCode(test: SimulatedTest): string {
  return `${test.code}/`;
}

/** LIS2-A2 R.7 abnormal flags; an instrument alarm shows as A, as in the capture. */
function flagOf(result: SimulatedResult): string {
  return result.instrumentAlarm ? 'A' : result.interpretation;
}

/** O-20 as captured: five space-filled components. */
const capturedPadding = [30, 25, 20, 15, 10].map((width) => ' '.repeat(width));

function buildMessage(content: MessageContent): string {
  const at = localTimestamp(content.measuredAt);
  const records: AstmRecordLike[] = [
    makeAstmRecord('H', {
      2: '',
      5: ['c311', '1'],
      10: 'host',
      11: ['RSUPL', 'REAL'],
      // LIS2-A2 H.12: P patient results, Q quality control.
      12: content.qc === undefined ? 'P' : 'Q',
      13: '1',
    }),
    makeAstmRecord('P', { 2: '1' }),
    makeAstmRecord('O', {
      2: '1',
      3: [
        String(content.sequence),
        content.barcode.padEnd(22),
        '1',
        '',
        String((content.sequence % 5) + 1).padStart(3, '0'),
      ],
      4: 'R1',
      5: content.results.map((result) => ['', '', '', wireCode(result.test)]),
      6: 'R',
      // LIS2-A2 O.12 action code: N new, Q quality control.
      12: content.qc === undefined ? 'N' : 'Q',
      14: ['', '', ''],
      16: 'SC',
      19: 'labo  ',
      20: capturedPadding,
      23: at,
      26: 'F',
    }),
  ];
  content.results.forEach((result, index) => {
    records.push(
      makeAstmRecord('R', {
        2: String(index + 1),
        3: ['', '', '', wireCode(result.test)],
        4: result.value,
        5: result.test.unit,
        7: flagOf(result),
        9: 'F',
        14: 'P1',
      }),
      makeAstmRecord('C', { 2: '1', 3: 'I', 4: result.instrumentAlarm ? '43' : '0', 5: 'I' })
    );
  });
  records.push(makeAstmRecord('L', { 2: '1', 3: 'N' }));
  return serializeAstmMessage(records);
}

export const cobasC311Profile: SimulatorProfile = {
  name: 'cobas-c311',
  protocol: 'astm',
  description: 'Roche cobas c311, biochimie (ASTM E1381/E1394, disposition de la capture c311)',
  section: 'biochimie',
  tests,
  defaultPanel: ['717', '690', '418', '989', '990', '991'],
  qcMaterials: [
    { id: 'PCCC1', lot: '20391', level: 1, expiry: '20270430' },
    { id: 'PCCC2', lot: '20392', level: 2, expiry: '20270430' },
  ],
  messageGranularity: 'specimen',
  charset: 'iso-8859-1',
  wireCode,
  buildMessage,
};
