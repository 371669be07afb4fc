import { describe, expect, it } from 'vitest';
import { analyteFormToDefinition, analyteToFormValues, isValidLoinc } from './analyte-form-values.js';
import type { Analyte } from './catalogue-types.js';

const meta = {
  id: 'v1',
  version: 1,
  validFrom: '2026-01-01T00:00:00Z',
  validTo: null,
  changeReason: null,
  createdBy: null,
  createdByName: null,
};

/** Créatinine as the starter catalogue holds it (neonatal band in days, adult bands by sex). */
const creatinine: Analyte = {
  ...meta,
  code: 'CREATININE',
  label: 'Créatinine sérique',
  shortLabel: 'Créatinine',
  loinc: '2160-0',
  chapter: 'Biochimie',
  resultType: 'numeric',
  unitUcum: 'umol/L',
  unitConventional: 'mg/L',
  conventionalFactor: 0.113,
  decimals: 0,
  codedValues: null,
  criticalLow: null,
  criticalHigh: 700,
  deltaRule: { kind: 'percent', threshold: 50, maxAgeDays: 30 },
  formula: null,
  referenceIntervals: [
    { sex: null, ageMinDays: 0, ageMaxDays: 28, low: 27, high: 77, source: 'CALIPER 2012' },
    { sex: 'M', ageMinDays: 6575, ageMaxDays: null, low: 59, high: 104, source: 'Roche CREJ2' },
    { sex: 'F', ageMinDays: 6575, ageMaxDays: null, low: 45, high: 84, source: 'Roche CREJ2' },
  ],
};

const aboGroup: Analyte = {
  ...creatinine,
  code: 'ABO',
  label: 'Groupe ABO',
  shortLabel: 'ABO',
  loinc: '883-9',
  resultType: 'coded',
  unitUcum: null,
  unitConventional: null,
  conventionalFactor: null,
  criticalHigh: null,
  deltaRule: null,
  codedValues: [
    { code: 'A', label: 'A', abnormal: false },
    { code: 'O', label: 'O', abnormal: false },
  ],
  referenceIntervals: [],
};

const {
  id: _id,
  version: _v,
  validFrom: _f,
  validTo: _t,
  changeReason: _r,
  createdBy: _c,
  createdByName: _n,
  code: _code,
  ...creatinineDefinition
} = creatinine;

describe('analyte form ↔ API definition', () => {
  it('gives back the same definition when nothing is edited (French decimal comma)', () => {
    const values = { ...analyteToFormValues(creatinine, 'fr'), reason: 'Vérification' };
    expect(values.conventionalFactor).toBe('0,113');
    const { definition, issues } = analyteFormToDefinition(values, false);
    expect(issues).toEqual([]);
    expect(definition).toEqual(creatinineDefinition);
  });

  it('asks for a change reason on an edit, not on a creation', () => {
    const values = analyteToFormValues(creatinine, 'fr');
    expect(analyteFormToDefinition(values, false).issues).toEqual([{ path: 'reason', key: 'reasonRule' }]);
    expect(analyteFormToDefinition(values, true).issues).toEqual([]);
  });

  it('mirrors the server checks: LOINC key, UCUM unit, unit with factor, critical limits, delta rule', () => {
    const values = {
      ...analyteToFormValues(creatinine, 'fr'),
      reason: 'Essai',
      loinc: '2160-1',
      unitUcum: 'micromoles',
      conventionalFactor: '',
      criticalLow: '800',
      deltaThreshold: '0',
    };
    expect(analyteFormToDefinition(values, false).issues).toEqual([
      { path: 'loinc', key: 'loincRule' },
      { path: 'unitUcum', key: 'unitUnknown', values: { unit: 'micromoles' } },
      { path: 'conventionalFactor', key: 'unitAndFactor' },
      { path: 'criticalLow', key: 'criticalOrder' },
      { path: 'deltaThreshold', key: 'positive' },
    ]);
  });

  it('checks the code only when creating', () => {
    const values = { ...analyteToFormValues(creatinine, 'fr'), code: 'créat' };
    expect(analyteFormToDefinition(values, true).issues).toEqual([{ path: 'code', key: 'codeRule' }]);
  });

  it('maps a coded list, upper-casing codes and refusing duplicates; no units nor limits sent', () => {
    const values = analyteToFormValues(aboGroup, 'fr');
    values.codedValues.push({ code: 'ab', label: 'AB', abnormal: false });
    const ok = analyteFormToDefinition(values, true);
    expect(ok.issues).toEqual([]);
    expect(ok.definition.codedValues?.map((value) => value.code)).toEqual(['A', 'O', 'AB']);
    expect(ok.definition).toMatchObject({ unitUcum: null, criticalLow: null, deltaRule: null, formula: null });
    values.codedValues.push({ code: 'A', label: 'A bis', abnormal: true });
    expect(analyteFormToDefinition(values, true).issues).toEqual([
      { path: 'codedValues.3.code', key: 'codedValueDuplicate' },
    ]);
    expect(analyteFormToDefinition({ ...values, codedValues: [] }, true).issues).toEqual([
      { path: 'codedValues', key: 'codedValuesRequired' },
    ]);
  });

  it('binds every analyte input of a formula and refuses a missing one', () => {
    const values = {
      ...analyteToFormValues(null, 'fr'),
      code: 'CA_CORR',
      label: 'Calcium corrigé',
      shortLabel: 'Ca corrigé',
      chapter: 'Biochimie',
      unitUcum: 'mmol/L',
      formulaId: 'calcium-corrected-albumin',
      formulaInputs: { calcium: 'CALCIUM' },
    };
    expect(analyteFormToDefinition(values, true).issues).toEqual([
      { path: 'formulaInputs.albumin', key: 'formulaInput' },
    ]);
    const bound = analyteFormToDefinition({ ...values, formulaInputs: { calcium: 'CALCIUM', albumin: 'ALB' } }, true);
    expect(bound.issues).toEqual([]);
    expect(bound.definition.formula).toEqual({
      id: 'calcium-corrected-albumin',
      inputs: { calcium: 'CALCIUM', albumin: 'ALB' },
    });
  });

  it('checks LOINC check digits like the server', () => {
    expect(isValidLoinc('2160-0')).toBe(true);
    expect(isValidLoinc('883-9')).toBe(true);
    expect(isValidLoinc('2160-1')).toBe(false);
    expect(isValidLoinc('2160')).toBe(false);
  });
});
