/**
 * NABM cotation of one order: its acts, the date and time (Paris wall clock), the territory and the
 * context → billable lines, each with its coefficient, amount in integer cents and the reason it is
 * billed or not. Pure: the tariff index, B values and rules are passed in.
 */
import { findBValue, priceCoefficientCents, type BValuePeriod } from './b-value.js';
import type { BillingIssue } from './billing-issue.js';
import { formatCoefficient } from './coefficient.js';
import { applyRestrictions } from './cotation-restrictions.js';
import { defaultCotationRules, type CotationRules } from './cotation-rules.js';
import type { IsoDate } from './iso-date.js';
import { formatEuros, formatMilliCentsEuros } from './money.js';
import { normalizeNabmCode, type NabmCode } from './nabm-code.js';
import { parisLocalTimeOf, type ParisLocalTime } from './paris-time.js';
import { lookupCoefficient, type TariffIndex } from './tariff-index.js';
import { territoryInPhrase, type Territory } from './territory.js';
import { describeUrgentPeriod, urgentPeriodOf } from './urgent-period.js';

export type OrderedAct =
  | { readonly kind: 'nabm'; readonly code: string }
  | {
      readonly kind: 'hors-nomenclature';
      readonly code: string;
      readonly label: string;
      /** The lab's price, integer cents. */
      readonly priceCents: number;
    };

/** Acts already billed to the same patient by this lab (any prescription), for the once-a-day forfait. */
export interface EarlierBilling {
  readonly performedAt: string;
  readonly codes: readonly string[];
}

export interface CotationInput {
  /** Date and time of the acts, ISO-8601 with offset. */
  readonly performedAt: string;
  readonly territory: Territory;
  /** The site is in Bas-Rhin, Haut-Rhin or Moselle: two more public holidays. */
  readonly siteInAlsaceMoselle?: boolean;
  readonly acts: readonly OrderedAct[];
  readonly bloodSample: boolean;
  readonly bacteriologySample?: boolean;
  /** Prescribed urgent (NABM art. 6 « sur prescription médicale »). */
  readonly urgent: boolean;
  readonly billedEarlierForPatient?: readonly EarlierBilling[];
}

export type CotationLineKind = 'analysis' | 'hors-nomenclature' | 'forfait' | 'supplement' | 'sampling';

export interface CotationLine {
  readonly code: string;
  readonly label: string;
  readonly kind: CotationLineKind;
  readonly keyLetter: string | null;
  readonly coefficientHundredths: number | null;
  /** 0 when not billed. */
  readonly amountCents: number;
  readonly billed: boolean;
  /** French: why billed, why not. */
  readonly reason: string;
  /** Position in `input.acts`, `null` for lines the engine adds. */
  readonly inputIndex: number | null;
}

export interface Cotation {
  readonly ok: true;
  readonly localDate: IsoDate;
  readonly localTime: ParisLocalTime;
  readonly bValue: BValuePeriod | null;
  readonly lines: readonly CotationLine[];
  readonly totalCents: number;
  /** Rules not applied and why (switched-off rules that would have mattered for this order). */
  readonly notes: readonly string[];
}

export type CotationOutcome = Cotation | { readonly ok: false; readonly errors: readonly BillingIssue[] };

export interface CotationConfig {
  readonly rules: CotationRules;
  readonly bValues?: readonly BValuePeriod[];
}

/** A NABM line before pricing: the B value is applied once all lines are known. */
interface DraftLine extends Omit<CotationLine, 'amountCents'> {
  readonly priceCents?: number;
}

export function computeCotation(
  input: CotationInput,
  index: TariffIndex,
  config: CotationConfig = { rules: defaultCotationRules }
): CotationOutcome {
  const { rules } = config;
  const errors: BillingIssue[] = [];
  const local = parisLocalTimeOf(input.performedAt);
  if (local === null) {
    return {
      ok: false,
      errors: [{ code: 'SIL_BILLING_DATE_INVALID', path: 'performedAt', detail: input.performedAt }],
    };
  }
  if (input.acts.length === 0) {
    return { ok: false, errors: [{ code: 'SIL_BILLING_NO_ACTS', path: 'acts', detail: 'aucun acte' }] };
  }
  const date = local.date;
  const notes: string[] = [];
  const engineCodes = new Set<NabmCode>([
    rules.preAnalyticForfait.code,
    rules.bloodSafetyForfait.code,
    rules.bacteriologySafetyForfait.code,
    rules.urgentSupplement.nightCode,
    rules.urgentSupplement.weekendOrHolidayCode,
  ]);
  let bloodSample = input.bloodSample;
  let bacteriologySample = input.bacteriologySample === true;

  // ── 1. The ordered acts ────────────────────────────────────────────────
  const analyses: DraftLine[] = [];
  const offNomenclature: DraftLine[] = [];
  const seen = new Set<NabmCode>();
  input.acts.forEach((ordered, inputIndex) => {
    const path = `acts[${inputIndex}]`;
    if (ordered.kind === 'hors-nomenclature') {
      if (!Number.isSafeInteger(ordered.priceCents) || ordered.priceCents < 0) {
        errors.push({ code: 'SIL_BILLING_HN_PRICE_INVALID', path, detail: `${ordered.code} : ${ordered.priceCents}` });
        return;
      }
      offNomenclature.push({
        code: ordered.code,
        label: ordered.label,
        kind: 'hors-nomenclature',
        keyLetter: null,
        coefficientHundredths: null,
        priceCents: ordered.priceCents,
        billed: true,
        reason: `Acte hors nomenclature au prix du laboratoire (${formatEuros(ordered.priceCents)}), non remboursable par l’Assurance Maladie.`,
        inputIndex,
      });
      return;
    }
    const code = normalizeNabmCode(ordered.code);
    if (code === null) {
      errors.push({ code: 'SIL_NABM_CODE_INVALID', path, detail: `« ${ordered.code} »` });
      return;
    }
    // Forfaits and supplements are the engine's to add; asking for one only states a fact.
    if (engineCodes.has(code)) {
      bloodSample ||= code === rules.bloodSafetyForfait.code;
      bacteriologySample ||= code === rules.bacteriologySafetyForfait.code;
      return;
    }
    const found = lookupCoefficient(index, code, date);
    if (!found.ok) {
      errors.push({ code: found.code, path, detail: found.detail });
      return;
    }
    if (found.keyLetter !== 'B') {
      errors.push({
        code: 'SIL_BILLING_KEY_LETTER_UNSUPPORTED',
        path,
        detail: `acte ${code} coté ${formatCoefficient(found.keyLetter, found.coefficientHundredths)}`,
      });
      return;
    }
    const duplicate = seen.has(code);
    seen.add(code);
    analyses.push({
      code,
      label: found.act.label,
      kind: 'analysis',
      keyLetter: found.keyLetter,
      coefficientHundredths: found.coefficientHundredths,
      billed: !duplicate,
      reason: duplicate ? `Acte ${code} déjà présent dans cette demande : coté une seule fois.` : '',
      inputIndex,
    });
  });

  if (errors.length === 0 && analyses.length === 0 && offNomenclature.length === 0) {
    return {
      ok: false,
      errors: [
        {
          code: 'SIL_BILLING_NO_ACTS',
          path: 'acts',
          detail: 'seulement des forfaits ou suppléments, ajoutés par le moteur',
        },
      ],
    };
  }

  // ── 2. Restrictions among the analyses (non-cumulative acts, max number of acts) ──
  const restricted = applyRestrictions(analyses, rules, notes);
  const anyAnalysisBilled = restricted.some((line) => line.billed);

  // ── 3. Lines the engine adds ───────────────────────────────────────────
  const added: DraftLine[] = [];
  const addNabmLine = (code: NabmCode, kind: CotationLineKind, billed: boolean, reason: string, path: string) => {
    const found = lookupCoefficient(index, code, date);
    if (!found.ok) {
      errors.push({ code: found.code, path, detail: found.detail });
      return;
    }
    added.push({
      code,
      label: found.act.label,
      kind,
      keyLetter: found.keyLetter,
      coefficientHundredths: found.coefficientHundredths,
      billed,
      reason,
      inputIndex: null,
    });
  };

  if (!anyAnalysisBilled) {
    notes.push('Aucun acte NABM facturé : ni forfait ni supplément.');
  } else {
    const forfait = rules.preAnalyticForfait;
    if (forfait.enabled) {
      const earlier = billedEarlierSameDay(input.billedEarlierForPatient ?? [], date, forfait.code, errors);
      addNabmLine(
        forfait.code,
        'forfait',
        !earlier,
        earlier
          ? `Forfait pré-analytique déjà facturé à ce patient le ${date} (heure de Paris) : un seul par patient et par jour, quel que soit le nombre de prescriptions (NABM art. 4 quater).`
          : `Forfait de prise en charge pré-analytique : un par patient et par jour (NABM art. 4 quater).`,
        'forfait'
      );
    }
    if (bloodSample && rules.bloodSafetyForfait.enabled) {
      addNabmLine(
        rules.bloodSafetyForfait.code,
        'forfait',
        true,
        'Forfait de sécurité pour échantillon sanguin : la demande comporte un prélèvement sanguin.',
        'bloodSample'
      );
    }
    if (bacteriologySample && rules.bacteriologySafetyForfait.enabled) {
      addNabmLine(
        rules.bacteriologySafetyForfait.code,
        'forfait',
        true,
        'Forfait de sécurité pour échantillon en vue d’examens bactériologiques, mycologiques ou parasitologiques.',
        'bacteriologySample'
      );
    }
    if (bloodSample) {
      const sampling = rules.samplingActs.filter((rule) => rule.enabled);
      for (const rule of sampling) {
        addNabmLine(rule.code, 'sampling', true, `Acte de prélèvement : ${rule.label}.`, 'bloodSample');
      }
      if (sampling.length === 0) {
        notes.push(
          'Acte de prélèvement non coté : codes et coefficients des prélèvements non confirmés dans la NABM chargée (règle désactivée).'
        );
      }
      addMinimumCotationNote(rules, restricted, notes);
    }
    if (input.urgent) {
      addUrgentSupplement(input, local, rules, notes, (code, reason) =>
        addNabmLine(code, 'supplement', true, reason, 'urgent')
      );
    }
  }

  // ── 4. Prices ──────────────────────────────────────────────────────────
  const nabmLines = [...restricted, ...added];
  const bValue = nabmLines.length > 0 ? findBValue(input.territory, date, config.bValues) : undefined;
  if (nabmLines.length > 0 && bValue === undefined) {
    errors.push({
      code: 'SIL_BILLING_B_VALUE_UNKNOWN',
      path: 'performedAt',
      detail: `valeur de B inconnue ${territoryInPhrase[input.territory]} au ${date}`,
    });
  }
  if (errors.length > 0 || (nabmLines.length > 0 && bValue === undefined)) {
    return { ok: false, errors };
  }
  const lines: CotationLine[] = [...restricted, ...offNomenclature, ...added].map((draft) =>
    finishLine(draft, bValue, input.territory, date)
  );
  return {
    ok: true,
    localDate: date,
    localTime: local,
    bValue: bValue ?? null,
    lines,
    totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
    notes,
  };
}

/** Whether `code` was already billed on the Paris day `date`; bad earlier dates become issues. */
function billedEarlierSameDay(
  earlier: readonly EarlierBilling[],
  date: IsoDate,
  code: NabmCode,
  errors: BillingIssue[]
): boolean {
  let found = false;
  earlier.forEach((billing, position) => {
    const local = parisLocalTimeOf(billing.performedAt);
    if (local === null) {
      errors.push({
        code: 'SIL_BILLING_DATE_INVALID',
        path: `billedEarlierForPatient[${position}].performedAt`,
        detail: billing.performedAt,
      });
      return;
    }
    found ||= local.date === date && billing.codes.some((other) => normalizeNabmCode(other) === code);
  });
  return found;
}

function addUrgentSupplement(
  input: CotationInput,
  local: ParisLocalTime,
  rules: CotationRules,
  notes: string[],
  add: (code: NabmCode, reason: string) => void
): void {
  const rule = rules.urgentSupplement;
  if (!rule.enabled) {
    notes.push('Supplément d’urgence non appliqué : règle désactivée.');
    return;
  }
  const period = urgentPeriodOf(local, rule, { alsaceMoselle: input.siteInAlsaceMoselle === true });
  const clock = `${String(local.hour).padStart(2, '0')} h ${String(local.minute).padStart(2, '0')}`;
  if (period === null) {
    notes.push(
      `Demande urgente réalisée en horaires ouvrables (${local.date} ${clock}, heure de Paris) : pas de supplément (NABM art. 6 : nuit, samedi après 12 h, dimanche ou jour férié).`
    );
    return;
  }
  add(
    period.kind === 'night' ? rule.nightCode : rule.weekendOrHolidayCode,
    `Supplément pour actes en urgence sur prescription, réalisés ${describeUrgentPeriod(period)} (${local.date} ${clock}, heure de Paris) : un seul quel que soit le nombre d’actes (NABM art. 6).`
  );
}

function addMinimumCotationNote(rules: CotationRules, analyses: readonly DraftLine[], notes: string[]): void {
  const rule = rules.minimumBloodCotation;
  const total = analyses.reduce((sum, line) => sum + (line.billed ? (line.coefficientHundredths ?? 0) : 0), 0);
  if (!rule.enabled && total < rule.minimumCoefficient * 100) {
    notes.push(
      `Complément à la cotation minimale (B ${rule.minimumCoefficient}) non appliqué : règle non confirmée (désactivée).`
    );
  }
}

function finishLine(
  draft: DraftLine,
  bValue: BValuePeriod | undefined,
  territory: Territory,
  date: IsoDate
): CotationLine {
  const { priceCents, ...line } = draft;
  if (!line.billed) {
    return { ...line, amountCents: 0 };
  }
  if (priceCents !== undefined) {
    return { ...line, amountCents: priceCents };
  }
  if (bValue === undefined || line.coefficientHundredths === null || line.keyLetter === null) {
    throw new Error(`internal: NABM line ${line.code} without price data`);
  }
  const amountCents = priceCoefficientCents(line.coefficientHundredths, bValue.milliCents);
  const pricing = `${formatCoefficient(line.keyLetter, line.coefficientHundredths)} × ${formatMilliCentsEuros(bValue.milliCents)} (valeur de B ${territoryInPhrase[territory]} au ${date}) = ${formatEuros(amountCents)}.`;
  const why = line.reason === '' ? `Acte NABM ${line.code} facturé.` : line.reason;
  return { ...line, amountCents, reason: `${why} ${pricing}` };
}
