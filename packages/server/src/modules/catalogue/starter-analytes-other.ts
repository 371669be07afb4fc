/**
 * Starter analytes — haemostasis, immunohaematology (coded results) and urine cytobacteriology
 * (ECBU, text results for now). LOINC: 5894-1 (TP), 14979-9 / 13488-2 (TCA patient / témoin) from
 * the fixtures/france/loinc-fr value set; public LOINC codes otherwise.
 */
import type { AnalyteDefinition, CodedValueDefinition } from './catalogue-definitions.js';
import { adult, adultDays, coded, interval, numeric, text, years } from './starter-analyte-builders.js';
import { sources } from './starter-sources.js';

const haemostasis = 'Hémostase';
const bloodGroups = 'Immuno-hématologie';
const urine = 'Bactériologie';

// ADJUST-PE: the D-dimer exclusion threshold is age × 10 µg/L after 50; one band per decade,
// at the decade's lower age (the conservative side).
const dDimerBands = [50, 60, 70, 80, 90].map((age) =>
  interval(null, years(age), age === 90 ? null : years(age + 10), null, age * 10, sources.dDimer)
);

const aboGroups: CodedValueDefinition[] = [
  { code: 'A', label: 'Groupe A', abnormal: false },
  { code: 'B', label: 'Groupe B', abnormal: false },
  { code: 'AB', label: 'Groupe AB', abnormal: false },
  { code: 'O', label: 'Groupe O', abnormal: false },
  // A discordance between the two determinations or with history blocks the group (ANSM/HAS).
  { code: 'INDETERMINE', label: 'Indéterminé (à contrôler)', abnormal: true },
];

export const otherAnalytes: AnalyteDefinition[] = [
  numeric({
    code: 'TQ_PATIENT',
    label: 'Temps de Quick (patient)',
    shortLabel: 'TQ patient',
    loinc: '5902-2',
    chapter: haemostasis,
    unitUcum: 's',
    decimals: 1,
    referenceIntervals: [interval(null, 0, null, null, null, sources.reagentDependent, 'Selon le témoin du jour')],
  }),
  numeric({
    code: 'TP',
    label: 'Taux de prothrombine',
    shortLabel: 'TP',
    loinc: '5894-1',
    chapter: haemostasis,
    unitUcum: '%',
    decimals: 0,
    criticalLow: 20, // critical: severe coagulopathy
    referenceIntervals: [interval(null, 31, null, 70, null, sources.haemostasis)],
  }),
  numeric({
    code: 'INR',
    label: 'International Normalized Ratio (INR)',
    shortLabel: 'INR',
    loinc: '6301-6',
    chapter: haemostasis,
    unitUcum: '{INR}',
    decimals: 2,
    criticalHigh: 5.0, // critical: HAS 2008, INR ≥ 5 under AVK
    deltaRule: { kind: 'absolute', threshold: 1.5, maxAgeDays: 14 },
    referenceIntervals: [
      adult(0.8, 1.2, sources.inr, 'Sans AVK ; sous AVK zone thérapeutique 2–3 (3–4,5 selon indication)'),
    ],
  }),
  numeric({
    code: 'TCA_PATIENT',
    label: 'Temps de céphaline avec activateur (patient)',
    shortLabel: 'TCA patient',
    loinc: '14979-9',
    chapter: haemostasis,
    unitUcum: 's',
    decimals: 1,
    referenceIntervals: [interval(null, 0, null, null, null, sources.reagentDependent, 'Selon le témoin du jour')],
  }),
  numeric({
    code: 'TCA_TEMOIN',
    label: 'Temps de céphaline avec activateur (témoin)',
    shortLabel: 'TCA témoin',
    loinc: '13488-2',
    chapter: haemostasis,
    unitUcum: 's',
    decimals: 1,
  }),
  numeric({
    code: 'TCA_RATIO',
    label: 'TCA : rapport patient / témoin',
    shortLabel: 'TCA ratio',
    loinc: '63561-5',
    chapter: haemostasis,
    unitUcum: '{ratio}',
    decimals: 2,
    referenceIntervals: [interval(null, 31, null, null, 1.2, sources.haemostasis)],
  }),
  numeric({
    code: 'FIBRINOGENE',
    label: 'Fibrinogène (méthode de Clauss)',
    shortLabel: 'Fibrinogène',
    loinc: '3255-7',
    chapter: haemostasis,
    unitUcum: 'g/L',
    unitConventional: 'mg/dL',
    conventionalFactor: 100,
    decimals: 2,
    criticalLow: 1.0, // critical: bleeding risk, DIC
    referenceIntervals: [adult(2.0, 4.0, sources.haemostasis)],
  }),
  numeric({
    code: 'D_DIMERES',
    label: 'D-dimères',
    shortLabel: 'D-dimères',
    loinc: '48065-7',
    chapter: haemostasis,
    unitUcum: 'ug/L{FEU}',
    unitConventional: 'ng/mL{FEU}',
    conventionalFactor: 1,
    decimals: 0,
    referenceIntervals: [interval(null, adultDays, years(50), null, 500, sources.dDimer), ...dDimerBands],
  }),
  coded({
    code: 'GROUPE_ABO',
    label: 'Groupe sanguin ABO',
    shortLabel: 'ABO',
    loinc: '883-9',
    chapter: bloodGroups,
    codedValues: aboGroups,
  }),
  coded({
    code: 'RHD',
    label: 'Antigène RH1 (D)',
    shortLabel: 'RhD',
    loinc: '10331-7',
    chapter: bloodGroups,
    codedValues: [
      { code: 'POS', label: 'RH1 (D) positif', abnormal: false },
      { code: 'NEG', label: 'RH1 (D) négatif', abnormal: false },
      { code: 'FAIBLE', label: 'D faible / partiel (à explorer)', abnormal: true },
    ],
  }),
  coded({
    code: 'RAI',
    label: 'Recherche d’anticorps anti-érythrocytaires (RAI)',
    shortLabel: 'RAI',
    loinc: '890-4',
    chapter: bloodGroups,
    codedValues: [
      { code: 'NEG', label: 'Négative', abnormal: false },
      { code: 'POS', label: 'Positive (identification en cours)', abnormal: true },
    ],
  }),
  numeric({
    code: 'URINE_LEUCOCYTES',
    label: 'Leucocytes urinaires',
    shortLabel: 'Leucocytes',
    loinc: '30405-5',
    chapter: urine,
    unitUcum: '/mL',
    decimals: 0,
    referenceIntervals: [interval(null, 0, null, null, 10000, sources.urineCytology, '< 10⁴/mL')],
  }),
  numeric({
    code: 'URINE_HEMATIES',
    label: 'Hématies urinaires',
    shortLabel: 'Hématies',
    loinc: '30391-7',
    chapter: urine,
    unitUcum: '/mL',
    decimals: 0,
    referenceIntervals: [interval(null, 0, null, null, 10000, sources.urineCytology, '< 10⁴/mL')],
  }),
  text({
    code: 'URINE_EXAMEN_DIRECT',
    label: 'Examen direct (coloration de Gram)',
    shortLabel: 'Examen direct',
    loinc: '664-3',
    chapter: urine,
  }),
  text({
    code: 'URINE_CULTURE',
    label: 'Culture et identification',
    shortLabel: 'Culture',
    loinc: '630-4',
    chapter: urine,
  }),
  text({
    code: 'URINE_CONCLUSION',
    label: 'Conclusion de l’ECBU',
    shortLabel: 'Conclusion',
    loinc: null,
    chapter: urine,
  }),
];
