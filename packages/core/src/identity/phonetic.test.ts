import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHONETIC_KEY_VERSION, phoneticKey } from './phonetic.js';

describe('phoneticKey — names that sound alike share a key', () => {
  it.each([
    [['DUPOND', 'DUPONT', 'DUPONTT', 'Dupont']],
    [['LEFEBVRE', 'LEFEVRE', 'LEFÈVRE', 'Lefèbvre']],
    [['PHILIPPE', 'FILIPE', 'PHILIP']],
    [['GAUTHIER', 'GAUTIER']],
    [['RENAUD', 'RENAULT', 'RENAU', 'RENAUX']],
    [['THIBAULT', 'THIBAUD', 'TIBAUT']],
    [['ROUSSEAU', 'ROUSSO', 'ROUSSEAUX']],
    [['MOREAU', 'MOREAUX', 'MORAU']],
    [['DURAND', 'DURANT']],
    [['BERNARD', 'BERNART']],
    [['LAURENT', 'LORENT', 'LAURENS']],
    [['VINCENT', 'VINSENT']],
    [['CHRISTOPHE', 'KRISTOF']],
    [['CATHERINE', 'KATHERINE']],
    [['GUILLAUME', 'GUILLOME']],
    [['HENRI', 'HENRY']],
    [['CLAIRE', 'CLERE']],
    [['HÉLÈNE', 'HELENE', 'ELENE']],
    [['GEORGES', 'GEORGE', 'JORGE']],
    [['SCHMITT', 'SCHMIDT', 'CHMIT']],
    [['FAURE', 'FAUR']],
    [['MULLER', 'MÜLLER', 'MULER']],
    [['LEROY', 'LE ROY', 'Le-Roy']],
    [['DE LA FONTAINE', 'DELAFONTAINE']],
    [['MARTIN-DUPONT', 'MARTIN DUPOND']],
  ])('%j', (names) => {
    const keys = names.map(phoneticKey);
    expect(new Set(keys).size, `${names.join(', ')} → ${keys.join(', ')}`).toBe(1);
  });
});

describe('phoneticKey — names that sound different keep different keys', () => {
  it.each([
    ['MARTIN', 'MARTINEZ'],
    ['MARTIN', 'MARTINE'], // nasal IN vs IN + vowel
    ['JEAN', 'JEANNE'],
    ['LOUIS', 'LOUISE'],
    ['PETIT', 'PETITE'],
    ['DUPONT', 'DURAND'],
    ['DUPONT', 'DUMONT'],
    ['LEFEVRE', 'LEFEBURE'],
    ['RENAUD', 'RENARD'],
    ['GAUTIER', 'GAUTHEROT'],
    ['MOREAU', 'MOREL'],
    ['SIMON', 'SIMONE'],
  ])('%s ≠ %s', (a, b) => {
    expect(phoneticKey(a)).not.toBe(phoneticKey(b));
  });
});

describe('phoneticKey — exact keys (pin version %i of the rules)', () => {
  // Stored in indexed columns: a change here must bump PHONETIC_KEY_VERSION.
  it.each([
    ['DUPONT', 'DUP3'],
    ['MARTIN', 'MART4'],
    ['MARTINEZ', 'MARTINES'],
    ['LEFEBVRE', 'LEFEVR'],
    ['PHILIPPE', 'FILIP'],
    ['GAUTHIER', 'GOTI'],
    ['RENAULT', 'RENO'],
    ['JULIEN', 'JULI4'],
    ['FONTAINE', 'F3TEN'],
    ['VINCENT', 'V4S1'],
    ['', ''],
    ["  -' ", ''],
    ['D', 'D'],
  ])('%j → %j', (name, key) => {
    expect(PHONETIC_KEY_VERSION).toBe(1);
    expect(phoneticKey(name)).toBe(key);
  });
});

describe('phoneticKey — properties', () => {
  const ACCENTED: Readonly<Record<string, readonly string[]>> = {
    A: ['A', 'a', 'À', 'à', 'Â', 'â', 'Ä', 'ä', 'Á'],
    C: ['C', 'c', 'Ç', 'ç'],
    E: ['E', 'e', 'É', 'é', 'È', 'è', 'Ê', 'ê', 'Ë', 'ë'],
    I: ['I', 'i', 'Î', 'î', 'Ï', 'ï'],
    O: ['O', 'o', 'Ô', 'ô', 'Ö', 'ö'],
    U: ['U', 'u', 'Ù', 'ù', 'Û', 'û', 'Ü', 'ü'],
    Y: ['Y', 'y', 'Ÿ', 'ÿ'],
    N: ['N', 'n', 'Ñ', 'ñ'],
  };
  const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  const word = fc.array(letter, { minLength: 1, maxLength: 12 }).map((letters) => letters.join(''));
  const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));

  function disguise(plain: string, choices: readonly number[]): string {
    return [...plain]
      .map((character, index) => {
        const variants = ACCENTED[character] ?? [character, character.toLowerCase()];
        return variants[(choices[index] ?? 0) % variants.length] ?? character;
      })
      .join('');
  }

  it('is stable under case and accent changes', () => {
    fc.assert(
      fc.property(name, fc.array(fc.nat(), { maxLength: 40 }), (plain, choices) => {
        expect(phoneticKey(disguise(plain, choices))).toBe(phoneticKey(plain));
      })
    );
  });

  it('is made of A–Z and the nasal digits only, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: 'grapheme' }), (input) => {
        expect(phoneticKey(input)).toMatch(/^[A-Z134]*$/);
      })
    );
  });

  it('gives a non-empty key to any name that has a letter', () => {
    fc.assert(
      fc.property(name, (plain) => {
        expect(phoneticKey(plain).length).toBeGreaterThan(0);
      })
    );
  });
});
