/**
 * Turns the rows read for an order into the report's content (pure; no I/O, no clock).
 */
import { INS_NIR_OID } from '@sillage/core';
import type {
  ReportChapter,
  ReportContent,
  ReportKind,
  ReportPatient,
  ReportPrescriber,
  ReportResultLine,
  ReportValidation,
  ResultFlag,
} from './report-content.js';
import {
  displayUnit,
  formatDecimal,
  formatParisDate,
  formatParisDateTime,
  formatQualifier,
  frozenIntervalText,
} from './report-format.js';
import type { LabRow, OrderHeaderRow, ValidatedResultRow } from './reports.repository.js';

export interface ReportIssue {
  reportId: string;
  issuedAt: Date;
  version: number;
  kind: ReportKind;
  complete: boolean;
  amendmentReason: string | null;
  pendingAnalyses: string[];
  changedResultIds: readonly string[];
}

interface CodedValue {
  code: string;
  label: string;
}

function codedValuesOf(json: unknown): CodedValue[] {
  if (!Array.isArray(json)) {
    return [];
  }
  return json.filter(
    (v): v is CodedValue =>
      typeof v === 'object' &&
      v !== null &&
      typeof (v as CodedValue).code === 'string' &&
      typeof (v as CodedValue).label === 'string'
  );
}

interface ValueFields {
  value_numeric: string | null;
  value_text: string | null;
  value_code: string | null;
  qualifier: string | null;
}

export function formatResultValue(fields: ValueFields, decimals: number, codedValues: unknown): string {
  if (fields.value_numeric !== null) {
    return `${formatQualifier(fields.qualifier)}${formatDecimal(fields.value_numeric, decimals)}`;
  }
  if (fields.value_code !== null) {
    return codedValuesOf(codedValues).find((v) => v.code === fields.value_code)?.label ?? fields.value_code;
  }
  return fields.value_text ?? '';
}

const reportableFlags = new Set<string>(['L', 'H', 'LL', 'HH', 'A', 'AA']);

function resultLine(row: ValidatedResultRow, amended: boolean): ReportResultLine {
  const unit = row.result_type === 'numeric' ? displayUnit(row.unit ?? row.unit_ucum) : '';
  const comments = [
    row.comment,
    // Coded comments print as their labels (a reader does not know the lab's codes).
    ...row.comment_labels,
    amended ? `Résultat modifié${row.amendment_reason === null ? '' : ` : ${row.amendment_reason}`}` : null,
  ].filter((c): c is string => c !== null && c.trim() !== '');
  return {
    label: row.analyte_label,
    value: formatResultValue(row, row.decimals, row.coded_values),
    unit,
    flag: row.flag !== null && reportableFlags.has(row.flag) ? (row.flag as ResultFlag) : null,
    critical: row.critical,
    interval: frozenIntervalText(row.reference, row.decimals),
    previous:
      row.previous_at === null
        ? null
        : {
            value: formatResultValue(
              {
                value_numeric: row.previous_value_numeric,
                value_text: row.previous_value_text,
                value_code: row.previous_value_code,
                qualifier: row.previous_qualifier,
              },
              row.decimals,
              row.coded_values
            ),
            unit: row.result_type === 'numeric' ? displayUnit(row.previous_unit ?? row.unit_ucum) : '',
            date: formatParisDate(row.previous_at),
          },
    comment: comments.length === 0 ? null : comments.join(' — '),
    amended,
  };
}

/** Chapters in the order of the requested analyses; analytes in the catalogue's report order. */
function chaptersOf(rows: readonly ValidatedResultRow[], changed: ReadonlySet<string>): ReportChapter[] {
  const chapters: ReportChapter[] = [];
  const blocks = new Map<string, { rows: ValidatedResultRow[]; chapter: ReportChapter }>();
  for (const row of rows) {
    let block = blocks.get(row.order_analysis_id);
    if (block === undefined) {
      let chapter = chapters.find((c) => c.title === row.analysis_chapter);
      if (chapter === undefined) {
        chapter = { title: row.analysis_chapter, analyses: [] };
        chapters.push(chapter);
      }
      block = { rows: [], chapter };
      blocks.set(row.order_analysis_id, block);
    }
    block.rows.push(row);
  }
  for (const { rows: blockRows, chapter } of blocks.values()) {
    const first = blockRows[0] as ValidatedResultRow;
    const rank = (code: string): number => {
      const index = first.analysis_analyte_codes.indexOf(code);
      return index === -1 ? Number.MAX_SAFE_INTEGER : index;
    };
    const sorted = [...blockRows].sort(
      (a, b) => rank(a.analyte_code) - rank(b.analyte_code) || a.analyte_code.localeCompare(b.analyte_code)
    );
    chapter.analyses.push({
      label: first.analysis_label,
      showTitle: first.analysis_analyte_codes.length > 1 || blockRows.length > 1,
      results: sorted.map((row) => resultLine(row, changed.has(row.result_id))),
    });
  }
  return chapters;
}

function validationsOf(rows: readonly ValidatedResultRow[]): ReportValidation[] {
  const latestByBiologist = new Map<string, Date>();
  for (const row of rows) {
    const known = latestByBiologist.get(row.validator_name);
    if (known === undefined || row.validated_at > known) {
      latestByBiologist.set(row.validator_name, row.validated_at);
    }
  }
  return [...latestByBiologist.entries()]
    .sort((a, b) => a[1].getTime() - b[1].getTime() || a[0].localeCompare(b[0]))
    .map(([biologist, at]) => ({ biologist, validatedAt: formatParisDateTime(at) }));
}

export function reportPatientOf(header: OrderHeaderRow): ReportPatient {
  return {
    patientNumber: header.patient_number,
    birthName: header.birth_name,
    usedName: header.used_name,
    birthFirstNames: header.birth_first_names,
    firstFirstName: header.first_first_name,
    birthDate: header.birth_date,
    sex: header.sex,
    // RNIV (EXI SI 08): only a qualified identity may carry the INS outward.
    ins:
      header.identity_status === 'QUAL' && header.ins_number !== null
        ? { number: header.ins_number, oid: header.ins_oid ?? INS_NIR_OID }
        : null,
  };
}

function prescriberOf(header: OrderHeaderRow): ReportPrescriber | null {
  if (header.prescriber_last_name === null) {
    return null;
  }
  const address = [header.prescriber_organisation, header.prescriber_address].filter((p) => p !== null).join(', ');
  return {
    name: [header.prescriber_first_name, header.prescriber_last_name].filter((p) => p !== null).join(' '),
    rpps: header.prescriber_rpps,
    specialty: header.prescriber_specialty,
    address: address === '' ? null : address,
  };
}

function earliest(dates: (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((min, d) => (d !== null && (min === null || d < min) ? d : min), null);
}

function latest(dates: (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((max, d) => (d !== null && (max === null || d > max) ? d : max), null);
}

export function buildReportContent(input: {
  lab: LabRow;
  biologists: string[];
  header: OrderHeaderRow;
  results: readonly ValidatedResultRow[];
  issue: ReportIssue;
}): ReportContent {
  const { lab, biologists, header, results, issue } = input;
  const collectedAt = earliest(results.map((r) => r.collected_at));
  const receivedAt = latest(results.map((r) => r.received_at));
  return {
    reportId: issue.reportId,
    issuedAt: issue.issuedAt.toISOString(),
    lab: {
      name: lab.name,
      address: lab.address,
      finess: lab.finess,
      siteName: header.site_name,
      siteAddress: header.site_address,
      siteFiness: header.site_finess,
      biologists,
    },
    patient: reportPatientOf(header),
    prescriber: prescriberOf(header),
    order: {
      orderNumber: header.order_number,
      prescriptionDate: header.prescription_date,
      collectedAt: collectedAt === null ? null : formatParisDateTime(collectedAt),
      receivedAt: receivedAt === null ? null : formatParisDateTime(receivedAt),
    },
    chapters: chaptersOf(results, new Set(issue.changedResultIds)),
    validations: validationsOf(results),
    status: {
      kind: issue.kind,
      version: issue.version,
      complete: issue.complete,
      amendmentReason: issue.amendmentReason,
      pendingAnalyses: issue.pendingAnalyses,
    },
  };
}
