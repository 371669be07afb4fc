/**
 * SQL of the message logs: inbound messages (durable before acknowledgement, then processed),
 * outbound messages (acknowledgements, answers, work orders) and QC runs. Every function takes
 * the handle it runs in.
 */
import type { Queryable } from '../../db/database.js';
import type { InboundStatus, InstrumentProtocol, LinkCharset, OutboundStatus } from './instruments.schemas.js';

export interface InboundRow {
  id: number;
  instrument_id: string;
  instrument_code: string;
  received_at: Date;
  protocol: InstrumentProtocol;
  raw: Uint8Array;
  sha256: string;
  remote_address: string | null;
  message_type: string | null;
  control_id: string | null;
  status: InboundStatus;
  error_code: string | null;
  error_detail: string | null;
  attempts: number;
  processed_at: Date | null;
  specimen_ids: string[];
  specimen_assignments: Record<string, string>;
  outcome: unknown;
}

const inboundColumns = `m.id, m.instrument_id, i.code AS instrument_code, m.received_at, m.protocol, m.raw, m.sha256,
  m.remote_address, m.message_type, m.control_id, m.status, m.error_code, m.error_detail, m.attempts, m.processed_at,
  m.specimen_ids, m.specimen_assignments, m.outcome`;

/** Same columns without the bytes (lists). */
const inboundSummaryColumns = `m.id, m.instrument_id, i.code AS instrument_code, m.received_at, m.protocol,
  octet_length(m.raw) AS size, m.sha256, m.remote_address, m.message_type, m.control_id, m.status, m.error_code,
  m.error_detail, m.attempts, m.processed_at, m.specimen_ids`;

export type InboundSummaryRow = Omit<InboundRow, 'raw' | 'specimen_assignments' | 'outcome'> & { size: number };

export interface NewInbound {
  readonly instrumentId: string;
  readonly protocol: InstrumentProtocol;
  readonly raw: Uint8Array;
  readonly sha256: string;
  readonly remoteAddress: string | null;
  readonly messageType: string | null;
  readonly controlId: string | null;
  readonly status: InboundStatus;
  readonly errorCode: string | null;
  readonly errorDetail: string | null;
  /** Delay before the background worker may pick it (the link processes it at once). */
  readonly processAfterMs: number;
}

export interface StoredInboundRow {
  readonly id: number;
  readonly status: InboundStatus;
  readonly duplicate: boolean;
}

/** One message of a group-committed batch: its dedupe window and the acknowledgement logged with it. */
export interface NewInboundInBatch extends NewInbound {
  readonly windowMs: number;
  readonly acknowledgement: { raw: Uint8Array; messageType: string; controlId: string } | null;
}

/**
 * Several messages in one statement (group commit of the links' deliveries), each deduplicated like
 * `insertInboundOnce` against what is already stored within its window. The caller passes at most
 * one message per (instrument, hash) — a repeat inside the batch is the first one's duplicate — and
 * holds the advisory locks of every (instrument, hash) on PostgreSQL. Rows come back in input order.
 */
export async function insertInboundBatch(
  db: Queryable,
  batch: readonly NewInboundInBatch[]
): Promise<StoredInboundRow[]> {
  if (batch.length === 0) {
    return [];
  }
  const input = batch.map((message, index) => ({
    n: index,
    instrument_id: message.instrumentId,
    protocol: message.protocol,
    raw: toBuffer(message.raw).toString('base64'),
    sha256: message.sha256,
    remote_address: message.remoteAddress,
    message_type: message.messageType,
    control_id: message.controlId,
    status: message.status,
    error_code: message.errorCode,
    error_detail: message.errorDetail,
    process_after: message.processAfterMs / 1000,
    window_s: message.windowMs / 1000,
    ack_type: message.acknowledgement?.messageType ?? null,
    ack_control: message.acknowledgement?.controlId ?? null,
    ack_raw: message.acknowledgement === null ? null : toBuffer(message.acknowledgement.raw).toString('base64'),
  }));
  const rows = await db.query<{ n: number; id: number; status: InboundStatus; duplicate: boolean }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(n integer, instrument_id uuid, protocol text, raw text,
         sha256 text, remote_address text, message_type text, control_id text, status text, error_code text,
         error_detail text, process_after double precision, window_s double precision, ack_type text,
         ack_control text, ack_raw text)
     ), dup AS (
       SELECT x.n, d.id, d.status FROM input x CROSS JOIN LATERAL (
         SELECT m.id, m.status FROM inbound_message m
         WHERE m.instrument_id = x.instrument_id AND m.sha256 = x.sha256
           AND m.received_at > now() - make_interval(secs => x.window_s)
         ORDER BY m.received_at DESC LIMIT 1) d
     ), ins AS (
       INSERT INTO inbound_message (instrument_id, protocol, raw, sha256, remote_address, message_type, control_id,
         status, error_code, error_detail, next_attempt_at, processed_at)
       SELECT x.instrument_id, x.protocol, decode(x.raw, 'base64'), x.sha256, x.remote_address, x.message_type,
         x.control_id, x.status, x.error_code, x.error_detail, now() + make_interval(secs => x.process_after),
         CASE WHEN x.status = 'received' THEN NULL ELSE now() END
       FROM input x WHERE NOT EXISTS (SELECT 1 FROM dup WHERE dup.n = x.n)
       ORDER BY x.n
       RETURNING id, status, instrument_id, sha256
     ), stored AS (
       SELECT x.n, ins.id, ins.status, x.ack_type, x.ack_control, x.ack_raw, x.instrument_id, x.protocol
       FROM ins JOIN input x ON x.instrument_id = ins.instrument_id AND x.sha256 = ins.sha256
     ), ack AS (
       INSERT INTO outbound_message (instrument_id, protocol, kind, message_type, control_id, raw, inbound_message_id,
         status, sent_at)
       SELECT instrument_id, protocol, 'ack', ack_type, ack_control, decode(ack_raw, 'base64'), id, 'sent', now()
       FROM stored WHERE ack_raw IS NOT NULL
     )
     SELECT n, id, status, false AS duplicate FROM stored
     UNION ALL SELECT n, id, status, true AS duplicate FROM dup`,
    [JSON.stringify(input)]
  );
  const byIndex = new Map(rows.map((row) => [Number(row.n), row]));
  return batch.map((_, index) => {
    const row = byIndex.get(index);
    if (row === undefined) {
      throw new Error(`inbound batch: no row for message ${index}`);
    }
    return { id: Number(row.id), status: row.status, duplicate: row.duplicate };
  });
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function normaliseInbound<T extends { id: number; raw?: Uint8Array }>(row: T): T {
  return { ...row, id: Number(row.id), ...(row.raw === undefined ? {} : { raw: new Uint8Array(row.raw) }) };
}

/** Messages locked for processing in id order (no deadlock between two workers), with their instrument rows. */
export async function lockInboundBatch(
  db: Queryable,
  ids: readonly number[]
): Promise<{ message: InboundRow; instrument: Record<string, unknown> }[]> {
  const rows = await db.query<InboundRow & { instrument_row: Record<string, unknown> }>(
    `SELECT ${inboundColumns}, row_to_json(i.*) AS instrument_row
     FROM inbound_message m JOIN instrument i ON i.id = m.instrument_id
     WHERE m.id = ANY($1::bigint[]) ORDER BY m.id FOR UPDATE OF m`,
    [ids]
  );
  return rows.map(({ instrument_row: instrument, ...message }) => ({ message: normaliseInbound(message), instrument }));
}

export async function lockInbound(db: Queryable, id: number): Promise<InboundRow | undefined> {
  const rows = await db.query<InboundRow>(
    `SELECT ${inboundColumns} FROM inbound_message m JOIN instrument i ON i.id = m.instrument_id
     WHERE m.id = $1 FOR UPDATE OF m`,
    [id]
  );
  return rows[0] === undefined ? undefined : normaliseInbound(rows[0]);
}

export async function findInbound(db: Queryable, id: number): Promise<InboundRow | undefined> {
  const rows = await db.query<InboundRow>(
    `SELECT ${inboundColumns} FROM inbound_message m JOIN instrument i ON i.id = m.instrument_id WHERE m.id = $1`,
    [id]
  );
  return rows[0] === undefined ? undefined : normaliseInbound(rows[0]);
}

export async function listInbound(
  db: Queryable,
  filter: {
    instrumentId?: string | undefined;
    status?: InboundStatus | undefined;
    before?: number | undefined;
    limit: number;
  }
): Promise<InboundSummaryRow[]> {
  const rows = await db.query<InboundSummaryRow>(
    `SELECT ${inboundSummaryColumns} FROM inbound_message m JOIN instrument i ON i.id = m.instrument_id
     WHERE ($1::uuid IS NULL OR m.instrument_id = $1) AND ($2::text IS NULL OR m.status = $2)
       AND ($3::bigint IS NULL OR m.id < $3)
     ORDER BY m.id DESC LIMIT $4`,
    [filter.instrumentId ?? null, filter.status ?? null, filter.before ?? null, filter.limit]
  );
  return rows.map((row) => ({ ...row, id: Number(row.id), size: Number(row.size) }));
}

/** Messages waiting for the worker, oldest first; SKIP LOCKED lets a second process share the queue. */
export async function claimDueInbound(db: Queryable, limit: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `SELECT id FROM inbound_message WHERE status = 'received' AND next_attempt_at <= now()
     ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit]
  );
  return rows.map((row) => Number(row.id));
}

export interface ProcessedUpdate {
  readonly status: InboundStatus;
  readonly errorCode: string | null;
  readonly errorDetail: string | null;
  readonly specimenIds: readonly string[];
  readonly messageType: string | null;
  readonly outcome: unknown;
}

/**
 * The statuses a processing batch gives its messages, written by one UPDATE just before the commit
 * (one round trip per batch instead of one per message).
 */
export class StatusMarks {
  private readonly marks: { id: number; update: ProcessedUpdate }[] = [];

  add(id: number, update: ProcessedUpdate): void {
    this.marks.push({ id, update });
  }

  async write(db: Queryable): Promise<void> {
    const marks = this.marks.splice(0);
    if (marks.length === 0) {
      return;
    }
    await db.query(
      `UPDATE inbound_message m SET status = x.status, error_code = x.error_code, error_detail = x.error_detail,
         specimen_ids = x.specimen_ids, message_type = coalesce(x.message_type, m.message_type),
         outcome = x.outcome -> 'value', processed_at = now(), attempts = m.attempts + 1
       FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, status text, error_code text, error_detail text,
         specimen_ids text[], message_type text, outcome jsonb)
       WHERE m.id = x.id`,
      [
        JSON.stringify(
          marks.map(({ id, update }) => ({
            id,
            status: update.status,
            error_code: update.errorCode,
            error_detail: update.errorDetail,
            specimen_ids: update.specimenIds,
            message_type: update.messageType,
            // Wrapped so a null outcome is stored as JSON null, as before.
            outcome: { value: update.outcome ?? null },
          }))
        ),
      ]
    );
  }
}

/** A transient failure: try again later (exponential backoff chosen by the caller). */
export async function scheduleRetry(db: Queryable, id: number, delayMs: number, detail: string): Promise<number> {
  const rows = await db.query<{ attempts: number }>(
    `UPDATE inbound_message SET attempts = attempts + 1, error_detail = $3,
       next_attempt_at = now() + make_interval(secs => $2)
     WHERE id = $1 AND status = 'received' RETURNING attempts`,
    [id, delayMs / 1000, detail]
  );
  return Number(rows[0]?.attempts ?? 0);
}

/** Back in the queue for a replay (after a remapping or an orphan assignment). */
export async function requeue(db: Queryable, id: number, assignments: Record<string, string>): Promise<void> {
  await db.query(
    `UPDATE inbound_message SET status = 'received', error_code = NULL, error_detail = NULL, processed_at = NULL,
       next_attempt_at = now() + interval '1 minute', specimen_assignments = $2::jsonb
     WHERE id = $1`,
    [id, JSON.stringify(assignments)]
  );
}

// ── Outbound ─────────────────────────────────────────────────────────────────

export type OutboundKind = 'ack' | 'query_answer' | 'work_order' | 'order_answer';

export interface NewOutbound {
  readonly instrumentId: string;
  readonly protocol: InstrumentProtocol;
  readonly kind: OutboundKind;
  readonly messageType: string | null;
  readonly controlId: string | null;
  readonly raw: Uint8Array;
  readonly inboundMessageId: number | null;
  readonly specimenId: string | null;
  readonly status: OutboundStatus;
}

export async function insertOutbound(db: Queryable, message: NewOutbound): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO outbound_message (instrument_id, protocol, kind, message_type, control_id, raw, inbound_message_id,
       specimen_id, status, sent_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $9 = 'sent' THEN now() END)
     RETURNING id`,
    [
      message.instrumentId,
      message.protocol,
      message.kind,
      message.messageType,
      message.controlId,
      Buffer.from(message.raw.buffer, message.raw.byteOffset, message.raw.byteLength),
      message.inboundMessageId,
      message.specimenId,
      message.status,
    ]
  );
  return Number((row as { id: number }).id);
}

export interface OutboundRow {
  id: number;
  instrument_id: string;
  instrument_code: string;
  /** The profile's character set, to show the bytes as the instrument reads them. */
  instrument_charset: LinkCharset;
  created_at: Date;
  protocol: InstrumentProtocol;
  kind: OutboundKind;
  message_type: string | null;
  control_id: string | null;
  raw: Uint8Array;
  inbound_message_id: number | null;
  specimen_id: string | null;
  status: OutboundStatus;
  sent_at: Date | null;
  answered_at: Date | null;
  error_detail: string | null;
}

const outboundColumns = `o.id, o.instrument_id, i.code AS instrument_code, i.charset AS instrument_charset,
  o.created_at, o.protocol, o.kind, o.message_type, o.control_id, o.raw, o.inbound_message_id, o.specimen_id,
  o.status, o.sent_at, o.answered_at, o.error_detail`;

function normaliseOutbound(row: OutboundRow): OutboundRow {
  return {
    ...row,
    id: Number(row.id),
    inbound_message_id: row.inbound_message_id === null ? null : Number(row.inbound_message_id),
    raw: new Uint8Array(row.raw),
  };
}

export async function listOutbound(
  db: Queryable,
  filter: {
    instrumentId?: string | undefined;
    status?: OutboundStatus | undefined;
    before?: number | undefined;
    inboundMessageId?: number | undefined;
    limit: number;
  }
): Promise<OutboundRow[]> {
  const rows = await db.query<OutboundRow>(
    `SELECT ${outboundColumns} FROM outbound_message o JOIN instrument i ON i.id = o.instrument_id
     WHERE ($1::uuid IS NULL OR o.instrument_id = $1) AND ($2::text IS NULL OR o.status = $2)
       AND ($3::bigint IS NULL OR o.id < $3) AND ($4::bigint IS NULL OR o.inbound_message_id = $4)
     ORDER BY o.id DESC LIMIT $5`,
    [
      filter.instrumentId ?? null,
      filter.status ?? null,
      filter.before ?? null,
      filter.inboundMessageId ?? null,
      filter.limit,
    ]
  );
  return rows.map(normaliseOutbound);
}

/** The answer already sent for an inbound message (re-sent when the sender repeats the message). */
export async function findReplyTo(db: Queryable, inboundMessageId: number): Promise<OutboundRow | undefined> {
  const rows = await db.query<OutboundRow>(
    `SELECT ${outboundColumns} FROM outbound_message o JOIN instrument i ON i.id = o.instrument_id
     WHERE o.inbound_message_id = $1 AND o.kind IN ('query_answer', 'order_answer', 'ack')
     ORDER BY o.id DESC LIMIT 1`,
    [inboundMessageId]
  );
  return rows[0] === undefined ? undefined : normaliseOutbound(rows[0]);
}

/**
 * Work orders still to send. Only work orders: an answer (RSP, ORL, ASTM query answer) belongs to
 * the connection that asked and is never replayed to another one.
 */
export async function pendingWorkOrders(db: Queryable, instrumentId: string, limit: number): Promise<OutboundRow[]> {
  const rows = await db.query<OutboundRow>(
    `SELECT ${outboundColumns} FROM outbound_message o JOIN instrument i ON i.id = o.instrument_id
     WHERE o.instrument_id = $1 AND o.status = 'pending' AND o.kind = 'work_order' ORDER BY o.id LIMIT $2`,
    [instrumentId, limit]
  );
  return rows.map(normaliseOutbound);
}

/** `sent` only moves a pending message: an answer that came back first (acknowledged) is kept. */
export async function setOutboundStatus(
  db: Queryable,
  id: number,
  status: OutboundStatus,
  errorDetail: string | null = null
): Promise<void> {
  await db.query(
    `UPDATE outbound_message SET status = $2, error_detail = coalesce($3, error_detail),
       sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END,
       answered_at = CASE WHEN $2 IN ('acknowledged', 'rejected') THEN now() ELSE answered_at END
     WHERE id = $1 AND ($2 <> 'sent' OR status = 'pending')`,
    [id, status, errorDetail]
  );
}

/** An acknowledgement from the instrument (MSA-2) answers the outbound message with that control id. */
export async function answerOutbound(
  db: Queryable,
  instrumentId: string,
  controlId: string,
  accepted: boolean,
  detail: string | null
): Promise<number | undefined> {
  const rows = await db.query<{ id: number }>(
    `UPDATE outbound_message SET status = $3, answered_at = now(), error_detail = $4
     WHERE id = (SELECT id FROM outbound_message WHERE instrument_id = $1 AND control_id = $2 ORDER BY id DESC LIMIT 1)
     RETURNING id`,
    [instrumentId, controlId, accepted ? 'acknowledged' : 'rejected', detail]
  );
  return rows[0] === undefined ? undefined : Number(rows[0].id);
}

// ── QC runs ──────────────────────────────────────────────────────────────────

export interface NewQcRun {
  readonly instrumentId: string;
  readonly inboundMessageId: number;
  readonly material: string;
  readonly lot: string | null;
  readonly instrumentCode: string;
  readonly analyteCode: string | null;
  readonly valueNumeric: string | null;
  readonly valueText: string | null;
  readonly unit: string | null;
  readonly flags: readonly string[];
  readonly runAt: string | null;
}

export async function insertQcRuns(db: Queryable, runs: readonly NewQcRun[]): Promise<number> {
  if (runs.length === 0) {
    return 0;
  }
  const rows = await db.query<{ id: string }>(
    `INSERT INTO qc_run (instrument_id, inbound_message_id, material, lot, instrument_code, analyte_code, value_numeric,
       value_text, unit, flags, run_at)
     SELECT x."instrumentId", x."inboundMessageId", x.material, x.lot, x."instrumentCode", x."analyteCode",
       x."valueNumeric", x."valueText", x.unit, coalesce(x.flags, '{}'), x."runAt"
     FROM jsonb_to_recordset($1::jsonb) AS x("instrumentId" uuid, "inboundMessageId" bigint, material text, lot text,
       "instrumentCode" text, "analyteCode" text, "valueNumeric" numeric, "valueText" text, unit text, flags text[],
       "runAt" timestamptz)
     ON CONFLICT (inbound_message_id, material, instrument_code) DO NOTHING
     RETURNING id`,
    [JSON.stringify(runs)]
  );
  return rows.length;
}

export interface QcRunRow {
  id: string;
  instrument_id: string;
  inbound_message_id: number;
  material: string;
  lot: string | null;
  instrument_code: string;
  analyte_code: string | null;
  value_numeric: string | null;
  value_text: string | null;
  unit: string | null;
  flags: string[];
  run_at: Date | null;
  recorded_at: Date;
}

export async function listQcRuns(
  db: Queryable,
  filter: { instrumentId?: string | undefined; analyteCode?: string | undefined; limit: number }
): Promise<QcRunRow[]> {
  return db.query<QcRunRow>(
    `SELECT id, instrument_id, inbound_message_id, material, lot, instrument_code, analyte_code,
       value_numeric::text AS value_numeric, value_text, unit, flags, run_at, recorded_at
     FROM qc_run WHERE ($1::uuid IS NULL OR instrument_id = $1) AND ($2::text IS NULL OR analyte_code = $2)
     ORDER BY coalesce(run_at, recorded_at) DESC, id LIMIT $3`,
    [filter.instrumentId ?? null, filter.analyteCode ?? null, filter.limit]
  );
}

// ── Link status published by a separate connect process ─────────────────────

export async function upsertLinkStatus(db: Queryable, instrumentId: string, status: unknown): Promise<void> {
  await db.query(
    `INSERT INTO instrument_link_status (instrument_id, status, updated_at) VALUES ($1, $2::jsonb, now())
     ON CONFLICT (instrument_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()`,
    [instrumentId, JSON.stringify(status)]
  );
}

export async function readLinkStatuses(
  db: Queryable,
  freshWithinMs: number
): Promise<Map<string, { status: unknown; updatedAt: Date }>> {
  const rows = await db.query<{ instrument_id: string; status: unknown; updated_at: Date }>(
    `SELECT instrument_id, status, updated_at FROM instrument_link_status
     WHERE updated_at > now() - make_interval(secs => $1)`,
    [freshWithinMs / 1000]
  );
  return new Map(rows.map((row) => [row.instrument_id, { status: row.status, updatedAt: row.updated_at }]));
}

/** Logs a LAB-28 work order to send; at most one per (analyzer, tube): false when one already exists. */
export async function insertWorkOrder(
  db: Queryable,
  order: { instrumentId: string; specimenId: string; controlId: string; raw: Uint8Array }
): Promise<boolean> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO outbound_message (instrument_id, protocol, kind, message_type, control_id, raw, specimen_id, status)
     VALUES ($1, 'hl7', 'work_order', 'OML^O33', $2, $3, $4, 'pending')
     ON CONFLICT (instrument_id, specimen_id) WHERE kind = 'work_order' DO NOTHING
     RETURNING id`,
    [
      order.instrumentId,
      order.controlId,
      Buffer.from(order.raw.buffer, order.raw.byteOffset, order.raw.byteLength),
      order.specimenId,
    ]
  );
  return rows.length > 0;
}
