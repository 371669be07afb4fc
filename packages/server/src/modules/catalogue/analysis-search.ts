/**
 * Autocomplete of orderable analyses at the desk: the secretary types a mnemonic (`NFS`, `GLY`),
 * a code or a few letters of the label (`créat`, `bilan hep`). Matching is accent- and
 * case-insensitive; an exact mnemonic or code comes first, then a prefix of it, then labels whose
 * words start with every typed word, then labels containing them.
 */
import { foldSearchText } from './search-text.js';

export interface SearchableAnalysis {
  code: string;
  mnemonic: string;
  label: string;
}

function rank(analysis: SearchableAnalysis, query: string, words: readonly string[]): number | null {
  const keys = [foldSearchText(analysis.mnemonic), foldSearchText(analysis.code)];
  if (keys.includes(query)) {
    return 0;
  }
  if (keys.some((key) => key.startsWith(query))) {
    return 1;
  }
  const labelWords = foldSearchText(analysis.label).split(' ');
  if (words.every((word) => labelWords.some((labelWord) => labelWord.startsWith(word)))) {
    return 2;
  }
  const haystack = [...keys, ...labelWords].join(' ');
  return words.every((word) => haystack.includes(word)) ? 3 : null;
}

export function searchAnalyses<T extends SearchableAnalysis>(analyses: readonly T[], text: string, limit: number): T[] {
  const query = foldSearchText(text);
  if (query === '') {
    return [...analyses].sort((a, b) => a.code.localeCompare(b.code)).slice(0, limit);
  }
  const words = query.split(' ');
  return analyses
    .map((analysis) => ({ analysis, score: rank(analysis, query, words) }))
    .filter((entry): entry is { analysis: T; score: number } => entry.score !== null)
    .sort((a, b) => a.score - b.score || a.analysis.label.localeCompare(b.analysis.label, 'fr'))
    .slice(0, limit)
    .map((entry) => entry.analysis);
}
