/**
 * Value of the key letter B per territory, as dated data (never a constant: it changed on
 * 15 January 2024). Values are in thousandths of a cent ("millicents": 0,25 € = 25 000) so that a
 * future value with sub-cent precision needs no change of unit; price = coefficient × B is then
 * computed in integer arithmetic and rounded once (see money.ts for the rounding rule).
 */
import { divideRoundHalfUp } from './money.js';
import { isWithin, type IsoDate } from './iso-date.js';
import type { Territory } from './territory.js';

export interface BValuePeriod {
  readonly territory: Territory;
  /** First day in force (inclusive); `null` when unknown. */
  readonly validFrom: IsoDate | null;
  /** Last day in force (inclusive); `null` when still in force. */
  readonly validTo: IsoDate | null;
  readonly milliCents: number;
  readonly source: string;
  /** False when only a secondary or conflicting source gives the value. */
  readonly confirmed: boolean;
  /** Unconfirmed values stay switched off: billing at such a date fails with SIL_BILLING_B_VALUE_UNKNOWN. */
  readonly enabled: boolean;
}

const AVENANT_12 =
  'Arrêté du 5 janvier 2024 portant approbation de l’avenant n° 12 à la convention nationale des directeurs de laboratoires privés (JO 10 janv. 2024), en vigueur le 15 janvier 2024 à 0 h';

export const defaultBValuePeriods: readonly BValuePeriod[] = [
  {
    territory: 'metropole',
    validFrom: '2024-01-15',
    validTo: null,
    milliCents: 25_000,
    source: AVENANT_12,
    confirmed: true,
    enabled: true,
  },
  {
    territory: 'antilles',
    validFrom: '2024-01-15',
    validTo: null,
    milliCents: 29_000,
    source: AVENANT_12,
    confirmed: true,
    enabled: true,
  },
  {
    territory: 'guyane',
    validFrom: '2024-01-15',
    validTo: null,
    milliCents: 31_000,
    source: AVENANT_12,
    confirmed: true,
    enabled: true,
  },
  {
    territory: 'reunion',
    validFrom: '2024-01-15',
    validTo: null,
    milliCents: 31_000,
    source: AVENANT_12,
    confirmed: true,
    enabled: true,
  },
  {
    territory: 'mayotte',
    validFrom: '2024-01-15',
    validTo: null,
    milliCents: 31_000,
    source: AVENANT_12,
    confirmed: true,
    enabled: true,
  },
  // Previous métropole value: 0,26 € per one interview (secondary source), while a press article
  // says the cut was "de 27 à 26 centimes" (france-domain.md §1.2); start date unknown. Kept as data,
  // switched off until the previous arrêté is read. No earlier overseas value is known at all.
  {
    territory: 'metropole',
    validFrom: null,
    validTo: '2024-01-14',
    milliCents: 26_000,
    source: 'Medscape (secondary, conflicting with a press article giving 0,27 €)',
    confirmed: false,
    enabled: false,
  },
];

/** The enabled B value in force for a territory on a (Paris local) date, if known. */
export function findBValue(
  territory: Territory,
  date: IsoDate,
  periods: readonly BValuePeriod[] = defaultBValuePeriods
): BValuePeriod | undefined {
  return periods.find(
    (period) => period.enabled && period.territory === territory && isWithin(date, period.validFrom, period.validTo)
  );
}

/**
 * Price in cents of a coefficient: hundredths × millicents gives units of 10⁻⁵ cent, rounded half
 * up to the cent. B 26 at 0,25 € → 2600 × 25 000 / 100 000 = 650 cents.
 */
export function priceCoefficientCents(coefficientHundredths: number, bMilliCents: number): number {
  return divideRoundHalfUp(coefficientHundredths * bMilliCents, 100_000);
}
