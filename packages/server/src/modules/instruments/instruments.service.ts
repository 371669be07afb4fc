/**
 * The instruments feature: link profiles and code mappings (audited changes), the live status of
 * each link, the message logs with their raw view, the error queue (replay) and the orphan list
 * (assign, then replay), QC runs; and the lifecycle of the links (started with the server unless a
 * separate connect process runs them).
 */
import { SillageError } from '@sillage/core';
import type { Database } from '../../db/database.js';
import { connectModeFromEnv, type ConnectOptions } from '../../connect/connect-options.js';
import { LinkManager } from '../../connect/link-manager.js';
import { stoppedStatus } from '../../connect/link-status.js';
import { writeAuditEvent, type AccessEventWriter, type AuditContext } from '../audit/audit-writer.js';
import { compileQcPattern } from './instrument-report.js';
import * as repo from './instruments.repository.js';
import { decodeMessageText, rawViewOf } from './message-raw-view.js';
import { parseSpecimenIdLocation } from './specimen-id-location.js';
import {
  type AssignInput,
  type InboundDetail,
  type InboundSummary,
  type InstrumentCreateInput,
  type InstrumentUpdateInput,
  type InstrumentView,
  type LinkStatusView,
  type MappingCreateInput,
  type MappingUpdateInput,
  type MappingView,
  type MessageListQuery,
  type OutboundListQuery,
  type OutboundSummary,
  type QcRunView,
} from './instruments.schemas.js';
import { MessageProcessor, type ProcessingResult } from './message-processor.js';
import * as messages from './messages.repository.js';

/** A status published by a connect process older than this is not shown as live. */
const publishedStatusFreshMs = 30_000;

function toMappingView(mapping: repo.TestMapping): MappingView {
  return {
    id: mapping.id,
    instrumentCode: mapping.instrumentCode,
    analyteCode: mapping.analyteCode,
    analyteLabel: mapping.analyteLabel,
    factor: mapping.factor,
    sendToInstrument: mapping.sendToInstrument,
  };
}

function profileAudit(profile: repo.InstrumentProfile): Omit<repo.InstrumentProfile, 'createdAt' | 'updatedAt'> {
  const { createdAt: _created, updatedAt: _updated, ...rest } = profile;
  return rest;
}

function summaryOf(row: messages.InboundSummaryRow): InboundSummary {
  return {
    id: row.id,
    instrumentId: row.instrument_id,
    instrumentCode: row.instrument_code,
    receivedAt: row.received_at.toISOString(),
    protocol: row.protocol,
    messageType: row.message_type,
    controlId: row.control_id,
    size: row.size,
    sha256: row.sha256,
    status: row.status,
    errorCode: row.error_code,
    errorDetail: row.error_detail,
    attempts: Number(row.attempts),
    processedAt: row.processed_at?.toISOString() ?? null,
    specimenIds: row.specimen_ids,
  };
}

function outboundOf(row: messages.OutboundRow): OutboundSummary {
  return {
    id: row.id,
    instrumentId: row.instrument_id,
    instrumentCode: row.instrument_code,
    createdAt: row.created_at.toISOString(),
    protocol: row.protocol,
    kind: row.kind,
    messageType: row.message_type,
    controlId: row.control_id,
    status: row.status,
    inboundMessageId: row.inbound_message_id,
    specimenId: row.specimen_id,
    sentAt: row.sent_at?.toISOString() ?? null,
    answeredAt: row.answered_at?.toISOString() ?? null,
    errorDetail: row.error_detail,
    rawView: rawViewOf(row.protocol, row.raw, row.instrument_charset),
  };
}

/** Checks what zod cannot: location per protocol, a compilable QC pattern, an order placer speaks HL7. */
function checkProfile(values: repo.ProfileValues): void {
  const issues: { path: string; message: string }[] = [];
  if (parseSpecimenIdLocation(values.specimenIdLocation)?.protocol !== values.protocol) {
    issues.push({
      path: 'specimenIdLocation',
      message: `${values.specimenIdLocation} n’existe pas en ${values.protocol}`,
    });
  }
  if (values.qcSpecimenPattern !== null && compileQcPattern(values.qcSpecimenPattern) === null) {
    issues.push({ path: 'qcSpecimenPattern', message: 'expression régulière invalide' });
  }
  if (values.kind === 'order_placer' && values.protocol !== 'hl7') {
    issues.push({ path: 'protocol', message: 'une demande externe arrive en HL7 (OML^O21)' });
  }
  if (values.role === 'client' && values.port === 0) {
    issues.push({ path: 'port', message: 'port de l’automate obligatoire en mode client' });
  }
  if (values.protocol === 'astm' && values.reagentLotComponent !== null && values.reagentLotComponent < 4) {
    issues.push({ path: 'reagentLotComponent', message: 'composant 4 ou plus (R.3 : ^^^code^…)' });
  }
  if (issues.length > 0) {
    throw new SillageError('SIL_INSTRUMENT_PROFILE_INVALID', { issues });
  }
}

export class InstrumentService {
  readonly processor: MessageProcessor;
  private links: LinkManager;

  constructor(
    private readonly database: Database,
    private readonly accessEvents: AccessEventWriter
  ) {
    this.processor = new MessageProcessor(database, accessEvents);
    this.links = new LinkManager(database, this.processor);
  }

  // ── link lifecycle ───────────────────────────────────────────────────────────

  get linkManager(): LinkManager {
    return this.links;
  }

  /**
   * Starts the links and the queue worker in this process (server start; tests pass short timers).
   * With `SILLAGE_CONNECT=external` the server leaves them to the connect process unless `force`.
   */
  async startLinks(options: ConnectOptions = {}, force = false): Promise<boolean> {
    if (!force && connectModeFromEnv() === 'external') {
      return false;
    }
    if (!this.links.running) {
      this.links = new LinkManager(this.database, this.processor, options);
      await this.links.start();
    }
    return true;
  }

  async stopLinks(): Promise<void> {
    await this.links.stop();
  }

  private async statuses(): Promise<Map<string, LinkStatusView>> {
    if (this.links.running) {
      return this.links.allStatuses();
    }
    const published = await messages.readLinkStatuses(this.database, publishedStatusFreshMs);
    return new Map(
      [...published].map(([id, entry]) => [
        id,
        { ...(entry.status as LinkStatusView), source: 'connect-process' as const },
      ])
    );
  }

  private viewOf(profile: repo.InstrumentProfile, status: LinkStatusView | undefined): InstrumentView {
    return {
      id: profile.id,
      code: profile.code,
      name: profile.name,
      kind: profile.kind,
      protocol: profile.protocol,
      role: profile.role,
      host: profile.host,
      port: profile.port,
      direction: profile.direction,
      charset: profile.charset,
      specimenIdLocation: profile.specimenIdLocation,
      qcSpecimenPattern: profile.qcSpecimenPattern,
      qcSpecimenRole: profile.qcSpecimenRole,
      reagentLotComponent: profile.reagentLotComponent,
      enabled: profile.enabled,
      version: profile.version,
      createdAt: profile.createdAt.toISOString(),
      updatedAt: profile.updatedAt.toISOString(),
      status: status ?? stoppedStatus(),
    };
  }

  // ── profiles ─────────────────────────────────────────────────────────────────

  async list(): Promise<InstrumentView[]> {
    const profiles = await repo.listInstruments(this.database);
    const statuses = await this.statuses();
    return profiles.map((profile) => this.viewOf(profile, statuses.get(profile.id)));
  }

  async read(id: string): Promise<InstrumentView & { mappings: MappingView[] }> {
    const profile = await repo.findInstrument(this.database, id);
    if (profile === undefined) {
      throw new SillageError('SIL_INSTRUMENT_NOT_FOUND');
    }
    const mappings = await repo.listMappings(this.database, id);
    const statuses = await this.statuses();
    return { ...this.viewOf(profile, statuses.get(id)), mappings: mappings.map(toMappingView) };
  }

  async create(input: InstrumentCreateInput, context: AuditContext): Promise<InstrumentView> {
    const values: repo.ProfileValues = {
      ...input,
      specimenIdLocation: input.specimenIdLocation ?? (input.protocol === 'astm' ? 'O.3' : 'SPM-2.1'),
    };
    checkProfile(values);
    const created = await this.database.transaction(async (tx) => {
      if ((await repo.findInstrumentByCode(tx, values.code)) !== undefined) {
        throw new SillageError('SIL_INSTRUMENT_CODE_TAKEN', { detail: values.code });
      }
      await this.checkListener(tx, values, null);
      const profile = await repo.insertInstrument(tx, values);
      await writeAuditEvent(tx, context, {
        action: 'instrument.created',
        entityType: 'instrument',
        entityId: profile.id,
        after: profileAudit(profile),
      });
      return profile;
    });
    await this.resync();
    return this.viewOf(created, this.links.status(created.id));
  }

  async update(id: string, input: InstrumentUpdateInput, context: AuditContext): Promise<InstrumentView> {
    const { version, ...patch } = input;
    const updated = await this.database.transaction(async (tx) => {
      const before = await repo.findInstrument(tx, id, true);
      if (before === undefined) {
        throw new SillageError('SIL_INSTRUMENT_NOT_FOUND');
      }
      if (before.version !== version) {
        throw new SillageError('SIL_CONFLICT', { extra: { currentVersion: before.version } });
      }
      const values: repo.ProfileValues = {
        code: before.code,
        kind: before.kind,
        protocol: before.protocol,
        name: patch.name ?? before.name,
        role: patch.role ?? before.role,
        host: patch.host ?? before.host,
        port: patch.port ?? before.port,
        direction: patch.direction ?? before.direction,
        charset: patch.charset ?? before.charset,
        specimenIdLocation: patch.specimenIdLocation ?? before.specimenIdLocation,
        qcSpecimenPattern: patch.qcSpecimenPattern === undefined ? before.qcSpecimenPattern : patch.qcSpecimenPattern,
        qcSpecimenRole: patch.qcSpecimenRole ?? before.qcSpecimenRole,
        reagentLotComponent:
          patch.reagentLotComponent === undefined ? before.reagentLotComponent : patch.reagentLotComponent,
        enabled: patch.enabled ?? before.enabled,
      };
      checkProfile(values);
      await this.checkListener(tx, values, id);
      const after = await repo.updateInstrument(tx, id, values);
      await writeAuditEvent(tx, context, {
        action: 'instrument.updated',
        entityType: 'instrument',
        entityId: id,
        before: profileAudit(before),
        after: profileAudit(after),
      });
      return after;
    });
    await this.resync();
    return this.viewOf(updated, this.links.status(id));
  }

  private async checkListener(
    tx: Parameters<typeof repo.findListenerConflict>[0],
    values: repo.ProfileValues,
    exceptId: string | null
  ): Promise<void> {
    if (!values.enabled || values.role !== 'server') {
      return;
    }
    const conflict = await repo.findListenerConflict(tx, values.host, values.port, exceptId);
    if (conflict !== undefined) {
      throw new SillageError('SIL_INSTRUMENT_PORT_TAKEN', { detail: `${values.host}:${values.port} (${conflict})` });
    }
  }

  /** Applies a profile or mapping change to the running links at once. */
  private async resync(): Promise<void> {
    if (this.links.running) {
      await this.links.sync();
    }
  }

  // ── mappings ─────────────────────────────────────────────────────────────────

  async listMappings(instrumentId: string): Promise<MappingView[]> {
    if ((await repo.findInstrument(this.database, instrumentId)) === undefined) {
      throw new SillageError('SIL_INSTRUMENT_NOT_FOUND');
    }
    return (await repo.listMappings(this.database, instrumentId)).map(toMappingView);
  }

  async createMapping(instrumentId: string, input: MappingCreateInput, context: AuditContext): Promise<MappingView> {
    return this.database.transaction(async (tx) => {
      if ((await repo.findInstrument(tx, instrumentId, true)) === undefined) {
        throw new SillageError('SIL_INSTRUMENT_NOT_FOUND');
      }
      await this.checkMapping(tx, instrumentId, input, null);
      const id = await repo.insertMapping(tx, instrumentId, input);
      const created = (await repo.findMapping(tx, instrumentId, id)) as repo.TestMapping;
      await writeAuditEvent(tx, context, {
        action: 'instrument.mapping_created',
        entityType: 'instrument',
        entityId: instrumentId,
        after: toMappingView(created),
      });
      return toMappingView(created);
    });
  }

  async updateMapping(
    instrumentId: string,
    mappingId: string,
    input: MappingUpdateInput,
    context: AuditContext
  ): Promise<MappingView> {
    return this.database.transaction(async (tx) => {
      const before = await repo.findMapping(tx, instrumentId, mappingId);
      if (before === undefined) {
        throw new SillageError('SIL_INSTRUMENT_MAPPING_NOT_FOUND');
      }
      const values: repo.MappingValues = {
        instrumentCode: input.instrumentCode ?? before.instrumentCode,
        analyteCode: input.analyteCode ?? before.analyteCode,
        factor: input.factor ?? before.factor,
        sendToInstrument: input.sendToInstrument ?? before.sendToInstrument,
      };
      await this.checkMapping(tx, instrumentId, values, mappingId);
      await repo.updateMapping(tx, mappingId, values);
      const after = (await repo.findMapping(tx, instrumentId, mappingId)) as repo.TestMapping;
      await writeAuditEvent(tx, context, {
        action: 'instrument.mapping_updated',
        entityType: 'instrument',
        entityId: instrumentId,
        before: toMappingView(before),
        after: toMappingView(after),
      });
      return toMappingView(after);
    });
  }

  async deleteMapping(instrumentId: string, mappingId: string, context: AuditContext): Promise<void> {
    await this.database.transaction(async (tx) => {
      const before = await repo.findMapping(tx, instrumentId, mappingId);
      if (before === undefined) {
        throw new SillageError('SIL_INSTRUMENT_MAPPING_NOT_FOUND');
      }
      await repo.deleteMapping(tx, mappingId);
      await writeAuditEvent(tx, context, {
        action: 'instrument.mapping_deleted',
        entityType: 'instrument',
        entityId: instrumentId,
        before: toMappingView(before),
      });
    });
  }

  private async checkMapping(
    tx: Parameters<typeof repo.analyteExists>[0],
    instrumentId: string,
    values: repo.MappingValues,
    exceptId: string | null
  ): Promise<void> {
    if (!(await repo.analyteExists(tx, values.analyteCode))) {
      throw new SillageError('SIL_INSTRUMENT_ANALYTE_UNKNOWN', { detail: values.analyteCode });
    }
    const existing = await repo.findMappingByCode(tx, instrumentId, values.instrumentCode);
    if (existing !== undefined && existing.id !== exceptId) {
      throw new SillageError('SIL_INSTRUMENT_MAPPING_DUPLICATE', { detail: values.instrumentCode });
    }
  }

  // ── message logs ─────────────────────────────────────────────────────────────

  async listMessages(query: MessageListQuery): Promise<InboundSummary[]> {
    return (await messages.listInbound(this.database, query)).map(summaryOf);
  }

  async listOutbound(query: OutboundListQuery): Promise<OutboundSummary[]> {
    return (await messages.listOutbound(this.database, query)).map(outboundOf);
  }

  /** The raw view shows identities (names, birth dates): reading it is an access event (secret médical). */
  async readMessage(id: number, context: AuditContext): Promise<InboundDetail> {
    const row = await messages.findInbound(this.database, id);
    if (row === undefined) {
      throw new SillageError('SIL_CONNECT_MESSAGE_NOT_FOUND');
    }
    const profile = await repo.findInstrument(this.database, row.instrument_id);
    const charset = profile?.charset ?? 'iso-8859-1';
    const replies = await messages.listOutbound(this.database, { inboundMessageId: id, limit: 20 });
    await this.accessEvents.record(context, {
      action: 'instrument_message.read',
      entityType: 'inbound_message',
      entityId: String(id),
      after: { instrument: row.instrument_code, specimenIds: row.specimen_ids },
    });
    return {
      ...summaryOf({ ...row, size: row.raw.length }),
      remoteAddress: row.remote_address,
      rawView: rawViewOf(row.protocol, row.raw, charset),
      text: decodeMessageText(row.protocol, row.raw, charset),
      specimenAssignments: row.specimen_assignments,
      outcome: row.outcome,
      replies: replies.map((reply) => ({ id: reply.id, messageType: reply.message_type, status: reply.status })),
    };
  }

  /**
   * Replays a message in error or orphaned (after a remapping, a reception, an assignment): back in
   * the queue, then processed at once; the replay and its outcome are audited.
   */
  async replay(id: number, reason: string | null, context: AuditContext): Promise<ProcessingResult> {
    await this.database.transaction(async (tx) => {
      const row = await messages.lockInbound(tx, id);
      if (row === undefined) {
        throw new SillageError('SIL_CONNECT_MESSAGE_NOT_FOUND');
      }
      if (row.status !== 'error' && row.status !== 'orphan') {
        throw new SillageError('SIL_CONNECT_MESSAGE_NOT_REPLAYABLE', { detail: row.status });
      }
      await messages.requeue(tx, id, row.specimen_assignments);
      await writeAuditEvent(tx, context, {
        action: 'instrument_message.replayed',
        entityType: 'inbound_message',
        entityId: String(id),
        before: { status: row.status, errorCode: row.error_code, errorDetail: row.error_detail },
        reason,
      });
    });
    return this.processor.process(id, context);
  }

  /**
   * Assigns an unknown specimen id of an orphan message to a tube (the technician identified it),
   * then replays the message. Results land on that tube's patient: audited with the reason, on the
   * patient's trail.
   */
  async assign(id: number, input: AssignInput, context: AuditContext): Promise<ProcessingResult> {
    await this.database.transaction(async (tx) => {
      const row = await messages.lockInbound(tx, id);
      if (row === undefined) {
        throw new SillageError('SIL_CONNECT_MESSAGE_NOT_FOUND');
      }
      if (row.status !== 'orphan' || !row.specimen_ids.includes(input.messageSpecimenId)) {
        throw new SillageError('SIL_CONNECT_NOT_ORPHAN', { detail: input.messageSpecimenId });
      }
      const [specimen] = await tx.query<{ id: string; patient_id: string }>(
        `SELECT s.id, o.patient_id FROM specimen s JOIN lab_order o ON o.id = s.order_id WHERE s.barcode = $1`,
        [input.barcode]
      );
      if (specimen === undefined) {
        throw new SillageError('SIL_SPECIMEN_NOT_FOUND', { detail: input.barcode });
      }
      const assignments = { ...row.specimen_assignments, [input.messageSpecimenId]: specimen.id };
      await messages.requeue(tx, id, assignments);
      await writeAuditEvent(tx, context, {
        action: 'instrument_message.assigned',
        entityType: 'inbound_message',
        entityId: String(id),
        patientId: specimen.patient_id,
        before: { status: row.status, specimenIds: row.specimen_ids },
        after: { messageSpecimenId: input.messageSpecimenId, barcode: input.barcode, specimenId: specimen.id },
        reason: input.reason,
      });
    });
    return this.processor.process(id, context);
  }

  async listQcRuns(filter: {
    instrumentId?: string | undefined;
    analyteCode?: string | undefined;
    limit: number;
  }): Promise<QcRunView[]> {
    const rows = await messages.listQcRuns(this.database, filter);
    return rows.map((row) => ({
      id: row.id,
      instrumentId: row.instrument_id,
      inboundMessageId: Number(row.inbound_message_id),
      material: row.material,
      lot: row.lot,
      instrumentCode: row.instrument_code,
      analyteCode: row.analyte_code,
      valueNumeric: row.value_numeric === null ? null : Number(row.value_numeric),
      valueText: row.value_text,
      unit: row.unit,
      flags: row.flags,
      runAt: row.run_at?.toISOString() ?? null,
      recordedAt: row.recorded_at.toISOString(),
    }));
  }
}
