/**
 * Participation forfaitaire (CSS L160-13 II) on biology acts, as dated data. Since 15 May 2024 it is
 * 2 € per act (was 1 €), capped per day and per year; exempt: minors, maternité, C2S and AME (ALD
 * patients are not exempt) — france-domain.md §1.4 [S]. When one sampling act serves biology acts,
 * only the biology acts bear it (CSS D322-4 as quoted in a Senate question), so it counts analysis
 * acts only, never forfaits or supplements. Labs always bill the AMO in tiers payant (CSS L162-13-1):
 * the participation is tracked on the invoice and recovered later by the caisse, never collected at the desk.
 */
import type { Exoneration } from './coverage.js';
import { isWithin, type IsoDate } from './iso-date.js';
import { formatEuros } from './money.js';

export interface ParticipationForfaitairePeriod {
  readonly validFrom: IsoDate | null;
  readonly validTo: IsoDate | null;
  readonly amountCentsPerAct: number;
  /** « Le nombre de participations forfaitaires … ne peut être supérieur à quatre » per day and professional (décret 2007-1166). */
  readonly maxCountPerDay: number;
  /**
   * Daily ceiling in cents: the reference gives 4 €/day. With 2 € per act this is stricter than
   * four participations (8 €): both are applied, the lower wins — to re-check on the decree of
   * April 2024 before relying on it.
   */
  readonly dailyCapCents: number;
  readonly yearlyCapCents: number;
  readonly source: string;
  readonly confirmed: boolean;
  readonly enabled: boolean;
}

export const defaultParticipationForfaitairePeriods: readonly ParticipationForfaitairePeriod[] = [
  {
    validFrom: '2024-05-15',
    validTo: null,
    amountCentsPerAct: 200,
    maxCountPerDay: 4,
    dailyCapCents: 400,
    yearlyCapCents: 5000,
    source: 'décision UNCAM (JO 24 avril 2024), plafonds 4 €/jour et 50 €/an — france-domain.md §1.4 [S]',
    confirmed: true,
    enabled: true,
  },
  {
    // 1 € before; the start date and the ceilings of that period are not in the reference.
    validFrom: null,
    validTo: '2024-05-14',
    amountCentsPerAct: 100,
    maxCountPerDay: 4,
    dailyCapCents: 400,
    yearlyCapCents: 5000,
    source: 'montant antérieur de 1 € (sources secondaires), dates et plafonds non vérifiés',
    confirmed: false,
    enabled: false,
  },
];

const EXEMPTING_EXONERATIONS: ReadonlySet<Exoneration> = new Set(['maternite', 'c2s', 'ame']);

export interface ParticipationInput {
  readonly date: IsoDate;
  readonly ageInYears: number;
  readonly exoneration: Exoneration | null;
  /** Billed analysis acts reimbursed by the AMO in this order. */
  readonly analysisActCount: number;
  /** Already charged to this patient by this lab on the same day / in the same calendar year. */
  readonly alreadyToday?: { readonly count: number; readonly cents: number };
  readonly alreadyThisYearCents?: number;
}

export interface ParticipationForfaitaire {
  readonly cents: number;
  readonly count: number;
  /** Always false: tiers payant AMO is mandatory for labs, so the desk never collects it. */
  readonly collectedAtDesk: false;
  readonly reason: string;
}

export function computeParticipationForfaitaire(
  input: ParticipationInput,
  periods: readonly ParticipationForfaitairePeriod[] = defaultParticipationForfaitairePeriods
): ParticipationForfaitaire {
  const none = (reason: string): ParticipationForfaitaire => ({ cents: 0, count: 0, collectedAtDesk: false, reason });
  if (input.ageInYears < 18) {
    return none(`Exonéré de participation forfaitaire : patient mineur (${input.ageInYears} ans à la date des actes).`);
  }
  if (input.exoneration !== null && EXEMPTING_EXONERATIONS.has(input.exoneration)) {
    const why = {
      maternite: 'assurance maternité',
      c2s: 'bénéficiaire de la C2S',
      ame: 'bénéficiaire de l’AME',
    } as const;
    return none(`Exonéré de participation forfaitaire : ${why[input.exoneration as 'maternite' | 'c2s' | 'ame']}.`);
  }
  if (input.analysisActCount === 0) {
    return none('Pas de participation forfaitaire : aucun acte de biologie remboursable.');
  }
  const period = periods.find(
    (candidate) => candidate.enabled && isWithin(input.date, candidate.validFrom, candidate.validTo)
  );
  if (period === undefined) {
    return none(`Participation forfaitaire non calculée : montant non confirmé au ${input.date}.`);
  }
  const today = input.alreadyToday ?? { count: 0, cents: 0 };
  const countRoom = Math.max(0, period.maxCountPerDay - today.count);
  const centsRoom = Math.max(
    0,
    Math.min(period.dailyCapCents - today.cents, period.yearlyCapCents - (input.alreadyThisYearCents ?? 0))
  );
  // The last participation of the year may be partial (the yearly ceiling is in euros).
  const count = Math.min(input.analysisActCount, countRoom, Math.ceil(centsRoom / period.amountCentsPerAct));
  const cents = Math.min(count * period.amountCentsPerAct, centsRoom);
  return {
    cents,
    count,
    collectedAtDesk: false,
    reason: `Participation forfaitaire : ${count} × ${formatEuros(period.amountCentsPerAct)} pour ${input.analysisActCount} acte(s) de biologie, plafond ${formatEuros(period.dailyCapCents)} par jour et ${formatEuros(period.yearlyCapCents)} par an ; déduite par l’Assurance Maladie, non encaissée au laboratoire (tiers payant).`,
  };
}
