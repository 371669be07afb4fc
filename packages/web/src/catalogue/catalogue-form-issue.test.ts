import { describe, expect, it } from 'vitest';
import { issuesToFormErrors, serverIssuesToFormErrors } from './catalogue-form-issue.js';

describe('form issues', () => {
  it('keeps the first issue of each field, translated', () => {
    const errors = issuesToFormErrors(
      [
        { path: 'label', key: 'required' },
        { path: 'label', key: 'codeRule' },
        { path: 'referenceIntervals.1.ageMin', key: 'overlap', values: { row: 1 } },
      ],
      (key, values) => `${key}${values === undefined ? '' : JSON.stringify(values)}`
    );
    expect(errors).toEqual({ label: 'required', 'referenceIntervals.1.ageMin': 'overlap{"row":1}' });
  });

  it('puts the server issues that name a form field under it, and leaves the others to the alert', () => {
    const fields = ['mnemonic', 'nabmCodes', 'unitUcum', 'referenceIntervals', 'formulaInputs'];
    expect(
      serverIssuesToFormErrors(
        [
          { path: 'unitUcum', message: 'unité UCUM non reconnue : foo' },
          { path: 'nabmCodes[1]', message: '55' },
          { path: 'referenceIntervals[0]', message: 'chevauche intervals[1]' },
          { path: 'formula.inputs.calcium', message: 'paramètre absent du catalogue : X' },
          { path: 'mnemonic', message: 'premier' },
          { path: 'mnemonic', message: 'second' },
        ],
        fields
      )
    ).toEqual({ unitUcum: 'unité UCUM non reconnue : foo', nabmCodes: '55', mnemonic: 'premier' });
  });
});
