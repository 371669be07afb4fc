/**
 * Filters of the catalogue lists, applied in the browser: the whole current catalogue is a few
 * hundred rows, so each key stroke filters at once. Text matching ignores case and accents, like
 * the server's autocomplete (« creat » finds « Créatinine »).
 */
import type { Analyte, AnalysisSummary, ResultType } from './catalogue-types.js';

/** Lower case without diacritics (NFD, combining marks removed). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function matchesWords(haystack: readonly (string | null)[], query: string): boolean {
  const words = foldText(query)
    .split(/\s+/)
    .filter((word) => word !== '');
  const text = foldText(haystack.filter((part) => part !== null).join(' '));
  return words.every((word) => text.includes(word));
}

export type ActiveFilter = 'all' | 'active' | 'inactive';

export interface AnalysisFilters {
  query: string;
  /** '' = any. */
  chapter: string;
  section: string;
  active: ActiveFilter;
}

/**
 * Rank of a match, so that Enter opens what the user meant: the exact code or mnemonic first
 * (« crea » → CREA before « Créatine kinase »), then a code or mnemonic prefix, then the rest.
 */
function codeRank(codes: readonly string[], query: string): number {
  const folded = foldText(query.trim());
  if (folded === '') {
    return 0;
  }
  const candidates = codes.map(foldText);
  if (candidates.includes(folded)) {
    return 0;
  }
  return candidates.some((code) => code.startsWith(folded)) ? 1 : 2;
}

function byRank<T>(items: readonly T[], rank: (item: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index, rank: rank(item) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ item }) => item);
}

export function filterAnalyses(items: readonly AnalysisSummary[], filters: AnalysisFilters): AnalysisSummary[] {
  const matching = items.filter(
    (item) =>
      (filters.chapter === '' || item.chapter === filters.chapter) &&
      (filters.section === '' || item.section === filters.section) &&
      (filters.active === 'all' || item.orderable === (filters.active === 'active')) &&
      matchesWords([item.code, item.mnemonic, item.label, item.nabmCodes.join(' ')], filters.query)
  );
  return byRank(matching, (item) => codeRank([item.code, item.mnemonic], filters.query));
}

export interface AnalyteFilters {
  query: string;
  chapter: string;
  /** '' = any. */
  resultType: ResultType | '';
}

export function filterAnalytes(items: readonly Analyte[], filters: AnalyteFilters): Analyte[] {
  const matching = items.filter(
    (item) =>
      (filters.chapter === '' || item.chapter === filters.chapter) &&
      (filters.resultType === '' || item.resultType === filters.resultType) &&
      matchesWords([item.code, item.label, item.shortLabel, item.loinc], filters.query)
  );
  return byRank(matching, (item) => codeRank([item.code], filters.query));
}

/** The distinct values of a field, sorted for a filter's options. */
export function distinctValues(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b, 'fr'));
}
