import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SillageError } from '../errors/sillage-error.js';
import { PATIENT_QUERY_MAX_LENGTH, parsePatientQuery } from './patient-search-query.js';

describe('parsePatientQuery — traits', () => {
  it.each([
    ['DUPONT 12/03/1965', { kind: 'traits', names: ['DUPONT'], birthDate: '1965-03-12', ignoredTokens: [] }],
    [
      'dupont jean 12/03/1965',
      { kind: 'traits', names: ['DUPONT', 'JEAN'], birthDate: '1965-03-12', ignoredTokens: [] },
    ],
    ['12/03/1965', { kind: 'traits', names: [], birthDate: '1965-03-12', ignoredTokens: [] }],
    ['12.03.1965', { kind: 'traits', names: [], birthDate: '1965-03-12', ignoredTokens: [] }],
    ['12-03-1965', { kind: 'traits', names: [], birthDate: '1965-03-12', ignoredTokens: [] }],
    ['1965-03-12', { kind: 'traits', names: [], birthDate: '1965-03-12', ignoredTokens: [] }],
    ['1/3/1965', { kind: 'traits', names: [], birthDate: '1965-03-01', ignoredTokens: [] }],
    ['12 03 1965 Dupont', { kind: 'traits', names: ['DUPONT'], birthDate: '1965-03-12', ignoredTokens: [] }],
    ['12031965', { kind: 'traits', names: [], birthDate: '1965-03-12', ignoredTokens: [] }],
    ['1965', { kind: 'traits', names: [], birthYear: 1965, ignoredTokens: [] }],
    ['Dupont 1965', { kind: 'traits', names: ['DUPONT'], birthYear: 1965, ignoredTokens: [] }],
    ['Lefèvre Hélène', { kind: 'traits', names: ['LEFEVRE', 'HELENE'], ignoredTokens: [] }],
    ["d'Artagnan Martin-Dupont", { kind: 'traits', names: ["D'ARTAGNAN", 'MARTIN-DUPONT'], ignoredTokens: [] }],
    [
      'dupont, jean; 29/02/2000',
      { kind: 'traits', names: ['DUPONT', 'JEAN'], birthDate: '2000-02-29', ignoredTokens: [] },
    ],
  ])('%j', (query, expected) => {
    expect(parsePatientQuery(query)).toEqual(expected);
  });

  it('does not take an impossible date for a date', () => {
    expect(parsePatientQuery('31/02/2000')).toEqual({ kind: 'empty', ignoredTokens: ['31/02/2000'] });
    expect(parsePatientQuery('DUPONT 29/02/1900')).toEqual({
      kind: 'traits',
      names: ['DUPONT'],
      ignoredTokens: ['29/02/1900'],
    });
    expect(parsePatientQuery('DUPONT 12/13/1965')).toEqual({
      kind: 'traits',
      names: ['DUPONT'],
      ignoredTokens: ['12/13/1965'],
    });
  });

  it('prefers the full date over a year, and keeps the first date', () => {
    expect(parsePatientQuery('DUPONT 1965 12/03/1966')).toEqual({
      kind: 'traits',
      names: ['DUPONT'],
      birthDate: '1966-03-12',
      ignoredTokens: [],
    });
    expect(parsePatientQuery('01/01/2000 02/02/2001')).toEqual({
      kind: 'traits',
      names: [],
      birthDate: '2000-01-01',
      ignoredTokens: ['02/02/2001'],
    });
  });

  it('reports what it does not understand', () => {
    expect(parsePatientQuery('DUPONT 12/03/65')).toEqual({
      kind: 'traits',
      names: ['DUPONT'],
      ignoredTokens: ['12/03/65'],
    });
    expect(parsePatientQuery('DUP0NT')).toEqual({ kind: 'empty', ignoredTokens: ['DUP0NT'] });
    expect(parsePatientQuery('1234')).toEqual({ kind: 'empty', ignoredTokens: ['1234'] });
  });
});

describe('parsePatientQuery — identifiers', () => {
  it('reads a NIR typed with spaces, including Corsica', () => {
    const result = parsePatientQuery('2 84 05 2A 321 025 52');
    expect(result.kind).toBe('nir');
    expect(result.kind === 'nir' && result.nir.value).toBe('284052A32102552');
    expect(parsePatientQuery(' 2.55.08.14.168.025.38 ')).toMatchObject({
      kind: 'nir',
      nir: { value: '255081416802538' },
    });
  });

  it('says when a NIR-shaped query has a wrong key or no key', () => {
    expect(parsePatientQuery('2 55 08 14 168 025 39')).toEqual({ kind: 'invalidNir', code: 'SIL_NIR_INVALID_KEY' });
    expect(parsePatientQuery('2 55 08 14 168 025')).toEqual({ kind: 'invalidNir', code: 'SIL_NIR_INVALID_FORMAT' });
    expect(parsePatientQuery('555081416802538')).toEqual({ kind: 'invalidNir', code: 'SIL_NIR_INVALID_FORMAT' });
  });

  it('reads a patient number, any case', () => {
    expect(parsePatientQuery('P00001234')).toEqual({ kind: 'patientNumber', number: 'P00001234' });
    expect(parsePatientQuery(' p00001234 ')).toEqual({ kind: 'patientNumber', number: 'P00001234' });
  });

  it('reads 8 bare digits as a date when they form one, else as a patient number', () => {
    expect(parsePatientQuery('00001234')).toEqual({ kind: 'patientNumber', number: 'P00001234' });
    expect(parsePatientQuery('31021999')).toEqual({ kind: 'patientNumber', number: 'P31021999' });
    expect(parsePatientQuery('01021999')).toMatchObject({ kind: 'traits', birthDate: '1999-02-01' });
  });

  it('does not read a patient number with too few or too many digits', () => {
    expect(parsePatientQuery('P0000123')).toEqual({ kind: 'empty', ignoredTokens: ['P0000123'] });
    expect(parsePatientQuery('P000012345')).toEqual({ kind: 'empty', ignoredTokens: ['P000012345'] });
  });
});

describe('parsePatientQuery — limits', () => {
  it('is empty for blank input', () => {
    expect(parsePatientQuery('')).toEqual({ kind: 'empty', ignoredTokens: [] });
    expect(parsePatientQuery(' \t\n ')).toEqual({ kind: 'empty', ignoredTokens: [] });
  });

  it('accepts exactly 200 characters and refuses 201 with SIL_SEARCH_TOO_LONG', () => {
    expect(parsePatientQuery('A'.repeat(PATIENT_QUERY_MAX_LENGTH)).kind).toBe('traits');
    expect(() => parsePatientQuery('A'.repeat(PATIENT_QUERY_MAX_LENGTH + 1))).toThrow(SillageError);
    try {
      parsePatientQuery(' '.repeat(201));
      expect.unreachable();
    } catch (error) {
      expect((error as SillageError).code).toBe('SIL_SEARCH_TOO_LONG');
    }
  });

  it('never throws on any string of at most 200 characters', () => {
    const alphabet = fc.constantFrom(..."0123456789 /.-PpAB,;éÉ'’abcXYZ\t");
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: PATIENT_QUERY_MAX_LENGTH, unit: 'grapheme' }),
          fc.string({ maxLength: 60, unit: alphabet })
        ),
        (query) => {
          fc.pre(query.length <= PATIENT_QUERY_MAX_LENGTH);
          const result = parsePatientQuery(query);
          expect(['empty', 'nir', 'invalidNir', 'patientNumber', 'traits']).toContain(result.kind);
          if (result.kind === 'traits') {
            expect(result.birthDate === undefined || /^\d{4}-\d{2}-\d{2}$/.test(result.birthDate)).toBe(true);
            expect(result.names.every((name) => /^[A-Z]/.test(name))).toBe(true);
          }
        }
      )
    );
  });
});
