/**
 * Coherence checks of a catalogue definition before it becomes a version: intervals (core/lab),
 * critical limits, units (core UCUM subset), coded lists, formulas (core calculated analytes),
 * delta rules; for an analysis its analytes, container, NABM codes and sampling window.
 * Each issue carries the stable error code the service raises for it.
 */
import {
  calculatedFormulas,
  isCalculatedFormulaId,
  isSupportedUnit,
  validateReferenceIntervals,
  type ErrorCode,
} from '@sillage/core';
import type { AnalysisDefinition, AnalyteDefinition } from './catalogue-definitions.js';
import { isValidLoincCode } from './loinc-code.js';

export interface CatalogueIssue {
  code: ErrorCode;
  path: string;
  message: string;
}

export const catalogueCodePattern = /^[A-Z0-9_]{1,32}$/;
export const nabmCodePattern = /^\d{4}$/;
const clockTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

function intervalIssues(analyte: AnalyteDefinition): CatalogueIssue[] {
  return validateReferenceIntervals(analyte.referenceIntervals).map((issue) => {
    const [code, ...rest] = issue.message.split(': ');
    return {
      code:
        code === 'SIL_REFERENCE_INTERVAL_OVERLAP' ? 'SIL_REFERENCE_INTERVAL_OVERLAP' : 'SIL_REFERENCE_INTERVAL_INVALID',
      path: issue.path.replace(/^intervals/, 'referenceIntervals'),
      message: rest.join(': ') || issue.message,
    };
  });
}

function unitIssues(analyte: AnalyteDefinition): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const invalid = (path: string, message: string) =>
    issues.push({ code: 'SIL_CATALOGUE_DEFINITION_INVALID', path, message });
  if (analyte.unitUcum !== null && !isSupportedUnit(analyte.unitUcum)) {
    issues.push({
      code: 'SIL_UNIT_UNKNOWN',
      path: 'unitUcum',
      message: `unité UCUM non reconnue : ${analyte.unitUcum}`,
    });
  }
  if (analyte.unitConventional !== null && !isSupportedUnit(analyte.unitConventional)) {
    issues.push({
      code: 'SIL_UNIT_UNKNOWN',
      path: 'unitConventional',
      message: `unité UCUM non reconnue : ${analyte.unitConventional}`,
    });
  }
  if ((analyte.unitConventional === null) !== (analyte.conventionalFactor === null)) {
    invalid('conventionalFactor', 'unité conventionnelle et facteur vont ensemble');
  }
  if (analyte.conventionalFactor !== null && !(analyte.conventionalFactor > 0)) {
    invalid('conventionalFactor', 'facteur de conversion strictement positif attendu');
  }
  if (analyte.resultType !== 'numeric' && (analyte.unitUcum !== null || analyte.unitConventional !== null)) {
    invalid('unitUcum', 'pas d’unité pour un résultat codé ou texte');
  }
  return issues;
}

function formulaIssues(analyte: AnalyteDefinition, knownAnalyteCodes: ReadonlySet<string>): CatalogueIssue[] {
  const formula = analyte.formula;
  if (formula === null) {
    return [];
  }
  const issue = (path: string, message: string): CatalogueIssue => ({
    code: 'SIL_CATALOGUE_FORMULA_INVALID',
    path,
    message,
  });
  if (!isCalculatedFormulaId(formula.id)) {
    return [issue('formula.id', `formule inconnue : ${formula.id}`)];
  }
  if (analyte.resultType !== 'numeric') {
    return [issue('formula', 'un paramètre calculé est numérique')];
  }
  const issues: CatalogueIssue[] = [];
  const declared = calculatedFormulas[formula.id].inputs;
  for (const input of declared) {
    const bound = formula.inputs[input.name];
    if (input.kind !== 'analyte') {
      issues.push(issue(`formula.inputs.${input.name}`, 'paramètre de formule non pris en charge par le catalogue'));
    } else if (bound === undefined) {
      issues.push(issue(`formula.inputs.${input.name}`, `donnée d’entrée manquante (${input.labelFr})`));
    } else if (bound === analyte.code || !knownAnalyteCodes.has(bound)) {
      issues.push(issue(`formula.inputs.${input.name}`, `paramètre absent du catalogue : ${bound}`));
    }
  }
  for (const name of Object.keys(formula.inputs)) {
    if (!declared.some((input) => input.name === name)) {
      issues.push(issue(`formula.inputs.${name}`, 'donnée d’entrée inconnue de cette formule'));
    }
  }
  return issues;
}

/** Issues of an analyte definition (empty when it can be saved). */
export function validateAnalyte(analyte: AnalyteDefinition, knownAnalyteCodes: ReadonlySet<string>): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const invalid = (path: string, message: string) =>
    issues.push({ code: 'SIL_CATALOGUE_DEFINITION_INVALID', path, message });
  if (!catalogueCodePattern.test(analyte.code)) {
    invalid('code', 'code en majuscules, chiffres et _ (32 caractères au plus)');
  }
  if (analyte.loinc !== null && !isValidLoincCode(analyte.loinc)) {
    issues.push({ code: 'SIL_CATALOGUE_LOINC_INVALID', path: 'loinc', message: analyte.loinc });
  }
  if (!Number.isInteger(analyte.decimals) || analyte.decimals < 0 || analyte.decimals > 6) {
    invalid('decimals', 'nombre de décimales entre 0 et 6');
  }
  issues.push(...intervalIssues(analyte));
  if (analyte.criticalLow !== null && analyte.criticalHigh !== null && analyte.criticalLow >= analyte.criticalHigh) {
    issues.push({
      code: 'SIL_CRITICAL_LIMITS_INVALID',
      path: 'criticalLow',
      message: 'limite critique basse ≥ limite critique haute',
    });
  }
  if (analyte.resultType === 'coded') {
    const codes = (analyte.codedValues ?? []).map((value) => value.code);
    if (codes.length === 0 || new Set(codes).size !== codes.length) {
      issues.push({
        code: 'SIL_CATALOGUE_CODED_VALUES_REQUIRED',
        path: 'codedValues',
        message: 'liste de codes vide ou avec doublons',
      });
    }
  } else if (analyte.codedValues !== null && analyte.codedValues.length > 0) {
    invalid('codedValues', 'liste de codes réservée au type « liste codée »');
  }
  if (analyte.resultType !== 'numeric') {
    if (analyte.criticalLow !== null || analyte.criticalHigh !== null || analyte.deltaRule !== null) {
      invalid('resultType', 'limites critiques et delta réservés aux résultats numériques');
    }
    if (analyte.referenceIntervals.some((interval) => interval.low !== null || interval.high !== null)) {
      invalid('referenceIntervals', 'bornes réservées aux résultats numériques');
    }
  }
  if (analyte.deltaRule !== null && !(analyte.deltaRule.threshold > 0 && analyte.deltaRule.maxAgeDays > 0)) {
    invalid('deltaRule', 'seuil et ancienneté maximale strictement positifs');
  }
  issues.push(...unitIssues(analyte), ...formulaIssues(analyte, knownAnalyteCodes));
  return issues;
}

/** Issues of an analysis definition; `containers` maps container code → capacity (mL). */
export function validateAnalysis(
  analysis: AnalysisDefinition,
  knownAnalyteCodes: ReadonlySet<string>,
  containers: ReadonlyMap<string, number>
): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const invalid = (path: string, message: string) =>
    issues.push({ code: 'SIL_CATALOGUE_DEFINITION_INVALID', path, message });
  if (!catalogueCodePattern.test(analysis.code)) {
    invalid('code', 'code en majuscules, chiffres et _ (32 caractères au plus)');
  }
  if (!catalogueCodePattern.test(analysis.mnemonic)) {
    invalid('mnemonic', 'mnémonique en majuscules, chiffres et _');
  }
  analysis.nabmCodes.forEach((code, index) => {
    if (!nabmCodePattern.test(code)) {
      issues.push({ code: 'SIL_CATALOGUE_NABM_CODE_INVALID', path: `nabmCodes[${index}]`, message: code });
    }
  });
  if (new Set(analysis.nabmCodes).size !== analysis.nabmCodes.length) {
    issues.push({ code: 'SIL_CATALOGUE_NABM_CODE_INVALID', path: 'nabmCodes', message: 'code NABM en double' });
  }
  if ((analysis.offNomenclaturePriceCents ?? null) !== null && analysis.nabmCodes.length > 0) {
    issues.push({
      code: 'SIL_CATALOGUE_OFF_NOMENCLATURE_WITH_NABM',
      path: 'offNomenclaturePriceCents',
      message: analysis.nabmCodes.join(', '),
    });
  }
  const capacity = containers.get(analysis.containerCode);
  if (capacity === undefined) {
    issues.push({ code: 'SIL_CATALOGUE_CONTAINER_UNKNOWN', path: 'containerCode', message: analysis.containerCode });
  } else if (analysis.volumeMl > capacity) {
    issues.push({
      code: 'SIL_TUBE_VOLUME_EXCEEDS_CAPACITY',
      path: 'volumeMl',
      message: `${analysis.volumeMl} mL > ${capacity} mL`,
    });
  }
  if (analysis.analyteCodes.length === 0 || new Set(analysis.analyteCodes).size !== analysis.analyteCodes.length) {
    invalid('analyteCodes', 'au moins un paramètre, sans doublon');
  }
  analysis.analyteCodes.forEach((code, index) => {
    if (!knownAnalyteCodes.has(code)) {
      issues.push({ code: 'SIL_CATALOGUE_ANALYTE_UNKNOWN', path: `analyteCodes[${index}]`, message: code });
    }
  });
  const { timeWindowStart: start, timeWindowEnd: end } = analysis;
  if ((start === null) !== (end === null)) {
    invalid('timeWindowEnd', 'début et fin de la plage horaire vont ensemble');
  }
  for (const [path, value] of [
    ['timeWindowStart', start],
    ['timeWindowEnd', end],
  ] as const) {
    if (value !== null && !clockTimePattern.test(value)) {
      invalid(path, 'heure HH:MM attendue');
    }
  }
  for (const path of ['stabilityHoursRoom', 'stabilityHoursCold'] as const) {
    const hours = analysis[path];
    if (hours !== null && !(hours > 0)) {
      invalid(path, 'durée de stabilité strictement positive (ou non documentée)');
    }
  }
  return issues;
}
