/**
 * Decimal rounding and French number display for results.
 *
 * Rounding is "round half away from zero" (IEEE 754-2008 §4.3.1 roundTiesToAway; the rule of
 * spreadsheet ROUND and of analyzers' displays; ECMA-402's default `halfExpand` for Intl.NumberFormat)
 * applied to the decimal the user sees, not to the binary double: 1.005 rounds to 1.01 although the
 * double nearest to 1.005 is 1.00499999999999989… (`Number#toFixed` would give 1.00). The number is
 * first written as its shortest round-trip decimal (ECMAScript Number::toString), then rounded digit
 * by digit, so no binary artefact leaks into a report.
 */

interface DecimalDigits {
  readonly negative: boolean;
  /** Integer digits, no leading zeros except a single `0`. */
  readonly integer: string;
  readonly fraction: string;
}

/** Largest number of decimals a result may carry (beyond it doubles no longer hold the digits). */
export const MAX_RESULT_DECIMALS = 10;

function requireDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_RESULT_DECIMALS) {
    throw new RangeError(`decimals must be an integer in 0..${MAX_RESULT_DECIMALS}: ${decimals}`);
  }
}

/** The shortest round-trip decimal of a finite number, without exponent (`1e-7` → `0.0000001`). */
export function toPlainDecimalString(value: number): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`not a finite number: ${value}`);
  }
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) {
    return text === '-0' ? '0' : text;
  }
  const sign = match[1] ?? '';
  const integer = match[2] ?? '';
  const digits = integer + (match[3] ?? '');
  const point = integer.length + Number(match[4]);
  if (point <= 0) {
    return `${sign}0.${'0'.repeat(-point)}${digits}`;
  }
  if (point >= digits.length) {
    return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  }
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function splitPlainDecimal(text: string): DecimalDigits {
  const negative = text.startsWith('-');
  const unsigned = negative ? text.slice(1) : text;
  const [integer = '0', fraction = ''] = unsigned.split('.');
  return { negative, integer: integer.replace(/^0+(?=\d)/, ''), fraction };
}

/** Adds one unit in the last place of a digit string ("199" → "200", "99" → "100"). */
function incrementDigits(digits: string): string {
  const chars = digits.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] === '9') {
      chars[i] = '0';
    } else {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join('');
    }
  }
  return `1${chars.join('')}`;
}

/** Rounds decimal digits half away from zero to `decimals` places (exact, on the digits). */
function roundDecimalDigits(value: DecimalDigits, decimals: number): DecimalDigits {
  requireDecimals(decimals);
  let integer = value.integer === '' ? '0' : value.integer;
  let fraction = value.fraction;
  if (fraction.length <= decimals) {
    fraction = fraction.padEnd(decimals, '0');
  } else {
    let kept = integer + fraction.slice(0, decimals);
    // Half away from zero: the magnitude goes up when the first dropped digit is 5 or more.
    if ((fraction[decimals] ?? '0') >= '5') {
      kept = incrementDigits(kept);
    }
    integer = kept.slice(0, kept.length - decimals).replace(/^0+(?=\d)/, '') || '0';
    fraction = kept.slice(kept.length - decimals);
  }
  // −0,0 is shown and stored as 0,0.
  const negative = value.negative && /[1-9]/.test(integer + fraction);
  return { negative, integer, fraction };
}

function digitsOf(value: number, decimals: number): DecimalDigits {
  return roundDecimalDigits(splitPlainDecimal(toPlainDecimalString(value)), decimals);
}

function digitsToNumber(digits: DecimalDigits): number {
  const text = `${digits.negative ? '-' : ''}${digits.integer}${digits.fraction === '' ? '' : `.${digits.fraction}`}`;
  return Number(text);
}

/** `value` rounded half away from zero to `decimals` places (0–10), as seen in decimal. */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  return digitsToNumber(digitsOf(value, decimals));
}

/** Rounds a decimal string already validated as `-?\d*(\.\d*)?` (used by the result parser). */
export function roundDecimalText(text: string, decimals: number): number {
  return digitsToNumber(roundDecimalDigits(splitPlainDecimal(text), decimals));
}

/** Narrow no-break space: the French digit-group separator (CLDR fr, Imprimerie nationale). */
export const FRENCH_GROUP_SEPARATOR = '\u202f';

/**
 * A number rounded (half away from zero) and written the French way: decimal comma, exactly
 * `decimals` decimals (`12,50`), hyphen-minus for negatives. With `grouping`, the integer part is
 * grouped by three with a narrow no-break space (`12 500,0`). `parseResultValue` reads it back.
 */
export function formatDecimalFr(
  value: number,
  decimals: number,
  options: { readonly grouping?: boolean } = {}
): string {
  const digits = digitsOf(value, decimals);
  const integer =
    options.grouping === true ? digits.integer.replace(/\B(?=(\d{3})+$)/g, FRENCH_GROUP_SEPARATOR) : digits.integer;
  const sign = digits.negative ? '-' : '';
  return decimals === 0 ? `${sign}${integer}` : `${sign}${integer},${digits.fraction}`;
}
