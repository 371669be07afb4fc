/**
 * Numbers typed in the catalogue forms: decimal comma or point (French keyboards type the comma,
 * instruments and copied values the point), blanks meaning « none ».
 */

/** `undefined` for blank, `NaN` for text that is not a number, else the number. */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') {
    return undefined;
  }
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed)) {
    return Number.NaN;
  }
  return Number(trimmed.replace(',', '.'));
}

/** A number as the form shows it, in the UI language (decimal comma in French); '' for null. */
export function formatDecimalInput(value: number | null | undefined, locale: 'fr' | 'en'): string {
  if (value === null || value === undefined) {
    return '';
  }
  const text = String(value);
  return locale === 'fr' ? text.replace('.', ',') : text;
}
