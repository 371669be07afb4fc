/**
 * Result values typed at the bench (or received from an instrument) and checked against the
 * analyte's result type: numeric, coded list, or text. Parsing never throws on user input: it
 * returns a stable error code (`SIL_RESULT_VALUE_INVALID`, …) the service turns into a SillageError.
 */
import type { ErrorCode } from '../errors/error-catalog.js';
import { MAX_RESULT_DECIMALS, formatDecimalFr, roundDecimalText, roundHalfAwayFromZero } from './decimal-format.js';

export type ResultType = 'numeric' | 'coded' | 'text';

/**
 * A censored numeric value: `<0,5` means "below the limit of quantification 0,5" (FHIR
 * Quantity.comparator, HL7 v2 SN comparator). Stored with the ASCII spelling.
 */
export type NumericComparator = '<' | '<=' | '>' | '>=';

export interface CodedOption {
  readonly code: string;
  /** French label shown in the grid and on the report (e.g. `Positif`). */
  readonly label: string;
}

export type ResultSpec =
  | {
      readonly type: 'numeric';
      /** Decimals shown and stored (0–10): the entered value is rounded half away from zero. */
      readonly decimals: number;
      /** Plausibility limits (e.g. no negative concentration), inclusive; `null`/absent = none. */
      readonly min?: number | null;
      readonly max?: number | null;
    }
  | { readonly type: 'coded'; readonly options: readonly CodedOption[] }
  | { readonly type: 'text'; readonly maxLength?: number };

export type ResultValue =
  | {
      readonly type: 'numeric';
      readonly value: number;
      readonly comparator: NumericComparator | null;
      /** Decimals to display: the analyte's, or as typed for a censored value (`<0,05`). */
      readonly decimals: number;
    }
  | { readonly type: 'coded'; readonly code: string }
  | { readonly type: 'text'; readonly text: string };

export type NumericResultValue = Extract<ResultValue, { type: 'numeric' }>;

export type ResultValueErrorCode = Extract<
  ErrorCode,
  | 'SIL_RESULT_VALUE_EMPTY'
  | 'SIL_RESULT_VALUE_INVALID'
  | 'SIL_RESULT_VALUE_OUT_OF_RANGE'
  | 'SIL_RESULT_CODE_UNKNOWN'
  | 'SIL_RESULT_TEXT_TOO_LONG'
  | 'SIL_RESULT_TEXT_INVALID_CHARACTER'
>;

export type ResultValueParse =
  | { readonly ok: true; readonly value: ResultValue }
  | { readonly ok: false; readonly code: ResultValueErrorCode; readonly detail: string };

/** Default limit of a text result (an ECBU comment, a free conclusion). */
export const TEXT_RESULT_MAX_LENGTH = 2000;

// Space, no-break space, narrow no-break space (French digit grouping), tab.
const BLANK = '[ \\u00a0\\u202f\\t]';
const NUMERIC_INPUT = new RegExp(
  `^${BLANK}*(<=|>=|≤|≥|<|>)?${BLANK}*([+\\-\\u2212])?${BLANK}*` +
    `(\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+|\\d+)?(?:[.,](\\d+))?${BLANK}*$`
);

const COMPARATOR_SPELLING: Readonly<Record<string, NumericComparator>> = {
  '<': '<',
  '>': '>',
  '<=': '<=',
  '>=': '>=',
  '≤': '<=',
  '≥': '>=',
};

function fail(code: ResultValueErrorCode, detail: string): ResultValueParse {
  return { ok: false, code, detail };
}

/**
 * Reads a numeric entry: decimal comma or point (`12,5`, `12.5`, `,5`), optional sign, digit groups
 * of three separated by spaces (`12 500`), a leading comparator `<`, `>`, `<=`, `>=`, `≤`, `≥`
 * (`<0,5`, `> 1000`). Exponents, thousands commas (`1,234.5`) and anything else are refused.
 * A plain value is rounded to `decimals`; a censored value keeps its limit as typed, since rounding
 * a limit of quantification would change what it asserts.
 */
export function parseNumericInput(
  input: string,
  spec: { readonly decimals: number; readonly min?: number | null; readonly max?: number | null }
): ResultValueParse {
  if (input.trim() === '') {
    return fail('SIL_RESULT_VALUE_EMPTY', '');
  }
  const match = NUMERIC_INPUT.exec(input);
  const integer = match?.[3]?.replace(/[ \u00a0\u202f]/g, '');
  const fraction = match?.[4];
  if (match === null || (integer === undefined && fraction === undefined)) {
    return fail('SIL_RESULT_VALUE_INVALID', input);
  }
  const comparator = match[1] === undefined ? null : (COMPARATOR_SPELLING[match[1]] ?? null);
  const negative = match[2] !== undefined && match[2] !== '+';
  const plain = `${negative ? '-' : ''}${integer ?? '0'}${fraction === undefined ? '' : `.${fraction}`}`;
  let value: number;
  let decimals: number;
  if (comparator === null) {
    decimals = spec.decimals;
    value = roundDecimalText(plain, decimals);
  } else {
    decimals = Math.min(fraction?.length ?? 0, MAX_RESULT_DECIMALS);
    value = roundDecimalText(plain, decimals);
  }
  if (!Number.isFinite(value)) {
    return fail('SIL_RESULT_VALUE_INVALID', input);
  }
  if (value === 0) {
    value = 0; // no −0
  }
  if (
    (spec.min !== undefined && spec.min !== null && value < spec.min) ||
    (spec.max !== undefined && spec.max !== null && value > spec.max)
  ) {
    return fail('SIL_RESULT_VALUE_OUT_OF_RANGE', `${input} ∉ [${spec.min ?? '−∞'} ; ${spec.max ?? '+∞'}]`);
  }
  return { ok: true, value: { type: 'numeric', value, comparator, decimals } };
}

function foldForMatch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
}

/**
 * A coded entry must name one of the analyte's options: by code (case-insensitive, the grid's
 * keyboard path: `A`, `POS`) or by label (case- and accent-insensitive: `positif`). Returns the
 * canonical code.
 */
export function parseCodedInput(input: string, options: readonly CodedOption[]): ResultValueParse {
  const folded = foldForMatch(input);
  if (folded === '') {
    return fail('SIL_RESULT_VALUE_EMPTY', '');
  }
  const byCode = options.find((option) => foldForMatch(option.code) === folded);
  const chosen = byCode ?? options.find((option) => foldForMatch(option.label) === folded);
  if (chosen === undefined) {
    return fail('SIL_RESULT_CODE_UNKNOWN', input.trim());
  }
  return { ok: true, value: { type: 'coded', code: chosen.code } };
}

// C0 controls except TAB (09), LF (0A), CR (0D); DEL; C1 controls. They break HL7/HPRIM/ASTM framing.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_TEXT_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * A text entry: NFC-normalised, CRLF/CR turned into LF, trimmed; at most `maxLength` characters
 * (Unicode code points, default 2000); control characters refused.
 */
export function parseTextInput(input: string, maxLength: number = TEXT_RESULT_MAX_LENGTH): ResultValueParse {
  const text = input.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (text === '') {
    return fail('SIL_RESULT_VALUE_EMPTY', '');
  }
  if (FORBIDDEN_TEXT_CHARACTER.test(text)) {
    return fail('SIL_RESULT_TEXT_INVALID_CHARACTER', '');
  }
  const length = [...text].length;
  if (length > maxLength) {
    return fail('SIL_RESULT_TEXT_TOO_LONG', `${length} > ${maxLength}`);
  }
  return { ok: true, value: { type: 'text', text } };
}

/** Parses an entry according to the analyte's result type. */
export function parseResultValue(input: string, spec: ResultSpec): ResultValueParse {
  switch (spec.type) {
    case 'numeric':
      return parseNumericInput(input, spec);
    case 'coded':
      return parseCodedInput(input, spec.options);
    case 'text':
      return parseTextInput(input, spec.maxLength);
  }
}

/**
 * Checks an already structured value (JSON from the API, a value mapped from an instrument message)
 * against the analyte: `SIL_RESULT_TYPE_MISMATCH` when the type differs; for a numeric value, a
 * finite number within the plausibility limits whose plain value carries no more than the analyte's
 * decimals (`SIL_RESULT_VALUE_INVALID` / `SIL_RESULT_VALUE_OUT_OF_RANGE`); for a coded value, a code
 * of the list; for text, the same rules as typed text. `null` when valid.
 */
export function checkResultValue(
  value: ResultValue,
  spec: ResultSpec
): ResultValueErrorCode | 'SIL_RESULT_TYPE_MISMATCH' | null {
  if (value.type !== spec.type) {
    return 'SIL_RESULT_TYPE_MISMATCH';
  }
  if (value.type === 'numeric' && spec.type === 'numeric') {
    if (
      !Number.isFinite(value.value) ||
      !Number.isInteger(value.decimals) ||
      value.decimals < 0 ||
      value.decimals > MAX_RESULT_DECIMALS
    ) {
      return 'SIL_RESULT_VALUE_INVALID';
    }
    if (
      value.comparator === null &&
      (value.decimals !== spec.decimals || roundHalfAwayFromZero(value.value, spec.decimals) !== value.value)
    ) {
      return 'SIL_RESULT_VALUE_INVALID';
    }
    const { min, max } = spec;
    if (
      (min !== undefined && min !== null && value.value < min) ||
      (max !== undefined && max !== null && value.value > max)
    ) {
      return 'SIL_RESULT_VALUE_OUT_OF_RANGE';
    }
    return null;
  }
  if (value.type === 'coded' && spec.type === 'coded') {
    return spec.options.some((option) => option.code === value.code) ? null : 'SIL_RESULT_CODE_UNKNOWN';
  }
  if (value.type === 'text' && spec.type === 'text') {
    const parsed = parseTextInput(value.text, spec.maxLength);
    return parsed.ok
      ? parsed.value.type === 'text' && parsed.value.text === value.text
        ? null
        : 'SIL_RESULT_VALUE_INVALID'
      : parsed.code;
  }
  return 'SIL_RESULT_TYPE_MISMATCH';
}

const COMPARATOR_DISPLAY: Readonly<Record<NumericComparator, string>> = { '<': '<', '>': '>', '<=': '≤', '>=': '≥' };

/** A numeric value in French: `12,50`, `<0,5`, `≥1000`. `parseNumericInput` reads it back unchanged. */
export function formatNumericResult(value: NumericResultValue, options: { readonly grouping?: boolean } = {}): string {
  const comparator = value.comparator === null ? '' : COMPARATOR_DISPLAY[value.comparator];
  return `${comparator}${formatDecimalFr(value.value, value.decimals, options)}`;
}

/**
 * A value for display: numeric in French, coded as its option's label (its code when the options
 * are not given or do not list it), text as is.
 */
export function formatResultValue(value: ResultValue, options?: readonly CodedOption[]): string {
  switch (value.type) {
    case 'numeric':
      return formatNumericResult(value);
    case 'coded':
      return options?.find((option) => option.code === value.code)?.label ?? value.code;
    case 'text':
      return value.text;
  }
}
