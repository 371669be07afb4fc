/**
 * FHIR R4 search parameters (https://hl7.org/fhir/R4/search.html): tokens `[system]|[code]`,
 * dates with prefixes and implicit ranges, references, `_count` / `_offset` paging. Handling is
 * strict: an unsupported parameter is an error rather than silently ignored, so a typo never
 * widens a search over patient data.
 */
import { SillageError } from '@sillage/core';

export interface SearchRequest {
  /** Each occurrence of a parameter (repeated parameters are ANDed; commas inside one are ORed). */
  params: Map<string, string[]>;
  count: number;
  offset: number;
}

/** Parameters every resource type accepts (result shaping and paging). */
const commonParameters = new Set(['_count', '_offset', '_format']);
const jsonFormats = new Set(['json', 'application/json', 'application/fhir+json']);

function invalid(name: string, message: string): SillageError {
  return new SillageError('SIL_FHIR_SEARCH_PARAMETER_INVALID', { issues: [{ path: name, message }] });
}

function nonNegativeInteger(name: string, raw: string): number {
  if (!/^\d{1,6}$/.test(raw)) {
    throw invalid(name, `entier positif attendu : « ${raw} »`);
  }
  return Number(raw);
}

export function readSearchRequest(
  query: unknown,
  allowed: readonly string[],
  paging: { defaultCount: number; maxCount: number }
): SearchRequest {
  const params = new Map<string, string[]>();
  const entries = query !== null && typeof query === 'object' ? Object.entries(query as Record<string, unknown>) : [];
  for (const [name, value] of entries) {
    const values = (Array.isArray(value) ? value : [value]).map(String);
    if (!allowed.includes(name) && !commonParameters.has(name)) {
      throw new SillageError('SIL_FHIR_SEARCH_PARAMETER_UNKNOWN', {
        issues: [{ path: name, message: `paramètres acceptés : ${[...allowed, '_count', '_offset'].join(', ')}` }],
      });
    }
    params.set(name, values);
  }
  for (const format of params.get('_format') ?? []) {
    if (!jsonFormats.has(format)) {
      throw new SillageError('SIL_FHIR_FORMAT_UNSUPPORTED', { detail: format });
    }
  }
  const countValues = params.get('_count') ?? [];
  const offsetValues = params.get('_offset') ?? [];
  const count = countValues.length === 0 ? paging.defaultCount : nonNegativeInteger('_count', countValues[0] ?? '');
  const offset = offsetValues.length === 0 ? 0 : nonNegativeInteger('_offset', offsetValues[0] ?? '');
  params.delete('_count');
  params.delete('_offset');
  params.delete('_format');
  // A server may return fewer than asked (R4 §3.1.1.5.6): the page is capped.
  return { params, count: Math.min(count, paging.maxCount), offset };
}

export interface TokenValue {
  /** `null`: any system (`code`); `''`: no system (`|code`). */
  system: string | null;
  code: string;
}

/** One occurrence of a token parameter: comma-separated alternatives (`a,b` is a OR b). */
export function parseTokens(name: string, raw: string): TokenValue[] {
  const values = splitAlternatives(raw).map((part) => {
    const bar = part.indexOf('|');
    return bar === -1 ? { system: null, code: part } : { system: part.slice(0, bar), code: part.slice(bar + 1) };
  });
  if (values.length === 0 || values.some((v) => v.code === '')) {
    throw invalid(name, `jeton « [système]|code » attendu : « ${raw} »`);
  }
  return values;
}

/** Commas separate alternatives; `\,` is a literal comma (R4 §3.1.1.5.7 escaping). */
function splitAlternatives(raw: string): string[] {
  return raw
    .split(/(?<!\\),/)
    .map((part) => part.replace(/\\,/g, ',').trim())
    .filter((part) => part !== '');
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids named by a reference parameter (`Patient/123`, `123`, or an absolute URL ending in
 * `Patient/123`). Ids that cannot exist here (not UUIDs, or another resource type) are dropped:
 * they match nothing.
 */
export function parseReferenceIds(name: string, raw: string, resourceType: string): string[] {
  const ids: string[] = [];
  for (const part of splitAlternatives(raw)) {
    const segments = part.split('/');
    const id = segments[segments.length - 1] ?? '';
    const type = segments.length > 1 ? segments[segments.length - 2] : undefined;
    if (id === '') {
      throw invalid(name, `référence attendue : « ${raw} »`);
    }
    if ((type === undefined || type === resourceType) && uuidPattern.test(id)) {
      ids.push(id.toLowerCase());
    }
  }
  return ids;
}

/** Ids for `_id` (plain ids, comma-separated). */
export function parseIds(raw: string): string[] {
  return splitAlternatives(raw)
    .filter((id) => uuidPattern.test(id))
    .map((id) => id.toLowerCase());
}

export type DatePrefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le' | 'sa' | 'eb';

/**
 * A date value as the half-open range `[start, end)` it stands for (`2026-03` is the whole month).
 * Bounds are local date-times (`YYYY-MM-DDTHH:MM:SS.sss`); `offset` is the value's UTC offset
 * (`Z`, `+01:00`), or `null` when it had none — the lab's time zone (Europe/Paris) then applies.
 */
export interface DateValue {
  prefix: DatePrefix;
  start: string;
  end: string;
  offset: string | null;
}

const datePattern =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;
const prefixes = new Set<string>(['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb']);

function naive(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23);
}

export function parseDateValue(name: string, raw: string): DateValue {
  const prefix = /^[a-z]{2}/.test(raw) ? raw.slice(0, 2) : 'eq';
  if (prefix === 'ap') {
    throw invalid(name, 'le préfixe « ap » (approximativement) n’est pas pris en charge');
  }
  if (/^[a-z]{2}/.test(raw) && !prefixes.has(prefix)) {
    throw invalid(name, `préfixe inconnu : « ${prefix} »`);
  }
  const text = /^[a-z]{2}/.test(raw) ? raw.slice(2) : raw;
  const match = datePattern.exec(text);
  if (match === null) {
    throw invalid(name, `date attendue (AAAA, AAAA-MM, AAAA-MM-JJ ou date-heure) : « ${raw} »`);
  }
  const [, y, mo, d, h, mi, s, ms, offset] = match;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const startMs = Date.UTC(
    year,
    month - 1,
    day,
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(s ?? 0),
    Number((ms ?? '0').padEnd(3, '0'))
  );
  const check = new Date(startMs);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || month < 1 || month > 12) {
    throw invalid(name, `date inexistante : « ${raw} »`);
  }
  let endMs: number;
  if (mo === undefined) {
    endMs = Date.UTC(year + 1, 0, 1);
  } else if (d === undefined) {
    endMs = Date.UTC(year, month, 1);
  } else if (h === undefined) {
    endMs = Date.UTC(year, month - 1, day + 1);
  } else if (s === undefined) {
    endMs = startMs + 60_000;
  } else if (ms === undefined) {
    endMs = startMs + 1000;
  } else {
    endMs = startMs + 1;
  }
  return { prefix: prefix as DatePrefix, start: naive(startMs), end: naive(endMs), offset: offset ?? null };
}

/** A case- and accent-insensitive string parameter value (prefix match, R4 §3.1.1.5.3). */
export function parseStrings(raw: string): string[] {
  return splitAlternatives(raw);
}
