/**
 * Field/repetition/component splitting and escape sequences shared by ASTM E1394 and HPRIM Santé
 * (both descend from ASTM E1238, like HL7 v2). An escape sequence is `ESC code ESC` with code
 * F (field), S (component), R (repetition), E (escape), T (subcomponent, HPRIM only) or
 * X followed by hex byte pairs; any other sequence (H, N, Z…, formatting) is kept verbatim.
 */
export interface DelimiterSet {
  readonly field: string;
  readonly repeat: string;
  readonly component: string;
  readonly escape: string;
  /** HPRIM's "sous-sous-champ"; ASTM has none. */
  readonly subcomponent?: string;
}

/** A field: repetitions, each a list of components (unescaped). An empty field is `[['']]`. */
export type DelimitedField = string[][];

const hexPairs = /^X(?:[0-9A-Fa-f]{2})+$/;

export function unescapeDelimitedValue(value: string, set: DelimiterSet): string {
  const escape = set.escape;
  if (!value.includes(escape)) {
    return value;
  }
  let out = '';
  let i = 0;
  while (i < value.length) {
    const start = value.indexOf(escape, i);
    if (start < 0) {
      out += value.slice(i);
      break;
    }
    const end = value.indexOf(escape, start + 1);
    if (end < 0) {
      out += value.slice(i); // a lone escape character is data
      break;
    }
    out += value.slice(i, start) + decodeEscape(value.slice(start + 1, end), set);
    i = end + 1;
  }
  return out;
}

function decodeEscape(code: string, set: DelimiterSet): string {
  switch (code) {
    case 'F':
      return set.field;
    case 'S':
      return set.component;
    case 'R':
      return set.repeat;
    case 'E':
      return set.escape;
    case 'T':
      if (set.subcomponent !== undefined) {
        return set.subcomponent;
      }
      break;
  }
  if (hexPairs.test(code)) {
    let out = '';
    for (let i = 1; i < code.length; i += 2) {
      out += String.fromCharCode(Number.parseInt(code.slice(i, i + 2), 16));
    }
    return out;
  }
  return set.escape + code + set.escape;
}

/**
 * Escapes delimiters and the escape character, and writes control characters (CR, LF and the
 * other C0 codes but TAB) as `ESC Xhh ESC` so they cannot end a record or break a frame.
 * The subcomponent character is escaped only when `escapeSubcomponent` is true.
 */
export function escapeDelimitedValue(value: string, set: DelimiterSet, escapeSubcomponent = false): string {
  let out = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    const e = set.escape;
    if (char === e) {
      out += `${e}E${e}`;
    } else if (char === set.field) {
      out += `${e}F${e}`;
    } else if (char === set.component) {
      out += `${e}S${e}`;
    } else if (char === set.repeat) {
      out += `${e}R${e}`;
    } else if (escapeSubcomponent && char === set.subcomponent) {
      out += `${e}T${e}`;
    } else if ((code < 0x20 && code !== 0x09) || code === 0x7f) {
      out += `${e}X${code.toString(16).toUpperCase().padStart(2, '0')}${e}`;
    } else {
      out += char;
    }
  }
  return out;
}

/** Splits raw field text into repetitions and components, unescaping each component. */
export function splitDelimitedField(raw: string, set: DelimiterSet): DelimitedField {
  return raw
    .split(set.repeat)
    .map((repetition) => repetition.split(set.component).map((component) => unescapeDelimitedValue(component, set)));
}

export function joinDelimitedField(field: readonly (readonly string[])[], set: DelimiterSet): string {
  return field
    .map((repetition) => repetition.map((component) => escapeDelimitedValue(component, set)).join(set.component))
    .join(set.repeat);
}

/** Builder input for a field: a value, a list of components, or repetitions of components. */
export type DelimitedFieldInput = string | readonly string[] | readonly (readonly string[])[];

export function toDelimitedField(input: DelimitedFieldInput | undefined): DelimitedField {
  if (input === undefined) {
    return [['']];
  }
  if (typeof input === 'string') {
    return [[input]];
  }
  if (input.length === 0) {
    return [['']];
  }
  if (input.every((item): item is string => typeof item === 'string')) {
    return [[...input]];
  }
  return input.map((repetition) => (typeof repetition === 'string' ? [repetition] : [...repetition]));
}
