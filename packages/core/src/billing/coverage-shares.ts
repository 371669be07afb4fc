/**
 * Who pays what on a cotation: AMO share, AMC share, patient share, per line then summed
 * (france-domain.md §1.4). AMO rates: B acts 60 %; régime local Alsace-Moselle 90 %; HIV and HCV
 * serological screening 100 %; exonerated situations 100 %. The AMC pays `ratePercentOfTm` % of
 * the ticket modérateur. Off-nomenclature acts are the patient's. Shares are computed per line
 * (each line has its own rate, as on the FSE) and rounded half up to the cent; the patient share is
 * the remainder, so amo + amc + patient = total on every line.
 */
import type { BillingIssue } from './billing-issue.js';
import type { CotationLine, CotationLineKind } from './cotation-engine.js';
import { checkCoverage, type AmcCoverage, type AmoCoverage } from './coverage.js';
import { ageInYears, type IsoDate } from './iso-date.js';
import { percentOfCents } from './money.js';
import type { NabmCode } from './nabm-code.js';
import {
  computeParticipationForfaitaire,
  defaultParticipationForfaitairePeriods,
  type ParticipationForfaitaire,
  type ParticipationForfaitairePeriod,
} from './participation-forfaitaire.js';

export interface AmoRates {
  readonly standardPercent: number;
  readonly alsaceMosellePercent: number;
  readonly exoneratedPercent: number;
  readonly screeningPercent: number;
  /** HIV and HCV serological screening acts reimbursed at 100 %. */
  readonly screeningCodes: readonly { readonly code: NabmCode; readonly what: string; readonly source: string }[];
}

export const defaultAmoRates: AmoRates = {
  standardPercent: 60,
  alsaceMosellePercent: 90,
  exoneratedPercent: 100,
  screeningPercent: 100,
  // The 100 % rate is [S] in the reference (four concordant insurer pages). Confirmation acts
  // (0389, 0390) and HCV confirmation are not screening and keep the ordinary rate.
  screeningCodes: [
    { code: '0388', what: 'VIH 1 et 2 : sérodiagnostic de dépistage', source: 'libellé IR_BIO_R 0388 [V]' },
    {
      code: '0393',
      what: 'VIH : dépistage sans ordonnance',
      source: 'SFG SESAM-Vitale RG_IP663 (0393–0396 « VIH sans ordo ») [V]',
    },
    { code: '0394', what: 'VIH : dépistage sans ordonnance', source: 'SFG SESAM-Vitale RG_IP663 [V]' },
    { code: '0395', what: 'VIH : dépistage sans ordonnance', source: 'SFG SESAM-Vitale RG_IP663 [V]' },
    { code: '0396', what: 'VIH : dépistage sans ordonnance', source: 'SFG SESAM-Vitale RG_IP663 [V]' },
    { code: '3784', what: 'VHC : dépistage des anticorps anti-VHC', source: 'libellé IR_BIO_R 3784 [V]' },
  ],
};

export interface SharesInput {
  /** Paris local date of the acts. */
  readonly date: IsoDate;
  readonly patient: { readonly birthDate: IsoDate };
  readonly amo: AmoCoverage;
  readonly amc: AmcCoverage | null;
  readonly lines: readonly CotationLine[];
  readonly participationAlreadyToday?: { readonly count: number; readonly cents: number };
  readonly participationAlreadyThisYearCents?: number;
}

export interface LineShares {
  readonly code: string;
  readonly kind: CotationLineKind;
  readonly amountCents: number;
  readonly amoRatePercent: number;
  readonly amoCents: number;
  /** The complementary's share of this line, whoever advances it. */
  readonly amcShareCents: number;
  readonly patientCents: number;
  readonly reason: string;
}

export interface Shares {
  readonly ok: true;
  readonly lines: readonly LineShares[];
  readonly totalCents: number;
  /** Paid to the lab by the AMO (tiers payant AMO is mandatory for labs, CSS L162-13-1). */
  readonly amoCents: number;
  /** Paid to the lab by the AMC: its share when a tiers-payant agreement exists, else 0. */
  readonly amcCents: number;
  /** Paid by the patient at the desk; totalCents = amoCents + amcCents + patientCents. */
  readonly patientCents: number;
  /** Part of patientCents the complementary refunds the patient later (no tiers-payant agreement). */
  readonly amcRefundToPatientCents: number;
  readonly participationForfaitaire: ParticipationForfaitaire;
}

export type SharesOutcome = Shares | { readonly ok: false; readonly errors: readonly BillingIssue[] };

export interface SharesConfig {
  readonly amoRates: AmoRates;
  readonly participationPeriods: readonly ParticipationForfaitairePeriod[];
}

export const defaultSharesConfig: SharesConfig = {
  amoRates: defaultAmoRates,
  participationPeriods: defaultParticipationForfaitairePeriods,
};

function amoRateOf(line: CotationLine, amo: AmoCoverage, rates: AmoRates): { percent: number; why: string } {
  if (amo.exoneration !== null) {
    const why = {
      ald: 'exonération ALD (appliquée à toute la demande)',
      maternite: 'assurance maternité (à partir du 6e mois)',
      atmp: 'accident du travail / maladie professionnelle',
      c2s: 'complémentaire santé solidaire',
      ame: 'aide médicale de l’État',
    } as const;
    return { percent: rates.exoneratedPercent, why: why[amo.exoneration] };
  }
  const screening = rates.screeningCodes.find((entry) => entry.code === line.code);
  if (screening !== undefined) {
    return { percent: rates.screeningPercent, why: `dépistage pris en charge à 100 % (${screening.what})` };
  }
  if (amo.alsaceMoselle) {
    return { percent: rates.alsaceMosellePercent, why: 'régime local d’Alsace-Moselle' };
  }
  return { percent: rates.standardPercent, why: 'acte de biologie en B' };
}

export function computeShares(input: SharesInput, config: SharesConfig = defaultSharesConfig): SharesOutcome {
  const errors = checkCoverage(input.amo, input.amc, input.date);
  const age = ageInYears(input.patient.birthDate, input.date);
  if (age === null) {
    errors.push({
      code: 'SIL_COVERAGE_BIRTH_DATE_INVALID',
      path: 'patient.birthDate',
      detail: `${input.patient.birthDate} (actes du ${input.date})`,
    });
  }
  if (errors.length > 0 || age === null) {
    return { ok: false, errors };
  }
  const amc = input.amc;
  const lines: LineShares[] = [];
  for (const line of input.lines) {
    if (!line.billed) {
      continue;
    }
    if (line.kind === 'hors-nomenclature') {
      lines.push({
        code: line.code,
        kind: line.kind,
        amountCents: line.amountCents,
        amoRatePercent: 0,
        amoCents: 0,
        amcShareCents: 0,
        patientCents: line.amountCents,
        reason: 'Hors nomenclature : non remboursable, à la charge du patient.',
      });
      continue;
    }
    const rate = amoRateOf(line, input.amo, config.amoRates);
    const amoCents = percentOfCents(line.amountCents, rate.percent);
    const ticketModerateur = line.amountCents - amoCents;
    const amcShareCents =
      amc === null ? 0 : Math.min(ticketModerateur, percentOfCents(ticketModerateur, amc.ratePercentOfTm));
    const amcText = amc === null ? '' : ` ; complémentaire ${amc.ratePercentOfTm} % du ticket modérateur`;
    lines.push({
      code: line.code,
      kind: line.kind,
      amountCents: line.amountCents,
      amoRatePercent: rate.percent,
      amoCents,
      amcShareCents,
      patientCents: ticketModerateur - amcShareCents,
      reason: `Assurance maladie ${rate.percent} % : ${rate.why}${amcText}.`,
    });
  }
  const sum = (pick: (line: LineShares) => number) => lines.reduce((total, line) => total + pick(line), 0);
  const totalCents = sum((line) => line.amountCents);
  const amoCents = sum((line) => line.amoCents);
  const amcShareCents = sum((line) => line.amcShareCents);
  const amcViaTiersPayant = amc !== null && amc.tiersPayant;
  const amcCents = amcViaTiersPayant ? amcShareCents : 0;
  const participationForfaitaire = computeParticipationForfaitaire(
    {
      date: input.date,
      ageInYears: age,
      exoneration: input.amo.exoneration,
      analysisActCount: lines.filter((line) => line.kind === 'analysis').length,
      alreadyToday: input.participationAlreadyToday,
      alreadyThisYearCents: input.participationAlreadyThisYearCents,
    },
    config.participationPeriods
  );
  return {
    ok: true,
    lines,
    totalCents,
    amoCents,
    amcCents,
    patientCents: totalCents - amoCents - amcCents,
    amcRefundToPatientCents: amcViaTiersPayant ? 0 : amcShareCents,
    participationForfaitaire,
  };
}
