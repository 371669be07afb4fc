/**
 * Units: the UCUM subset a medical lab reports in (The Unified Code for Units of Measure, Regenstrief,
 * https://ucum.org/ucum — case-sensitive `c/s` codes), and conversion between an analyte's UCUM unit
 * and its conventional French unit (glucose mmol/L ↔ g/L, créatinine µmol/L ↔ mg/L).
 *
 * Supported: prefixes k h da d c m u (µ/μ accepted on input) n p f; atoms g, mol, eq, L (l), m, s,
 * min, h, d, U (= µmol/min, UCUM), kat, [IU] (IU accepted), %, 10*n / 10^n, exponents (`m2`, `mm3`),
 * annotations `{…}` (unit 1, UCUM §12), products `.` and quotients `/` read left to right (UCUM §4),
 * and the temperatures Cel, [degF], K alone. Mass ↔ amount of substance needs a molar mass, amount ↔
 * equivalents a charge, as UCUM's own converter (ucum-lhc) requires.
 */
import type { ErrorCode } from '../errors/error-catalog.js';

const DIMENSIONS = ['M', 'L', 'T', 'N', 'E', 'IU'] as const;
type Dimension = (typeof DIMENSIONS)[number];
type DimensionVector = Record<Dimension, number>;

interface UnitValue {
  /** Magnitude of one unit in base units (g, m, s, mol, eq, IU). */
  readonly factor: number;
  readonly dims: DimensionVector;
}

interface AtomDefinition {
  readonly factor: number;
  readonly dims: Partial<DimensionVector>;
  readonly prefixable: boolean;
}

const ATOMS: Readonly<Record<string, AtomDefinition>> = {
  g: { factor: 1, dims: { M: 1 }, prefixable: true },
  mol: { factor: 1, dims: { N: 1 }, prefixable: true },
  eq: { factor: 1, dims: { E: 1 }, prefixable: true },
  L: { factor: 1e-3, dims: { L: 3 }, prefixable: true },
  l: { factor: 1e-3, dims: { L: 3 }, prefixable: true },
  m: { factor: 1, dims: { L: 1 }, prefixable: true },
  s: { factor: 1, dims: { T: 1 }, prefixable: true },
  min: { factor: 60, dims: { T: 1 }, prefixable: false },
  h: { factor: 3600, dims: { T: 1 }, prefixable: false },
  d: { factor: 86_400, dims: { T: 1 }, prefixable: false },
  // UCUM: U (enzyme unit) = umol/min; kat = mol/s.
  U: { factor: 1e-6 / 60, dims: { N: 1, T: -1 }, prefixable: true },
  kat: { factor: 1, dims: { N: 1, T: -1 }, prefixable: true },
  '[IU]': { factor: 1, dims: { IU: 1 }, prefixable: true },
  '[iU]': { factor: 1, dims: { IU: 1 }, prefixable: true },
  IU: { factor: 1, dims: { IU: 1 }, prefixable: true },
  '%': { factor: 0.01, dims: {}, prefixable: false },
};

const PREFIXES: Readonly<Record<string, number>> = {
  k: 1e3,
  h: 1e2,
  da: 1e1,
  d: 1e-1,
  c: 1e-2,
  m: 1e-3,
  u: 1e-6,
  n: 1e-9,
  p: 1e-12,
  f: 1e-15,
};

const TEMPERATURES = ['Cel', '[degF]', 'K'] as const;
type TemperatureUnit = (typeof TEMPERATURES)[number];

function zeroVector(): DimensionVector {
  return { M: 0, L: 0, T: 0, N: 0, E: 0, IU: 0 };
}

function normaliseUnitText(unit: string): string {
  // Micro sign U+00B5 and Greek mu U+03BC are the printed spellings of UCUM's `u`.
  return unit.trim().replace(/[\u00b5\u03bc]/g, 'u');
}

/** One factor of a UCUM expression (`mmol`, `10*9`, `m2`, `{cells}`), or null if unknown. */
function parseComponent(text: string): UnitValue | null {
  const component = text.replace(/\{[^{}]*\}/g, '');
  if (component === '' || component === '1') {
    return { factor: 1, dims: zeroVector() };
  }
  const power = /^10[*^]([+-]?\d+)$/.exec(component);
  if (power !== null) {
    return { factor: 10 ** Number(power[1]), dims: zeroVector() };
  }
  const withExponent = /^(.*?)([+-]?\d+)?$/.exec(component);
  const symbol = withExponent?.[1] ?? '';
  const exponent = withExponent?.[2] === undefined ? 1 : Number(withExponent[2]);
  const atom = resolveAtom(symbol);
  if (atom === null || exponent === 0) {
    return null;
  }
  const dims = zeroVector();
  for (const dimension of DIMENSIONS) {
    dims[dimension] = (atom.dims[dimension] ?? 0) * exponent;
  }
  return { factor: atom.factor ** exponent, dims };
}

function resolveAtom(symbol: string): { factor: number; dims: Partial<DimensionVector> } | null {
  const exact = ATOMS[symbol];
  if (exact !== undefined) {
    return exact;
  }
  for (const [prefix, multiplier] of Object.entries(PREFIXES)) {
    if (symbol.startsWith(prefix)) {
      const atom = ATOMS[symbol.slice(prefix.length)];
      if (atom !== undefined && atom.prefixable) {
        return { factor: multiplier * atom.factor, dims: atom.dims };
      }
    }
  }
  return null;
}

/** Splits on `.` and `/` outside annotations; each part carries the operator before it. */
function splitTerms(expression: string): { operator: '.' | '/'; text: string }[] | null {
  const terms: { operator: '.' | '/'; text: string }[] = [];
  let operator: '.' | '/' = '.';
  let current = '';
  let depth = 0;
  for (const char of expression) {
    if (char === '{') {
      depth++;
    } else if (char === '}') {
      depth--;
      if (depth < 0) {
        return null;
      }
    }
    if (depth === 0 && (char === '.' || char === '/')) {
      terms.push({ operator, text: current });
      operator = char;
      current = '';
    } else {
      current += char;
    }
  }
  if (depth !== 0) {
    return null;
  }
  terms.push({ operator, text: current });
  // A leading `/` (UCUM `/min`) leaves an empty first term: it is the unit 1.
  if (
    terms.some((term, index) => term.text === '' && !(index === 0 && terms.length > 1 && terms[1]?.operator === '/'))
  ) {
    return null;
  }
  return terms;
}

function parseExpression(unit: string): UnitValue | null {
  const text = normaliseUnitText(unit);
  if (text === '' || /\s/.test(text)) {
    return null;
  }
  const terms = splitTerms(text);
  if (terms === null) {
    return null;
  }
  let factor = 1;
  const dims = zeroVector();
  for (const term of terms) {
    const value = parseComponent(term.text);
    if (value === null) {
      return null;
    }
    const sign = term.operator === '/' ? -1 : 1;
    factor = sign === 1 ? factor * value.factor : factor / value.factor;
    for (const dimension of DIMENSIONS) {
      dims[dimension] += sign * value.dims[dimension];
    }
  }
  return { factor, dims };
}

function temperatureOf(unit: string): TemperatureUnit | null {
  const text = unit.trim();
  return (TEMPERATURES as readonly string[]).includes(text) ? (text as TemperatureUnit) : null;
}

/** True when the unit is in the supported UCUM subset. */
export function isSupportedUnit(unit: string): boolean {
  return temperatureOf(unit) !== null || parseExpression(unit) !== null;
}

export type UnitErrorCode = Extract<
  ErrorCode,
  'SIL_UNIT_UNKNOWN' | 'SIL_UNIT_INCOMPATIBLE' | 'SIL_UNIT_MOLAR_MASS_REQUIRED' | 'SIL_UNIT_CHARGE_REQUIRED'
>;

export type UnitConversion =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly code: UnitErrorCode; readonly detail: string };

export interface UnitConversionOptions {
  /** Molar mass in g/mol (glucose 180.156, créatinine 113.12), for mass ↔ amount of substance. */
  readonly molarMass?: number;
  /** Charge (valence) of the ion (Ca²⁺: 2), for amount of substance ↔ equivalents. */
  readonly charge?: number;
}

function toKelvin(value: number, unit: TemperatureUnit): number {
  switch (unit) {
    case 'K':
      return value;
    case 'Cel':
      return value + 273.15;
    case '[degF]':
      return ((value + 459.67) * 5) / 9;
  }
}

function fromKelvin(kelvin: number, unit: TemperatureUnit): number {
  switch (unit) {
    case 'K':
      return kelvin;
    case 'Cel':
      return kelvin - 273.15;
    case '[degF]':
      return (kelvin * 9) / 5 - 459.67;
  }
}

/**
 * Converts `value` from one unit to another. Mass and amount of substance are bridged with the
 * molar mass (1 mol = M g), amount and equivalents with the charge (1 mol = z eq); any other
 * difference of dimension is `SIL_UNIT_INCOMPATIBLE`.
 */
export function convertUnit(
  value: number,
  from: string,
  to: string,
  options: UnitConversionOptions = {}
): UnitConversion {
  const fromTemperature = temperatureOf(from);
  const toTemperature = temperatureOf(to);
  if (fromTemperature !== null || toTemperature !== null) {
    if (fromTemperature === null || toTemperature === null) {
      return { ok: false, code: 'SIL_UNIT_INCOMPATIBLE', detail: `${from} → ${to}` };
    }
    return { ok: true, value: fromKelvin(toKelvin(value, fromTemperature), toTemperature) };
  }
  const source = parseExpression(from);
  const target = parseExpression(to);
  if (source === null || target === null) {
    return { ok: false, code: 'SIL_UNIT_UNKNOWN', detail: source === null ? from : to };
  }
  for (const dimension of ['L', 'T', 'IU'] as const) {
    if (source.dims[dimension] !== target.dims[dimension]) {
      return { ok: false, code: 'SIL_UNIT_INCOMPATIBLE', detail: `${from} → ${to}` };
    }
  }
  // Mass, amount and equivalents are one "quantity of substance" once bridged.
  const substance = (dims: DimensionVector) => dims.M + dims.N + dims.E;
  if (substance(source.dims) !== substance(target.dims)) {
    return { ok: false, code: 'SIL_UNIT_INCOMPATIBLE', detail: `${from} → ${to}` };
  }
  let result = (value * source.factor) / target.factor;
  const massPower = target.dims.M - source.dims.M;
  if (massPower !== 0) {
    if (options.molarMass === undefined || !(options.molarMass > 0)) {
      return { ok: false, code: 'SIL_UNIT_MOLAR_MASS_REQUIRED', detail: `${from} → ${to}` };
    }
    result *= options.molarMass ** massPower;
  }
  const chargePower = target.dims.E - source.dims.E;
  if (chargePower !== 0) {
    if (options.charge === undefined || !(options.charge > 0)) {
      return { ok: false, code: 'SIL_UNIT_CHARGE_REQUIRED', detail: `${from} → ${to}` };
    }
    result *= options.charge ** chargePower;
  }
  return { ok: true, value: result };
}

/**
 * The factor `f` such that `value in to = value in from × f` (linear units only), e.g.
 * glucose mmol/L → g/L with M = 180.156 g/mol: f = 0.180156 (the 0.18 of French reports).
 */
export function unitConversionFactor(from: string, to: string, options: UnitConversionOptions = {}): UnitConversion {
  if (temperatureOf(from) !== null || temperatureOf(to) !== null) {
    return { ok: false, code: 'SIL_UNIT_INCOMPATIBLE', detail: 'temperature conversions are affine, not a factor' };
  }
  return convertUnit(1, from, to, options);
}

/**
 * An analyte's two units as the catalogue stores them: the UCUM (SI) unit results are stored in,
 * and the conventional unit shown beside it with `conventional = value × conventionalFactor`.
 */
export interface AnalyteUnits {
  readonly unit: string;
  readonly conventionalUnit: string | null;
  readonly conventionalFactor: number | null;
}

/** The value in the conventional unit, or `null` when the analyte has none. Not rounded. */
export function toConventionalValue(value: number, units: AnalyteUnits): number | null {
  return units.conventionalUnit === null || units.conventionalFactor === null ? null : value * units.conventionalFactor;
}

/** The value in the analyte's UCUM unit from a value typed in the conventional unit. Not rounded. */
export function fromConventionalValue(conventionalValue: number, units: AnalyteUnits): number | null {
  return units.conventionalUnit === null || units.conventionalFactor === null || units.conventionalFactor === 0
    ? null
    : conventionalValue / units.conventionalFactor;
}

const SUPERSCRIPT_DIGITS: Readonly<Record<string, string>> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
  '+': '',
};

function superscript(digits: string): string {
  return [...digits].map((char) => SUPERSCRIPT_DIGITS[char] ?? char).join('');
}

function displayComponent(component: string): string {
  const annotation = /^\{([^{}]*)\}$/.exec(component);
  if (annotation !== null) {
    // `{1.73_m2}` (body surface) → `1,73 m²`.
    return (annotation[1] ?? '')
      .replace(/_/g, ' ')
      .replace(/(\d)\.(\d)/g, '$1,$2')
      .replace(/([a-zA-Z])(\d)$/, (_, letter: string, digit: string) => `${letter}${superscript(digit)}`);
  }
  const power = /^10[*^]([+-]?\d+)$/.exec(component);
  if (power !== null) {
    return `10${superscript(power[1] ?? '')}`;
  }
  const bare = component.replace(/\{[^{}]*\}/g, '');
  const parts = /^(.*?)([+-]?\d+)?$/.exec(bare);
  let symbol = parts?.[1] ?? bare;
  const exponent = parts?.[2];
  symbol = symbol
    .replace(/\[IU\]|\[iU\]|IU/g, 'UI')
    .replace(/^u(?=mol|g|L|l|m|s|U|UI|eq|kat)/, 'µ')
    .replace(/^(da|[khdcmunpfµ])?l$/, '$1L');
  return exponent === undefined ? symbol : `${symbol}${superscript(exponent)}`;
}

/**
 * A UCUM unit as printed on a French report: `umol/L` → `µmol/L`, `10*9/L` → `10⁹/L`,
 * `[IU]/L` → `UI/L`, `mL/min/{1.73_m2}` → `mL/min/1,73 m²`, `Cel` → `°C`. Unknown text is kept.
 */
export function formatUnitForDisplay(unit: string): string {
  const text = normaliseUnitText(unit);
  if (text === 'Cel') {
    return '°C';
  }
  if (text === '[degF]') {
    return '°F';
  }
  const terms = splitTerms(text);
  if (terms === null) {
    return unit.trim();
  }
  // UCUM's product dot is printed as a middle dot (mmol·L⁻¹ style); the quotient stays a slash.
  return terms
    .map((term, index) => `${index === 0 ? '' : term.operator === '.' ? '·' : '/'}${displayComponent(term.text)}`)
    .join('');
}
