import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../test-support/shared-fixtures.js';
import { isValidInseeCode, normalizeInseeCode, parseInseeCode } from './insee-code.js';

describe('parseInseeCode', () => {
  it.each([
    ['75116', 'metropole', '75', '116'], // Paris 16e
    ['01001', 'metropole', '01', '001'], // L'Abergement-Clémenciat: the leading zero is part of the code
    ['20004', 'metropole', '20', '004'], // Corsica before 1976 (COG in force at the birth date)
    ['2A004', 'corse', '2A', '004'], // Ajaccio
    ['2B033', 'corse', '2B', '033'], // Bastia
    ['97411', 'outre-mer', '974', '11'], // Saint-Denis (La Réunion)
    ['97611', 'outre-mer', '976', '11'], // Mamoudzou
    ['98818', 'outre-mer', '988', '18'], // Nouvelle-Calédonie
    ['99109', 'etranger', '99', '109'], // Allemagne (INSEE country code)
    ['99100', 'etranger', '99', '100'],
  ] as const)('%s is %s, department %s, commune %s', (code, kind, department, commune) => {
    expect(parseInseeCode(code)).toEqual({ code, kind, department, commune });
  });

  it.each([
    ['', 'empty'],
    ['7511', '4 characters'],
    ['751160', '6 characters'],
    ['00123', 'department 00'],
    ['96001', 'department 96 does not exist in the COG'],
    ['75000', 'commune 000'],
    ['2C004', 'no 2C'],
    ['2a004', 'not normalised'],
    ['97911', 'no 979'],
    ['98311', 'no 983'],
    ['99012', 'country codes start at 100'],
    ['A1234', 'letters'],
    [' 75116', 'untrimmed'],
  ])('refuses %j (%s)', (code) => {
    expect(parseInseeCode(code)).toBeNull();
    expect(isValidInseeCode(code)).toBe(false);
  });

  it('normalises case and surrounding spaces only', () => {
    expect(normalizeInseeCode(' 2a004 ')).toBe('2A004');
    expect(isValidInseeCode(normalizeInseeCode(' 2b033'))).toBe(true);
  });
});

describe.skipIf(!sharedFixtures.available)('isValidInseeCode on the La Poste base (shared fixture sample)', () => {
  const rows = sharedFixtures.available
    ? sharedFixtures
        .textWithoutHeader('france/geo/laposte_hexasmal_SAMPLE.csv')
        .split('\n')
        .filter((line) => line.trim().length > 0)
        .slice(1)
        .map((line) => line.split(';'))
    : [];
  const codes = [...new Set(rows.map((row) => row[0] ?? ''))];

  it('reads the 62 data rows', () => {
    expect(rows).toHaveLength(62);
  });

  it('accepts every Code_commune_INSEE of the sample', () => {
    const refused = codes.filter((code) => !isValidInseeCode(code));
    expect(refused).toEqual([]);
  });

  it('classifies the sample codes', () => {
    const kinds = new Map(codes.map((code) => [code, parseInseeCode(code)?.kind]));
    expect(kinds.get('2A004')).toBe('corse');
    expect(kinds.get('2B033')).toBe('corse');
    expect(kinds.get('97411')).toBe('outre-mer');
    expect(kinds.get('97105')).toBe('outre-mer');
    expect(kinds.get('13207')).toBe('metropole');
    expect(kinds.get('01001')).toBe('metropole');
    expect([...kinds.values()].filter((kind) => kind === 'outre-mer').length).toBeGreaterThanOrEqual(5);
  });
});
