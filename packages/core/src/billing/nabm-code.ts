/**
 * NABM act codes are 4-character strings with leading zeros ("0552"); CNAM open-data files and some
 * specs drop the zeros (552), so every code entering Sillage goes through `normalizeNabmCode`.
 * DESIGN.md § Conventions; reference france-domain.md §0.2.
 */
export type NabmCode = string;

const NABM_CODE_INPUT = /^\d{1,4}$/;

/** "552" → "0552"; `null` when the text is not 1 to 4 digits. */
export function normalizeNabmCode(raw: string): NabmCode | null {
  const trimmed = raw.trim();
  return NABM_CODE_INPUT.test(trimmed) ? trimmed.padStart(4, '0') : null;
}
