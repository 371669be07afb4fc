/**
 * Amounts typed at the desk, in euros as a French secretary types them: `12,50`, `12.50`, `12`,
 * `1 234,56`, `12,50 €`. The API takes integer cents (DESIGN.md: money is integer cents), so the
 * text is read digit by digit — never through a float, which would turn 0,29 into 28 cents.
 */

export type AmountError = 'empty' | 'format' | 'decimals' | 'zero';

export type AmountResult = { ok: true; cents: number } | { ok: false; error: AmountError };

/** Largest amount the API accepts (1 000 000,00 €, `cash.schemas.ts`). */
export const maxAmountCents = 100_000_000;

export function parseAmountToCents(input: string, options: { allowZero?: boolean } = {}): AmountResult {
  // Spaces (also the narrow no-break space of fr-FR formatting) group thousands; € is decoration.
  const text = input.replace(/[\s\u00a0\u202f€]/g, '');
  if (text === '') {
    return { ok: false, error: 'empty' };
  }
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text);
  if (match === null) {
    return { ok: false, error: 'format' };
  }
  const fraction = match[2] ?? '';
  if (fraction.length > 2) {
    return { ok: false, error: 'decimals' };
  }
  const euros = match[1] ?? '0';
  if (euros.replace(/^0+/, '').length > 7) {
    return { ok: false, error: 'format' };
  }
  const cents = Number(euros) * 100 + Number(fraction.padEnd(2, '0'));
  if (cents > maxAmountCents) {
    return { ok: false, error: 'format' };
  }
  if (cents === 0 && options.allowZero !== true) {
    return { ok: false, error: 'zero' };
  }
  return { ok: true, cents };
}

/** Cents as the desk types them back (`1250` → `12,50`): a prefilled field the user may edit. */
export function formatCentsForInput(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${String(Math.floor(absolute / 100))},${String(absolute % 100).padStart(2, '0')}`;
}
