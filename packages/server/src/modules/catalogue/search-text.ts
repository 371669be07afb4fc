/**
 * Accent- and case-insensitive search text for the catalogue autocomplete: « Créatinine » and
 * « creat » meet on `creatinine`; digits are kept (T4L, B12), other signs become spaces.
 */
export function foldSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/β/g, 'b')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
