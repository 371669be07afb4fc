import { describe, expect, it } from 'vitest';
import type { Patient } from '../api/types.js';
import {
  changedPatientFields,
  emptyPatientFormValues,
  firstOfFirstNames,
  formValuesToPatientInput,
  normalizeInsNumber,
  parsePatientSummaries,
  patientToFormValues,
  patientToInput,
} from './patient-form-values.js';

const today = new Date(2025, 5, 15);

const patient: Patient = {
  id: 'p1',
  patientNumber: 'P00001234',
  birthName: 'DUPONT',
  usedName: 'MARTIN',
  birthFirstNames: 'Jeanne Marie',
  firstFirstName: 'Jeanne',
  birthDate: '1965-03-12',
  sex: 'F',
  birthplaceInsee: '2A004',
  ins: { number: '265032A00401234', kind: 'NIR', oid: '1.2.250.1.213.1.4.8' },
  identityStatus: 'QUAL',
  identityDocument: 'CNI 123',
  phone: null,
  email: null,
  address: null,
  mergedIntoId: null,
  version: 3,
  createdAt: '2025-01-01T10:00:00Z',
  updatedAt: '2025-01-02T10:00:00Z',
  insShareable: true,
};

describe('formValuesToPatientInput', () => {
  it('converts the typed birth date to ISO, trims and nulls empty optional traits', () => {
    const input = formValuesToPatientInput(
      {
        ...emptyPatientFormValues,
        birthName: ' DUPONT ',
        birthFirstNames: 'Jeanne   Marie ',
        firstFirstName: 'Jeanne',
        birthDate: '12/03/1965',
        sex: 'F',
        insNumber: '2 65 03 2a 004 012 34',
        birthplaceInsee: '2a004',
        usedName: '   ',
      },
      today
    );
    expect(input).toEqual({
      birthName: 'DUPONT',
      usedName: null,
      birthFirstNames: 'Jeanne Marie',
      firstFirstName: 'Jeanne',
      birthDate: '1965-03-12',
      sex: 'F',
      birthplaceInsee: '2A004',
      ins: { number: '265032A00401234' },
      identityStatus: 'PROV',
      identityDocument: null,
      phone: null,
      email: null,
      address: null,
    });
  });

  it('refuses an unreadable birth date or a missing sex', () => {
    const base = { ...emptyPatientFormValues, birthName: 'A', birthFirstNames: 'B', firstFirstName: 'B' };
    expect(formValuesToPatientInput({ ...base, birthDate: '31/02/1965', sex: 'M' }, today)).toBeNull();
    expect(formValuesToPatientInput({ ...base, birthDate: '12/03/1965', sex: '' }, today)).toBeNull();
  });

  it('round-trips a stored patient through the form unchanged', () => {
    const input = formValuesToPatientInput(patientToFormValues(patient), today);
    expect(input).toEqual(patientToInput(patient));
  });
});

describe('changedPatientFields', () => {
  it('keeps only the traits that changed', () => {
    const before = patientToInput(patient);
    expect(changedPatientFields(before, { ...before })).toEqual({});
    expect(changedPatientFields(before, { ...before, phone: '0102030405', ins: null })).toEqual({
      phone: '0102030405',
      ins: null,
    });
  });
});

describe('small helpers', () => {
  it('normalizes NIR input and finds the first first name', () => {
    expect(normalizeInsNumber(' 1 84 12 76 451 089 46 ')).toBe('184127645108946');
    expect(firstOfFirstNames('  Jean-Pierre Louis')).toBe('Jean-Pierre');
    expect(firstOfFirstNames('')).toBe('');
  });

  it('keeps only well-shaped duplicate candidates', () => {
    expect(parsePatientSummaries([{ id: 'p2', birthName: 'DUPOND' }, { id: 3 }, null, 'x'])).toEqual([
      { id: 'p2', birthName: 'DUPOND' },
    ]);
    expect(parsePatientSummaries(undefined)).toEqual([]);
  });
});
