/**
 * Processing of stored inbound messages (issue 4 item 4: a separate, retried step). A batch of
 * messages shares one transaction: parse → match specimens → map codes → record results / QC runs,
 * or answer a host query, or place an external order — then the statuses, in one UPDATE. A message
 * that fails before writing anything (the usual failures: unknown tube, unreadable message,
 * unmapped code) gets its status in the same transaction; one that fails after a write or on a
 * database error aborts the batch, whose messages are then processed one transaction each — so a
 * poison message never blocks the others, it goes to the retry queue or the error queue alone.
 * Outcomes:
 * - processed: done (the outcome lists what was recorded and what was skipped, and why);
 * - orphan: a specimen id matches no tube — nothing recorded; assign it and replay;
 * - error: a stable reason (unmapped code, unreadable message, tube not received…) — nothing
 *   recorded; fix the cause (e.g. add the mapping) and replay;
 * - still received: an unexpected failure (database…); retried with exponential backoff, then error.
 */
import {
  decodeHl7,
  decodeInstrumentText,
  encodeInstrumentText,
  errorCatalog,
  isErrorCode,
  readAstmQuery,
  SillageError,
  tryParseHl7,
  type Hl7ErrorConditionCode,
  type Hl7Message,
} from '@sillage/core';
import type { Database, Queryable, SqlParam } from '../../db/database.js';
import type { AccessEventWriter, AuditContext } from '../audit/audit-writer.js';
import { astmQueryAnswer } from './astm-query-answer.js';
import { lockOrdersOfBatch } from './batch-order-locks.js';
import { parseInbound, type InboundParse } from './inbound-parse.js';
import { readAstmReport } from './astm-report-reader.js';
import { nextControlId } from './control-ids.js';
import { placeExternalOrder } from './external-orders.js';
import { readHl7Report } from './hl7-report-reader.js';
import { encodeHl7, hl7OrderResponse, hl7QueryResponse, replyCharset, type OrderAnswer } from './hl7-replies.js';
import { compileQcPattern } from './instrument-report.js';
import * as instruments from './instruments.repository.js';
import type { InboundStatus, InstrumentProtocol } from './instruments.schemas.js';
import * as messages from './messages.repository.js';
import { pendingWorkFor } from './pending-work.repository.js';
import { OrphanSpecimens, recordReportNotingSpecimens, specimenIdsReadBefore } from './report-recording.js';
import { astmSpecimenIdPath, hl7SpecimenIdPath } from './specimen-id-location.js';

/** A message to write back on the link the inbound message came from. */
export interface LinkReply {
  readonly protocol: InstrumentProtocol;
  readonly kind: messages.OutboundKind;
  readonly text: string;
  readonly bytes: Uint8Array;
  readonly messageType: string;
  readonly controlId: string;
  readonly outboundId: number;
}

export interface ProcessingResult {
  readonly id: number;
  readonly status: InboundStatus;
  readonly errorCode: string | null;
  readonly errorDetail: string | null;
  readonly outcome: unknown;
  readonly replies: readonly LinkReply[];
  /** Tubes a bidirectional HL7 analyzer should now receive as LAB-28 work orders. */
  readonly workOrderBarcodes: readonly string[];
}

export interface ProcessorOptions {
  /** Attempts before a message that keeps failing unexpectedly goes to the error queue (default 8). */
  readonly maxAttempts?: number;
  /** First retry delay; doubled at each attempt, capped at 10 minutes (default 1 s). */
  readonly retryBaseMs?: number;
  readonly now?: () => Date;
}

interface Handled {
  readonly messageType: string | null;
  readonly specimenIds: string[];
  readonly outcome: unknown;
  readonly replies: Omit<LinkReply, 'outboundId'>[];
  readonly workOrderBarcodes: string[];
}

/** HL7 table 0357 condition for a processing error code (ERR-3 of a refusal). */
function hl7ConditionOf(code: string): Hl7ErrorConditionCode {
  switch (code) {
    case 'SIL_CONNECT_PATIENT_MISSING':
    case 'SIL_CONNECT_ORDER_NO_TEST':
      return '101';
    case 'SIL_ANALYSIS_UNKNOWN':
    case 'SIL_CONNECT_CODE_UNMAPPED':
      return '103';
    case 'SIL_CONNECT_UNSUPPORTED_MESSAGE':
      return '200';
    case 'SIL_CONNECT_PATIENT_AMBIGUOUS':
    case 'SIL_PATIENT_DUPLICATE_SUSPECTED':
      return '204';
    default:
      return '207';
  }
}

function frenchMessage(code: string, detail: string | null): string {
  const base = isErrorCode(code) ? errorCatalog[code].fr : code;
  return detail === null || detail === '' ? base : `${base} (${detail})`;
}

function detailOf(error: SillageError): string | null {
  const issues = error.issues?.map((issue) => `${issue.path} : ${issue.message}`).join(' ; ');
  return error.detail ?? (issues === undefined || issues === '' ? null : issues);
}

/** A message of a batch failed in a way only a rollback undoes: the batch is redone message by message. */
class BatchAborted extends Error {
  constructor(readonly reason: unknown) {
    super('processing batch aborted');
  }
}

/**
 * The transaction as one message's processing sees it, noting whether it wrote anything or hit a
 * database error: a failure is recorded in the batch only when neither happened (reads only).
 */
function watchWrites(tx: Queryable): { tx: Queryable; clean: () => boolean } {
  let clean = true;
  return {
    tx: {
      query<Row extends object>(sql: string, params?: readonly SqlParam[]): Promise<Row[]> {
        if (!/^\s*SELECT\b/i.test(sql)) {
          clean = false;
        }
        return tx.query<Row>(sql, params).catch((error: unknown) => {
          clean = false;
          throw error;
        });
      },
    },
    clean: () => clean,
  };
}

export class MessageProcessor {
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly database: Database,
    private readonly accessEvents: AccessEventWriter,
    options: ProcessorOptions = {}
  ) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.retryBaseMs = options.retryBaseMs ?? 1000;
    this.now = options.now ?? (() => new Date());
  }

  /** Processes one message (no-op for one already processed, except answers that must be re-sent). */
  async process(id: number, context?: AuditContext): Promise<ProcessingResult> {
    const result = (await this.processBatch([id], context)).get(id);
    if (result === undefined) {
      throw new SillageError('SIL_CONNECT_MESSAGE_NOT_FOUND');
    }
    return result;
  }

  /**
   * Processes several messages in one transaction; ids that name no message are absent from the
   * answer. A message that fails before writing anything (orphan tube, unreadable message,
   * unmapped code…) gets its status in the batch; one that fails after a write, or on a database
   * error, aborts the batch, and each message of it is then processed in a transaction of its own
   * (no savepoints: they cost two round trips per message, and such failures are rare).
   */
  async processBatch(ids: readonly number[], context?: AuditContext): Promise<Map<number, ProcessingResult>> {
    try {
      return await this.database.transaction(async (tx) => {
        const results = new Map<number, ProcessingResult>();
        const marks = new messages.StatusMarks();
        // Read once per instrument and batch (the same snapshot a message alone would see).
        const mappingsByInstrument = new Map<string, ReadonlyMap<string, instruments.TestMapping>>();
        const locked = (await messages.lockInboundBatch(tx, ids)).map(({ message, instrument }) => {
          const profile = instruments.profileFromRow(instrument);
          // Decoded and parsed once: for the order locks below and for the processing.
          return { message, profile, parse: parseInbound(message, profile.charset) };
        });
        // Every order the batch records on, locked up front in one fixed order (no deadlock between batches).
        await lockOrdersOfBatch(tx, locked);
        for (const { message, profile, parse } of locked) {
          let mappings = mappingsByInstrument.get(profile.id);
          if (mappings === undefined) {
            const list = await instruments.listMappings(tx, profile.id);
            mappings = new Map(list.map((m) => [m.instrumentCode, m]));
            mappingsByInstrument.set(profile.id, mappings);
          }
          const audit = context ?? { actor: null, requestId: `inbound:${message.id}`, address: null };
          const watched = watchWrites(tx);
          try {
            results.set(
              message.id,
              await this.processLocked(watched.tx, message, parse, profile, mappings, audit, marks)
            );
          } catch (error) {
            if (!watched.clean() || !(error instanceof SillageError || error instanceof OrphanSpecimens)) {
              throw new BatchAborted(error);
            }
            results.set(message.id, await this.failureIn(tx, message, error, marks));
          }
        }
        await marks.write(tx);
        return results;
      });
    } catch (caught) {
      const error = caught instanceof BatchAborted ? caught.reason : caught;
      const [only] = ids;
      if (ids.length === 1 && only !== undefined) {
        return new Map([[only, await this.recordFailure(only, error)]]);
      }
      // The batch itself failed: each message on its own, so one cannot hold back the others.
      const results = new Map<number, ProcessingResult>();
      for (const id of ids) {
        const alone = await this.processBatch([id], context).catch(() => new Map<number, ProcessingResult>());
        for (const [key, value] of alone) {
          results.set(key, value);
        }
      }
      return results;
    }
  }

  private async processLocked(
    tx: Queryable,
    message: messages.InboundRow,
    parse: InboundParse,
    profile: instruments.InstrumentProfile,
    mappings: ReadonlyMap<string, instruments.TestMapping>,
    audit: AuditContext,
    marks: messages.StatusMarks
  ): Promise<ProcessingResult> {
    const id = message.id;
    if (message.status !== 'received') {
      return this.answerAgain(tx, message, parse, profile, mappings);
    }
    let handled: Handled;
    try {
      handled = await this.handle(tx, message, parse, profile, mappings, audit);
    } catch (error) {
      if (error instanceof OrphanSpecimens) {
        // Found before anything was written: the orphan status commits in this same transaction.
        return this.markOrphan(id, error, marks);
      }
      throw error;
    }
    marks.add(id, {
      status: 'processed',
      errorCode: null,
      errorDetail: null,
      specimenIds: handled.specimenIds,
      messageType: handled.messageType,
      outcome: handled.outcome,
    });
    const replies = await this.logReplies(tx, profile.id, id, handled.replies);
    return {
      id,
      status: 'processed',
      errorCode: null,
      errorDetail: null,
      outcome: handled.outcome,
      replies,
      workOrderBarcodes: handled.workOrderBarcodes,
    };
  }

  // ── dispatch ─────────────────────────────────────────────────────────────────

  private async handle(
    tx: Queryable,
    message: messages.InboundRow,
    parse: InboundParse,
    profile: instruments.InstrumentProfile,
    mappings: ReadonlyMap<string, instruments.TestMapping>,
    context: AuditContext
  ): Promise<Handled> {
    if (parse.protocol === 'failed') {
      throw parse.error;
    }
    if (parse.protocol === 'astm') {
      return this.handleAstm(tx, message, parse.result, profile, mappings, context);
    }
    const parsed = parse.result;
    if (!parsed.ok) {
      throw new SillageError('SIL_CONNECT_MESSAGE_UNPARSEABLE', {
        detail: `${parsed.error.code}: ${parsed.error.message}`,
      });
    }
    const hl7 = parsed.message;
    const type = hl7.messageType();
    const messageType = [type.code, type.trigger].filter((p) => p !== '').join('^');
    if (profile.kind === 'order_placer') {
      if (type.code === 'OML' && type.trigger === 'O21') {
        return this.handleExternalOrder(tx, message, hl7, messageType, profile, context);
      }
      throw new SillageError('SIL_CONNECT_UNSUPPORTED_MESSAGE', { detail: messageType });
    }
    if (type.code === 'ORU' || type.code === 'OUL') {
      const report = readHl7Report(hl7, {
        specimenIdLocation: hl7SpecimenIdPath(profile.specimenIdLocation),
        qcPattern: compileQcPattern(profile.qcSpecimenPattern),
        qcSpecimenRole: profile.qcSpecimenRole,
      });
      const outcome = await recordReportNotingSpecimens(tx, report, {
        profile,
        mappings,
        inboundMessageId: message.id,
        assignments: message.specimen_assignments,
        context,
      });
      return { messageType, specimenIds: outcome.specimenIds, outcome, replies: [], workOrderBarcodes: [] };
    }
    if (type.code === 'QBP' && type.trigger === 'Q11') {
      return this.handleHl7Query(tx, message, hl7, messageType, profile, mappings);
    }
    throw new SillageError('SIL_CONNECT_UNSUPPORTED_MESSAGE', { detail: messageType });
  }

  private async handleAstm(
    tx: Queryable,
    message: messages.InboundRow,
    parsed: Extract<InboundParse, { protocol: 'astm' }>['result'],
    profile: instruments.InstrumentProfile,
    mappings: ReadonlyMap<string, instruments.TestMapping>,
    context: AuditContext
  ): Promise<Handled> {
    const firstError = parsed.issues.find((issue) => issue.severity === 'error');
    if (firstError !== undefined) {
      throw new SillageError(firstError.code, {
        detail: `${firstError.detail}${firstError.line === undefined ? '' : ` (ligne ${firstError.line})`}`,
      });
    }
    const records = parsed.messages.flatMap((m) => m.records);
    const messageType = [...new Set(records.map((r) => r.type))].join(',');
    const queries = records.filter((record) => record.type === 'Q');
    if (queries.length > 0) {
      const queried = [...new Set(queries.flatMap((q) => readAstmQuery(q).specimenIds))];
      const bidirectional = profile.direction === 'bi';
      const works = bidirectional ? await pendingWorkFor(tx, queried) : [];
      const testCodeOf = this.testCodeLookup(mappings);
      const controlId = nextControlId();
      const answer = astmQueryAnswer({ queriedIds: queried, works, testCodeOf, controlId, now: this.now() });
      return {
        messageType,
        specimenIds: queried,
        outcome: {
          query: queried,
          answeredWithTests: answer.specimensWithTests,
          ...(bidirectional ? {} : { note: 'profil unidirectionnel : aucune demande transmise' }),
        },
        replies: [
          {
            protocol: 'astm',
            kind: 'query_answer',
            text: answer.text,
            // Logged as the link will send it; the ASTM link frames the text itself.
            bytes: encodeInstrumentText(answer.text, profile.charset),
            messageType: 'H,P,O,L',
            controlId,
          },
        ],
        workOrderBarcodes: [],
      };
    }
    const report = readAstmReport(parsed.messages, {
      specimenIdLocation: astmSpecimenIdPath(profile.specimenIdLocation),
      qcPattern: compileQcPattern(profile.qcSpecimenPattern),
      reagentLotComponent: profile.reagentLotComponent,
    });
    const outcome = await recordReportNotingSpecimens(tx, report, {
      profile,
      mappings,
      inboundMessageId: message.id,
      assignments: message.specimen_assignments,
      context,
    });
    return { messageType, specimenIds: outcome.specimenIds, outcome, replies: [], workOrderBarcodes: [] };
  }

  private testCodeLookup(
    mappings: ReadonlyMap<string, instruments.TestMapping>
  ): (analyte: string) => string | undefined {
    const byAnalyte = new Map<string, string>();
    for (const mapping of [...mappings.values()].sort((a, b) => a.instrumentCode.localeCompare(b.instrumentCode))) {
      if (mapping.sendToInstrument && !byAnalyte.has(mapping.analyteCode)) {
        byAnalyte.set(mapping.analyteCode, mapping.instrumentCode);
      }
    }
    return (analyte) => byAnalyte.get(analyte);
  }

  /** IHE LAW LAB-27: QPD-3 names the container (tube barcode); work orders follow as LAB-28. */
  private async handleHl7Query(
    tx: Queryable,
    message: messages.InboundRow,
    query: Hl7Message,
    messageType: string,
    profile: instruments.InstrumentProfile,
    mappings: ReadonlyMap<string, instruments.TestMapping>
  ): Promise<Handled> {
    const barcode = query.get('QPD-3').trim();
    const works = profile.direction === 'bi' && barcode !== '' ? await pendingWorkFor(tx, [barcode]) : [];
    const testCodeOf = this.testCodeLookup(mappings);
    const work = works[0];
    const tests =
      work === undefined || !work.accepted
        ? []
        : work.pendingAnalytes.map(testCodeOf).filter((code): code is string => code !== undefined);
    const controlId = nextControlId();
    const text = hl7QueryResponse(query, { status: tests.length > 0 ? 'OK' : 'NF' }, controlId, this.now());
    return {
      messageType,
      specimenIds: barcode === '' ? [] : [barcode],
      outcome: { query: barcode, tests },
      replies: [
        {
          protocol: 'hl7',
          kind: 'query_answer',
          text,
          bytes: encodeHl7(text, replyCharset(message.raw, profile.charset)),
          messageType: 'RSP^K11',
          controlId,
        },
      ],
      workOrderBarcodes: tests.length > 0 ? [barcode] : [],
    };
  }

  private async handleExternalOrder(
    tx: Queryable,
    message: messages.InboundRow,
    order: Hl7Message,
    messageType: string,
    profile: instruments.InstrumentProfile,
    context: AuditContext
  ): Promise<Handled> {
    const placed = await placeExternalOrder(tx, this.database.kind, order, context, this.accessEvents);
    const controlId = nextControlId();
    const answer: OrderAnswer = {
      accepted: true,
      patientNumber: placed.patientNumber,
      orderNumber: placed.orderNumber,
      placerOrders: placed.placerOrders,
      warnings: placed.warnings,
    };
    const text = hl7OrderResponse(order, answer, controlId, this.now());
    return {
      messageType,
      specimenIds: [],
      outcome: { ...placed, inboundMessageId: message.id },
      replies: [
        {
          protocol: 'hl7',
          kind: 'order_answer',
          text,
          bytes: encodeHl7(text, replyCharset(message.raw, profile.charset)),
          messageType: 'ORL^O22',
          controlId,
        },
      ],
      workOrderBarcodes: [],
    };
  }

  // ── answers, failures ────────────────────────────────────────────────────────

  private async logReplies(
    tx: Queryable,
    instrumentId: string,
    inboundId: number,
    replies: readonly Omit<LinkReply, 'outboundId'>[]
  ): Promise<LinkReply[]> {
    const logged: LinkReply[] = [];
    for (const reply of replies) {
      const outboundId = await messages.insertOutbound(tx, {
        instrumentId,
        protocol: reply.protocol,
        kind: reply.kind,
        messageType: reply.messageType,
        controlId: reply.controlId,
        raw: reply.bytes,
        inboundMessageId: inboundId,
        specimenId: null,
        status: 'pending',
      });
      logged.push({ ...reply, outboundId });
    }
    return logged;
  }

  /**
   * A message already processed: a query is answered again (a read, harmless: the analyzer asked
   * twice); an order answer is re-sent as logged (never a second order for the same message).
   */
  private async answerAgain(
    tx: Queryable,
    message: messages.InboundRow,
    parse: InboundParse,
    profile: instruments.InstrumentProfile,
    mappings: ReadonlyMap<string, instruments.TestMapping>
  ): Promise<ProcessingResult> {
    const base = {
      id: message.id,
      status: message.status,
      errorCode: message.error_code,
      errorDetail: message.error_detail,
      outcome: message.outcome,
      workOrderBarcodes: [],
    };
    const isQuery =
      message.message_type === 'QBP^Q11' ||
      (message.protocol === 'astm' && message.message_type?.includes('Q') === true);
    if (isQuery && message.status === 'processed') {
      const handled = await this.handle(tx, message, parse, profile, mappings, {
        actor: null,
        requestId: null,
        address: null,
      });
      return { ...base, replies: await this.logReplies(tx, profile.id, message.id, handled.replies) };
    }
    const previous = await messages.findReplyTo(tx, message.id);
    if (previous === undefined || previous.kind === 'ack') {
      return { ...base, replies: [] };
    }
    return {
      ...base,
      replies: [
        {
          protocol: previous.protocol,
          kind: previous.kind,
          text: decodeInstrumentText(previous.raw, previous.protocol === 'astm' ? profile.charset : 'utf-8'),
          bytes: previous.raw,
          messageType: previous.message_type ?? '',
          controlId: previous.control_id ?? '',
          outboundId: previous.id,
        },
      ],
    };
  }

  private markOrphan(id: number, orphan: OrphanSpecimens, marks: messages.StatusMarks): ProcessingResult {
    const detail = orphan.unknownIds.join(', ');
    const outcome = { unknownSpecimens: orphan.unknownIds };
    marks.add(id, {
      status: 'orphan',
      errorCode: 'SIL_CONNECT_SPECIMEN_UNKNOWN',
      errorDetail: detail,
      specimenIds: [...orphan.unknownIds],
      messageType: null,
      outcome,
    });
    return {
      id,
      status: 'orphan',
      errorCode: 'SIL_CONNECT_SPECIMEN_UNKNOWN',
      errorDetail: detail,
      outcome,
      replies: [],
      workOrderBarcodes: [],
    };
  }

  /** A failure outside any batch (the message's own transaction failed): recorded in a new one. */
  private async recordFailure(id: number, error: unknown): Promise<ProcessingResult> {
    if (error instanceof SillageError && error.code === 'SIL_CONNECT_MESSAGE_NOT_FOUND') {
      throw error;
    }
    return this.database.transaction(async (tx) => {
      const message = await messages.lockInbound(tx, id);
      if (message === undefined) {
        throw new SillageError('SIL_CONNECT_MESSAGE_NOT_FOUND');
      }
      const marks = new messages.StatusMarks();
      const result = await this.failureIn(tx, message, error, marks);
      await marks.write(tx);
      return result;
    });
  }

  /**
   * Records why a message failed, in the transaction it is locked in (its own work rolled back):
   * orphan, error queue with a stable reason, or — unexpected — a retry with backoff, then error.
   */
  private async failureIn(
    tx: Queryable,
    message: messages.InboundRow,
    error: unknown,
    marks: messages.StatusMarks
  ): Promise<ProcessingResult> {
    const id = message.id;
    if (error instanceof OrphanSpecimens) {
      return this.markOrphan(id, error, marks);
    }
    const failed = { id, outcome: null, workOrderBarcodes: [] };
    // The ids read before the failure, so the error queue shows which tubes wait (issue 4).
    const specimenIds = specimenIdsReadBefore(error) ?? message.specimen_ids;
    if (error instanceof SillageError) {
      const detail = detailOf(error);
      marks.add(id, {
        status: 'error',
        errorCode: error.code,
        errorDetail: detail,
        specimenIds,
        messageType: null,
        outcome: null,
      });
      const replies = await this.logReplies(tx, message.instrument_id, id, this.refusal(message, error.code, detail));
      return { ...failed, status: 'error', errorCode: error.code, errorDetail: detail, replies };
    }
    const detail = error instanceof Error ? error.message : String(error);
    if (message.attempts + 1 >= this.maxAttempts) {
      marks.add(id, {
        status: 'error',
        errorCode: 'SIL_CONNECT_PROCESSING_FAILED',
        errorDetail: detail,
        specimenIds,
        messageType: null,
        outcome: null,
      });
      return {
        ...failed,
        status: 'error',
        errorCode: 'SIL_CONNECT_PROCESSING_FAILED',
        errorDetail: detail,
        replies: [],
      };
    }
    const delay = Math.min(this.retryBaseMs * 2 ** message.attempts, 600_000);
    await messages.scheduleRetry(tx, id, delay, detail);
    return { ...failed, status: 'received', errorCode: null, errorDetail: detail, replies: [] };
  }

  /** The refusal a waiting sender must get: ORL^O22 for an order, RSP^K11 AE for a query. */
  private refusal(message: messages.InboundRow, code: string, detail: string | null): Omit<LinkReply, 'outboundId'>[] {
    if (message.protocol !== 'hl7') {
      return [];
    }
    const parsed = tryParseHl7(decodeHl7(message.raw));
    if (!parsed.ok) {
      return [];
    }
    const charset = replyCharset(message.raw, 'windows-1252');
    const type = parsed.message.messageType();
    const error = { code: hl7ConditionOf(code), message: frenchMessage(code, detail).slice(0, 500) };
    const controlId = nextControlId();
    if (type.code === 'OML' && type.trigger === 'O21') {
      const text = hl7OrderResponse(
        parsed.message,
        {
          accepted: false,
          code: error.code === '101' || error.code === '200' ? 'AR' : 'AE',
          error,
          placerOrders: parsed.message
            .getAll('ORC')
            .map((orc) => orc.get(2).trim())
            .filter((placer) => placer !== ''),
        },
        controlId,
        this.now()
      );
      return [
        {
          protocol: 'hl7',
          kind: 'order_answer',
          text,
          bytes: encodeHl7(text, charset),
          messageType: 'ORL^O22',
          controlId,
        },
      ];
    }
    if (type.code === 'QBP') {
      const text = hl7QueryResponse(parsed.message, { status: 'AE', error }, controlId, this.now());
      return [
        {
          protocol: 'hl7',
          kind: 'query_answer',
          text,
          bytes: encodeHl7(text, charset),
          messageType: 'RSP^K11',
          controlId,
        },
      ];
    }
    return [];
  }
}
