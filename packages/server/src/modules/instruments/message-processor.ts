/**
 * Processing of a stored inbound message (issue 4 item 4: a separate, retried step). One
 * transaction per message: parse → match specimens → map codes → record results / QC runs, or
 * answer a host query, or place an external order — then the message's status, all committed
 * together. Outcomes:
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
  tryParseAstmMessages,
  tryParseHl7,
  type Hl7ErrorConditionCode,
  type Hl7Message,
} from '@sillage/core';
import type { Database, Queryable } from '../../db/database.js';
import type { AccessEventWriter, AuditContext } from '../audit/audit-writer.js';
import { astmQueryAnswer } from './astm-query-answer.js';
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
import { OrphanSpecimens, recordReport } from './report-recording.js';

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
    const audit: AuditContext = context ?? { actor: null, requestId: `inbound:${id}`, address: null };
    try {
      return await this.database.transaction(async (tx) => {
        const locked = await messages.lockInboundWithInstrument(tx, id);
        if (locked === undefined) {
          throw new SillageError('SIL_CONNECT_MESSAGE_NOT_FOUND');
        }
        const { message } = locked;
        const profile = instruments.profileFromRow(locked.instrument);
        if (message.status !== 'received') {
          return this.answerAgain(tx, message, profile);
        }
        let handled: Handled;
        try {
          handled = await this.handle(tx, message, profile, audit);
        } catch (error) {
          if (error instanceof OrphanSpecimens) {
            // Found before anything was written: the orphan status commits in this same transaction.
            return this.markOrphan(tx, id, error);
          }
          throw error;
        }
        await messages.markProcessed(tx, id, {
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
      });
    } catch (error) {
      return this.recordFailure(id, error);
    }
  }

  // ── dispatch ─────────────────────────────────────────────────────────────────

  private async handle(
    tx: Queryable,
    message: messages.InboundRow,
    profile: instruments.InstrumentProfile,
    context: AuditContext
  ): Promise<Handled> {
    const mappingList = await instruments.listMappings(tx, profile.id);
    const mappings = new Map(mappingList.map((m) => [m.instrumentCode, m]));
    if (message.protocol === 'astm') {
      return this.handleAstm(tx, message, profile, mappings, context);
    }
    const parsed = tryParseHl7(decodeHl7(message.raw, profile.charset));
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
        specimenIdLocation: profile.specimenIdLocation,
        qcPattern: compileQcPattern(profile.qcSpecimenPattern),
        qcSpecimenRole: profile.qcSpecimenRole,
      });
      const outcome = await recordReport(tx, report, {
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
    profile: instruments.InstrumentProfile,
    mappings: ReadonlyMap<string, instruments.TestMapping>,
    context: AuditContext
  ): Promise<Handled> {
    const text = decodeInstrumentText(message.raw, profile.charset);
    const parsed = tryParseAstmMessages(text);
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
      specimenIdLocation: profile.specimenIdLocation === 'O.4' ? 'O.4' : 'O.3',
      qcPattern: compileQcPattern(profile.qcSpecimenPattern),
      reagentLotComponent: profile.reagentLotComponent,
    });
    const outcome = await recordReport(tx, report, {
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
    profile: instruments.InstrumentProfile
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
      const handled = await this.handle(tx, message, profile, { actor: null, requestId: null, address: null });
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

  private async markOrphan(tx: Queryable, id: number, orphan: OrphanSpecimens): Promise<ProcessingResult> {
    const detail = orphan.unknownIds.join(', ');
    const outcome = { unknownSpecimens: orphan.unknownIds };
    await messages.markProcessed(tx, id, {
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

  private async recordFailure(id: number, error: unknown): Promise<ProcessingResult> {
    if (error instanceof SillageError && error.code === 'SIL_CONNECT_MESSAGE_NOT_FOUND') {
      throw error;
    }
    if (error instanceof OrphanSpecimens) {
      return this.database.transaction((tx) => this.markOrphan(tx, id, error));
    }
    if (error instanceof SillageError) {
      const detail = detailOf(error);
      return this.database.transaction(async (tx) => {
        const message = await messages.lockInbound(tx, id);
        await messages.markProcessed(tx, id, {
          status: 'error',
          errorCode: error.code,
          errorDetail: detail,
          specimenIds: message?.specimen_ids ?? [],
          messageType: null,
          outcome: null,
        });
        const replies =
          message === undefined
            ? []
            : await this.logReplies(tx, message.instrument_id, id, this.refusal(message, error.code, detail));
        return {
          id,
          status: 'error',
          errorCode: error.code,
          errorDetail: detail,
          outcome: null,
          replies,
          workOrderBarcodes: [],
        };
      });
    }
    const detail = error instanceof Error ? error.message : String(error);
    return this.database.transaction(async (tx) => {
      const message = await messages.lockInbound(tx, id);
      const attempts = message?.attempts ?? 0;
      if (attempts + 1 >= this.maxAttempts) {
        await messages.markProcessed(tx, id, {
          status: 'error',
          errorCode: 'SIL_CONNECT_PROCESSING_FAILED',
          errorDetail: detail,
          specimenIds: message?.specimen_ids ?? [],
          messageType: null,
          outcome: null,
        });
        return {
          id,
          status: 'error',
          errorCode: 'SIL_CONNECT_PROCESSING_FAILED',
          errorDetail: detail,
          outcome: null,
          replies: [],
          workOrderBarcodes: [],
        };
      }
      const delay = Math.min(this.retryBaseMs * 2 ** attempts, 600_000);
      await messages.scheduleRetry(tx, id, delay, detail);
      return {
        id,
        status: 'received',
        errorCode: null,
        errorDetail: detail,
        outcome: null,
        replies: [],
        workOrderBarcodes: [],
      };
    });
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
