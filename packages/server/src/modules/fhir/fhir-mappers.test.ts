import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../../test-support/shared-fixtures.js';
import type { FhirObservationRow } from './fhir.repository.js';
import { toFhirObservation } from './fhir-observation.js';
import { operationOutcomeOf } from './fhir-operation-outcome.js';
import type { Observation } from './fhir-types.js';
import { SillageError } from '@sillage/core';

const glucoseRow: FhirObservationRow = {
  id: 'f001',
  patient_id: 'p1',
  patient_name: 'DURAND Léa',
  order_analysis_id: 'oa1',
  specimen_id: null,
  analyte_code: 'GLU',
  analyte_label: 'Glucose',
  loinc: '15074-8',
  result_type: 'numeric',
  unit_ucum: 'mmol/L',
  coded_values: null,
  version: 1,
  status: 'final',
  value_numeric: '6.3',
  value_text: null,
  value_code: null,
  qualifier: null,
  unit: 'mmol/L',
  flag: 'H',
  reference: { low: 3.1, high: 6.2 },
  comment: null,
  effective_at: new Date('2013-04-02T08:30:10Z'),
  validated_at: new Date('2013-04-03T14:30:10Z'),
  validator_name: 'A. Langeveld',
};

describe.skipIf(!sharedFixtures.available)('FHIR mappings against the R4 specification examples', () => {
  it('Observation f001 (glucose): same code, quantity, interpretation and range systems and values', () => {
    const example = JSON.parse(
      sharedFixtures.textWithoutHeader('fhir/observation-example-f001-glucose.json')
    ) as Observation;
    const ours = toFhirObservation(glucoseRow);
    expect(ours.code.coding?.[0]).toMatchObject({
      system: example.code.coding?.[0]?.system,
      code: example.code.coding?.[0]?.code,
    });
    const { unit: _exampleUnit, ...exampleQuantity } = example.valueQuantity ?? {};
    expect(ours.valueQuantity).toMatchObject(exampleQuantity);
    expect(ours.interpretation?.[0]?.coding?.[0]).toMatchObject({
      system: example.interpretation?.[0]?.coding?.[0]?.system,
      code: example.interpretation?.[0]?.coding?.[0]?.code,
    });
    const range = example.referenceRange?.[0];
    expect(ours.referenceRange?.[0]?.low).toMatchObject({
      value: range?.low?.value,
      system: range?.low?.system,
      code: range?.low?.code,
    });
    expect(ours.referenceRange?.[0]?.high).toMatchObject({ value: range?.high?.value, code: range?.high?.code });
    expect(ours.status).toBe(example.status);
  });
});

describe('FHIR mappings', () => {
  it('a corrected result is amended; a censored value keeps its comparator; text results are strings', () => {
    const amended = toFhirObservation({
      ...glucoseRow,
      version: 2,
      status: 'amended',
      qualifier: '<',
      value_numeric: '0.5',
    });
    expect(amended).toMatchObject({
      status: 'amended',
      meta: { versionId: '2' },
      valueQuantity: { comparator: '<', value: 0.5 },
    });
    const text = toFhirObservation({
      ...glucoseRow,
      result_type: 'text',
      value_numeric: null,
      value_text: 'Stérile',
      reference: null,
      flag: null,
    });
    expect(text.valueString).toBe('Stérile');
    expect(text.valueQuantity).toBeUndefined();
    expect(text.interpretation).toBeUndefined();
  });

  it('an OperationOutcome carries the stable code, the localized title and the field paths', () => {
    const outcome = operationOutcomeOf(
      new SillageError('SIL_FHIR_SEARCH_PARAMETER_INVALID', { issues: [{ path: 'date', message: 'date attendue' }] }),
      'fr'
    );
    expect(outcome.issue[0]).toMatchObject({
      severity: 'error',
      code: 'invalid',
      details: { coding: [{ system: 'https://sillage.dev/errors', code: 'SIL_FHIR_SEARCH_PARAMETER_INVALID' }] },
      diagnostics: 'date : date attendue',
      expression: ['date'],
    });
    expect(operationOutcomeOf(new SillageError('SIL_INTERNAL'), 'en').issue[0]).toMatchObject({
      severity: 'fatal',
      code: 'exception',
    });
  });
});
