/**
 * Types of the instrument screens' API (server: modules/instruments/instruments.schemas.ts).
 * Keep in step with the server's schemas; the server is the authority on validation.
 */

export const instrumentKinds = ['analyzer', 'order_placer'] as const;
export const instrumentProtocols = ['astm', 'hl7'] as const;
export const linkRoles = ['server', 'client'] as const;
export const linkDirections = ['uni', 'bi'] as const;
export const linkCharsets = ['iso-8859-1', 'windows-1252', 'utf-8'] as const;
export const inboundStatuses = ['received', 'processed', 'error', 'orphan'] as const;
export const linkStates = ['stopped', 'listening', 'connecting', 'connected', 'error'] as const;

export type InstrumentKind = (typeof instrumentKinds)[number];
export type InstrumentProtocol = (typeof instrumentProtocols)[number];
export type LinkRole = (typeof linkRoles)[number];
export type LinkDirection = (typeof linkDirections)[number];
export type LinkCharset = (typeof linkCharsets)[number];
/** `O.3`, `O.4.3`, `SPM-2.1`, `OBR-3.1`… any path the server accepts (instrument-specimen-id-location.ts). */
export type SpecimenIdLocation = string;
export type InboundStatus = (typeof inboundStatuses)[number];
export type LinkState = (typeof linkStates)[number];

export interface LinkError {
  code: string;
  detail: string;
  at: string;
}

export interface LinkStatus {
  state: LinkState;
  connections: number;
  port: number | null;
  lastConnectedAt: string | null;
  lastMessageAt: string | null;
  messagesReceived: number;
  messagesSent: number;
  errorCount: number;
  lastError: LinkError | null;
  recentErrors: LinkError[];
  source: 'in-process' | 'connect-process' | 'none';
}

export interface CodeMapping {
  id: string;
  instrumentCode: string;
  analyteCode: string;
  analyteLabel: string | null;
  factor: number;
  sendToInstrument: boolean;
}

export interface CodeMappingInput {
  instrumentCode: string;
  analyteCode: string;
  factor: number;
  sendToInstrument: boolean;
}

export interface Instrument {
  id: string;
  code: string;
  name: string;
  kind: InstrumentKind;
  protocol: InstrumentProtocol;
  role: LinkRole;
  host: string;
  port: number;
  direction: LinkDirection;
  charset: LinkCharset;
  specimenIdLocation: SpecimenIdLocation;
  qcSpecimenPattern: string | null;
  qcSpecimenRole: boolean;
  reagentLotComponent: number | null;
  enabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  status: LinkStatus;
}

export interface InstrumentDetail extends Instrument {
  mappings: CodeMapping[];
}

/** The fields an editor can change; create also sends code, kind and protocol. */
export interface InstrumentProfileInput {
  name: string;
  role: LinkRole;
  host: string;
  port: number;
  direction: LinkDirection;
  charset: LinkCharset;
  specimenIdLocation: SpecimenIdLocation;
  qcSpecimenPattern: string | null;
  enabled: boolean;
}

export interface InstrumentCreateInput extends InstrumentProfileInput {
  code: string;
  kind: InstrumentKind;
  protocol: InstrumentProtocol;
}

export interface InstrumentUpdateInput extends InstrumentProfileInput {
  version: number;
}

export interface InboundSummary {
  id: number;
  instrumentId: string;
  instrumentCode: string;
  receivedAt: string;
  protocol: InstrumentProtocol;
  messageType: string | null;
  controlId: string | null;
  size: number;
  sha256: string;
  status: InboundStatus;
  errorCode: string | null;
  errorDetail: string | null;
  attempts: number;
  processedAt: string | null;
  specimenIds: string[];
}

export interface InboundDetail extends InboundSummary {
  remoteAddress: string | null;
  /** The bytes with control characters shown as <STX>, <CR>… (line break after each CR/LF). */
  rawView: string;
  /** The text decoded with the profile's character set. */
  text: string;
  specimenAssignments: Record<string, string>;
  outcome: unknown;
  replies: { id: number; messageType: string | null; status: string }[];
}

export interface ProcessingOutcome {
  id: number;
  status: InboundStatus;
  errorCode: string | null;
  errorDetail: string | null;
  outcome: unknown;
}

export interface MessageFilters {
  instrumentId: string;
  status: InboundStatus | '';
}
