/**
 * Roche cobas pure (clinical chemistry, HL7 v2.5.1, IHE LAW LAB-29 "AWOS status change" OUL^R22
 * over MLLP). One message per test result, segment layout copied from the captures:
 * patient samples from `fixtures/hl7v2/16_oul_r22_roche_cobas_pro_c503_lab29_lf.hl7` (cobas pro),
 * controls from `fixtures/hl7v251-ihe-law-lab29-oul-r22-roche-cobas-pure-qc.hl7` (cobas pure):
 *
 *   MSH|^~\&|cobas pure||Host||<time+offset>||OUL^R22^OUL_R22|<id>|P|2.5.1|||NE|AL||UNICODE UTF-8|||LAB-29^IHE
 *   PID|||||^^^^^^U|||U                                  (patient sample: the analyzer knows no patient)
 *   SPM|1|<barcode>&BARCODE||SERPLAS^^99ROC|||||||P^^HL70369|||~~~~||||||||||PSCO^^99ROC|||SC^^99ROC
 *   SAC|||<barcode>^BARCODE|||||||<rack>|<position>||…||^1^:^1
 *   OBR|1|""||<test>^^99ROC   ORC|SC||||CM   TQ1|||||||||R^^HL70485
 *   OBX|1|NM|<test>^<test>^99ROC^^^IHELAW|1|<value>|<unit>^^99ROC||N^^HL70078|||F|||||…|RSLT
 *   OBX|2|CE|…   TCD|<test>^^99ROC|^1^:^1   INV (reagent R1, R3)   OBX|3|DTM pipetting time   OBX|4|EI calibration
 *
 * A control run has SPM-2 `<lot>&CONTROL`, SPM-11 `Q` (HL7 table 0369: control specimen), SAC-3
 * `<lot>^CONTROL`, an INV naming the material (`20391^PCCC1^99ROC`), no PID, and two more OBX:
 * QC_TARGET and QC_SD_RANGE. Test codes 20340 (calcium, mg/dL) and 20490 (CRP, mg/L) and their units
 * are those of the captures; the other codes are illustrative, mapped by the lab in the link profile.
 */
import { Hl7Builder, hl7Raw, type Hl7FieldInput } from '@sillage/core';
import { qcTarget } from '../simulated-values.js';
import type { SimulatorProfile } from '../simulator-profile.js';
import type { MessageContent, SimulatedResult, SimulatedTest } from '../simulator-types.js';
import { localDatePlusDays, localTimestamp, localTimestampWithOffset } from './instrument-time.js';
import { simulatedTest } from './test-table.js';

const t = simulatedTest;
const skewed = { skewed: true } as const;
const tests: readonly SimulatedTest[] = [
  t('20411', 'GLUCOSE', 'Glucose', 'mmol/L', 2, [4.11, 5.88], [0.11, 41.6], { criticalLow: 2.2, criticalHigh: 25 }),
  t('20420', 'CREATININE', 'Créatinine', 'umol/L', 0, [45, 104], [5, 2650], { criticalHigh: 600 }),
  t('20430', 'UREE', 'Urée', 'mmol/L', 1, [2.5, 7.5], [0.5, 40]),
  t('20600', 'SODIUM', 'Sodium', 'mmol/L', 0, [136, 145], [80, 180], { criticalLow: 120, criticalHigh: 160 }),
  t('20610', 'POTASSIUM', 'Potassium', 'mmol/L', 1, [3.5, 5.1], [1.5, 10], { criticalLow: 2.8, criticalHigh: 6.2 }),
  t('20620', 'CHLORE', 'Chlore', 'mmol/L', 0, [98, 107], [60, 140]),
  t('20340', 'CALCIUM', 'Calcium', 'mg/dL', 2, [8.6, 10.2], [0.8, 20.1], { criticalLow: 6.4, criticalHigh: 14 }),
  t('20490', 'CRP', 'Protéine C réactive', 'mg/L', 1, [0, 5], [0.3, 350], skewed),
  t('20650', 'ALAT', 'ALAT', 'U/L', 0, [7, 45], [5, 700], skewed),
  t('20660', 'ASAT', 'ASAT', 'U/L', 0, [10, 40], [5, 700], skewed),
];

/** The analyzer and module as OBX-18 names them (`c303^ROCHE~24V5-03^ROCHE~1^ROCHE` in the capture). */
const equipment = hl7Raw('c303^ROCHE~24V5-03^ROCHE~1^ROCHE');
/** OBX-16: operator and processing mode, as captured. */
const observer = hl7Raw('HELV~BATCH');
/** SPM-14 as captured: four empty repetitions (the builder would drop them). */
const emptyDescriptions = hl7Raw('~~~~');
const supplemental = 'S_OTHER';

function flagOf(result: SimulatedResult): string {
  return result.instrumentAlarm ? 'A' : result.interpretation;
}

/** OBX with the columns every OBX of the captures shares. */
function observation(
  builder: Hl7Builder,
  setId: number,
  type: string,
  code: Hl7FieldInput,
  value: Hl7FieldInput,
  unit: string | undefined,
  flag: string,
  analysedAt: string
): void {
  builder.segment('OBX', {
    1: setId,
    2: type,
    3: code,
    4: '1',
    5: value,
    6: unit === undefined ? undefined : [unit, '', '99ROC'],
    8: [flag, '', 'HL70078'],
    11: 'F',
    16: observer,
    18: equipment,
    19: analysedAt,
    21: '8',
    29: 'RSLT',
  });
}

function buildMessage(content: MessageContent): string {
  const [result] = content.results;
  if (result === undefined || content.results.length !== 1) {
    throw new Error('cobas-pure-hl7 : un message OUL^R22 porte exactement un résultat');
  }
  const code = result.test.code;
  const analysedAt = localTimestamp(content.measuredAt);
  const pipettedAt = localTimestamp(new Date(content.measuredAt.getTime() - 10 * 60_000));
  const qc = content.qc;
  const builder = new Hl7Builder();
  builder.segment('MSH', {
    3: 'cobas pure',
    5: 'Host',
    7: localTimestampWithOffset(content.measuredAt),
    9: ['OUL', 'R22', 'OUL_R22'],
    10: content.controlId,
    11: 'P',
    12: '2.5.1',
    15: 'NE',
    16: 'AL',
    18: 'UNICODE UTF-8',
    21: ['LAB-29', 'IHE'],
  });
  if (qc === undefined) {
    builder.segment('PID', { 5: ['', '', '', '', '', '', 'U'], 8: 'U' });
    builder.segment('SPM', {
      1: '1',
      2: [[content.barcode, 'BARCODE']],
      4: ['SERPLAS', '', '99ROC'],
      11: ['P', '', 'HL70369'],
      14: emptyDescriptions,
      24: ['PSCO', '', '99ROC'],
      27: ['SC', '', '99ROC'],
    });
    builder.segment('SAC', {
      3: [content.barcode, 'BARCODE'],
      10: String(50_000 + (content.sequence % 1000)),
      11: String((content.sequence % 5) + 1),
      29: ['', '1', ':', '1'],
    });
  } else {
    builder.segment('SPM', {
      1: '1',
      2: [[qc.lot, 'CONTROL']],
      4: null,
      11: ['Q', '', 'HL70369'],
      14: emptyDescriptions,
      19: qc.expiry,
      24: ['PSCO', '', '99ROC'],
      27: ['SC', '', '99ROC'],
    });
    builder.segment('SAC', { 3: [qc.lot, 'CONTROL'], 10: String(700_000 + (content.sequence % 1000)) });
    builder.segment('INV', {
      1: [qc.lot, qc.id, '99ROC'],
      2: ['OK', '', 'HL703843'],
      3: ['CO', '', 'HL70384'],
      4: ['', '', '99ROC'],
    });
  }
  builder.segment('OBR', { 1: '1', 2: null, 4: [code, '', '99ROC'] });
  builder.segment('ORC', { 1: 'SC', 5: 'CM' });
  builder.segment('TQ1', { 9: ['R', '', 'HL70485'] });
  const testId = [code, code, '99ROC', '', '', 'IHELAW'];
  const flag = flagOf(result);
  observation(builder, 1, 'NM', testId, result.value, result.test.unit, flag, analysedAt);
  observation(builder, 2, 'CE', testId, ['', '', '99ROC'], undefined, flag, analysedAt);
  builder.segment('TCD', { 1: [code, '', '99ROC'], 2: ['', '1', ':', '1'] });
  const reagentLot = String(51_000 + Number(code.slice(-3)));
  for (const container of ['R1', 'R3']) {
    builder.segment('INV', {
      1: `${code}01`,
      2: hl7Raw('OK^^HL70383~CURRENT^^99ROC'),
      3: container,
      4: reagentLot,
      5: '1',
      6: '12',
      12: localDatePlusDays(content.measuredAt, 180),
      16: '861168',
    });
  }
  const other = (id: string, name: string): Hl7FieldInput => [
    id,
    name,
    '99ROC',
    supplemental,
    'Other Supplemental',
    'IHELAW',
  ];
  observation(builder, 3, 'DTM', other('PT', 'Pipetting_Time'), pipettedAt, undefined, 'N', analysedAt);
  observation(builder, 4, 'EI', other('CalibrationID', 'CalibrationID'), '54', undefined, 'N', analysedAt);
  if (qc !== undefined) {
    const target = qcTarget(result.test, qc.level);
    observation(
      builder,
      5,
      'NM',
      other('QC_TARGET', 'QC_TARGET'),
      String(target.mean),
      result.test.unit,
      'N',
      analysedAt
    );
    observation(
      builder,
      6,
      'NM',
      other('QC_SD_RANGE', 'QC_SD_RANGE'),
      String(target.sd),
      result.test.unit,
      'N',
      analysedAt
    );
  }
  return builder.toString();
}

export const cobasPureHl7Profile: SimulatorProfile = {
  name: 'cobas-pure-hl7',
  protocol: 'hl7',
  description: 'Roche cobas pure, biochimie (HL7 v2.5.1 IHE LAW LAB-29 OUL^R22 sur MLLP, un résultat par message)',
  section: 'biochimie',
  tests,
  defaultPanel: ['20411', '20420', '20430', '20600', '20610', '20620'],
  qcMaterials: [
    { id: 'PCCC1', lot: '20391', level: 1, expiry: '20270430' },
    { id: 'PCCC2', lot: '20392', level: 2, expiry: '20270430' },
  ],
  messageGranularity: 'test',
  charset: 'utf-8',
  buildMessage,
};
