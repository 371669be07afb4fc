import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateScore, isProbableDuplicate, phoneticKeysFor, type MatchableIdentity } from './duplicate-detection.js';
import { phoneticKey } from './phonetic.js';

const jean: MatchableIdentity = {
  birthName: 'DUPONT',
  usedName: null,
  birthFirstNames: 'JEAN PIERRE',
  firstFirstName: 'JEAN',
  birthDate: '1965-03-12',
  sex: 'M',
  birthplaceInsee: '75116',
};

function identity(overrides: Partial<MatchableIdentity>): MatchableIdentity {
  return { ...jean, ...overrides };
}

function codes(a: MatchableIdentity, b: MatchableIdentity): string[] {
  return duplicateScore(a, b).reasons.map((reason) => reason.code);
}

describe('isProbableDuplicate — realistic French cases', () => {
  it('DUPOND / DUPONT, same first name and birth date', () => {
    const other = identity({ birthName: 'DUPOND', birthplaceInsee: null });
    expect(isProbableDuplicate(jean, other)).toBe(true);
    expect(codes(jean, other)).toEqual(['SAME_BIRTH_DATE', 'PHONETIC_NAME', 'SAME_FIRST_NAME', 'SAME_SEX']);
  });

  it('LEFÈVRE Hélène / LEFEBVRE Helene', () => {
    const a = identity({ birthName: 'LEFEVRE', birthFirstNames: 'HELENE', firstFirstName: 'HELENE', sex: 'F' });
    const b = identity({ birthName: 'Lefebvre', birthFirstNames: 'Hélène', firstFirstName: 'Hélène', sex: 'F' });
    expect(isProbableDuplicate(a, b)).toBe(true);
    expect(duplicateScore(a, b).reasons).toContainEqual({ code: 'PHONETIC_NAME', fields: ['birthName', 'birthName'] });
  });

  it('a married woman registered once under her used name as if it were her birth name', () => {
    const registered = identity({
      birthName: 'MARTIN',
      usedName: 'DUPONT',
      birthFirstNames: 'MARIE ANNE',
      firstFirstName: 'MARIE',
      sex: 'F',
    });
    const typedAgain = identity({
      birthName: 'DUPONT',
      usedName: null,
      birthFirstNames: 'MARIE',
      firstFirstName: 'MARIE',
      sex: 'F',
    });
    expect(isProbableDuplicate(registered, typedAgain)).toBe(true);
    expect(duplicateScore(registered, typedAgain).reasons).toContainEqual({
      code: 'SAME_NAME',
      fields: ['usedName', 'birthName'],
    });
  });

  it('a hyphenated birth name against one of its parts', () => {
    const a = identity({ birthName: 'MARTIN-DUPONT' });
    expect(isProbableDuplicate(a, jean)).toBe(true);
    expect(codes(a, jean)).toContain('PARTIAL_NAME');
    // …and against a part misspelled phonetically
    expect(isProbableDuplicate(a, identity({ birthName: 'DUPOND' }))).toBe(true);
  });

  it('does not match compound names on a particle alone', () => {
    const a = identity({ birthName: 'DE LA FONTAINE' });
    const b = identity({ birthName: 'DE GAULLE' });
    expect(isProbableDuplicate(a, b)).toBe(false);
    expect(codes(a, b)).not.toContain('PARTIAL_NAME');
  });

  it('LE ROY / LEROY / Le-Roy are the same name', () => {
    expect(codes(identity({ birthName: 'LE ROY' }), identity({ birthName: 'LEROY' }))).toContain('SAME_NAME');
    expect(isProbableDuplicate(identity({ birthName: 'Le-Roy' }), identity({ birthName: 'LEROY' }))).toBe(true);
  });

  it('a patient who goes by the second of the birth first names', () => {
    const a = identity({ birthFirstNames: 'JEAN PIERRE', firstFirstName: 'JEAN' });
    const b = identity({ birthFirstNames: 'PIERRE', firstFirstName: 'PIERRE' });
    expect(isProbableDuplicate(a, b)).toBe(true);
    expect(codes(a, b)).toContain('FIRST_NAME_IN_LIST');
  });

  it('PHILIPPE / FILIPE and GAUTHIER / GAUTIER', () => {
    const a = identity({ birthName: 'GAUTHIER', birthFirstNames: 'PHILIPPE', firstFirstName: 'PHILIPPE' });
    const b = identity({ birthName: 'GAUTIER', birthFirstNames: 'FILIPE', firstFirstName: 'FILIPE' });
    expect(isProbableDuplicate(a, b)).toBe(true);
    expect(codes(a, b)).toEqual([
      'SAME_BIRTH_DATE',
      'PHONETIC_NAME',
      'PHONETIC_FIRST_NAME',
      'SAME_SEX',
      'SAME_BIRTHPLACE',
    ]);
  });
});

describe('isProbableDuplicate — what is not a duplicate', () => {
  it('another birth date', () => {
    expect(isProbableDuplicate(jean, identity({ birthDate: '1965-03-13' }))).toBe(false);
  });

  it('a day/month swap is reported and scored but not decided on', () => {
    const swapped = identity({ birthDate: '1965-12-03' });
    expect(isProbableDuplicate(jean, swapped)).toBe(false);
    expect(codes(jean, swapped)).toContain('BIRTH_DAY_MONTH_SWAPPED');
    expect(duplicateScore(jean, swapped).score).toBeGreaterThan(
      duplicateScore(jean, identity({ birthDate: '1970-01-01' })).score
    );
  });

  it('twins: same name and date, other first name', () => {
    expect(isProbableDuplicate(jean, identity({ birthFirstNames: 'PAUL', firstFirstName: 'PAUL' }))).toBe(false);
    const louis = identity({ birthFirstNames: 'LOUIS', firstFirstName: 'LOUIS' });
    const louise = identity({ birthFirstNames: 'LOUISE', firstFirstName: 'LOUISE', sex: 'F' });
    expect(isProbableDuplicate(louis, louise)).toBe(false);
  });

  it('twins DANIEL (M) / DANIELLE (F): same phonetic first name but different sex', () => {
    const daniel = identity({ birthFirstNames: 'DANIEL', firstFirstName: 'DANIEL' });
    const danielle = identity({ birthFirstNames: 'DANIELLE', firstFirstName: 'DANIELLE', sex: 'F' });
    expect(phoneticKey('DANIEL')).toBe(phoneticKey('DANIELLE'));
    expect(isProbableDuplicate(daniel, danielle)).toBe(false);
    expect(codes(daniel, danielle)).toContain('DIFFERENT_SEX');
    // …whereas a sex entry error with the very same first name is still caught
    expect(
      isProbableDuplicate(daniel, identity({ birthFirstNames: 'DANIEL', firstFirstName: 'DANIEL', sex: 'F' }))
    ).toBe(true);
  });

  it('homonyms born the same day with two different NIRs', () => {
    // Keys: 1 650 375 120 005 → 10, 1 650 375 120 006 → 09.
    const a = identity({ ins: { number: '165037512000510' } });
    const b = identity({ ins: { number: '1 65 03 75 120 006 09' } });
    expect(codes(a, b)).toContain('DIFFERENT_INS');
    expect(isProbableDuplicate(a, b)).toBe(false);
  });
});

describe('isProbableDuplicate — INS', () => {
  it('the same INS is a duplicate whatever the traits', () => {
    const a = identity({ ins: { number: '255081416802538' } });
    const b = identity({
      birthName: 'MARTIN',
      firstFirstName: 'ANNE',
      birthFirstNames: 'ANNE',
      birthDate: '1955-08-21',
      sex: 'F',
      ins: { number: '2 55 08 14 168 025 38' },
    });
    expect(duplicateScore(a, b)).toMatchObject({ score: 100, probableDuplicate: true });
    expect(codes(a, b)[0]).toBe('SAME_INS');
  });

  it('a NIA against a NIR does not exclude (the NIA may have been replaced)', () => {
    const a = identity({ ins: { number: '855081416802529' } });
    const b = identity({ ins: { number: '255081416802538' } });
    expect(codes(a, b)).not.toContain('DIFFERENT_INS');
    expect(isProbableDuplicate(a, b)).toBe(true);
  });
});

describe('duplicateScore — properties', () => {
  const name = fc.constantFrom(
    'DUPONT',
    'DUPOND',
    'MARTIN',
    'MARTINEZ',
    'LEFEVRE',
    'LEFEBVRE',
    'MARTIN-DUPONT',
    'LE ROY'
  );
  const first = fc.constantFrom('JEAN', 'JEANNE', 'MARIE', 'PHILIPPE', 'FILIPE', 'DANIEL', 'DANIELLE');
  const date = fc.constantFrom('1965-03-12', '1965-12-03', '1980-01-01');
  const sex = fc.constantFrom('F' as const, 'M' as const, 'I' as const);
  const person = fc
    .record({ birthName: name, usedName: fc.option(name, { nil: null }), firstFirstName: first, birthDate: date, sex })
    .map((p): MatchableIdentity => ({ ...p, birthFirstNames: p.firstFirstName }));

  it('is symmetric in its decision and bounded in its score', () => {
    fc.assert(
      fc.property(person, person, (a, b) => {
        const ab = duplicateScore(a, b);
        expect(ab.probableDuplicate).toBe(duplicateScore(b, a).probableDuplicate);
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(100);
      })
    );
  });

  it('finds every identity a duplicate of itself', () => {
    fc.assert(
      fc.property(person, (a) => {
        expect(isProbableDuplicate(a, a)).toBe(true);
      })
    );
  });
});

describe('phoneticKeysFor', () => {
  it('gives the values of the three indexed columns', () => {
    expect(phoneticKeysFor({ birthName: 'Lefèbvre', usedName: 'Dupond', firstFirstName: 'Philippe' })).toEqual({
      birthNamePhonetic: 'LEFEVR',
      usedNamePhonetic: 'DUP3',
      firstNamePhonetic: 'FILIP',
    });
  });

  it('stores no used-name key when there is no used name', () => {
    expect(
      phoneticKeysFor({ birthName: 'DUPONT', usedName: null, firstFirstName: 'JEAN' }).usedNamePhonetic
    ).toBeNull();
    expect(phoneticKeysFor({ birthName: 'DUPONT', usedName: ' ', firstFirstName: 'JEAN' }).usedNamePhonetic).toBeNull();
  });

  it('lets an SQL equality find DUPOND when DUPONT is typed', () => {
    expect(phoneticKeysFor(identity({ birthName: 'DUPOND' })).birthNamePhonetic).toBe(
      phoneticKeysFor(jean).birthNamePhonetic
    );
  });
});
