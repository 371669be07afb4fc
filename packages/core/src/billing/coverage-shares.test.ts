/**
 * Golden cases of the shares, worked out by hand (france-domain.md §1.4): AMO 60 % for B acts,
 * 90 % Alsace-Moselle, 100 % HIV/HCV screening and exonerated situations; AMC a percentage of the
 * ticket modérateur (TM); participation forfaitaire 2 € per analysis act since 2024-05-15, 4 €/day,
 * 50 €/year, exempt for minors, maternité, C2S, AME. Rounding half up to the cent, per line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CotationLine, CotationLineKind } from './cotation-engine.js';
import { exonerations, type AmcCoverage, type AmoCoverage } from './coverage.js';
import { computeShares, type Shares, type SharesInput, type SharesOutcome } from './coverage-shares.js';

function line(code: string, kind: CotationLineKind, amountCents: number, billed = true): CotationLine {
  return {
    code,
    label: code,
    kind,
    keyLetter: kind === 'hors-nomenclature' ? null : 'B',
    coefficientHundredths: null,
    amountCents,
    billed,
    reason: '',
    inputIndex: null,
  };
}

// The métropole order of the cotation golden case, 2 June 2025: 1104 B 25, 0552 B 5, 9005 B 17, 9105 B 5.
const ordinaryOrder = [
  line('1104', 'analysis', 625),
  line('0552', 'analysis', 125),
  line('9005', 'forfait', 425),
  line('9105', 'forfait', 125),
];
const generalScheme: AmoCoverage = { exoneration: null, alsaceMoselle: false };

function shares(overrides: Partial<SharesInput> = {}): Shares {
  const outcome = computeShares({
    date: '2025-06-02',
    patient: { birthDate: '1980-01-31' },
    amo: generalScheme,
    amc: null,
    lines: ordinaryOrder,
    ...overrides,
  });
  if (!outcome.ok) {
    throw new Error(JSON.stringify(outcome.errors));
  }
  return outcome;
}

function errorsOf(outcome: SharesOutcome): string[] {
  return outcome.ok ? [] : outcome.errors.map((error) => `${error.path}:${error.code}`);
}

describe('AMO share', () => {
  it('B acts 60 %: 375 + 75 + 255 + 75 = 7,80 € AMO; patient 5,20 € (no complementary)', () => {
    const result = shares();
    expect(result.lines.map((l) => l.amoCents)).toEqual([375, 75, 255, 75]);
    expect([result.totalCents, result.amoCents, result.amcCents, result.patientCents]).toEqual([1300, 780, 0, 520]);
  });

  it('Alsace-Moselle 90 %: 562,5 → 563; 112,5 → 113; 382,5 → 383; 112,5 → 113; AMO 11,72 €, patient 1,28 €', () => {
    const result = shares({ amo: { exoneration: null, alsaceMoselle: true } });
    expect(result.lines.map((l) => [l.amoRatePercent, l.amoCents])).toEqual([
      [90, 563],
      [90, 113],
      [90, 383],
      [90, 113],
    ]);
    expect([result.amoCents, result.patientCents]).toEqual([1172, 128]);
  });

  it('HIV screening 0388 (B 45 = 11,25 €) at 100 %; 9005 and 9105 stay at 60 %: AMO 1125 + 255 + 75 = 14,55 €', () => {
    const result = shares({
      lines: [line('0388', 'analysis', 1125), line('9005', 'forfait', 425), line('9105', 'forfait', 125)],
    });
    expect(result.lines.map((l) => l.amoRatePercent)).toEqual([100, 60, 60]);
    expect([result.totalCents, result.amoCents, result.patientCents]).toEqual([1675, 1455, 220]);
  });

  it('HCV screening 3784 at 100 % also under Alsace-Moselle', () => {
    const result = shares({ amo: { exoneration: null, alsaceMoselle: true }, lines: [line('3784', 'analysis', 1200)] });
    expect(result.lines[0]).toMatchObject({ amoRatePercent: 100, amoCents: 1200, patientCents: 0 });
  });

  it.each(['ald', 'maternite', 'atmp', 'c2s', 'ame'] as const)(
    'exoneration %s: 100 % of the whole order',
    (exoneration) => {
      const result = shares({ amo: { exoneration, alsaceMoselle: false } });
      expect([result.amoCents, result.patientCents]).toEqual([1300, 0]);
    }
  );

  it('an off-nomenclature act (15,00 €) is the patient’s whole, even with a complementary at 100 %', () => {
    const result = shares({
      lines: [line('VITD-HN', 'hors-nomenclature', 1500)],
      amc: { ratePercentOfTm: 100, tiersPayant: true },
    });
    expect([result.totalCents, result.amoCents, result.amcCents, result.patientCents]).toEqual([1500, 0, 0, 1500]);
  });

  it('lines not billed count for nothing', () => {
    const result = shares({ lines: [line('1104', 'analysis', 625), line('9005', 'forfait', 0, false)] });
    expect(result.lines.map((l) => l.code)).toEqual(['1104']);
  });
});

describe('AMC share (percentage of the ticket modérateur) and tiers payant', () => {
  it('100 % of TM in tiers payant: the complementary pays the 5,20 € TM, the patient nothing', () => {
    const result = shares({ amc: { ratePercentOfTm: 100, tiersPayant: true } });
    expect([result.amoCents, result.amcCents, result.patientCents, result.amcRefundToPatientCents]).toEqual([
      780, 520, 0, 0,
    ]);
  });

  it('33 % of TM: 250 → 82,5 → 83; 50 → 16,5 → 17; 170 → 56,1 → 56; 50 → 17; AMC 1,73 €, patient 3,47 €', () => {
    const result = shares({ amc: { ratePercentOfTm: 33, tiersPayant: true } });
    expect(result.lines.map((l) => l.amcShareCents)).toEqual([83, 17, 56, 17]);
    expect([result.amcCents, result.patientCents]).toEqual([173, 347]);
  });

  it('no tiers-payant agreement: the patient advances the TM (5,20 €) and claims 5,20 € back from the complementary', () => {
    const result = shares({ amc: { ratePercentOfTm: 100, tiersPayant: false } });
    expect([result.amoCents, result.amcCents, result.patientCents, result.amcRefundToPatientCents]).toEqual([
      780, 0, 520, 520,
    ]);
  });
});

describe('participation forfaitaire (2 € per biology act since 2024-05-15, capped 4 €/day, 50 €/year; tracked, not collected)', () => {
  it('adult, 2 analysis acts: 2 × 2 € = 4 € (forfaits 9005/9105 do not bear it); not collected at the desk', () => {
    const result = shares();
    expect(result.participationForfaitaire).toMatchObject({ cents: 400, count: 2, collectedAtDesk: false });
    // Tracked only: the patient share is unchanged by it.
    expect(result.patientCents).toBe(520);
  });

  it('adult, 3 analysis acts: 3 × 2 € = 6 €, capped at 4 € a day', () => {
    const result = shares({ lines: [...ordinaryOrder, line('0592', 'analysis', 150)] });
    expect(result.participationForfaitaire).toMatchObject({ cents: 400, count: 2 });
  });

  it('a 17-year-old is exempt (born 2008-01-01, 17 at 2025-06-02)', () => {
    const result = shares({ patient: { birthDate: '2008-01-01' } });
    expect(result.participationForfaitaire).toMatchObject({ cents: 0, count: 0 });
    expect(result.participationForfaitaire.reason).toMatch(/mineur \(17 ans/);
  });

  it('18 on the very day of the acts is no longer a minor', () => {
    expect(shares({ patient: { birthDate: '2007-06-02' } }).participationForfaitaire.cents).toBe(400);
    expect(shares({ patient: { birthDate: '2007-06-03' } }).participationForfaitaire.cents).toBe(0);
  });

  it.each([
    ['c2s', 0],
    ['ame', 0],
    ['maternite', 0],
    ['ald', 400], // ALD patients are not exempt
    ['atmp', 400],
  ] as const)('exoneration %s: %i cents', (exoneration, cents) => {
    expect(shares({ amo: { exoneration, alsaceMoselle: false } }).participationForfaitaire.cents).toBe(cents);
  });

  it('what was charged earlier the same day or year counts: 2 € left today → 1 participation; 1 € left in the year → 1 €', () => {
    expect(shares({ participationAlreadyToday: { count: 1, cents: 200 } }).participationForfaitaire).toMatchObject({
      cents: 200,
      count: 1,
    });
    expect(shares({ participationAlreadyThisYearCents: 4900 }).participationForfaitaire).toMatchObject({
      cents: 100,
      count: 1,
    });
    expect(shares({ participationAlreadyThisYearCents: 5000 }).participationForfaitaire.cents).toBe(0);
  });

  it('before 2024-05-15 the amount is unconfirmed (switched off): nothing computed, and said', () => {
    const result = shares({ date: '2024-05-14' });
    expect(result.participationForfaitaire.cents).toBe(0);
    expect(result.participationForfaitaire.reason).toMatch(/non confirmé/);
  });
});

describe('coverage checked at the date of the acts', () => {
  const input = (amo: Partial<AmoCoverage>, amc: AmcCoverage | null = null, birthDate = '1980-01-31'): SharesInput => ({
    date: '2025-06-02',
    patient: { birthDate },
    amo: { ...generalScheme, ...amo },
    amc,
    lines: ordinaryOrder,
  });

  it('AMO rights closed on 2025-05-31 → SIL_COVERAGE_EXPIRED; valid through the last day', () => {
    expect(errorsOf(computeShares(input({ validTo: '2025-05-31' })))).toEqual(['patient.amo:SIL_COVERAGE_EXPIRED']);
    expect(computeShares(input({ validFrom: '2025-01-01', validTo: '2025-06-02' })).ok).toBe(true);
  });

  it('AMC rights opening on 2025-07-01 → SIL_COVERAGE_NOT_YET_VALID; a rate above 100 → SIL_COVERAGE_AMC_RATE_INVALID', () => {
    expect(
      errorsOf(computeShares(input({}, { ratePercentOfTm: 100, tiersPayant: true, validFrom: '2025-07-01' })))
    ).toEqual(['patient.amc:SIL_COVERAGE_NOT_YET_VALID']);
    expect(errorsOf(computeShares(input({}, { ratePercentOfTm: 150, tiersPayant: true })))).toEqual([
      'patient.amc.ratePercentOfTm:SIL_COVERAGE_AMC_RATE_INVALID',
    ]);
  });

  it('a birth date after the acts is refused', () => {
    expect(errorsOf(computeShares(input({}, null, '2025-06-03')))).toEqual([
      'patient.birthDate:SIL_COVERAGE_BIRTH_DATE_INVALID',
    ]);
  });
});

describe('invariants (property)', () => {
  const kinds: CotationLineKind[] = ['analysis', 'forfait', 'supplement', 'hors-nomenclature', 'sampling'];
  const codes = ['1104', '0552', '0388', '3784', '9005', '9105', '9004', 'HN'];
  const arbitraryLine = fc
    .record({
      code: fc.constantFrom(...codes),
      kind: fc.constantFrom(...kinds),
      amountCents: fc.nat({ max: 200_000 }),
      billed: fc.boolean(),
    })
    .map(({ code, kind, amountCents, billed }) => line(code, kind, billed ? amountCents : 0, billed));

  it('total = AMO + AMC + patient; every share a non-negative integer; per line AMO + AMC share + patient = amount', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryLine, { maxLength: 25 }),
        fc.constantFrom(null, ...exonerations),
        fc.boolean(),
        fc.option(fc.record({ ratePercentOfTm: fc.integer({ min: 0, max: 100 }), tiersPayant: fc.boolean() }), {
          nil: null,
        }),
        fc.integer({ min: 0, max: 100 }),
        (lines, exoneration, alsaceMoselle, amc, age) => {
          const result = shares({
            lines,
            amo: { exoneration, alsaceMoselle },
            amc,
            patient: { birthDate: `${2025 - age}-01-15` },
          });
          const values = [
            result.totalCents,
            result.amoCents,
            result.amcCents,
            result.patientCents,
            result.amcRefundToPatientCents,
            result.participationForfaitaire.cents,
          ];
          for (const value of values) {
            expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
          }
          expect(result.amoCents + result.amcCents + result.patientCents).toBe(result.totalCents);
          expect(result.amcRefundToPatientCents).toBeLessThanOrEqual(result.patientCents);
          expect(result.participationForfaitaire.cents).toBeLessThanOrEqual(400);
          for (const share of result.lines) {
            expect(share.amoCents + share.amcShareCents + share.patientCents).toBe(share.amountCents);
            expect(Math.min(share.amoCents, share.amcShareCents, share.patientCents)).toBeGreaterThanOrEqual(0);
          }
        }
      )
    );
  });
});
