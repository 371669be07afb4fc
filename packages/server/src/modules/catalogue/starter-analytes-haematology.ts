/**
 * Starter analytes — haematology (hémogramme with formule leucocytaire, VS).
 * LOINC: the French bioloinc profiles of fixtures/france/loinc-fr where they exist (718-7, 789-8,
 * 4544-3, 30428-7, 6690-2, 777-3, 26499-4, 26474-7, 26484-6, 26449-9), public LOINC codes otherwise.
 * Units: SI as French reports print them (G/L = 10*9/L, T/L = 10*12/L), conventional /mm3.
 * Critical limits (comments `critical`): criticalLimitsSource in starter-sources.ts.
 */
import type { AnalyteDefinition } from './catalogue-definitions.js';
import { adult, adultBySex, adultDays, interval, numeric, years } from './starter-analyte-builders.js';
import { sources } from './starter-sources.js';

const chapter = 'Hématologie';
const perMm3 = { unitUcum: '10*9/L', unitConventional: '/mm3', conventionalFactor: 1000 } as const;

/** Leucocyte subsets: absolute count and percentage share the adult source. */
function leucocyteSubset(
  code: string,
  label: string,
  loincAbsolute: string,
  loincPercent: string,
  absolute: [number, number],
  percent: [number, number],
  extra: Partial<AnalyteDefinition> = {}
): AnalyteDefinition[] {
  return [
    numeric({
      code,
      label: `${label} (valeur absolue)`,
      shortLabel: label,
      loinc: loincAbsolute,
      chapter,
      ...perMm3,
      decimals: 2,
      referenceIntervals: [adult(absolute[0], absolute[1], sources.fbcAdultFrance)],
      ...extra,
    }),
    numeric({
      code: `${code}_PCT`,
      label: `${label} (%)`,
      shortLabel: `${label} %`,
      loinc: loincPercent,
      chapter,
      unitUcum: '%',
      decimals: 1,
      referenceIntervals: [adult(percent[0], percent[1], sources.fbcAdultFrance)],
    }),
  ];
}

// Paediatric haemoglobin bands (g/dL), Harriet Lane (Dallman): [ageMinDays, ageMaxDays, low, high].
const haemoglobinChildBands: [number, number, number, number][] = [
  [0, 4, 14.5, 22.5],
  [4, 15, 13.4, 19.8],
  [15, 31, 10.7, 17.1],
  [31, 61, 9.4, 13.0],
  [61, 183, 9.5, 13.5],
  [183, years(2), 10.5, 13.5],
  [years(2), years(6), 11.5, 13.5],
  [years(6), years(12), 11.5, 15.5],
];

const leucocyteChildBands: [number, number, number, number][] = [
  [0, 8, 9.0, 30.0],
  [8, 31, 5.0, 19.5],
  [31, 183, 6.0, 17.5],
  [183, years(2), 6.0, 17.0],
  [years(2), years(6), 5.5, 15.5],
  [years(6), years(12), 4.5, 13.5],
  [years(12), adultDays, 4.5, 13.0],
];

export const haematologyAnalytes: AnalyteDefinition[] = [
  numeric({
    code: 'LEUCOCYTES',
    label: 'Leucocytes',
    shortLabel: 'Leucocytes',
    loinc: '6690-2',
    chapter,
    ...perMm3,
    decimals: 2,
    criticalLow: 1.0,
    criticalHigh: 50.0, // critical: suspected acute leukaemia
    deltaRule: { kind: 'percent', threshold: 50, maxAgeDays: 7 },
    referenceIntervals: [
      ...leucocyteChildBands.map(([min, max, low, high]) =>
        interval(null, min, max, low, high, sources.paediatricHaematology)
      ),
      adult(4.0, 10.0, sources.fbcAdultFrance),
    ],
  }),
  numeric({
    code: 'HEMATIES',
    label: 'Hématies',
    shortLabel: 'Hématies',
    loinc: '789-8',
    chapter,
    unitUcum: '10*12/L',
    unitConventional: '10*6/mm3',
    conventionalFactor: 1,
    decimals: 2,
    referenceIntervals: adultBySex([4.3, 5.8], [3.8, 5.2], sources.fbcAdultFrance),
  }),
  numeric({
    code: 'HEMOGLOBINE',
    label: 'Hémoglobine',
    shortLabel: 'Hémoglobine',
    loinc: '718-7',
    chapter,
    unitUcum: 'g/dL',
    unitConventional: 'g/L',
    conventionalFactor: 10,
    decimals: 1,
    // critical: transfusion threshold region and polyglobulia.
    criticalLow: 7.0,
    criticalHigh: 20.0,
    deltaRule: { kind: 'absolute', threshold: 2.0, maxAgeDays: 7 },
    referenceIntervals: [
      ...haemoglobinChildBands.map(([min, max, low, high]) =>
        interval(null, min, max, low, high, sources.paediatricHaematology)
      ),
      interval('F', years(12), adultDays, 12.0, 16.0, sources.paediatricHaematology),
      interval('M', years(12), adultDays, 13.0, 16.0, sources.paediatricHaematology),
      ...adultBySex([13.0, 17.0], [12.0, 16.0], `${sources.whoAnaemia} ; ${sources.fbcAdultFrance}`),
    ],
  }),
  numeric({
    code: 'HEMATOCRITE',
    label: 'Hématocrite',
    shortLabel: 'Hématocrite',
    loinc: '4544-3',
    chapter,
    unitUcum: '%',
    unitConventional: 'L/L',
    conventionalFactor: 0.01,
    decimals: 1,
    referenceIntervals: adultBySex([40, 52], [37, 47], sources.fbcAdultFrance),
  }),
  numeric({
    code: 'VGM',
    label: 'Volume globulaire moyen (VGM)',
    shortLabel: 'VGM',
    loinc: '30428-7',
    chapter,
    unitUcum: 'fL',
    decimals: 1,
    referenceIntervals: [adult(80, 100, sources.fbcAdultFrance)],
  }),
  numeric({
    code: 'TCMH',
    label: 'Teneur corpusculaire moyenne en hémoglobine (TCMH)',
    shortLabel: 'TCMH',
    loinc: '785-6',
    chapter,
    unitUcum: 'pg',
    decimals: 1,
    referenceIntervals: [adult(27, 32, sources.fbcAdultFrance)],
  }),
  numeric({
    code: 'CCMH',
    label: 'Concentration corpusculaire moyenne en hémoglobine (CCMH)',
    shortLabel: 'CCMH',
    loinc: '786-4',
    chapter,
    unitUcum: 'g/dL',
    unitConventional: 'g/L',
    conventionalFactor: 10,
    decimals: 1,
    referenceIntervals: [adult(32, 36, sources.fbcAdultFrance)],
  }),
  numeric({
    code: 'IDR',
    label: 'Indice de distribution des hématies (IDR)',
    shortLabel: 'IDR',
    loinc: '788-0',
    chapter,
    unitUcum: '%',
    decimals: 1,
    referenceIntervals: [adult(11.0, 15.0, sources.fbcAdultFrance)],
  }),
  numeric({
    code: 'PLAQUETTES',
    label: 'Plaquettes',
    shortLabel: 'Plaquettes',
    loinc: '777-3',
    chapter,
    ...perMm3,
    decimals: 0,
    criticalLow: 20, // critical: bleeding risk, urgent call
    criticalHigh: 1000,
    deltaRule: { kind: 'percent', threshold: 50, maxAgeDays: 7 },
    referenceIntervals: [
      interval(null, 0, 29, 150, 450, `${sources.paediatricHaematology} (nouveau-né à terme)`),
      interval(null, 29, adultDays, 150, 450, sources.paediatricHaematology),
      adult(150, 400, sources.fbcAdultFrance),
    ],
  }),
  numeric({
    code: 'VPM',
    label: 'Volume plaquettaire moyen (VPM)',
    shortLabel: 'VPM',
    loinc: '32623-1',
    chapter,
    unitUcum: 'fL',
    decimals: 1,
    referenceIntervals: [adult(7.5, 11.5, sources.fbcAdultFrance)],
  }),
  ...leucocyteSubset('NEUTROPHILES', 'Polynucléaires neutrophiles', '26499-4', '770-8', [1.8, 7.5], [40, 75], {
    // critical: agranulocytosis threshold, the prescriber is called.
    criticalLow: 0.5,
    referenceIntervals: [adult(1.8, 7.5, `${sources.fbcAdultFrance} ; ${sources.agranulocytosis}`)],
  }),
  ...leucocyteSubset('LYMPHOCYTES', 'Lymphocytes', '26474-7', '736-9', [1.0, 4.0], [20, 45]),
  ...leucocyteSubset('MONOCYTES', 'Monocytes', '26484-6', '5905-5', [0.2, 1.0], [2, 10]),
  ...leucocyteSubset('EOSINOPHILES', 'Polynucléaires éosinophiles', '26449-9', '713-8', [0.0, 0.5], [0, 5]),
  ...leucocyteSubset('BASOPHILES', 'Polynucléaires basophiles', '26444-0', '706-2', [0.0, 0.1], [0, 1]),
  numeric({
    code: 'VS_1H',
    label: 'Vitesse de sédimentation (1re heure, Westergren)',
    shortLabel: 'VS 1re heure',
    loinc: '4537-7',
    chapter,
    unitUcum: 'mm/h',
    decimals: 0,
    referenceIntervals: [
      interval('M', adultDays, years(50), null, 15, sources.esr),
      interval('F', adultDays, years(50), null, 20, sources.esr),
      interval('M', years(50), null, null, 20, sources.esr),
      interval('F', years(50), null, null, 30, sources.esr),
    ],
  }),
];
