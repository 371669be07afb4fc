import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFirstFirstNameOfList, isValidNameTrait, normalizeName, searchKey, splitFirstNames } from './names.js';

describe('normalizeName', () => {
  it.each([
    ['Lefèvre', 'LEFEVRE'],
    ['ÉLODIE', 'ELODIE'],
    ['François', 'FRANCOIS'],
    ['Noël', 'NOEL'],
    ['Cœur', 'COEUR'],
    ['LÆTITIA', 'LAETITIA'],
    ['Strauß', 'STRAUSS'],
    ['Øster', 'OSTER'],
    ['Łukasz', 'LUKASZ'],
    ['Hélène-Françoise', 'HELENE-FRANCOISE'],
    ['  jean   pierre  ', 'JEAN PIERRE'],
    ['d’Artagnan', "D'ARTAGNAN"],
    ["D ' ARTAGNAN", "D'ARTAGNAN"],
    ['Martin – Dupont', 'MARTIN-DUPONT'],
    ['DUPONT--DURAND', 'DUPONT--DURAND'],
    ['N\u2019Diaye', "N'DIAYE"],
    ['Ｄｕｐｏｎｔ', 'DUPONT'], // full-width letters (NFKD compatibility)
    ['e\u0301lise', 'ELISE'], // decomposed é
  ])('%j → %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('keeps characters it does not know, so validation can refuse them', () => {
    expect(normalizeName('dupont2')).toBe('DUPONT2');
    expect(isValidNameTrait(normalizeName('dupont2'))).toBe(false);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: 'grapheme' }), (input) => {
        const once = normalizeName(input);
        expect(normalizeName(once)).toBe(once);
      })
    );
  });
});

describe('isValidNameTrait', () => {
  it.each(['DUPONT', "D'ARTAGNAN", 'MARTIN-DUPONT', 'DE LA FONTAINE', 'JEAN-PIERRE MARIE', 'DUPONT--DURAND'])(
    'accepts %j',
    (value) => {
      expect(isValidNameTrait(value)).toBe(true);
    }
  );

  it.each([
    '',
    'Dupont',
    'DUPONT ',
    ' DUPONT',
    'LEFÈVRE',
    'DUPONT-',
    "'DUPONT",
    'ST. JEAN',
    'DUPONT  DURAND',
    'A---B',
    'X1',
  ])('refuses %j', (value) => {
    expect(isValidNameTrait(value)).toBe(false);
  });
});

describe('searchKey', () => {
  it('meets across case, accents and separators', () => {
    expect(searchKey('Le Roy')).toBe('LEROY');
    expect(searchKey('le-roy')).toBe(searchKey('LEROY'));
    expect(searchKey("d'Artagnan")).toBe('DARTAGNAN');
    expect(searchKey('Lefèvre')).toBe(searchKey('LEFEVRE'));
  });

  it('contains letters A–Z only', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: 'grapheme' }), (input) => {
        expect(searchKey(input)).toMatch(/^[A-Z]*$/);
      })
    );
  });
});

describe('first names', () => {
  it('splits the birth first names on spaces, keeping hyphenated first names whole', () => {
    expect(splitFirstNames('Jean-Pierre  Marie Élie')).toEqual(['JEAN-PIERRE', 'MARIE', 'ELIE']);
    expect(splitFirstNames('   ')).toEqual([]);
  });

  it.each([
    ['JEAN', 'JEAN PIERRE MARIE', true],
    ['Jean', 'JEAN PIERRE', true],
    ['JEAN PIERRE', 'JEAN PIERRE MARIE', true], // compound first name written without hyphen
    ['JEAN-PIERRE', 'JEAN-PIERRE MARIE', true],
    ['PIERRE', 'JEAN PIERRE MARIE', false], // a later first name is not the first one
    ['JEAN', 'JEAN-PIERRE MARIE', false], // half of a hyphenated first name
    ['JEAN PIERRE MARIE LOUIS', 'JEAN PIERRE MARIE', false],
    ['', 'JEAN', false],
  ])('%j is the first of %j: %s', (first, list, expected) => {
    expect(isFirstFirstNameOfList(first, list)).toBe(expected);
  });
});
