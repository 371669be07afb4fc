/**
 * API contract of the instrument screens: link profiles, code mappings, the message log (inbound
 * and outbound), the error queue with replay, the orphan list with assignment, QC runs. Bodies are
 * strict objects: an unknown field is refused.
 */
import { z } from 'zod';
import { parseSpecimenIdLocation, specimenIdLocationHelp } from './specimen-id-location.js';

export const instrumentKinds = ['analyzer', 'order_placer'] as const;
export const instrumentProtocols = ['astm', 'hl7'] as const;
export const linkRoles = ['server', 'client'] as const;
export const linkDirections = ['uni', 'bi'] as const;
export const linkCharsets = ['iso-8859-1', 'windows-1252', 'utf-8'] as const;
export const inboundStatuses = ['received', 'processed', 'error', 'orphan'] as const;
export const outboundStatuses = ['pending', 'sent', 'acknowledged', 'rejected', 'failed'] as const;

export type InstrumentKind = (typeof instrumentKinds)[number];
export type InstrumentProtocol = (typeof instrumentProtocols)[number];
export type LinkRole = (typeof linkRoles)[number];
export type LinkDirection = (typeof linkDirections)[number];
export type LinkCharset = (typeof linkCharsets)[number];
/** `O.3`, `O.4.3`, `SPM-2.1`, `OBR-3.1`… (specimen-id-location.ts). */
export type SpecimenIdLocation = string;
export type InboundStatus = (typeof inboundStatuses)[number];
export type OutboundStatus = (typeof outboundStatuses)[number];

const instrumentCode = z.string().regex(/^[A-Z0-9_-]{1,32}$/, 'majuscules, chiffres, _ et - (32 au plus)');
const host = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9.:_-]+$/, 'adresse IP ou nom d’hôte');

const specimenIdLocation = z
  .string()
  .trim()
  .max(16)
  .refine((text) => parseSpecimenIdLocation(text) !== null, { message: specimenIdLocationHelp });

const profileFields = {
  name: z.string().trim().min(1).max(100),
  kind: z.enum(instrumentKinds),
  protocol: z.enum(instrumentProtocols),
  role: z.enum(linkRoles),
  host,
  port: z.number().int().min(0).max(65535),
  direction: z.enum(linkDirections),
  charset: z.enum(linkCharsets),
  specimenIdLocation,
  /** JavaScript regular expression on the specimen id; a named group `lot` gives the control lot. */
  qcSpecimenPattern: z.string().min(1).max(200).nullable(),
  qcSpecimenRole: z.boolean(),
  reagentLotComponent: z.number().int().min(1).max(30).nullable(),
  enabled: z.boolean(),
};

export const instrumentCreateSchema = z.strictObject({
  code: instrumentCode,
  ...profileFields,
  kind: profileFields.kind.default('analyzer'),
  direction: profileFields.direction.default('uni'),
  charset: profileFields.charset.default('iso-8859-1'),
  /** Default: O.3 for ASTM, SPM-2.1 for HL7. */
  specimenIdLocation: profileFields.specimenIdLocation.optional(),
  qcSpecimenPattern: profileFields.qcSpecimenPattern.default(null),
  qcSpecimenRole: profileFields.qcSpecimenRole.default(true),
  reagentLotComponent: profileFields.reagentLotComponent.default(null),
  enabled: profileFields.enabled.default(true),
});
export type InstrumentCreateInput = z.infer<typeof instrumentCreateSchema>;

export const instrumentUpdateSchema = z.strictObject({
  name: profileFields.name.optional(),
  role: profileFields.role.optional(),
  host: profileFields.host.optional(),
  port: profileFields.port.optional(),
  direction: profileFields.direction.optional(),
  charset: profileFields.charset.optional(),
  specimenIdLocation: profileFields.specimenIdLocation.optional(),
  qcSpecimenPattern: profileFields.qcSpecimenPattern.optional(),
  qcSpecimenRole: profileFields.qcSpecimenRole.optional(),
  reagentLotComponent: profileFields.reagentLotComponent.optional(),
  enabled: profileFields.enabled.optional(),
  /** The version the editor started from (optimistic concurrency). */
  version: z.number().int().positive(),
});
export type InstrumentUpdateInput = z.infer<typeof instrumentUpdateSchema>;

export const idParamsSchema = z.strictObject({ id: z.uuid() });
export const messageIdParamsSchema = z.strictObject({ id: z.coerce.number().int().positive() });
export const mappingParamsSchema = z.strictObject({ id: z.uuid(), mappingId: z.uuid() });

const mappingFields = {
  instrumentCode: z.string().trim().min(1).max(50),
  analyteCode: z.string().regex(/^[A-Z0-9_]{1,32}$/),
  /** Instrument value × factor = value in the analyte's unit. */
  factor: z.number().positive().finite().max(1e9),
  sendToInstrument: z.boolean(),
};

export const mappingCreateSchema = z.strictObject({
  ...mappingFields,
  factor: mappingFields.factor.default(1),
  sendToInstrument: mappingFields.sendToInstrument.default(true),
});
export type MappingCreateInput = z.infer<typeof mappingCreateSchema>;

export const mappingUpdateSchema = z.strictObject({
  instrumentCode: mappingFields.instrumentCode.optional(),
  analyteCode: mappingFields.analyteCode.optional(),
  factor: mappingFields.factor.optional(),
  sendToInstrument: mappingFields.sendToInstrument.optional(),
});
export type MappingUpdateInput = z.infer<typeof mappingUpdateSchema>;

export const linkErrorSchema = z.object({ code: z.string(), detail: z.string(), at: z.string() });

export const linkStatusSchema = z.object({
  /** stopped: disabled or not started; listening: waiting for the instrument; connecting: client retrying. */
  state: z.enum(['stopped', 'listening', 'connecting', 'connected', 'error']),
  connections: z.number().int(),
  port: z.number().int().nullable(),
  lastConnectedAt: z.string().nullable(),
  lastMessageAt: z.string().nullable(),
  messagesReceived: z.number().int(),
  messagesSent: z.number().int(),
  errorCount: z.number().int(),
  lastError: linkErrorSchema.nullable(),
  recentErrors: z.array(linkErrorSchema),
  /** Where the status comes from: this process's link manager, or the separate connect process. */
  source: z.enum(['in-process', 'connect-process', 'none']),
});
export type LinkStatusView = z.infer<typeof linkStatusSchema>;

export const mappingSchema = z.object({
  id: z.uuid(),
  instrumentCode: z.string(),
  analyteCode: z.string(),
  analyteLabel: z.string().nullable(),
  factor: z.number(),
  sendToInstrument: z.boolean(),
});
export type MappingView = z.infer<typeof mappingSchema>;

export const instrumentSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(instrumentKinds),
  protocol: z.enum(instrumentProtocols),
  role: z.enum(linkRoles),
  host: z.string(),
  port: z.number().int(),
  direction: z.enum(linkDirections),
  charset: z.enum(linkCharsets),
  specimenIdLocation: z.string(),
  qcSpecimenPattern: z.string().nullable(),
  qcSpecimenRole: z.boolean(),
  reagentLotComponent: z.number().int().nullable(),
  enabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: linkStatusSchema,
});
export type InstrumentView = z.infer<typeof instrumentSchema>;

export const instrumentDetailSchema = instrumentSchema.extend({ mappings: z.array(mappingSchema) });

export const messageListQuerySchema = z.strictObject({
  instrumentId: z.uuid().optional(),
  status: z.enum(inboundStatuses).optional(),
  /** Messages with an id below this one (paging backwards in time). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type MessageListQuery = z.infer<typeof messageListQuerySchema>;

export const outboundListQuerySchema = z.strictObject({
  instrumentId: z.uuid().optional(),
  status: z.enum(outboundStatuses).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type OutboundListQuery = z.infer<typeof outboundListQuerySchema>;

export const inboundSummarySchema = z.object({
  id: z.number().int(),
  instrumentId: z.uuid(),
  instrumentCode: z.string(),
  receivedAt: z.string(),
  protocol: z.enum(instrumentProtocols),
  messageType: z.string().nullable(),
  controlId: z.string().nullable(),
  size: z.number().int(),
  sha256: z.string(),
  status: z.enum(inboundStatuses),
  errorCode: z.string().nullable(),
  errorDetail: z.string().nullable(),
  attempts: z.number().int(),
  processedAt: z.string().nullable(),
  specimenIds: z.array(z.string()),
});
export type InboundSummary = z.infer<typeof inboundSummarySchema>;

export const inboundDetailSchema = inboundSummarySchema.extend({
  remoteAddress: z.string().nullable(),
  /** The bytes with control characters shown as <STX>, <CR>… (line break after each CR/LF). */
  rawView: z.string(),
  /** The text decoded with the profile's character set (MSH-18 for HL7). */
  text: z.string(),
  specimenAssignments: z.record(z.string(), z.string()),
  outcome: z.unknown(),
  replies: z.array(z.object({ id: z.number().int(), messageType: z.string().nullable(), status: z.string() })),
});
export type InboundDetail = z.infer<typeof inboundDetailSchema>;

export const outboundSummarySchema = z.object({
  id: z.number().int(),
  instrumentId: z.uuid(),
  instrumentCode: z.string(),
  createdAt: z.string(),
  protocol: z.enum(instrumentProtocols),
  kind: z.enum(['ack', 'query_answer', 'work_order', 'order_answer']),
  messageType: z.string().nullable(),
  controlId: z.string().nullable(),
  status: z.enum(outboundStatuses),
  inboundMessageId: z.number().int().nullable(),
  specimenId: z.string().nullable(),
  sentAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  errorDetail: z.string().nullable(),
  rawView: z.string(),
});
export type OutboundSummary = z.infer<typeof outboundSummarySchema>;

export const assignSchema = z.strictObject({
  /** The unknown specimen id as the message carries it. */
  messageSpecimenId: z.string().trim().min(1).max(64),
  /** The tube it really is. */
  barcode: z.string().trim().min(1).max(32),
  reason: z.string().trim().min(3).max(500),
});
export type AssignInput = z.infer<typeof assignSchema>;

export const replaySchema = z.strictObject({ reason: z.string().trim().max(500).optional() });

export const processingOutcomeSchema = z.object({
  id: z.number().int(),
  status: z.enum(inboundStatuses),
  errorCode: z.string().nullable(),
  errorDetail: z.string().nullable(),
  outcome: z.unknown(),
});

export const qcRunQuerySchema = z.strictObject({
  instrumentId: z.uuid().optional(),
  analyteCode: z.string().max(32).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const qcRunSchema = z.object({
  id: z.uuid(),
  instrumentId: z.uuid(),
  inboundMessageId: z.number().int(),
  material: z.string(),
  lot: z.string().nullable(),
  instrumentCode: z.string(),
  analyteCode: z.string().nullable(),
  valueNumeric: z.number().nullable(),
  valueText: z.string().nullable(),
  unit: z.string().nullable(),
  flags: z.array(z.string()),
  runAt: z.string().nullable(),
  recordedAt: z.string(),
});
export type QcRunView = z.infer<typeof qcRunSchema>;
