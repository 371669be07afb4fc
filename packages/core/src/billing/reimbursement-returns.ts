/**
 * Reimbursement returns (retours NOEMIE, RSP « Rejet Signalement Paiement »: france-domain.md
 * §1.5) in the documented exchange form Sillage imports — the lab's certified SESAM-Vitale
 * software reads the NOEMIE files and exports one line per invoice and payer:
 *
 *   invoiceNumber;paidCents;rejectionCode;rejectionReason;paymentDate;payer
 *   F2026-000123;870;;;2026-03-10;AMO
 *   F2026-000124;0;R12;Droits AMO fermés;2026-03-10;AMO
 *
 * or the same records as JSON (an array, or `{ "lines": [...] }`). The format is described field by
 * field in packages/server/src/modules/billing/RETURNS-FORMAT.md. Parsing never throws on bad
 * input: it returns every problem with its line number, so the import can refuse the whole file
 * with the complete list (issue 5: "a clear error per line, nothing half-imported").
 */
import { isIsoDate, type IsoDate } from './iso-date.js';
import { parseInvoiceNumber } from './invoice-number.js';
import { splitLines, splitSemicolonLine } from './semicolon-csv.js';

export const returnPayers = ['AMO', 'AMC'] as const;
export type ReturnPayer = (typeof returnPayers)[number];

export const returnsCsvHeader = 'invoiceNumber;paidCents;rejectionCode;rejectionReason;paymentDate;payer';

const FIELDS = ['invoiceNumber', 'paidCents', 'rejectionCode', 'rejectionReason', 'paymentDate', 'payer'] as const;
const MAX_LINES = 50_000;
const REJECTION_CODE = /^[A-Za-z0-9_-]{1,16}$/;
const CENTS = /^\d{1,10}$/;

export interface ReturnLine {
  /** 1-based: the line of the CSV file (header = line 1), or the position in the JSON array. */
  readonly line: number;
  readonly invoiceNumber: string;
  readonly paidCents: number;
  /** `null` for a payment without rejection. */
  readonly rejectionCode: string | null;
  readonly rejectionReason: string | null;
  readonly paymentDate: IsoDate;
  readonly payer: ReturnPayer;
}

export interface ReturnLineError {
  readonly line: number;
  readonly field: string | null;
  /** French, for the desk. */
  readonly message: string;
}

export type ReturnsParseOutcome =
  | { readonly ok: true; readonly lines: readonly ReturnLine[] }
  | { readonly ok: false; readonly errors: readonly ReturnLineError[] };

interface RawFields {
  readonly invoiceNumber: unknown;
  readonly paidCents: unknown;
  readonly rejectionCode: unknown;
  readonly rejectionReason: unknown;
  readonly paymentDate: unknown;
  readonly payer: unknown;
}

function blankToNull(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? null : value;
}

/** One record's checks, shared by both forms (CSV gives strings, JSON numbers or strings). */
function checkRecord(line: number, raw: RawFields, errors: ReturnLineError[]): ReturnLine | null {
  const before = errors.length;
  const fail = (field: string, message: string) => errors.push({ line, field, message });

  const invoiceText = typeof raw.invoiceNumber === 'string' ? raw.invoiceNumber.trim() : '';
  const invoice = parseInvoiceNumber(invoiceText);
  if (invoice === null || invoice.kind !== 'invoice') {
    fail('invoiceNumber', `numéro de facture invalide « ${String(raw.invoiceNumber ?? '')} » (attendu F2026-000123)`);
  }

  let paidCents = Number.NaN;
  if (typeof raw.paidCents === 'number' && Number.isSafeInteger(raw.paidCents) && raw.paidCents >= 0) {
    paidCents = raw.paidCents;
  } else if (typeof raw.paidCents === 'string' && CENTS.test(raw.paidCents.trim())) {
    paidCents = Number(raw.paidCents.trim());
  } else {
    fail('paidCents', `montant payé invalide « ${String(raw.paidCents ?? '')} » (entier en centimes ≥ 0 attendu)`);
  }

  const codeValue = blankToNull(raw.rejectionCode);
  let rejectionCode: string | null = null;
  if (codeValue !== null && codeValue !== undefined) {
    if (typeof codeValue === 'string' && REJECTION_CODE.test(codeValue.trim())) {
      rejectionCode = codeValue.trim();
    } else {
      fail('rejectionCode', `code de rejet invalide « ${String(codeValue)} » (1 à 16 lettres ou chiffres)`);
    }
  }
  const reasonValue = blankToNull(raw.rejectionReason);
  let rejectionReason: string | null = null;
  if (reasonValue !== null && reasonValue !== undefined) {
    if (typeof reasonValue === 'string' && reasonValue.trim().length <= 500) {
      rejectionReason = reasonValue.trim();
    } else {
      fail('rejectionReason', 'motif de rejet invalide (texte de 500 caractères au plus)');
    }
  }
  if (rejectionReason !== null && rejectionCode === null && errors.length === before) {
    fail('rejectionCode', 'motif de rejet sans code de rejet');
  }
  if (rejectionCode === null && errors.length === before && paidCents === 0) {
    fail('paidCents', 'ni paiement ni rejet : montant nul sans code de rejet');
  }

  const dateText = typeof raw.paymentDate === 'string' ? raw.paymentDate.trim() : '';
  if (!isIsoDate(dateText)) {
    fail('paymentDate', `date invalide « ${String(raw.paymentDate ?? '')} » (AAAA-MM-JJ attendu)`);
  }

  const payerText = typeof raw.payer === 'string' ? raw.payer.trim().toUpperCase() : '';
  if (!(returnPayers as readonly string[]).includes(payerText)) {
    fail('payer', `payeur invalide « ${String(raw.payer ?? '')} » (AMO ou AMC)`);
  }

  if (errors.length > before) {
    return null;
  }
  return {
    line,
    invoiceNumber: invoiceText,
    paidCents,
    rejectionCode,
    rejectionReason,
    paymentDate: dateText,
    payer: payerText as ReturnPayer,
  };
}

/** One return per invoice and payer in a file: a second one is ambiguous (which is right?). */
function checkDuplicates(lines: readonly ReturnLine[], errors: ReturnLineError[]): void {
  const firstLine = new Map<string, number>();
  for (const record of lines) {
    const key = `${record.invoiceNumber}|${record.payer}`;
    const first = firstLine.get(key);
    if (first === undefined) {
      firstLine.set(key, record.line);
    } else {
      errors.push({
        line: record.line,
        field: 'invoiceNumber',
        message: `deuxième retour ${record.payer} pour la facture ${record.invoiceNumber} (déjà ligne ${first})`,
      });
    }
  }
}

function finish(lines: ReturnLine[], errors: ReturnLineError[]): ReturnsParseOutcome {
  checkDuplicates(lines, errors);
  if (errors.length === 0 && lines.length === 0) {
    errors.push({ line: 0, field: null, message: 'fichier sans aucune ligne de retour' });
  }
  return errors.length > 0 ? { ok: false, errors: [...errors].sort((a, b) => a.line - b.line) } : { ok: true, lines };
}

export function parseReturnsCsv(text: string): ReturnsParseOutcome {
  const rows = splitLines(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const errors: ReturnLineError[] = [];
  const header = rows[0]?.trim() ?? '';
  if (header !== returnsCsvHeader) {
    return {
      ok: false,
      errors: [
        { line: 1, field: null, message: `en-tête attendu « ${returnsCsvHeader} », lu « ${header.slice(0, 120)} »` },
      ],
    };
  }
  if (rows.length - 1 > MAX_LINES) {
    return {
      ok: false,
      errors: [{ line: 0, field: null, message: `plus de ${MAX_LINES} lignes : fichier à découper` }],
    };
  }
  const lines: ReturnLine[] = [];
  rows.forEach((row, index) => {
    const lineNumber = index + 1;
    if (index === 0 || row.trim() === '') {
      return;
    }
    const fields = splitSemicolonLine(row);
    if (fields === null || fields.length !== FIELDS.length) {
      errors.push({
        line: lineNumber,
        field: null,
        message:
          fields === null
            ? 'guillemets mal placés'
            : `${fields.length} champ(s) au lieu de ${FIELDS.length} séparés par « ; »`,
      });
      return;
    }
    const [invoiceNumber, paidCents, rejectionCode, rejectionReason, paymentDate, payer] = fields;
    const record = checkRecord(
      lineNumber,
      { invoiceNumber, paidCents, rejectionCode, rejectionReason, paymentDate, payer },
      errors
    );
    if (record !== null) {
      lines.push(record);
    }
  });
  return finish(lines, errors);
}

function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON form: an array of records, or `{ "lines": [...] }`. Unknown fields are refused. */
export function parseReturnsJson(value: unknown): ReturnsParseOutcome {
  const list = Array.isArray(value) ? value : isRecordObject(value) ? value.lines : undefined;
  if (!Array.isArray(list)) {
    return {
      ok: false,
      errors: [{ line: 0, field: null, message: 'tableau de retours attendu (ou { "lines": [...] })' }],
    };
  }
  if (list.length > MAX_LINES) {
    return {
      ok: false,
      errors: [{ line: 0, field: null, message: `plus de ${MAX_LINES} lignes : fichier à découper` }],
    };
  }
  const errors: ReturnLineError[] = [];
  const lines: ReturnLine[] = [];
  list.forEach((item: unknown, index) => {
    const lineNumber = index + 1;
    if (!isRecordObject(item)) {
      errors.push({ line: lineNumber, field: null, message: 'objet attendu' });
      return;
    }
    const unknown = Object.keys(item).filter((key) => !(FIELDS as readonly string[]).includes(key));
    if (unknown.length > 0) {
      errors.push({
        line: lineNumber,
        field: unknown[0] ?? null,
        message: `champ(s) inconnu(s) : ${unknown.join(', ')}`,
      });
      return;
    }
    const record = checkRecord(
      lineNumber,
      {
        invoiceNumber: item.invoiceNumber,
        paidCents: item.paidCents,
        rejectionCode: item.rejectionCode,
        rejectionReason: item.rejectionReason,
        paymentDate: item.paymentDate,
        payer: item.payer,
      },
      errors
    );
    if (record !== null) {
      lines.push(record);
    }
  });
  return finish(lines, errors);
}
