/**
 * What a report (compte rendu) says, decided before any layout: plain data, already formatted for
 * a French reader. Built only from biologically validated result versions (CSP L6211-2: the
 * biologist validates before results are communicated). Contents required by ISO 15189 §7.4.1.6
 * (ex-§5.8.3, france-domain.md): the lab, the patient's unique identification, the prescriber,
 * collection and reception times, results with units and reference intervals, comments, who
 * validated and when, and amendments identified as such (§7.4.1.8).
 */

export type ReportKind = 'partial' | 'complete' | 'amended';
export type ResultFlag = 'L' | 'H' | 'LL' | 'HH' | 'A' | 'AA';

export interface ReportLab {
  name: string;
  address: string | null;
  finess: string | null;
  siteName: string | null;
  siteAddress: string | null;
  siteFiness: string | null;
  /** Biologists of the lab (active users with the biologiste role). */
  biologists: string[];
}

/** Identity traits printed on a report (CSP R6211-22, RNIV): INS only for a qualified identity. */
export interface ReportPatient {
  patientNumber: string;
  birthName: string;
  usedName: string | null;
  birthFirstNames: string;
  firstFirstName: string;
  /** `YYYY-MM-DD` */
  birthDate: string;
  sex: 'F' | 'M' | 'I';
  ins: { number: string; oid: string } | null;
}

export interface ReportPrescriber {
  name: string;
  rpps: string | null;
  specialty: string | null;
  address: string | null;
}

export interface ReportOrder {
  orderNumber: string;
  /** `YYYY-MM-DD` */
  prescriptionDate: string | null;
  collectedAt: string | null;
  receivedAt: string | null;
}

export interface ReportPreviousResult {
  value: string;
  unit: string;
  date: string;
}

export interface ReportResultLine {
  label: string;
  value: string;
  unit: string;
  flag: ResultFlag | null;
  critical: boolean;
  interval: string;
  previous: ReportPreviousResult | null;
  comment: string | null;
  /** True when this version replaces a value printed on an earlier version of the report. */
  amended: boolean;
}

export interface ReportAnalysisBlock {
  label: string;
  /** Single-analyte analyses print the analyte line alone (no block title). */
  showTitle: boolean;
  results: ReportResultLine[];
}

export interface ReportChapter {
  title: string;
  analyses: ReportAnalysisBlock[];
}

export interface ReportValidation {
  biologist: string;
  validatedAt: string;
}

export interface ReportStatus {
  kind: ReportKind;
  version: number;
  complete: boolean;
  amendmentReason: string | null;
  /** Analyses still awaiting validation (partial report). */
  pendingAnalyses: string[];
}

export interface ReportContent {
  reportId: string;
  issuedAt: string;
  lab: ReportLab;
  patient: ReportPatient;
  prescriber: ReportPrescriber | null;
  order: ReportOrder;
  chapters: ReportChapter[];
  validations: ReportValidation[];
  status: ReportStatus;
}
