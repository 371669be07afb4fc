/**
 * The coverage form as typed at the desk (strings, dates as `JJ/MM/AAAA`) ↔ the API's coverage
 * input (`coverage.schemas.ts`). The server stays the authority (NIR key, periods); the checks here
 * only spare a round trip on the fields' shapes, with the same rules as the server's schema.
 */
import { exonerations, type Exoneration } from '@sillage/core';
import { formatIsoDate, parseTypedDate } from '../lib/typed-date.js';
import type { AmcCoverage, AmoCoverage, CoverageInput, CoverageSource, CoverageView } from './billing-coverage-api.js';

export interface CoverageFormValues {
  amo: {
    regime: string;
    caisse: string;
    centre: string;
    insuredNir: string;
    beneficiaryRank: string;
    validFrom: string;
    validTo: string;
    exoneration: Exoneration | '';
    exonerationValidFrom: string;
    exonerationValidTo: string;
    alsaceMoselle: boolean;
  };
  hasAmc: boolean;
  amc: {
    organisme: string;
    memberNumber: string;
    contract: string;
    validFrom: string;
    validTo: string;
    ratePercentOfTm: string;
    tiersPayant: boolean;
  };
  source: CoverageSource;
}

/** Field paths of the form, as Mantine's `useForm` names nested fields. */
export type CoverageFieldPath =
  `amo.${keyof CoverageFormValues['amo'] & string}` | `amc.${keyof CoverageFormValues['amc'] & string}`;

/** Why a field is refused before sending, as an i18n key of the `coverage.errors` block. */
export type CoverageFieldError =
  'required' | 'regime' | 'caisse' | 'centre' | 'rank' | 'nir' | 'date' | 'rate' | 'period';

export const emptyCoverageFormValues: CoverageFormValues = {
  // Régime général (01), assuré lui-même (rang 00): the most frequent case at the desk.
  amo: {
    regime: '01',
    caisse: '',
    centre: '',
    insuredNir: '',
    beneficiaryRank: '00',
    validFrom: '',
    validTo: '',
    exoneration: '',
    exonerationValidFrom: '',
    exonerationValidTo: '',
    alsaceMoselle: false,
  },
  hasAmc: false,
  amc: {
    organisme: '',
    memberNumber: '',
    contract: '',
    validFrom: '',
    validTo: '',
    ratePercentOfTm: '100',
    tiersPayant: true,
  },
  source: 'manual',
};

const dateText = (iso: string | null): string => (iso === null ? '' : formatIsoDate(iso));

export function coverageToFormValues(coverage: CoverageView | null): CoverageFormValues {
  if (coverage === null) {
    return emptyCoverageFormValues;
  }
  const { amo, amc } = coverage;
  return {
    amo: {
      regime: amo.regime,
      caisse: amo.caisse,
      centre: amo.centre,
      insuredNir: amo.insuredNir,
      beneficiaryRank: amo.beneficiaryRank,
      validFrom: dateText(amo.validFrom),
      validTo: dateText(amo.validTo),
      exoneration: amo.exoneration ?? '',
      exonerationValidFrom: dateText(amo.exonerationValidFrom),
      exonerationValidTo: dateText(amo.exonerationValidTo),
      alsaceMoselle: amo.alsaceMoselle,
    },
    hasAmc: amc !== null,
    amc:
      amc === null
        ? emptyCoverageFormValues.amc
        : {
            organisme: amc.organisme,
            memberNumber: amc.memberNumber ?? '',
            contract: amc.contract ?? '',
            validFrom: dateText(amc.validFrom),
            validTo: dateText(amc.validTo),
            ratePercentOfTm: String(amc.ratePercentOfTm),
            tiersPayant: amc.tiersPayant,
          },
    source: coverage.source,
  };
}

/** NIR as stored: no spaces or dots, Corsica's 2A/2B in capitals. */
export function normalizeNir(value: string): string {
  return value.replace(/[\s.-]+/g, '').toUpperCase();
}

function optionalText(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A typed date → ISO, `null` when empty; `undefined` when it cannot be read. */
function optionalDate(value: string, today: Date): string | null | undefined {
  if (value.trim() === '') {
    return null;
  }
  const parsed = parseTypedDate(value, today);
  return parsed.ok ? parsed.iso : undefined;
}

const fieldPatterns: Partial<Record<CoverageFieldPath, { pattern: RegExp; error: CoverageFieldError }>> = {
  'amo.regime': { pattern: /^\d{2}$/, error: 'regime' },
  'amo.caisse': { pattern: /^\d{3}$/, error: 'caisse' },
  'amo.centre': { pattern: /^\d{4}$/, error: 'centre' },
  'amo.beneficiaryRank': { pattern: /^\d{2}$/, error: 'rank' },
  // 13 characters + 2-digit key (Corsica: 2A/2B for the department); the server checks the key.
  'amo.insuredNir': { pattern: /^\d{5}(\d{2}|2A|2B)\d{8}$/, error: 'nir' },
};

const periods: readonly [CoverageFieldPath, CoverageFieldPath][] = [
  ['amo.validFrom', 'amo.validTo'],
  ['amo.exonerationValidFrom', 'amo.exonerationValidTo'],
  ['amc.validFrom', 'amc.validTo'],
];

export type CoverageFormResult =
  { ok: true; input: CoverageInput } | { ok: false; errors: Partial<Record<CoverageFieldPath, CoverageFieldError>> };

/** Checks the typed values and builds the API input; `version` is the one read before editing. */
export function coverageFormToInput(
  values: CoverageFormValues,
  version: number | null,
  today: Date = new Date()
): CoverageFormResult {
  const errors: Partial<Record<CoverageFieldPath, CoverageFieldError>> = {};
  const text = (path: CoverageFieldPath): string => {
    const [group, name] = path.split('.') as ['amo' | 'amc', string];
    const value = (values[group] as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : '';
  };
  for (const [path, rule] of Object.entries(fieldPatterns) as [
    CoverageFieldPath,
    { pattern: RegExp; error: CoverageFieldError },
  ][]) {
    const value = path === 'amo.insuredNir' ? normalizeNir(text(path)) : text(path).trim();
    if (value === '') {
      errors[path] = 'required';
    } else if (!rule.pattern.test(value)) {
      errors[path] = rule.error;
    }
  }
  const dates = new Map<CoverageFieldPath, string | null>();
  for (const pair of periods) {
    if (pair[0].startsWith('amc.') && !values.hasAmc) {
      continue;
    }
    for (const path of pair) {
      const iso = optionalDate(text(path), today);
      if (iso === undefined) {
        errors[path] = 'date';
      } else {
        dates.set(path, iso);
      }
    }
    const from = dates.get(pair[0]);
    const to = dates.get(pair[1]);
    if (from !== undefined && from !== null && to !== undefined && to !== null && from > to) {
      errors[pair[1]] = 'period';
    }
  }
  const rate = values.amc.ratePercentOfTm.trim().replace(/\s*%$/, '');
  if (values.hasAmc) {
    if (values.amc.organisme.trim() === '') {
      errors['amc.organisme'] = 'required';
    }
    if (!/^\d{1,3}$/.test(rate) || Number(rate) > 100) {
      errors['amc.ratePercentOfTm'] = 'rate';
    }
  }
  if (Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  const date = (path: CoverageFieldPath): string | null => dates.get(path) ?? null;
  const exoneration = values.amo.exoneration === '' ? null : values.amo.exoneration;
  const amo: AmoCoverage = {
    regime: values.amo.regime.trim(),
    caisse: values.amo.caisse.trim(),
    centre: values.amo.centre.trim(),
    insuredNir: normalizeNir(values.amo.insuredNir),
    beneficiaryRank: values.amo.beneficiaryRank.trim(),
    validFrom: date('amo.validFrom'),
    validTo: date('amo.validTo'),
    exoneration,
    // Exoneration dates without an exoneration are refused by the server: they go with it.
    exonerationValidFrom: exoneration === null ? null : date('amo.exonerationValidFrom'),
    exonerationValidTo: exoneration === null ? null : date('amo.exonerationValidTo'),
    alsaceMoselle: values.amo.alsaceMoselle,
  };
  const amc: AmcCoverage | null = values.hasAmc
    ? {
        organisme: values.amc.organisme.trim(),
        memberNumber: optionalText(values.amc.memberNumber),
        contract: optionalText(values.amc.contract),
        validFrom: date('amc.validFrom'),
        validTo: date('amc.validTo'),
        ratePercentOfTm: Number(rate),
        tiersPayant: values.amc.tiersPayant,
      }
    : null;
  return { ok: true, input: { amo, amc, source: values.source, version } };
}

/** The form field an API issue path names: `body.amo.regime`, `amo.insuredNir` → `amo.regime`… */
export function coverageFieldOfApiPath(path: string): CoverageFieldPath | null {
  const parts = path.split(/[/.]/).filter((part) => part !== '' && part !== 'body' && part !== 'patient');
  const [group, name] = parts;
  if ((group !== 'amo' && group !== 'amc') || name === undefined) {
    return null;
  }
  const known = Object.keys(group === 'amo' ? emptyCoverageFormValues.amo : emptyCoverageFormValues.amc);
  return known.includes(name) ? (`${group}.${name}` as CoverageFieldPath) : null;
}

export const isExoneration = (value: string): value is Exoneration =>
  (exonerations as readonly string[]).includes(value);
