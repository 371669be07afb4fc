import { codecWarning, type InstrumentCodecIssue } from '../astm/codec-issue.js';

/**
 * "HPRIM Médecins" / HPRIM Net files sent by laboratories to GPs (Apicrypt, HPRIM Net): a
 * 12-line header, the report as free text, then an optional structured block between
 * `****LAB****` and `****FIN****` of `RES|…` and `TEX|…` lines, and `****FINFICHIER****`.
 * Layout per the HPRIM Médecins 3.0 recommendation as documented in france-domain.md §2.1.
 */
export interface HprimMedecinsHeader {
  /** Line 1: patient code/reference at the sender. */
  readonly patientCode: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly address1: string;
  readonly address2: string;
  /** Line 6 as written, and split when it starts with a 5-digit postal code. */
  readonly postalCodeAndCity: string;
  readonly postalCode: string;
  readonly city: string;
  /** Line 7 `JJ/MM/AAAA`. */
  readonly birthDate: string;
  /** Line 8 NIR (n° de sécurité sociale) as written. */
  readonly socialSecurityNumber: string;
  /** Line 9 n° de dossier. */
  readonly fileNumber: string;
  /** Line 10 date du dossier `JJ/MM/AAAA`. */
  readonly fileDate: string;
  /** Line 11 code and name of the sender (laboratory). */
  readonly sender: string;
  /** Line 12 code and name of the recipient (physician). */
  readonly recipient: string;
}

/** `RES|libellé|code|type|valeur|unité|normale inf|normale sup|indicateur|statut|valeur2|unité2|inf2|sup2|`. */
export interface HprimMedecinsResult {
  readonly label: string;
  readonly code: string;
  /** N numeric, A alphanumeric, C comment. */
  readonly type: string;
  readonly value: string;
  readonly unit: string;
  readonly low: string;
  readonly high: string;
  /** L, H, LL, HH, N. */
  readonly flag: string;
  /** F final, P partial, C corrected. */
  readonly status: string;
  readonly value2: string;
  readonly unit2: string;
  readonly low2: string;
  readonly high2: string;
}

export type HprimMedecinsLine =
  | { readonly kind: 'TEX'; readonly text: string; readonly line: number }
  | { readonly kind: 'RES'; readonly result: HprimMedecinsResult; readonly line: number };

export interface HprimMedecinsReport {
  readonly header: HprimMedecinsHeader | undefined;
  /** The report text between the header and `****LAB****` (or the end). */
  readonly freeText: string;
  /** The structured block, in order. */
  readonly lab: readonly HprimMedecinsLine[];
  readonly results: readonly HprimMedecinsResult[];
  readonly issues: readonly InstrumentCodecIssue[];
}

const resultKeys = [
  'label', 'code', 'type', 'value', 'unit', 'low', 'high', 'flag', 'status', 'value2', 'unit2', 'low2', 'high2',
] as const; // prettier-ignore

const isMarker = (line: string, marker: string): boolean => line.trim() === marker;

/** Reads an HPRIM Médecins file (or a bare RES/TEX block). Never throws. */
export function tryParseHprimMedecins(text: string): HprimMedecinsReport {
  const issues: InstrumentCodecIssue[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  const labAt = lines.findIndex((line) => isMarker(line, '****LAB****'));
  const firstContent = lines.findIndex((line) => line.trim() !== '');
  const bareBlock = labAt < 0 && /^(RES|TEX)(\||$)/.test(lines[firstContent] ?? '');
  let header: HprimMedecinsHeader | undefined;
  let freeText = '';
  if (!bareBlock) {
    const headerLines = lines.slice(0, 12);
    if (headerLines.length < 12 || (labAt >= 0 && labAt < 12)) {
      issues.push(
        codecWarning(
          'SIL_HPRIM_MEDECINS_HEADER_INCOMPLETE',
          `${Math.min(headerLines.length, labAt < 0 ? 12 : labAt)} header lines`
        )
      );
    }
    header = readHeader(labAt >= 0 && labAt < 12 ? headerLines.slice(0, labAt) : headerLines);
    const textEnd =
      labAt >= 0 ? labAt : lines.findIndex((line, i) => i >= 12 && /^\*{4}FIN(FICHIER)?\*{4}$/.test(line.trim()));
    freeText = lines.slice(12, textEnd < 0 ? lines.length : textEnd).join('\n');
  }
  const lab: HprimMedecinsLine[] = [];
  let ended = false;
  const blockStart = bareBlock ? firstContent : labAt + 1;
  if (bareBlock || labAt >= 0) {
    for (let i = blockStart; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (isMarker(line, '****FIN****') || isMarker(line, '****FINFICHIER****')) {
        ended = true;
        break;
      }
      const parsed = readBlockLine(line, i + 1);
      if (parsed !== undefined) {
        lab.push(parsed);
      } else if (line.trim() !== '') {
        issues.push(
          codecWarning('SIL_HPRIM_MEDECINS_MALFORMED_LINE', `not a RES or TEX line: "${line.slice(0, 40)}"`, {
            line: i + 1,
          })
        );
      }
    }
  }
  if (!bareBlock && !lines.some((line) => isMarker(line, '****FINFICHIER****') || isMarker(line, '****FIN****'))) {
    issues.push(codecWarning('SIL_HPRIM_MEDECINS_NO_END_MARKER', 'no ****FIN**** nor ****FINFICHIER****'));
  } else if (labAt >= 0 && !ended) {
    issues.push(codecWarning('SIL_HPRIM_MEDECINS_NO_END_MARKER', 'the ****LAB**** block has no ****FIN****'));
  }
  const results = lab.flatMap((entry) => (entry.kind === 'RES' ? [entry.result] : []));
  return { header, freeText, lab, results, issues };
}

function readBlockLine(line: string, lineNumber: number): HprimMedecinsLine | undefined {
  if (line === 'TEX' || line.startsWith('TEX|')) {
    return { kind: 'TEX', text: line.slice(4), line: lineNumber };
  }
  if (!line.startsWith('RES|')) {
    return undefined;
  }
  const values = line.split('|').slice(1);
  const result = Object.fromEntries(resultKeys.map((key, i) => [key, (values[i] ?? '').trim()])) as Record<
    (typeof resultKeys)[number],
    string
  >;
  return { kind: 'RES', result, line: lineNumber };
}

function readHeader(lines: readonly string[]): HprimMedecinsHeader {
  const at = (n: number): string => (lines[n - 1] ?? '').trim();
  const postalCodeAndCity = at(6);
  const split = /^(\d{5})\s+(.*)$/.exec(postalCodeAndCity);
  return {
    patientCode: at(1),
    lastName: at(2),
    firstName: at(3),
    address1: at(4),
    address2: at(5),
    postalCodeAndCity,
    postalCode: split?.[1] ?? '',
    city: split?.[2] ?? postalCodeAndCity,
    birthDate: at(7),
    socialSecurityNumber: at(8),
    fileNumber: at(9),
    fileDate: at(10),
    sender: at(11),
    recipient: at(12),
  };
}
