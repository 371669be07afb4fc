/**
 * The analysis editor's values ↔ the API definition, with the server's checks mirrored
 * (catalogue-validation.ts): codes, NABM codes (4 digits, no duplicate), an off-nomenclature price
 * only without NABM codes, the container's capacity, a sampling window given as both ends.
 */
import { formatDecimalInput, parseDecimal } from './catalogue-decimal.js';
import { catalogueCodePattern, type CatalogueFormIssue } from './catalogue-form-issue.js';
import type { Analysis, AnalysisDefinition, Container } from './catalogue-types.js';
import { reasonMinLength } from './analyte-form-values.js';

export interface AnalysisFormValues {
  code: string;
  mnemonic: string;
  label: string;
  nabmCodes: string[];
  chapter: string;
  section: string;
  containerCode: string;
  volumeMl: string;
  shareable: boolean;
  stabilityHoursRoom: string;
  stabilityHoursCold: string;
  fastingRequired: boolean;
  timeWindowStart: string;
  timeWindowEnd: string;
  analyteCodes: string[];
  orderable: boolean;
  /** Euros as typed (« 12,50 »); blank when the analysis is billed on NABM codes. */
  offNomenclaturePrice: string;
  reason: string;
}

const nabmCodePattern = /^\d{4}$/;
const clockTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Integer cents as euros in the form (`1250` → `12,50`). */
export function centsToEurosInput(cents: number | null, locale: 'fr' | 'en'): string {
  if (cents === null) {
    return '';
  }
  const text = (cents / 100).toFixed(2);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/** Euros typed with at most two decimals → integer cents; `null` when blank; `NaN` when invalid. */
export function eurosInputToCents(text: string): number | null {
  const euros = parseDecimal(text);
  if (euros === undefined) {
    return null;
  }
  const cents = Math.round(euros * 100);
  return Number.isNaN(euros) || euros < 0 || Math.abs(euros * 100 - cents) > 1e-6 ? Number.NaN : cents;
}

export function analysisToFormValues(analysis: Analysis | null, locale: 'fr' | 'en'): AnalysisFormValues {
  return {
    code: analysis?.code ?? '',
    mnemonic: analysis?.mnemonic ?? '',
    label: analysis?.label ?? '',
    nabmCodes: [...(analysis?.nabmCodes ?? [])],
    chapter: analysis?.chapter ?? '',
    section: analysis?.section ?? '',
    containerCode: analysis?.containerCode ?? '',
    volumeMl: formatDecimalInput(analysis?.volumeMl, locale),
    shareable: analysis?.shareable ?? true,
    stabilityHoursRoom: formatDecimalInput(analysis?.stabilityHoursRoom, locale),
    stabilityHoursCold: formatDecimalInput(analysis?.stabilityHoursCold, locale),
    fastingRequired: analysis?.fastingRequired ?? false,
    timeWindowStart: analysis?.timeWindowStart ?? '',
    timeWindowEnd: analysis?.timeWindowEnd ?? '',
    analyteCodes: [...(analysis?.analyteCodes ?? [])],
    orderable: analysis?.orderable ?? true,
    offNomenclaturePrice: centsToEurosInput(analysis?.offNomenclaturePriceCents ?? null, locale),
    reason: '',
  };
}

function requiredText(issues: CatalogueFormIssue[], path: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > max) {
    issues.push({ path, key: 'required' });
  }
  return trimmed;
}

function hoursOf(issues: CatalogueFormIssue[], path: string, text: string): number | null {
  const hours = parseDecimal(text);
  if (hours === undefined) {
    return null;
  }
  if (!(hours > 0)) {
    issues.push({ path, key: 'positive' });
  }
  return hours;
}

/**
 * The API definition of the form's values, or the issues that stop the save. `containers` gives
 * the capacity to check the volume against; `creating` checks the code; an edit needs a reason.
 */
export function analysisFormToDefinition(
  values: AnalysisFormValues,
  containers: readonly Container[],
  creating: boolean
): { definition: AnalysisDefinition; issues: CatalogueFormIssue[] } {
  const issues: CatalogueFormIssue[] = [];
  if (creating && !catalogueCodePattern.test(values.code)) {
    issues.push({ path: 'code', key: 'codeRule' });
  }
  const mnemonic = values.mnemonic.trim().toUpperCase();
  if (!catalogueCodePattern.test(mnemonic) || mnemonic.length > 16) {
    issues.push({ path: 'mnemonic', key: 'mnemonicRule' });
  }
  const label = requiredText(issues, 'label', values.label, 200);
  const chapter = requiredText(issues, 'chapter', values.chapter, 100);
  const section = requiredText(issues, 'section', values.section, 60);
  const nabmCodes = values.nabmCodes.map((code) => code.trim());
  if (nabmCodes.some((code) => !nabmCodePattern.test(code))) {
    issues.push({ path: 'nabmCodes', key: 'nabmRule' });
  } else if (new Set(nabmCodes).size !== nabmCodes.length) {
    issues.push({ path: 'nabmCodes', key: 'nabmDuplicate' });
  }
  const offNomenclaturePriceCents = eurosInputToCents(values.offNomenclaturePrice);
  if (offNomenclaturePriceCents !== null && Number.isNaN(offNomenclaturePriceCents)) {
    issues.push({ path: 'offNomenclaturePrice', key: 'priceRule' });
  } else if (offNomenclaturePriceCents !== null && nabmCodes.length > 0) {
    issues.push({ path: 'offNomenclaturePrice', key: 'priceWithNabm' });
  }
  const container = containers.find((candidate) => candidate.code === values.containerCode);
  if (container === undefined) {
    issues.push({ path: 'containerCode', key: 'required' });
  }
  const volumeMl = parseDecimal(values.volumeMl);
  if (volumeMl === undefined || !(volumeMl > 0)) {
    issues.push({ path: 'volumeMl', key: 'positive' });
  } else if (container !== undefined && volumeMl > container.capacityMl) {
    issues.push({ path: 'volumeMl', key: 'volumeAboveCapacity', values: { capacity: container.capacityMl } });
  }
  const stabilityHoursRoom = hoursOf(issues, 'stabilityHoursRoom', values.stabilityHoursRoom);
  const stabilityHoursCold = hoursOf(issues, 'stabilityHoursCold', values.stabilityHoursCold);
  const start = values.timeWindowStart.trim();
  const end = values.timeWindowEnd.trim();
  for (const [path, time] of [
    ['timeWindowStart', start],
    ['timeWindowEnd', end],
  ] as const) {
    if (time !== '' && !clockTimePattern.test(time)) {
      issues.push({ path, key: 'timeRule' });
    }
  }
  if ((start === '') !== (end === '')) {
    issues.push({ path: start === '' ? 'timeWindowStart' : 'timeWindowEnd', key: 'timeWindowBoth' });
  }
  if (values.analyteCodes.length === 0) {
    issues.push({ path: 'analyteCodes', key: 'analytesRequired' });
  }
  if (!creating && values.reason.trim().length < reasonMinLength) {
    issues.push({ path: 'reason', key: 'reasonRule' });
  }
  return {
    definition: {
      mnemonic,
      label,
      nabmCodes,
      chapter,
      section,
      containerCode: values.containerCode,
      volumeMl: volumeMl ?? 0,
      shareable: values.shareable,
      stabilityHoursRoom,
      stabilityHoursCold,
      fastingRequired: values.fastingRequired,
      timeWindowStart: start === '' ? null : start,
      timeWindowEnd: end === '' ? null : end,
      analyteCodes: [...values.analyteCodes],
      orderable: values.orderable,
      offNomenclaturePriceCents:
        offNomenclaturePriceCents === null || Number.isNaN(offNomenclaturePriceCents)
          ? null
          : offNomenclaturePriceCents,
    },
    issues,
  };
}
