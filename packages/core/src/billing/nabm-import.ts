/**
 * Pure parsers of the CNAM NABM open-data release (SNDS reference tables, `;`-separated text):
 * IR_BIO_R (acts) and IR_BTF_R (coefficient history). They never throw: the caller gets every row
 * or the list of per-line problems, so a new release is imported whole or not at all.
 * Column names: indsante/schema-snds nomenclatures/ORAREF IR_BIO_R.json and IR_BTF_R.
 */
import { parseCoefficientHundredths } from './coefficient.js';
import { CNAM_OPEN_END, parseCnamDate } from './cnam-date.js';
import type { IsoDate } from './iso-date.js';
import { normalizeNabmCode } from './nabm-code.js';
import type { CoefficientPeriod, ImportIssue, ImportOutcome, NabmAct } from './nabm-types.js';
import { splitLines, splitSemicolonLine } from './semicolon-csv.js';

const ACT_COLUMNS = [
  'BIO_PRS_IDE',
  'BIO_INF_LIB',
  'BIO_CRE_DAT',
  'BIO_SUP_DAT',
  'BIO_ARB_CHA',
  'BIO_PHY_GRP',
  'BIO_GRP_LIB',
  'BIO_HIS_DTD',
  'BIO_HIS_DTF',
  'BIO_TAR_NAT',
  'BIO_TAR_COF',
] as const;

const HISTORY_COLUMNS = ['BTF_PRS_IDE', 'BTF_HIS_DTD', 'BTF_TAR_NAT', 'BTF_HIS_DTF', 'BTF_TAR_COF'] as const;

const KEY_LETTER = /^[A-Z]{1,3}$/;

interface Table {
  readonly header: readonly string[];
  readonly records: readonly { readonly line: number; readonly fields: readonly string[] }[];
}

/** Header and records of a `;` file; structural problems (quotes, field count) go to `errors`. */
function readTable(text: string, required: readonly string[], errors: ImportIssue[]): Table | null {
  // A byte-order mark is not part of the first column name.
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  const header = headerIndex === -1 ? null : splitSemicolonLine(lines[headerIndex] ?? '');
  const missing = header === null ? required : required.filter((column) => !header.includes(column));
  if (header === null || missing.length > 0) {
    errors.push({
      line: headerIndex === -1 ? 1 : headerIndex + 1,
      code: 'SIL_NABM_CSV_HEADER_INVALID',
      detail: `colonnes absentes : ${missing.join(', ')}`,
    });
    return null;
  }
  const records: { line: number; fields: string[] }[] = [];
  for (let index = headerIndex + 1; index < lines.length; index++) {
    const text = lines[index] ?? '';
    if (text.trim() === '') {
      continue;
    }
    const fields = splitSemicolonLine(text);
    if (fields === null || fields.length !== header.length) {
      errors.push({
        line: index + 1,
        code: 'SIL_NABM_CSV_LINE_MALFORMED',
        detail: fields === null ? 'guillemets mal placés' : `${fields.length} champs au lieu de ${header.length}`,
      });
      continue;
    }
    records.push({ line: index + 1, fields });
  }
  return { header, records };
}

/** Accessor of a record's fields by column name. */
function columnReader(header: readonly string[], fields: readonly string[]): (column: string) => string {
  return (column) => (fields[header.indexOf(column)] ?? '').trim();
}

function optionalDate(value: string, column: string, line: number, errors: ImportIssue[]): IsoDate | null | undefined {
  if (value === '') {
    return null;
  }
  const date = parseCnamDate(value);
  if (date === null) {
    errors.push({ line, code: 'SIL_NABM_DATE_INVALID', detail: `${column} = "${value}"` });
    return undefined;
  }
  return date;
}

/** Acts of an IR_BIO_R release. */
export function parseNabmActs(csvText: string): ImportOutcome<NabmAct> {
  const errors: ImportIssue[] = [];
  const table = readTable(csvText, ACT_COLUMNS, errors);
  if (table === null) {
    return { ok: false, errors };
  }
  const propertyColumns = table.header.filter((column) => !(ACT_COLUMNS as readonly string[]).includes(column));
  const rows: NabmAct[] = [];
  const firstLineOfCode = new Map<string, number>();
  for (const { line, fields } of table.records) {
    const read = columnReader(table.header, fields);
    const errorCount = errors.length;
    const code = normalizeNabmCode(read('BIO_PRS_IDE'));
    if (code === null) {
      errors.push({ line, code: 'SIL_NABM_CODE_INVALID', detail: `BIO_PRS_IDE = "${read('BIO_PRS_IDE')}"` });
    } else if (firstLineOfCode.has(code)) {
      errors.push({
        line,
        code: 'SIL_NABM_DUPLICATE_CODE',
        detail: `${code} déjà présent ligne ${firstLineOfCode.get(code) ?? '?'}`,
      });
    } else {
      firstLineOfCode.set(code, line);
    }
    const label = read('BIO_INF_LIB');
    if (label === '') {
      errors.push({ line, code: 'SIL_NABM_CSV_LINE_MALFORMED', detail: 'libellé BIO_INF_LIB vide' });
    }
    const createdOn = optionalDate(read('BIO_CRE_DAT'), 'BIO_CRE_DAT', line, errors);
    const suppressedOn = optionalDate(read('BIO_SUP_DAT'), 'BIO_SUP_DAT', line, errors);
    const coefficientValidFrom = optionalDate(read('BIO_HIS_DTD'), 'BIO_HIS_DTD', line, errors);
    const coefficientValidTo = optionalDate(read('BIO_HIS_DTF'), 'BIO_HIS_DTF', line, errors);
    const keyLetter = read('BIO_TAR_NAT');
    const coefficientText = read('BIO_TAR_COF');
    const coefficientHundredths = coefficientText === '' ? null : parseCoefficientHundredths(coefficientText);
    if (coefficientText !== '' && coefficientHundredths === null) {
      errors.push({ line, code: 'SIL_NABM_COEFFICIENT_INVALID', detail: `BIO_TAR_COF = "${coefficientText}"` });
    } else if ((keyLetter === '') !== (coefficientText === '') || (keyLetter !== '' && !KEY_LETTER.test(keyLetter))) {
      errors.push({
        line,
        code: 'SIL_NABM_COEFFICIENT_INVALID',
        detail: `lettre clé "${keyLetter}" et coefficient "${coefficientText}" incohérents`,
      });
    }
    if (
      errors.length > errorCount ||
      code === null ||
      createdOn === undefined ||
      suppressedOn === undefined ||
      coefficientValidFrom === undefined ||
      coefficientValidTo === undefined
    ) {
      continue;
    }
    const properties: Record<string, string> = {};
    for (const column of propertyColumns) {
      const value = read(column);
      if (value !== '') {
        properties[column] = value;
      }
    }
    rows.push({
      code,
      label,
      createdOn,
      suppressedOn,
      chapter: read('BIO_ARB_CHA') || null,
      groupCode: read('BIO_PHY_GRP') || null,
      groupLabel: read('BIO_GRP_LIB') || null,
      keyLetter: keyLetter || null,
      coefficientHundredths,
      coefficientValidFrom,
      coefficientValidTo: coefficientValidTo === CNAM_OPEN_END ? null : coefficientValidTo,
      properties,
    });
  }
  return errors.length > 0 ? { ok: false, errors: [...errors].sort((a, b) => a.line - b.line) } : { ok: true, rows };
}

/** Dated coefficients of an IR_BTF_R release. */
export function parseCoefficientHistory(csvText: string): ImportOutcome<CoefficientPeriod> {
  const errors: ImportIssue[] = [];
  const table = readTable(csvText, HISTORY_COLUMNS, errors);
  if (table === null) {
    return { ok: false, errors };
  }
  const rows: { line: number; period: CoefficientPeriod }[] = [];
  for (const { line, fields } of table.records) {
    const read = columnReader(table.header, fields);
    const errorCount = errors.length;
    const code = normalizeNabmCode(read('BTF_PRS_IDE'));
    if (code === null) {
      errors.push({ line, code: 'SIL_NABM_CODE_INVALID', detail: `BTF_PRS_IDE = "${read('BTF_PRS_IDE')}"` });
    }
    const validFrom = parseCnamDate(read('BTF_HIS_DTD'));
    if (validFrom === null) {
      errors.push({ line, code: 'SIL_NABM_DATE_INVALID', detail: `BTF_HIS_DTD = "${read('BTF_HIS_DTD')}"` });
    }
    const validTo = parseCnamDate(read('BTF_HIS_DTF'));
    if (validTo === null) {
      errors.push({ line, code: 'SIL_NABM_DATE_INVALID', detail: `BTF_HIS_DTF = "${read('BTF_HIS_DTF')}"` });
    }
    const keyLetter = read('BTF_TAR_NAT');
    const coefficientHundredths = parseCoefficientHundredths(read('BTF_TAR_COF'));
    if (coefficientHundredths === null || !KEY_LETTER.test(keyLetter)) {
      errors.push({
        line,
        code: 'SIL_NABM_COEFFICIENT_INVALID',
        detail: `BTF_TAR_NAT = "${keyLetter}", BTF_TAR_COF = "${read('BTF_TAR_COF')}"`,
      });
    }
    if (
      errors.length > errorCount ||
      code === null ||
      validFrom === null ||
      validTo === null ||
      coefficientHundredths === null
    ) {
      continue;
    }
    if (validTo < validFrom) {
      errors.push({
        line,
        code: 'SIL_NABM_HISTORY_CONFLICT',
        detail: `${code} : fin ${validTo} avant début ${validFrom}`,
      });
      continue;
    }
    rows.push({
      line,
      period: {
        code,
        keyLetter,
        coefficientHundredths,
        validFrom,
        validTo: validTo === CNAM_OPEN_END ? null : validTo,
      },
    });
  }
  errors.push(...findConflictingOverlaps(rows));
  if (errors.length > 0) {
    return { ok: false, errors: [...errors].sort((a, b) => a.line - b.line) };
  }
  return { ok: true, rows: rows.map((row) => row.period) };
}

/**
 * Overlapping periods of one code are a conflict only when they price it differently: the CNAM
 * release has two open-ended rows a day apart with the same cotation for 0085 (B 505) and 1439
 * (B 320), which are harmless and must not block the import.
 */
function findConflictingOverlaps(rows: readonly { line: number; period: CoefficientPeriod }[]): ImportIssue[] {
  const byCode = new Map<string, { line: number; period: CoefficientPeriod }[]>();
  for (const row of rows) {
    const list = byCode.get(row.period.code) ?? [];
    list.push(row);
    byCode.set(row.period.code, list);
  }
  const issues: ImportIssue[] = [];
  for (const list of byCode.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = list[j];
        const b = list[i];
        if (a === undefined || b === undefined) {
          continue;
        }
        const overlap =
          a.period.validFrom <= (b.period.validTo ?? CNAM_OPEN_END) &&
          b.period.validFrom <= (a.period.validTo ?? CNAM_OPEN_END);
        const samePrice =
          a.period.keyLetter === b.period.keyLetter &&
          a.period.coefficientHundredths === b.period.coefficientHundredths;
        if (overlap && !samePrice) {
          issues.push({
            line: b.line,
            code: 'SIL_NABM_HISTORY_CONFLICT',
            detail: `${b.period.code} : période ${b.period.validFrom} chevauche celle de la ligne ${a.line} avec une autre cotation`,
          });
        }
      }
    }
  }
  return issues;
}
