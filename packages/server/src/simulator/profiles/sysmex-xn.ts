/**
 * Sysmex XN (haematology, ASTM E1381/E1394). Record layout copied from the Sysmex capture
 * `fixtures/astm/04_sysmex_xp100_cbc_single_frame.txt` (same Sysmex host-interface conventions):
 *
 *   H|\^&|||XP-100^00-13^^^^A7869^BS649542||||||||E1394-97
 *   P|1
 *   O|1||^^            113^A|^^^^WBC\^^^^RBC\…|||||||N||||||||||||||F
 *   R|1|^^^^WBC^1|  5.5|10*3/uL||N||||               ||20240723172452
 *   L|1|N
 *
 * The sample number (the tube barcode) is O-4 component 3, right-aligned on 15 characters, O-3
 * empty: a link reading this instrument takes O-4.3, trimmed. Parameters are `^^^^CODE^1` (the
 * trailing 1 is the dilution), values right-aligned on 5 characters, flags N/L/H (the XP-100 sends
 * no critical flag). The parameter set is the XN's five-part differential (NEUT, LYMPH, MONO, EO,
 * BASO) instead of the XP-100's three-part one; units as the capture writes them.
 */
import { makeAstmRecord, serializeAstmMessage, type AstmRecordLike } from '@sillage/core';
import { drawResults, makeResult, standardNormal, type ValueMix, defaultValueMix } from '../simulated-values.js';
import type { SimulatorProfile } from '../simulator-profile.js';
import type { MessageContent, QcMaterial, SimulatedResult, SimulatedTest } from '../simulator-types.js';
import { localTimestamp } from './instrument-time.js';
import { simulatedTest } from './test-table.js';

const t = simulatedTest;
const count = '10*3/uL';
const tests: readonly SimulatedTest[] = [
  t('WBC', 'LEUCOCYTES', 'Leucocytes', count, 2, [4, 10], [0.01, 440], { criticalLow: 1, criticalHigh: 50 }),
  t('RBC', 'HEMATIES', 'Hématies', '10*6/uL', 2, [4.2, 5.7], [0.01, 8.6]),
  t('HGB', 'HEMOGLOBINE', 'Hémoglobine', 'g/dL', 1, [12, 17], [0.1, 26], { criticalLow: 6, criticalHigh: 20 }),
  t('HCT', 'HEMATOCRITE', 'Hématocrite', '%', 1, [37, 50], [0.1, 75]),
  t('MCV', 'VGM', 'VGM', 'fL', 1, [80, 100], [50, 150]),
  t('MCH', 'TCMH', 'TCMH', 'pg', 1, [27, 33], [10, 50]),
  t('MCHC', 'CCMH', 'CCMH', 'g/dL', 1, [32, 36], [20, 45]),
  t('PLT', 'PLAQUETTES', 'Plaquettes', count, 0, [150, 400], [1, 5000], { criticalLow: 20, criticalHigh: 1000 }),
  t('RDW-SD', 'IDR_SD', 'IDR-SD', 'fL', 1, [37, 54], [20, 120]),
  t('RDW-CV', 'IDR', 'IDR-CV', '%', 1, [11.5, 14.5], [8, 40]),
  t('PDW', 'PDW', 'PDW', 'fL', 1, [9, 17], [5, 30]),
  t('MPV', 'VPM', 'VPM', 'fL', 1, [9, 12.5], [6, 16]),
  t('P-LCR', 'P_LCR', 'P-LCR', '%', 1, [13, 43], [1, 70]),
  t('PCT', 'THROMBOCRITE', 'Thrombocrite', '%', 2, [0.17, 0.35], [0.01, 2]),
  t('NEUT#', 'NEUTROPHILES', 'Neutrophiles', count, 2, [1.8, 7.5], [0, 300], { criticalLow: 0.5 }),
  t('LYMPH#', 'LYMPHOCYTES', 'Lymphocytes', count, 2, [1, 4], [0, 300]),
  t('MONO#', 'MONOCYTES', 'Monocytes', count, 2, [0.2, 1], [0, 100]),
  t('EO#', 'EOSINOPHILES', 'Éosinophiles', count, 2, [0, 0.5], [0, 100]),
  t('BASO#', 'BASOPHILES', 'Basophiles', count, 2, [0, 0.1], [0, 50]),
  t('NEUT%', 'NEUTROPHILES_PCT', 'Neutrophiles %', '%', 1, [40, 75], [0, 100]),
  t('LYMPH%', 'LYMPHOCYTES_PCT', 'Lymphocytes %', '%', 1, [20, 45], [0, 100]),
  t('MONO%', 'MONOCYTES_PCT', 'Monocytes %', '%', 1, [2, 10], [0, 100]),
  t('EO%', 'EOSINOPHILES_PCT', 'Éosinophiles %', '%', 1, [0, 5], [0, 100]),
  t('BASO%', 'BASOPHILES_PCT', 'Basophiles %', '%', 1, [0, 1], [0, 100]),
];

const byCode = new Map(tests.map((test) => [test.code, test]));
function testOf(code: string): SimulatedTest {
  const test = byCode.get(code);
  if (test === undefined) {
    throw new Error(`sysmex-xn : paramètre ${code} absent de la table`);
  }
  return test;
}

/**
 * A blood count whose numbers agree, as an analyzer's do: HCT = RBC × MCV, HGB = HCT × MCHC,
 * MCH = HGB / RBC, PCT = PLT × MPV, the differential sums to 100 % and absolute counts are
 * WBC × percentage. Primary values come from the usual normal/abnormal/critical mix.
 */
function drawBloodCount(
  requested: readonly SimulatedTest[],
  random: () => number,
  options: { qc?: QcMaterial; mix?: ValueMix }
): SimulatedResult[] {
  if (options.qc !== undefined) {
    return drawResults(requested, random, options);
  }
  const mix = options.mix ?? defaultValueMix;
  const draw = (code: string): number => {
    const [result] = drawResults([testOf(code)], random, { mix });
    return result?.numeric ?? 0;
  };
  const values = new Map<string, number>();
  const wbc = draw('WBC');
  const rbc = draw('RBC');
  const mcv = draw('MCV');
  const mchc = draw('MCHC');
  const plt = draw('PLT');
  const mpv = draw('MPV');
  const hct = (rbc * mcv) / 10;
  const hgb = (hct * mchc) / 100;
  values.set('WBC', wbc).set('RBC', rbc).set('MCV', mcv).set('MCHC', mchc).set('PLT', plt).set('MPV', mpv);
  values
    .set('HCT', hct)
    .set('HGB', hgb)
    .set('MCH', rbc > 0 ? (hgb * 10) / rbc : 0);
  values.set('PCT', (plt * mpv) / 10_000);
  for (const code of ['RDW-SD', 'RDW-CV', 'PDW', 'P-LCR']) {
    values.set(code, draw(code));
  }
  const shares: Record<string, number> = {
    LYMPH: Math.max(1, 30 + 8 * standardNormal(random)),
    MONO: Math.max(0.5, 6 + 2 * standardNormal(random)),
    EO: Math.max(0, 2 + 1.5 * standardNormal(random)),
    BASO: Math.max(0, 0.5 + 0.3 * standardNormal(random)),
  };
  shares.NEUT = Math.max(0.5, 100 - Object.values(shares).reduce((sum, share) => sum + share, 0));
  const total = Object.values(shares).reduce((sum, share) => sum + share, 0);
  for (const [cell, share] of Object.entries(shares)) {
    const percent = (share / total) * 100;
    values.set(`${cell}%`, percent).set(`${cell}#`, (wbc * percent) / 100);
  }
  return requested.map((test) => makeResult(test, values.get(test.code) ?? draw(test.code), random, mix));
}

function flagOf(result: SimulatedResult): string {
  if (result.instrumentAlarm) {
    return 'A';
  }
  return result.interpretation.slice(0, 1); // LL → L, HH → H
}

function buildMessage(content: MessageContent): string {
  const at = localTimestamp(content.measuredAt);
  const records: AstmRecordLike[] = [
    makeAstmRecord('H', { 2: '', 5: ['XN-350', '00-19', '', '', '', 'A1234', 'BS00000'], 13: 'E1394-97' }),
    makeAstmRecord('P', { 2: '1' }),
    makeAstmRecord('O', {
      2: '1',
      4: ['', '', content.barcode.padStart(15), 'A'],
      5: content.results.map((result) => ['', '', '', '', result.test.code]),
      // LIS2-A2 O.12 action code: N new, Q quality control.
      12: content.qc === undefined ? 'N' : 'Q',
      26: 'F',
    }),
  ];
  content.results.forEach((result, index) => {
    records.push(
      makeAstmRecord('R', {
        2: String(index + 1),
        3: ['', '', '', '', result.test.code, '1'],
        4: result.value.padStart(5),
        5: result.test.unit,
        7: flagOf(result),
        11: ' '.repeat(15),
        13: at,
      })
    );
  });
  records.push(makeAstmRecord('L', { 2: '1', 3: 'N' }));
  return serializeAstmMessage(records);
}

export const sysmexXnProfile: SimulatorProfile = {
  name: 'sysmex-xn',
  protocol: 'astm',
  description: 'Sysmex XN, hématologie (ASTM E1381/E1394, disposition de la capture Sysmex XP-100)',
  section: 'hematologie',
  tests,
  defaultPanel: ['WBC', 'RBC', 'HGB', 'HCT', 'MCV', 'MCH', 'MCHC', 'PLT', 'RDW-CV', 'MPV'],
  qcMaterials: [
    { id: 'XN CHECK L1', lot: '3083', level: 1, expiry: '20270331' },
    { id: 'XN CHECK L2', lot: '3084', level: 2, expiry: '20270331' },
  ],
  messageGranularity: 'specimen',
  charset: 'iso-8859-1',
  drawResults: drawBloodCount,
  buildMessage,
};
