/**
 * The desk quote (issue 5 item 8). Golden case = the issue's own request, worked out by hand with
 * the coefficients of the CNAM release in force on 2 June 2025 (1104 B 25, 0552 B 5, 9005 B 17,
 * 9105 B 5) and B = 0,25 € (métropole).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../test-support/shared-fixtures.js';
import { billingIssuesToError } from './billing-issue.js';
import { parseCoefficientHistory, parseNabmActs } from './nabm-import.js';
import type { NabmAct } from './nabm-types.js';
import { computeQuote, type CatalogueBilling } from './quote.js';
import { quoteRequestSchema, quoteResponseSchema, type QuoteRequest } from './quote-schemas.js';
import { buildTariffIndex, type TariffIndex } from './tariff-index.js';
import { territories } from './territory.js';

function act(code: string, label: string, coefficient: number): NabmAct {
  return {
    code,
    label,
    createdOn: '1996-01-01',
    suppressedOn: null,
    chapter: null,
    groupCode: null,
    groupLabel: null,
    keyLetter: 'B',
    coefficientHundredths: coefficient * 100,
    coefficientValidFrom: '2019-04-01',
    coefficientValidTo: null,
    properties: {},
  };
}

const miniIndex = buildTariffIndex(
  [
    act('1104', 'HEMOGRAMME Y COMPRIS PLAQUETTES (NFS , NFP)', 25),
    act('0552', 'GLUCOSE', 5),
    act('0592', 'CREATININE', 6),
    act('1610', 'IONOGRAMME COMPLET', 22),
    act('0388', 'INFECTION A VIH 1 ET 2 : SERODIAGNOSTIC DE DEPISTAGE', 45),
    act('3784', 'DEPISTAGE DES ANTICORPS ANTI-VHC', 48),
    act('9005', 'FORFAIT DE PRISE EN CHARGE PRE-ANALYTIQUE DU PATIENT', 17),
    act('9105', 'FORFAIT DE SECURITE ECHANTILLON SANGUIN', 5),
    act('9001', 'SUPPLEMENT POUR ACTES EN URGENCE NUIT', 26),
    act('9004', 'SUPPLEMENT POUR ACTES EN URGENCE (SAMEDI APRES 12H, DIMANCHE, FERIE)', 26),
  ],
  []
);

const catalogue = new Map<string, CatalogueBilling>([
  ['GLY', { kind: 'nabm', nabmCodes: ['0552'] }],
  ['BILAN-RENAL', { kind: 'nabm', nabmCodes: ['0592', '1610'] }],
  ['VITD-HN', { kind: 'hors-nomenclature', label: 'Vitamine D hors indications', priceCents: 1500 }],
  ['BROKEN', { kind: 'nabm', nabmCodes: ['7777'] }],
]);

/** The request of issue 5 item 8. */
const issueExample: QuoteRequest = {
  date: '2025-06-02T09:30:00+02:00',
  territory: 'metropole',
  patient: { birthDate: '1980-01-31', sex: 'F', amo: { exoneration: null, alsaceMoselle: false }, amc: null },
  acts: ['1104', '0552'],
  bloodSample: true,
  urgent: false,
};

describe('quote schemas (zod, strict)', () => {
  it('accept the issue’s example request', () => {
    expect(quoteRequestSchema.parse(issueExample)).toEqual(issueExample);
  });

  it.each([
    ['an unknown field', { ...issueExample, discount: 10 }],
    ['a date without offset', { ...issueExample, date: '2025-06-02T09:30:00' }],
    ['an unknown territory', { ...issueExample, territory: 'corse' }],
    [
      'an AMC rate above 100',
      { ...issueExample, patient: { ...issueExample.patient, amc: { ratePercentOfTm: 120, tiersPayant: true } } },
    ],
    [
      'an unknown exoneration',
      { ...issueExample, patient: { ...issueExample.patient, amo: { exoneration: 'cmu', alsaceMoselle: false } } },
    ],
    ['no acts', { ...issueExample, acts: [] }],
    [
      'an extra field in amo',
      { ...issueExample, patient: { ...issueExample.patient, amo: { exoneration: null, alsaceMoselle: false, x: 1 } } },
    ],
  ])('refuse %s', (_what, body) => {
    expect(quoteRequestSchema.safeParse(body).success).toBe(false);
  });
});

describe('computeQuote', () => {
  it('the issue’s example: 6,25 + 1,25 + 4,25 + 1,25 = 13,00 €; AMO 60 % = 7,80 €; patient 5,20 €; participation forfaitaire 2 × 2 € = 4 € tracked', () => {
    const outcome = computeQuote(issueExample, miniIndex);
    expect(outcome.ok).toBe(true);
    const quote = outcome.ok ? quoteResponseSchema.parse(outcome.quote) : null;
    expect(quote?.lines.map((l) => [l.code, l.coefficient, l.amountCents, l.billed])).toEqual([
      ['1104', 25, 625, true],
      ['0552', 5, 125, true],
      ['9005', 17, 425, true],
      ['9105', 5, 125, true],
    ]);
    expect(quote?.lines[0]?.label).toBe('HEMOGRAMME Y COMPRIS PLAQUETTES (NFS , NFP)');
    expect(quote).toMatchObject({
      totalCents: 1300,
      amoCents: 780,
      amcCents: 0,
      patientCents: 520,
      participationForfaitaireCents: 400,
    });
  });

  it('with a complementary at 100 % of TM in tiers payant the patient pays nothing at the desk', () => {
    const outcome = computeQuote(
      { ...issueExample, patient: { ...issueExample.patient, amc: { ratePercentOfTm: 100, tiersPayant: true } } },
      miniIndex
    );
    expect(outcome.ok && outcome.quote).toMatchObject({ amoCents: 780, amcCents: 520, patientCents: 0 });
  });

  it('catalogue codes resolve to their NABM codes or to an off-nomenclature price; "552" is read as "0552"', () => {
    const outcome = computeQuote({ ...issueExample, acts: ['GLY', 'BILAN-RENAL', 'VITD-HN', '1104'] }, miniIndex, {
      catalogue,
    });
    // 0552 125 + 0592 150 + 1610 550 + HN 1500 + 1104 625 + 9005 425 + 9105 125 = 3500
    expect(outcome.ok && outcome.quote.lines.map((l) => [l.code, l.amountCents])).toEqual([
      ['0552', 125],
      ['0592', 150],
      ['1610', 550],
      ['1104', 625],
      ['VITD-HN', 1500],
      ['9005', 425],
      ['9105', 125],
    ]);
    expect(outcome.ok && outcome.quote.totalCents).toBe(3500);
    expect(computeQuote({ ...issueExample, acts: ['552'] }, miniIndex).ok).toBe(true);
  });

  it('an HIV + HCV screening quote: 0388 (11,25 €) and 3784 (12,00 €) at 100 %, forfaits at 60 %', () => {
    const outcome = computeQuote({ ...issueExample, acts: ['0388', '3784'] }, miniIndex);
    // AMO = 1125 + 1200 + 255 + 75 = 2655; total 2875; patient 220
    expect(outcome.ok && outcome.quote).toMatchObject({ totalCents: 2875, amoCents: 2655, patientCents: 220 });
  });

  it('urgent on a Sunday adds 9004 (6,50 €)', () => {
    const outcome = computeQuote({ ...issueExample, date: '2025-06-15T10:00:00+02:00', urgent: true }, miniIndex);
    expect(outcome.ok && outcome.quote.lines.at(-1)).toMatchObject({ code: '9004', amountCents: 650, billed: true });
    expect(outcome.ok && outcome.quote.totalCents).toBe(1950);
  });

  it('reports each unknown act at its request position, catalogue entries included', () => {
    const outcome = computeQuote({ ...issueExample, acts: ['1104', 'XYZ', 'BROKEN', '8888'] }, miniIndex, {
      catalogue,
    });
    expect(outcome.ok ? [] : outcome.errors.map((e) => `${e.path}:${e.code}`)).toEqual([
      'acts[1]:SIL_NABM_UNKNOWN_ACT',
    ]);
    const second = computeQuote({ ...issueExample, acts: ['1104', 'BROKEN', '8888'] }, miniIndex, { catalogue });
    expect(second.ok ? [] : second.errors.map((e) => `${e.path}:${e.code}`)).toEqual([
      'acts[1]:SIL_NABM_UNKNOWN_ACT',
      'acts[2]:SIL_NABM_UNKNOWN_ACT',
    ]);
  });

  it('a date before any known B value fails on `date`; the route error carries every issue', () => {
    const outcome = computeQuote({ ...issueExample, date: '2023-06-01T09:30:00+02:00' }, miniIndex);
    expect(outcome.ok ? [] : outcome.errors.map((e) => `${e.path}:${e.code}`)).toEqual([
      'date:SIL_BILLING_B_VALUE_UNKNOWN',
    ]);
    const single = billingIssuesToError(outcome.ok ? [] : outcome.errors);
    expect(single.code).toBe('SIL_BILLING_B_VALUE_UNKNOWN');
    const several = billingIssuesToError([
      { code: 'SIL_NABM_UNKNOWN_ACT', path: 'acts[0]', detail: 'x' },
      { code: 'SIL_NABM_UNKNOWN_ACT', path: 'acts[1]', detail: 'y' },
    ]);
    expect([several.code, several.status, several.issues.length]).toEqual(['SIL_BILLING_QUOTE_REJECTED', 422, 2]);
  });

  it('invariants (property): valid response shape, total = AMO + AMC + patient = sum of billed lines, non-negative integers', () => {
    const start = Date.UTC(2024, 1, 1);
    const end = Date.UTC(2026, 11, 31);
    const request = fc.record({
      epochMs: fc.integer({ min: start, max: end }),
      territory: fc.constantFrom(...territories),
      age: fc.integer({ min: 0, max: 100 }),
      exoneration: fc.constantFrom(null, 'ald', 'maternite', 'atmp', 'c2s', 'ame' as const),
      alsaceMoselle: fc.boolean(),
      amc: fc.option(fc.record({ ratePercentOfTm: fc.integer({ min: 0, max: 100 }), tiersPayant: fc.boolean() }), {
        nil: null,
      }),
      acts: fc.array(
        fc.constantFrom('1104', '0552', '0592', '1610', '0388', '3784', 'GLY', 'BILAN-RENAL', 'VITD-HN', '9105'),
        {
          minLength: 1,
          maxLength: 20,
        }
      ),
      bloodSample: fc.boolean(),
      urgent: fc.boolean(),
    });
    fc.assert(
      fc.property(request, (r) => {
        const body: QuoteRequest = {
          date: new Date(r.epochMs).toISOString(),
          territory: r.territory,
          patient: {
            birthDate: `${2023 - r.age}-03-01`,
            sex: 'U',
            amo: { exoneration: r.exoneration, alsaceMoselle: r.alsaceMoselle },
            amc: r.amc,
          },
          acts: r.acts,
          bloodSample: r.bloodSample,
          urgent: r.urgent,
        };
        const outcome = computeQuote(quoteRequestSchema.parse(body), miniIndex, { catalogue });
        if (r.acts.every((code) => code === '9105')) {
          // Only a forfait the engine adds itself: nothing to quote.
          expect(outcome.ok ? [] : outcome.errors.map((e) => e.code)).toEqual(['SIL_BILLING_NO_ACTS']);
          return;
        }
        expect(outcome.ok ? null : outcome.errors).toBeNull();
        if (!outcome.ok) {
          return;
        }
        const quote = quoteResponseSchema.parse(outcome.quote);
        expect(quote.amoCents + quote.amcCents + quote.patientCents).toBe(quote.totalCents);
        expect(quote.lines.filter((l) => l.billed).reduce((sum, l) => sum + l.amountCents, 0)).toBe(quote.totalCents);
        expect(quote.lines.filter((l) => !l.billed).every((l) => l.amountCents === 0)).toBe(true);
        const anyNabmAnalysis = r.acts.some((code) => code !== '9105' && code !== 'VITD-HN');
        expect(quote.lines.filter((l) => l.code === '9005')).toHaveLength(anyNabmAnalysis ? 1 : 0);
      })
    );
  });
});

describe.skipIf(!sharedFixtures.available)('computeQuote on the CNAM release files', () => {
  let index: TariffIndex | undefined;
  const load = (): TariffIndex => {
    if (index === undefined) {
      const acts = parseNabmActs(sharedFixtures.textWithoutHeader('france/nabm/IR_BIO_R_nabm_actes_biologie.csv'));
      const history = parseCoefficientHistory(
        sharedFixtures.textWithoutHeader('france/nabm/IR_BTF_R_coefficient_history.csv')
      );
      index = buildTariffIndex(acts.ok ? acts.rows : [], history.ok ? history.rows : []);
    }
    return index;
  };

  it('prices the issue’s example from the real files: 1104 B 25 (IR_BTF_R since 2019-04-01), 0552 B 5, 9005 B 17, 9105 B 5 → 13,00 €', () => {
    const outcome = computeQuote(issueExample, load());
    expect(outcome.ok && outcome.quote.lines.map((l) => [l.code, l.coefficient, l.amountCents])).toEqual([
      ['1104', 25, 625],
      ['0552', 5, 125],
      ['9005', 17, 425],
      ['9105', 5, 125],
    ]);
    expect(outcome.ok && outcome.quote.lines[1]?.label).toBe('GLUCOSE');
    expect(outcome.ok && outcome.quote).toMatchObject({ totalCents: 1300, amoCents: 780, patientCents: 520 });
  });

  it('refuses the deleted 3785 and the P-rated 0024 with per-line codes', () => {
    const outcome = computeQuote({ ...issueExample, acts: ['1104', '3785', '0024'] }, load());
    expect(outcome.ok ? [] : outcome.errors.map((e) => `${e.path}:${e.code}`)).toEqual([
      'acts[1]:SIL_NABM_ACT_NOT_VALID_AT_DATE',
      'acts[2]:SIL_BILLING_KEY_LETTER_UNSUPPORTED',
    ]);
  });
});
