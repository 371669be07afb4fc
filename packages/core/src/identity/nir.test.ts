import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../test-support/shared-fixtures.js';
import { SillageError } from '../errors/sillage-error.js';
import { checkNirConsistency, computeNirKey, formatNir, isNirBody, parseNir, type Nir } from './nir.js';

function parsed(input: string): Nir {
  const result = parseNir(input);
  if (!result.ok) {
    throw new Error(`expected ${input} to parse, got ${result.code}`);
  }
  return result.nir;
}

describe('computeNirKey', () => {
  it('computes a key worked by hand', () => {
    // N = 2 550 814 168 025 (reference/france-domain.md §2.6 vector, key 38).
    // Long division by 97 in two chunks:
    //   2 550 814 = 97 × 26 297 + 5          (97 × 26 297 = 2 550 809)
    //   5 168 025 = 97 × 53 278 + 59         (carry 5 then the next six digits 168 025;
    //                                          97 × 53 278 = 5 167 966)
    //   N mod 97 = 59, key = 97 − 59 = 38.
    expect(computeNirKey('2550814168025')).toBe('38');
  });

  it.each([
    // reference/france-domain.md §2.6 (CNAM nir-validation spec vectors, ANS test INS)
    ['2940375120005', '91'],
    ['1531245007231', '60'],
    ['284052A321025', '52'],
    ['2790351215189', '89'],
    // python-stdnum doctests (also in the shared fixture)
    ['2951099126111', '93'],
    ['253072B073004', '70'],
    ['253072A073004', '43'],
  ])('key of %s is %s', (body, key) => {
    expect(computeNirKey(body)).toBe(key);
  });

  it('reads Corsica 2A as 19 and 2B as 18 (not as 20 or as hex)', () => {
    // Same body except the department: 2A → 19 gives 43, 2B → 18 gives 70 (python-stdnum).
    expect(computeNirKey('253072A073004')).toBe(computeNirKey('2530719073004'));
    expect(computeNirKey('253072B073004')).toBe(computeNirKey('2530718073004'));
    expect(computeNirKey('253072A073004')).not.toBe(computeNirKey('253072B073004'));
  });

  it('zero-pads keys below 10', () => {
    // 1 84 05 19 321 025: N mod 97 = 92, key 05.
    expect(computeNirKey('1840519321025')).toBe('05');
  });

  it('accepts separators and lower-case 2a', () => {
    expect(computeNirKey('2 84 05 2a 321 025')).toBe('52');
  });

  it('throws SIL_NIR_INVALID_FORMAT on something that is not a 13-character body', () => {
    expect(() => computeNirKey('255081416802')).toThrow(SillageError);
    expect(() => computeNirKey('253072C073004')).toThrow(/NIR/);
    try {
      computeNirKey('x');
    } catch (error) {
      expect(error).toBeInstanceOf(SillageError);
      expect((error as SillageError).code).toBe('SIL_NIR_INVALID_FORMAT');
    }
  });
});

describe('parseNir', () => {
  it('splits a NIR into its fields', () => {
    expect(parsed('2 55 08 14 168 025 38')).toEqual({
      value: '255081416802538',
      kind: 'NIR',
      sex: 'F',
      birthYear2: '55',
      birthMonth: '08',
      birthMonthKnown: true,
      department: '14',
      commune: '168',
      birthplaceCode: '14168',
      order: '025',
      key: '38',
    });
  });

  it('accepts spaces, dots, dashes and non-breaking spaces', () => {
    for (const input of [
      '2.55.08.14.168.025.38',
      '2-55-08-14-168-025-38',
      '2\u00a055 08 14 168 025 38',
      ' 255081416802538 ',
    ]) {
      expect(parsed(input).value).toBe('255081416802538');
    }
  });

  it('keeps Corsica departments as letters in the value', () => {
    const nir = parsed('2 84 05 2A 321 025 52');
    expect(nir.value).toBe('284052A32102552');
    expect(nir.department).toBe('2A');
    expect(nir.birthplaceCode).toBe('2A321');
    expect(parsed('253072b07300470').department).toBe('2B');
  });

  it('reads overseas departments on 3 digits and born-abroad country codes', () => {
    const body = '1650397411123';
    const overseas = parsed(body + computeNirKey(body));
    expect(overseas.department).toBe('974');
    expect(overseas.commune).toBe('11');
    expect(overseas.birthplaceCode).toBe('97411');
    const abroad = parsed('2 95 10 99 126 111 93');
    expect(abroad.department).toBe('99');
    expect(abroad.commune).toBe('126');
  });

  it.each([
    ['1', 'M', 'NIR'],
    ['2', 'F', 'NIR'],
    ['3', 'M', 'NIR'],
    ['4', 'F', 'NIR'],
    ['7', 'M', 'NIA'],
    ['8', 'F', 'NIA'],
  ] as const)('first digit %s means sex %s, kind %s', (first, sex, kind) => {
    const body = `${first}650375120005`;
    const nir = parsed(body + computeNirKey(body));
    expect(nir.sex).toBe(sex);
    expect(nir.kind).toBe(kind);
  });

  it.each(['0', '5', '6', '9'])('rejects first digit %s as a format error', (first) => {
    expect(parseNir(`${first}65037512000591`)).toEqual({ ok: false, code: 'SIL_NIR_INVALID_FORMAT' });
  });

  it('accepts fictitious months (incomplete civil record) and flags them as unknown', () => {
    for (const month of ['20', '30', '42', '50', '99']) {
      const body = `1${'65'}${month}75120005`;
      const nir = parsed(body + computeNirKey(body));
      expect(nir.birthMonth).toBe(month);
      expect(nir.birthMonthKnown).toBe(false);
    }
  });

  it.each(['00', '13', '19', '43', '49'])('rejects month %s', (month) => {
    const body = `165${month}75120005`;
    expect(parseNir(`${body}01`)).toEqual({ ok: false, code: 'SIL_NIR_INVALID_FORMAT' });
  });

  it.each([
    ['', 'empty'],
    ['25508141680253', '14 characters'],
    ['2550814168025381', '16 characters'],
    ['25508141680253A', 'letter in the key'],
    ['2550X1416802538', 'letter in the month'],
    ['255082C16802538', '2C is not a department'],
    ['2550814168025', 'body without key'],
    ['2'.repeat(100), 'very long'],
  ])('rejects %j (%s) as a format error', (input) => {
    expect(parseNir(input)).toEqual({ ok: false, code: 'SIL_NIR_INVALID_FORMAT' });
  });

  it('rejects a wrong key with its own code', () => {
    expect(parseNir('2 55 08 14 168 025 39')).toEqual({ ok: false, code: 'SIL_NIR_INVALID_KEY' });
    // 00, 98 and 99 can never be keys (97 − r is in 1..97).
    expect(parseNir('255081416802500')).toEqual({ ok: false, code: 'SIL_NIR_INVALID_KEY' });
    expect(parseNir('255081416802598')).toEqual({ ok: false, code: 'SIL_NIR_INVALID_KEY' });
  });

  it('parses the ANS test INS of the CI-SIS HL7 examples (279035121518989)', () => {
    const nir = parsed('279035121518989');
    expect(nir).toMatchObject({
      sex: 'F',
      birthYear2: '79',
      birthMonth: '03',
      department: '51',
      commune: '215',
      order: '189',
    });
  });
});

describe.skipIf(!sharedFixtures.available)('parseNir on python-stdnum vectors (shared fixture)', () => {
  interface Vector {
    input: string;
    valid: boolean;
    key?: string;
    compact?: string;
    error?: 'InvalidChecksum' | 'InvalidFormat' | 'InvalidLength';
  }
  const vectors = sharedFixtures.available
    ? (JSON.parse(sharedFixtures.textWithoutHeader('france/nir/nir_key_vectors.DERIVED.json')) as { vectors: Vector[] })
        .vectors
    : [];

  it('has the six documented vectors', () => {
    expect(vectors).toHaveLength(6);
  });

  it.each(vectors)('$input → valid $valid', (vector) => {
    const result = parseNir(vector.input);
    expect(result.ok).toBe(vector.valid);
    if (result.ok) {
      expect(result.nir.key).toBe(vector.key);
      expect(result.nir.value).toBe(vector.compact ?? vector.input);
      expect(formatNir(result.nir).replaceAll(' ', '')).toBe(result.nir.value);
    } else {
      const expected = vector.error === 'InvalidChecksum' ? 'SIL_NIR_INVALID_KEY' : 'SIL_NIR_INVALID_FORMAT';
      expect(result.code).toBe(expected);
    }
  });
});

describe('formatNir', () => {
  it('groups like INSEE and python-stdnum', () => {
    expect(formatNir('295109912611193')).toBe('2 95 10 99 126 111 93');
    expect(formatNir(parsed('284052A32102552'))).toBe('2 84 05 2A 321 025 52');
  });
});

describe('checkNirConsistency', () => {
  const nir = parsed('2 55 08 14 168 025 38'); // female, born August 1955

  it('is empty when sex, year and month agree', () => {
    expect(checkNirConsistency(nir, { sex: 'F', birthDate: '1955-08-21' })).toEqual([]);
  });

  it('reports each disagreeing trait', () => {
    expect(checkNirConsistency(nir, { sex: 'M', birthDate: '1956-09-21' })).toEqual([
      { trait: 'sex', fromNir: 'F', fromTraits: 'M' },
      { trait: 'birthYear', fromNir: '55', fromTraits: '56' },
      { trait: 'birthMonth', fromNir: '08', fromTraits: '09' },
    ]);
  });

  it('compares the year on its two last digits only (the NIR has no century)', () => {
    expect(checkNirConsistency(nir, { sex: 'F', birthDate: '2055-08-01' })).toEqual([]);
  });

  it('does not compare the sex of an identity of undetermined sex', () => {
    expect(checkNirConsistency(nir, { sex: 'I', birthDate: '1955-08-21' })).toEqual([]);
  });

  it('does not compare the month when the NIR month is fictitious', () => {
    const body = '1653075120005';
    const unknownMonth = parsed(body + computeNirKey(body));
    expect(checkNirConsistency(unknownMonth, { sex: 'M', birthDate: '1965-07-14' })).toEqual([]);
    expect(checkNirConsistency(unknownMonth, { sex: 'M', birthDate: '1966-07-14' })).toEqual([
      { trait: 'birthYear', fromNir: '65', fromTraits: '66' },
    ]);
  });

  it('reports no date inconsistency for an unreadable birth date', () => {
    expect(checkNirConsistency(nir, { sex: 'F', birthDate: '1955-02-30' })).toEqual([]);
  });
});

describe('NIR key properties', () => {
  const digit = fc.constantFrom(...'0123456789');
  const digits = (count: number) => fc.array(digit, { minLength: count, maxLength: count }).map((d) => d.join(''));
  const month = fc.oneof(
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 20, max: 42 }),
    fc.integer({ min: 50, max: 99 })
  );
  const body = fc
    .record({
      first: fc.constantFrom('1', '2', '3', '4', '7', '8'),
      year: digits(2),
      month: month.map((m) => String(m).padStart(2, '0')),
      department: fc.oneof(digits(2), fc.constantFrom('2A', '2B')),
      rest: digits(6),
    })
    .map(({ first, year, month: m, department, rest }) => `${first}${year}${m}${department}${rest}`);

  it('the computed key always validates', () => {
    fc.assert(
      fc.property(body, (b) => {
        expect(isNirBody(b)).toBe(true);
        const result = parseNir(b + computeNirKey(b));
        expect(result.ok).toBe(true);
      })
    );
  });

  it('any single-character change of the body invalidates the number', () => {
    fc.assert(
      fc.property(body, fc.nat({ max: 12 }), fc.constantFrom(...'0123456789AB'), (b, position, replacement) => {
        fc.pre(b[position] !== replacement);
        const mutated = b.slice(0, position) + replacement + b.slice(position + 1);
        expect(parseNir(mutated + computeNirKey(b)).ok).toBe(false);
      })
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (input) => {
        const result = parseNir(input);
        expect(typeof result.ok).toBe('boolean');
      })
    );
  });
});
