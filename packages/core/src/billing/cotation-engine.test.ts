/**
 * Golden cases of the cotation engine, worked out by hand. Coefficients are those of the CNAM
 * release in the shared fixtures (IR_BTF_R / IR_BIO_R, snapshot ~2020, open-ended periods), typed
 * here so the cases run without the fixtures: 1104 B 25, 0552 B 5, 9005 B 17, 9105 B 5, 9106 B 9,
 * 9001 B 26, 9004 B 26, 0388 B 45, 3784 B 48, 0524 B 6, 1510 B 6, 0320 B 60, 4004 B 110, 1213 B 9…
 */
import { describe, expect, it } from 'vitest';
import { defaultBValuePeriods, type BValuePeriod } from './b-value.js';
import { computeCotation, type CotationInput, type CotationLine, type CotationOutcome } from './cotation-engine.js';
import { defaultCotationRules } from './cotation-rules.js';
import type { NabmAct } from './nabm-types.js';
import { buildTariffIndex } from './tariff-index.js';

function act(code: string, label: string, coefficient: number, from: string, extra: Partial<NabmAct> = {}): NabmAct {
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
    coefficientValidFrom: from,
    coefficientValidTo: null,
    properties: {},
    ...extra,
  };
}

const index = buildTariffIndex(
  [
    act('1104', 'HEMOGRAMME Y COMPRIS PLAQUETTES (NFS , NFP)', 25, '2019-04-01'),
    act('0552', 'GLUCOSE', 5, '2009-02-08'),
    act('0592', 'CREATININE', 6, '2019-04-01'),
    act('1208', 'T.S.H.', 25, '2019-04-01'),
    act('1577', 'HBA1C : DOSAGE', 25, '2019-04-01'),
    act('1610', 'IONOGRAMME COMPLET', 22, '2019-04-01'),
    act('0996', 'EXPLORATION D’UNE ANOMALIE LIPIDIQUE (EAL)', 20, '2019-04-01'),
    act('7335', 'TROPONINE', 63, '2019-04-01'),
    act('9005', 'FORFAIT DE PRISE EN CHARGE PRE-ANALYTIQUE DU PATIENT', 17, '2019-04-01'),
    act('9105', 'FORFAIT DE SECURITE ECHANTILLON SANGUIN', 5, '2018-04-14'),
    act('9106', 'FORFAIT DE SECURITE ECHANTILLON BACTERIOLOGIQUE', 9, '2018-04-14'),
    act('9001', 'SUPPLEMENT POUR ACTES EN URGENCE NUIT', 26, '2014-04-13'),
    act('9004', 'SUPPLEMENT POUR ACTES EN URGENCE (SAMEDI APRES 12H, DIMANCHE, FERIE)', 26, '2014-04-13'),
    act('0524', 'LIPASEMIE', 6, '2014-04-13'),
    act('1510', 'AMYLASEMIE', 6, '2014-04-13'),
    act('0320', 'ALPHA-FOETOPROTEINE (AFP)', 60, '2014-04-13'),
    act('4004', 'TRISOMIE 21 FOETALE : DEPISTAGE AU DEUXIEME TRIMESTRE', 110, '2014-04-13'),
    act('1213', 'FERRITINE', 9, '2019-04-01'),
    act('1822', 'RECEPTEUR SOLUBLE DE LA TRANSFERRINE', 12, '2019-04-01'),
    act('3785', 'HEPATITE C (VHC) : CONTROLE SEROLOGIQUE', 50, '2018-04-14', {
      createdOn: '1997-07-30',
      suppressedOn: '2019-02-01',
    }),
    act('0024', 'ANATOMO-PATHOLOGIE (LETTRE CLE P)', 100, '2018-04-14', { keyLetter: 'P' }),
  ],
  []
);

const monday = '2025-06-02T09:30:00+02:00';

function order(overrides: Partial<CotationInput> = {}): CotationInput {
  return {
    performedAt: monday,
    territory: 'metropole',
    acts: [
      { kind: 'nabm', code: '1104' },
      { kind: 'nabm', code: '0552' },
    ],
    bloodSample: true,
    urgent: false,
    ...overrides,
  };
}

function billedLines(outcome: CotationOutcome): [string, number][] {
  expect(outcome.ok).toBe(true);
  return outcome.ok ? outcome.lines.filter((line) => line.billed).map((line) => [line.code, line.amountCents]) : [];
}

function lineOf(outcome: CotationOutcome, code: string): CotationLine | undefined {
  return outcome.ok ? outcome.lines.find((line) => line.code === code) : undefined;
}

describe('cotation: coefficient × B by territory and date (arrêté du 5 janvier 2024)', () => {
  it('métropole, 0,25 €: 1104 B 25 = 6,25 €; 0552 B 5 = 1,25 €; 9005 B 17 = 4,25 €; 9105 B 5 = 1,25 €; total 13,00 €', () => {
    const outcome = computeCotation(order(), index);
    expect(billedLines(outcome)).toEqual([
      ['1104', 625],
      ['0552', 125],
      ['9005', 425],
      ['9105', 125],
    ]);
    expect(outcome.ok && outcome.totalCents).toBe(1300);
    expect(lineOf(outcome, '1104')?.reason).toContain(
      'B 25 × 0,25 € (valeur de B en métropole au 2025-06-02) = 6,25 €'
    );
  });

  it('Antilles, 0,29 €: 2500×29 000/10⁵ = 725; 500 → 145; 1700 → 493; 500 → 145; total 15,08 €', () => {
    const outcome = computeCotation(order({ territory: 'antilles' }), index);
    expect(billedLines(outcome).map(([, cents]) => cents)).toEqual([725, 145, 493, 145]);
    expect(outcome.ok && outcome.totalCents).toBe(1508);
  });

  it.each(['guyane', 'reunion', 'mayotte'] as const)('%s, 0,31 €: 775 + 155 + 527 + 155 = 16,12 €', (territory) => {
    const outcome = computeCotation(order({ territory }), index);
    expect(billedLines(outcome).map(([, cents]) => cents)).toEqual([775, 155, 527, 155]);
    expect(outcome.ok && outcome.totalCents).toBe(1612);
  });

  it('2023 in the Antilles: no B value before 2024-01-15 is known → SIL_BILLING_B_VALUE_UNKNOWN, while 2025 prices', () => {
    const outcome = computeCotation(order({ territory: 'antilles', performedAt: '2023-06-01T09:30:00+02:00' }), index);
    expect(outcome).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: 'SIL_BILLING_B_VALUE_UNKNOWN', path: 'performedAt' })],
    });
    expect(computeCotation(order({ territory: 'antilles' }), index).ok).toBe(true);
  });

  it('the date picks the B value of its period: métropole 0,26 € switched on for 2023 → 1104 B 25 = 6,50 € in 2023, 6,25 € in 2025', () => {
    const bValues: BValuePeriod[] = defaultBValuePeriods.map((period) =>
      period.validTo === '2024-01-14' ? { ...period, validFrom: '2023-01-01', enabled: true } : period
    );
    const config = { rules: defaultCotationRules, bValues };
    const in2023 = computeCotation(order({ performedAt: '2023-06-01T09:30:00+02:00' }), index, config);
    expect(lineOf(in2023, '1104')?.amountCents).toBe(650);
    expect(lineOf(computeCotation(order(), index, config), '1104')?.amountCents).toBe(625);
  });
});

describe('forfait 9005: once per patient and per Paris day whatever the number of prescriptions (NABM art. 4 quater)', () => {
  it('a second prescription the same Paris day does not bill it again (earlier one at 00:30 Paris = 22:30 UTC the day before)', () => {
    const outcome = computeCotation(
      order({ billedEarlierForPatient: [{ performedAt: '2025-06-01T22:30:00Z', codes: ['9005', '1104'] }] }),
      index
    );
    const forfait = lineOf(outcome, '9005');
    expect(forfait).toMatchObject({ billed: false, amountCents: 0 });
    expect(forfait?.reason).toMatch(/déjà facturé .* le 2025-06-02/);
    // 625 + 125 + 125 (no 9005)
    expect(outcome.ok && outcome.totalCents).toBe(875);
  });

  it('an earlier prescription on the previous Paris day (23:00 Paris, same UTC date) does not prevent it', () => {
    const outcome = computeCotation(
      order({
        performedAt: '2025-06-01T22:30:00Z', // 00:30 Paris on 2 June
        billedEarlierForPatient: [{ performedAt: '2025-06-01T21:00:00Z', codes: ['9005'] }], // 23:00 Paris on 1 June
      }),
      index
    );
    expect(lineOf(outcome, '9005')).toMatchObject({ billed: true, amountCents: 425 });
  });

  it('a 9005 asked for explicitly is not doubled', () => {
    const outcome = computeCotation(
      order({
        acts: [
          { kind: 'nabm', code: '9005' },
          { kind: 'nabm', code: '1104' },
        ],
      }),
      index
    );
    expect(outcome.ok && outcome.lines.filter((line) => line.code === '9005')).toHaveLength(1);
  });

  it('rejects an unreadable earlier date rather than guessing', () => {
    const outcome = computeCotation(
      order({ billedEarlierForPatient: [{ performedAt: 'hier', codes: ['9005'] }] }),
      index
    );
    expect(outcome.ok ? [] : outcome.errors.map((error) => error.code)).toEqual(['SIL_BILLING_DATE_INVALID']);
  });
});

describe('forfaits de sécurité 9105 / 9106', () => {
  it('no blood sample: no 9105', () => {
    expect(billedLines(computeCotation(order({ bloodSample: false }), index)).map(([code]) => code)).toEqual([
      '1104',
      '0552',
      '9005',
    ]);
  });

  it('9105 listed in the acts stands for a blood sample; 9106 for a bacteriology sample (B 9 = 2,25 €)', () => {
    const outcome = computeCotation(
      order({
        bloodSample: false,
        bacteriologySample: true,
        acts: [
          { kind: 'nabm', code: '1104' },
          { kind: 'nabm', code: '9105' },
        ],
      }),
      index
    );
    expect(billedLines(outcome)).toEqual([
      ['1104', 625],
      ['9005', 425],
      ['9105', 125],
      ['9106', 225],
    ]);
  });

  it('sampling acts are not billed (rule switched off) and the result says so', () => {
    const outcome = computeCotation(order(), index);
    expect(outcome.ok && outcome.notes.join('\n')).toMatch(/prélèvement non coté/);
  });
});

describe('urgent supplements (NABM art. 6: urgent on prescription, night, Saturday from 12:00, Sunday, holiday)', () => {
  const supplement = (performedAt: string, extra: Partial<CotationInput> = {}) =>
    computeCotation(order({ performedAt, urgent: true, ...extra }), index);

  it('Sunday 15 June 2025 10:00: 9004 B 26 = 6,50 €, once for the whole order', () => {
    const outcome = supplement('2025-06-15T10:00:00+02:00');
    expect(billedLines(outcome).filter(([code]) => code.startsWith('900'))).toEqual([
      ['9005', 425],
      ['9004', 650],
    ]);
    expect(lineOf(outcome, '9004')?.reason).toMatch(/un dimanche/);
    // 1300 + 650
    expect(outcome.ok && outcome.totalCents).toBe(1950);
  });

  it('Whit Monday 9 June 2025 (jour férié): 9004', () => {
    expect(lineOf(supplement('2025-06-09T10:00:00+02:00'), '9004')?.reason).toMatch(/Lundi de Pentecôte/);
  });

  it('Ascension 29 May 2025 and Easter Monday 21 April 2025: 9004', () => {
    expect(lineOf(supplement('2025-05-29T10:00:00+02:00'), '9004')?.billed).toBe(true);
    expect(lineOf(supplement('2025-04-21T10:00:00+02:00'), '9004')?.billed).toBe(true);
  });

  it('night is judged on the Paris clock: 18:30 UTC in June is 20:30 Paris → 9001; 18:30 UTC in January is 19:30 → none', () => {
    expect(lineOf(supplement('2025-06-02T18:30:00Z'), '9001')?.amountCents).toBe(650);
    const january = supplement('2025-01-15T18:30:00Z');
    expect(lineOf(january, '9001')).toBeUndefined();
    expect(lineOf(supplement('2025-01-15T19:30:00Z'), '9001')?.billed).toBe(true);
    expect(lineOf(supplement('2025-06-03T07:59:00+02:00'), '9001')?.billed).toBe(true);
    expect(lineOf(supplement('2025-06-03T08:00:00+02:00'), '9001')).toBeUndefined();
  });

  it('Sunday night: one supplement only (9001), « quel que soit le nombre d’actes »', () => {
    const outcome = supplement('2025-06-15T21:00:00+02:00');
    expect(billedLines(outcome).filter(([code]) => code === '9001' || code === '9004')).toEqual([['9001', 650]]);
  });

  it('Saturday: from 12:00 only', () => {
    expect(lineOf(supplement('2025-06-07T12:30:00+02:00'), '9004')?.billed).toBe(true);
    const morning = supplement('2025-06-07T11:30:00+02:00');
    expect(lineOf(morning, '9004')).toBeUndefined();
    expect(morning.ok && morning.notes.join('\n')).toMatch(/horaires ouvrables/);
  });

  it('Good Friday 18 April 2025 is a holiday only for a site in Alsace-Moselle', () => {
    expect(lineOf(supplement('2025-04-18T10:00:00+02:00'), '9004')).toBeUndefined();
    expect(lineOf(supplement('2025-04-18T10:00:00+02:00', { siteInAlsaceMoselle: true }), '9004')?.reason).toMatch(
      /Vendredi saint/
    );
  });

  it('not prescribed urgent: no supplement even on a Sunday night', () => {
    const outcome = computeCotation(order({ performedAt: '2025-06-15T21:00:00+02:00', urgent: false }), index);
    expect(lineOf(outcome, '9001')).toBeUndefined();
    expect(lineOf(outcome, '9004')).toBeUndefined();
  });
});

describe('off-nomenclature acts at the lab’s price', () => {
  const vitaminD = {
    kind: 'hors-nomenclature',
    code: 'VITD-HN',
    label: 'Vitamine D hors indications',
    priceCents: 1500,
  } as const;

  it('billed at the given price, with no forfait when no NABM act is billed', () => {
    const outcome = computeCotation(order({ acts: [vitaminD] }), index);
    expect(billedLines(outcome)).toEqual([['VITD-HN', 1500]]);
    expect(lineOf(outcome, 'VITD-HN')).toMatchObject({ kind: 'hors-nomenclature', coefficientHundredths: null });
    expect(lineOf(outcome, 'VITD-HN')?.reason).toMatch(/hors nomenclature.*\(15,00 €\)/);
  });

  it('alongside NABM acts: 625 + 1500 + 425 + 125 = 26,75 €', () => {
    const outcome = computeCotation(order({ acts: [{ kind: 'nabm', code: '1104' }, vitaminD] }), index);
    expect(outcome.ok && outcome.totalCents).toBe(2675);
  });

  it('a negative or fractional price is refused', () => {
    const outcome = computeCotation(
      order({
        acts: [
          { ...vitaminD, priceCents: -1 },
          { ...vitaminD, priceCents: 10.5 },
        ],
      }),
      index
    );
    expect(outcome.ok ? [] : outcome.errors.map((error) => [error.code, error.path])).toEqual([
      ['SIL_BILLING_HN_PRICE_INVALID', 'acts[0]'],
      ['SIL_BILLING_HN_PRICE_INVALID', 'acts[1]'],
    ]);
  });
});

describe('bad input: one error per line, nothing priced', () => {
  it('unknown code, invalid code, act deleted before the date, key letter P', () => {
    const outcome = computeCotation(
      order({
        acts: [
          { kind: 'nabm', code: '1104' },
          { kind: 'nabm', code: '7777' },
          { kind: 'nabm', code: 'ABC' },
          { kind: 'nabm', code: '3785' },
          { kind: 'nabm', code: '24' },
        ],
      }),
      index
    );
    expect(outcome.ok ? [] : outcome.errors.map((error) => [error.code, error.path])).toEqual([
      ['SIL_NABM_UNKNOWN_ACT', 'acts[1]'],
      ['SIL_NABM_CODE_INVALID', 'acts[2]'],
      ['SIL_NABM_ACT_NOT_VALID_AT_DATE', 'acts[3]'],
      ['SIL_BILLING_KEY_LETTER_UNSUPPORTED', 'acts[4]'],
    ]);
  });

  it('a date without offset, and an empty order', () => {
    expect(computeCotation(order({ performedAt: '2025-06-02T09:30:00' }), index)).toMatchObject({
      ok: false,
      errors: [{ code: 'SIL_BILLING_DATE_INVALID' }],
    });
    expect(computeCotation(order({ acts: [] }), index)).toMatchObject({
      ok: false,
      errors: [{ code: 'SIL_BILLING_NO_ACTS' }],
    });
    // Forfaits and supplements alone: the engine adds them itself, nothing is left to bill.
    expect(computeCotation(order({ acts: [{ kind: 'nabm', code: '9105' }] }), index)).toMatchObject({
      ok: false,
      errors: [{ code: 'SIL_BILLING_NO_ACTS' }],
    });
  });
});

describe('restrictions among acts (rules as data)', () => {
  const acts = (...codes: string[]) => codes.map((code) => ({ kind: 'nabm', code }) as const);

  it('the same act twice in one order is billed once', () => {
    const outcome = computeCotation(order({ acts: acts('1104', '1104') }), index);
    expect(outcome.ok && outcome.lines.filter((line) => line.code === '1104').map((line) => line.billed)).toEqual([
      true,
      false,
    ]);
  });

  it('0524 and 1510 are not cumulative (label of 0524): equal B 6, the one ordered first is kept', () => {
    const outcome = computeCotation(order({ acts: acts('1510', '0524') }), index);
    expect(lineOf(outcome, '1510')?.billed).toBe(true);
    expect(lineOf(outcome, '0524')).toMatchObject({ billed: false, amountCents: 0 });
    expect(lineOf(outcome, '0524')?.reason).toMatch(/non cumulable avec l’acte 1510/);
  });

  it('0320 (B 60) is not cumulative with 4004 (B 110): the higher-rated 4004 is kept', () => {
    const outcome = computeCotation(order({ acts: acts('0320', '4004') }), index);
    expect(lineOf(outcome, '0320')?.billed).toBe(false);
    expect(lineOf(outcome, '4004')?.billed).toBe(true);
  });

  it('an unconfirmed incompatibility (1213 / 1822, conditional on the indication) is not applied, and noted', () => {
    const outcome = computeCotation(order({ acts: acts('1213', '1822') }), index);
    expect(lineOf(outcome, '1213')?.billed).toBe(true);
    expect(lineOf(outcome, '1822')?.billed).toBe(true);
    expect(outcome.ok && outcome.notes.join('\n')).toMatch(/Non-cumul 1213 \/ 1822 non appliqué/);
  });

  const sevenActs = acts('1104', '0552', '0592', '1208', '1577', '1610', '7335');

  it('« règle des 6 actes » is switched off: 7 analyses are all billed, with a note', () => {
    const outcome = computeCotation(order({ acts: sevenActs }), index);
    expect(outcome.ok && outcome.lines.filter((line) => line.kind === 'analysis' && line.billed)).toHaveLength(7);
    expect(outcome.ok && outcome.notes.join('\n')).toMatch(/Plus de 6 actes/);
  });

  it('switched on in the data, it keeps the 6 highest-rated acts (0552 B 5 drops out)', () => {
    const rules = {
      ...defaultCotationRules,
      maxAnalysisActs: { ...defaultCotationRules.maxAnalysisActs, enabled: true },
    };
    const outcome = computeCotation(order({ acts: sevenActs }), index, { rules });
    expect(lineOf(outcome, '0552')?.billed).toBe(false);
    expect(outcome.ok && outcome.lines.filter((line) => line.kind === 'analysis' && line.billed)).toHaveLength(6);
  });

  it('cotation minimale (B 20 for blood) is switched off and noted when it would matter', () => {
    const outcome = computeCotation(order({ acts: acts('0552') }), index);
    expect(outcome.ok && outcome.notes.join('\n')).toMatch(/cotation minimale/);
    expect(outcome.ok && outcome.lines.map((line) => line.code)).toEqual(['0552', '9005', '9105']);
  });
});
