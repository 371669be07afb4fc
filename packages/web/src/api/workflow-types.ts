/**
 * Types of the HTTP API contract of the core workflow (issue 3): catalogue look-ups, prescribers,
 * orders, specimens, results, validation, reports, dashboards, and the desk quote (issue 5).
 * Copied from the server's zod schemas (modules/*\/*.schemas.ts): keep them in step.
 */
import type { OrderStatus, ResultFlag, ResultStatus, SpecimenStatus } from '@sillage/core';
import type { IdentityStatus, Sex } from './types.js';

export const urgencies = ['routine', 'urgent', 'vital'] as const;
export type Urgency = (typeof urgencies)[number];

export const fastingAnswers = ['yes', 'no', 'unknown'] as const;
export type FastingAnswer = (typeof fastingAnswers)[number];

export { orderStatuses, resultStatuses, specimenStatuses } from '@sillage/core';
export type { OrderStatus, ResultFlag, ResultStatus, SpecimenStatus } from '@sillage/core';
export type ResultType = 'numeric' | 'coded' | 'text';

export const transportTemperatures = ['ambiante', 'refrigeree'] as const;
export type TransportTemperature = (typeof transportTemperatures)[number];
export const receptionTemperatures = ['ambiante', 'refrigeree', 'congelee'] as const;
export type ReceptionTemperature = (typeof receptionTemperatures)[number];

// ── Catalogue and prescribers ─────────────────────────────────────────────

export interface AnalysisSummary {
  code: string;
  mnemonic: string;
  label: string;
  chapter: string;
  section: string;
  containerCode: string;
  nabmCodes: string[];
  fastingRequired: boolean;
  timeWindowStart: string | null;
  timeWindowEnd: string | null;
  orderable: boolean;
  version: number;
}

export interface Prescriber {
  id: string;
  kind: 'prescriber' | 'correspondent';
  rpps: string | null;
  lastName: string;
  firstName: string | null;
  specialty: string | null;
  organisation: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  deliveryChannels: string[];
  active: boolean;
  createdAt: string;
  version: number;
}

// ── Orders ────────────────────────────────────────────────────────────────

export interface PlannedTransport {
  hours: number;
  temperature: TransportTemperature;
}

export interface OrderCreateInput {
  patientId: string;
  prescriberId: string | null;
  prescriptionDate: string | null;
  analyses: string[];
  urgency: Urgency;
  clinicalInfo: string | null;
  patientFasting: FastingAnswer;
  plannedSamplingAt: string | null;
  plannedTransport: PlannedTransport | null;
  acknowledgeWarnings: boolean;
}

export interface FeasibilityWarning {
  code: string;
  severity: 'warning' | 'blocking';
  analysisCode: string;
  message: string;
}

export interface OrderPatient {
  id: string;
  patientNumber: string;
  birthName: string;
  usedName: string | null;
  firstFirstName: string;
  birthDate: string;
  sex: Sex;
  identityStatus: IdentityStatus;
}

export interface ResultCounts {
  total: number;
  pending: number;
  entered: number;
  technicallyValidated: number;
  biologicallyValidated: number;
  released: number;
  rejectedByBiologist: number;
  cancelled: number;
}

export interface OrderAnalysis {
  orderAnalysisId: string;
  analysisId: string;
  code: string;
  version: number;
  mnemonic: string;
  label: string;
  section: string;
  cancelled: boolean;
  barcodes: string[];
  results: ResultCounts;
}

export interface OrderSpecimen {
  id: string;
  barcode: string;
  tubeIndex: number;
  containerCode: string;
  containerLabel: string;
  colour: string;
  colourHex: string;
  specimenType: string;
  drawOrder: number;
  volumeMl: number;
  status: SpecimenStatus;
  collectedAt: string | null;
  collectedBy: string | null;
  receivedAt: string | null;
  receivedBy: string | null;
  rejectionReason: string | null;
  analyses: string[];
}

export interface PrescriptionDocument {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string | null;
  uploadedAt: string;
}

export interface OrderView {
  id: string;
  orderNumber: string;
  status: OrderStatus;
  urgency: Urgency;
  prescriptionDate: string | null;
  clinicalInfo: string | null;
  patientFasting: FastingAnswer;
  plannedSamplingAt: string | null;
  createdAt: string;
  createdBy: string | null;
  version: number;
  patient: OrderPatient;
  prescriber: {
    id: string;
    rpps: string | null;
    lastName: string;
    firstName: string | null;
    specialty: string | null;
  } | null;
  analyses: OrderAnalysis[];
  specimens: OrderSpecimen[];
  results: ResultCounts;
  prescriptions: PrescriptionDocument[];
  openNonConformities: number;
}

export interface OrderWithWarnings extends OrderView {
  warnings: FeasibilityWarning[];
}

export interface OrderSummary {
  id: string;
  orderNumber: string;
  status: OrderStatus;
  urgency: Urgency;
  createdAt: string;
  patient: OrderPatient;
  prescriberName: string | null;
  analyses: string[];
  specimens: { total: number; collected: number; received: number; rejected: number };
  openNonConformities: number;
}

export interface OrderListQuery {
  date?: string;
  status?: OrderStatus;
  patientId?: string;
}

// ── Specimens: sampling, reception, non-conformities ──────────────────────

export interface CollectedTube {
  barcode: string;
  orderNumber: string;
  status: SpecimenStatus;
  collectedAt: string;
  collectedBy: string | null;
}

export type StabilityVerdict = 'ok' | 'exceeded' | 'not_documented';

export interface SpecimenContext {
  specimen: {
    id: string;
    barcode: string;
    status: SpecimenStatus;
    containerCode: string;
    containerLabel: string;
    colour: string;
    colourHex: string;
    specimenType: string;
    volumeMl: number;
    collectedAt: string | null;
    collectedBy: string | null;
    receivedAt: string | null;
    receivedBy: string | null;
    conformity: Record<string, unknown> | null;
    rejectionReason: string | null;
    rejectionComment: string | null;
  };
  order: { id: string; orderNumber: string; urgency: string; createdAt: string };
  patient: OrderPatient;
  analyses: {
    code: string;
    mnemonic: string;
    label: string;
    stabilityHoursRoom: number | null;
    stabilityHoursCold: number | null;
    stabilityRoom: StabilityVerdict;
    stabilityCold: StabilityVerdict;
  }[];
  delay: { hoursSinceCollection: number | null; exceededAtRoomTemperature: boolean; exceededRefrigerated: boolean };
  canReceive: boolean;
  rejectionReasons: { code: string; label: string }[];
}

interface ChecklistAnswers {
  identityMatches: boolean;
  containerOk: boolean;
  fillingOk: boolean;
  temperature: ReceptionTemperature;
  haemolysis: number;
  lipaemia: number;
  icterus: number;
}

/** For a tube first seen at reception (drawn outside): the transmission form's data. */
interface ExternalCollection {
  collectedAt?: string;
  collectorName?: string;
}

export type ReceptionInput =
  | ({ accept: true; comment?: string } & ChecklistAnswers & ExternalCollection)
  | ({ accept: false; reasonCode: string; comment?: string } & Partial<ChecklistAnswers> & ExternalCollection);

export interface ReceptionResult {
  barcode: string;
  status: SpecimenStatus;
  orderId: string;
  orderNumber: string;
  conformity: Record<string, unknown>;
  nonConformityId: string | null;
  cancelledResults: number;
  movedResults: number;
}

export type NonConformityStatus = 'open' | 'in_progress' | 'closed';

export interface NonConformity {
  id: string;
  kind: string;
  reasonCode: string;
  reasonLabel: string;
  description: string | null;
  recallPatient: boolean;
  status: NonConformityStatus;
  resolution: string | null;
  createdAt: string;
  createdBy: string | null;
  order: { id: string; orderNumber: string } | null;
  specimen: { barcode: string; containerLabel: string } | null;
  patient: (OrderPatient & { phone: string | null }) | null;
}

// ── Results ───────────────────────────────────────────────────────────────

export interface IntervalView {
  low: number | null;
  high: number | null;
  text: string | null;
  /** As printed: `3,90 – 5,80`, `≤ 5,0`. */
  display: string;
  sex: 'F' | 'M' | null;
  ageMinDays: number;
  ageMaxDays: number | null;
  source: string;
}

export interface DeltaView {
  previousValue: number;
  previousAt: string;
  delta: number;
  deltaPercent: number | null;
  exceeded: boolean;
  rule: { kind: 'absolute' | 'percent'; threshold: number; maxAgeDays: number };
}

export interface PreviousResult {
  resultId: string;
  orderId: string;
  version: number;
  /** French display (`12,5`, `<0,5`, coded label, text). */
  value: string;
  valueNumeric: number | null;
  unit: string | null;
  flag: ResultFlag | null;
  collectedAt: string | null;
}

export interface ResultValueView {
  id: string;
  orderId: string;
  specimenId: string | null;
  analyteCode: string;
  analyteLabel: string;
  resultType: ResultType;
  unit: string | null;
  decimals: number;
  calculated: boolean;
  status: ResultStatus;
  version: number;
  /** French display (decimal comma), as stored with the version. */
  value: string | null;
  valueNumeric: number | null;
  comparator: '<' | '<=' | '>' | '>=' | null;
  valueCode: string | null;
  flag: ResultFlag | null;
  critical: boolean;
  interval: IntervalView | null;
  delta: DeltaView | null;
  comment: string | null;
  commentCodes: string[];
  enteredAt: string | null;
}

export interface ResultEntryInput {
  value: string;
  comment?: string | null;
  /** Codes from the lab's coded comments (`GET /api/results/comment-codes`); none when absent. */
  commentCodes?: string[];
  expectedVersion: number;
  reason?: string;
}

export interface EntryAnswer {
  result: ResultValueView & { previous: PreviousResult | null };
  recalculated: ResultValueView[];
}

export interface WorklistItem {
  resultId: string;
  analyteCode: string;
  analyteLabel: string;
  analysisCode: string;
  resultType: ResultType;
  unit: string | null;
  decimals: number;
  codedValues: { code: string; label: string }[] | null;
  calculated: boolean;
  status: ResultStatus;
  version: number;
  value: string | null;
  flag: ResultFlag | null;
  critical: boolean;
  comment: string | null;
  commentCodes: string[];
  interval: IntervalView | null;
}

/** One entry of the lab's list of coded result comments (HEMOLYSE, CONTROLE_FAIT…). */
export interface CommentCode {
  code: string;
  label: string;
}

export interface ResultPatient {
  id: string;
  patientNumber: string;
  birthName: string;
  usedName: string | null;
  firstFirstName: string;
  birthDate: string;
  sex: Sex;
}

export interface WorklistSpecimen {
  specimenId: string;
  barcode: string;
  containerCode: string;
  orderId: string;
  orderNumber: string;
  urgency: Urgency;
  collectedAt: string | null;
  receivedAt: string | null;
  patient: ResultPatient & { ageDaysAtCollection: number | null };
  results: WorklistItem[];
}

export interface Worklist {
  section: string | null;
  specimens: WorklistSpecimen[];
}

export interface TechnicalValidationAnswer {
  validated: { resultId: string; version: number; analyteCode: string; critical: boolean }[];
  criticalAwaitingCall: string[];
}

export interface CriticalNotificationInput {
  calledPerson: string;
  calledAt: string;
  comment?: string | null;
}

export interface CriticalNotification {
  id: string;
  resultId: string;
  resultVersion: number;
  calledPerson: string;
  calledAt: string;
  calledBy: { id: string; name: string };
  comment: string | null;
  recordedAt: string;
}

export interface QueueItem {
  orderId: string;
  orderNumber: string;
  urgency: Urgency;
  patient: ResultPatient;
  readyCount: number;
  totalCount: number;
  validatedCount: number;
  criticalCount: number;
  criticalAwaitingCall: number;
  waitingSince: string;
}

export interface ReviewResult extends ResultValueView {
  analysisCode: string;
  analysisLabel: string;
  chapter: string;
  collectedAt: string | null;
  enteredBy: string | null;
  technicalValidation: { by: string; at: string } | null;
  biologicalValidation: { by: string; at: string } | null;
  amendmentReason: string | null;
  criticalNotifications: CriticalNotification[];
  previous: PreviousResult[];
}

export interface OrderReview {
  orderId: string;
  orderNumber: string;
  urgency: Urgency;
  clinicalInfo: string | null;
  patient: ResultPatient;
  results: ReviewResult[];
}

export interface BiologicalValidationAnswer {
  validated: { resultId: string; version: number; analyteCode: string }[];
  remaining: number;
  reportKind: 'partial' | 'complete';
}

export interface ResultStatusAnswer {
  resultId: string;
  status: ResultStatus;
  version: number;
}

export interface AmendmentInput {
  value: string;
  reason: string;
  comment?: string | null;
  commentCodes?: string[];
  expectedVersion?: number;
}

export interface AmendmentAnswer {
  result: ResultValueView;
  previousVersion: number;
  recalculated: ResultValueView[];
}

export interface BenchDashboard {
  sections: {
    section: string;
    awaitingEntry: number;
    awaitingTechnicalValidation: number;
    urgent: number;
    specimens: number;
    oldestReceivedAt: string | null;
  }[];
  urgentSpecimens: {
    specimenId: string;
    barcode: string;
    orderNumber: string;
    urgency: Urgency;
    sections: string[];
    openResults: number;
    receivedAt: string | null;
  }[];
}

export interface CriticalAwaitingCall {
  resultId: string;
  orderId: string;
  orderNumber: string;
  urgency: Urgency;
  patient: ResultPatient;
  analyteCode: string;
  analyteLabel: string;
  value: string | null;
  unit: string | null;
  flag: ResultFlag | null;
  status: ResultStatus;
  enteredAt: string | null;
}

export interface BiologistDashboard {
  queueOrders: number;
  queueResults: number;
  urgentOrders: number;
  criticalAwaitingCall: CriticalAwaitingCall[];
}

// ── Reports ───────────────────────────────────────────────────────────────

export const reportKinds = ['partial', 'complete', 'amended'] as const;
export type ReportKind = (typeof reportKinds)[number];

export const deliveryChannels = ['desk', 'mail', 'prescriber', 'portal', 'mssante', 'fax'] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];

export interface Report {
  id: string;
  orderId: string;
  version: number;
  kind: ReportKind;
  /** False when a later version replaces this one (it stays readable). */
  current: boolean;
  sha256: string;
  sizeBytes: number;
  resultCount: number;
  amendmentReason: string | null;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
}

export interface DeliveryInput {
  channel: DeliveryChannel;
  recipient: string;
  identityChecked: boolean;
  comment?: string;
}

export interface Delivery {
  id: string;
  reportId: string;
  channel: DeliveryChannel;
  recipient: string | null;
  identityChecked: boolean;
  deliveredAt: string;
  deliveredBy: { id: string; name: string } | null;
  comment: string | null;
}

// ── Billing quote (issue 5 item 8): the shapes are core's (billing/quote-schemas.ts) ────

export type { QuoteLine, QuoteRequest, QuoteResponse } from '@sillage/core';
