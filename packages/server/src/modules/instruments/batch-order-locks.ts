/**
 * Locks, before a processing batch records anything, the results of every order its messages
 * name — in one statement, in result id order (issue 4). Without it, two batches recording the
 * same two orders from messages in opposite order each hold one order and wait for the other:
 * PostgreSQL aborts one (deadlock), which is then redone message by message. result id order is
 * the order every other locker uses (results.repository lockResults), and taking all the locks
 * before the first audit append keeps the audit chain's lock out of any cycle.
 *
 * Reading the messages here is best effort: a message that cannot be read locks nothing, and its
 * processing (which reads it again) says why it failed.
 */
import { decodeHl7, decodeInstrumentText, tryParseAstmMessages, tryParseHl7 } from '@sillage/core';
import type { Queryable } from '../../db/database.js';
import { readAstmReport } from './astm-report-reader.js';
import { readHl7Report } from './hl7-report-reader.js';
import { compileQcPattern, type InstrumentReport } from './instrument-report.js';
import type { InstrumentProfile } from './instruments.repository.js';
import type { InboundRow } from './messages.repository.js';
import { specimenIdsOf } from './report-recording.js';
import { astmSpecimenIdPath, hl7SpecimenIdPath } from './specimen-id-location.js';

/** The analyzer report a message carries, or null (query, order, unreadable, already processed…). */
function reportOf(message: InboundRow, profile: InstrumentProfile): InstrumentReport | null {
  if (message.status !== 'received' || profile.kind !== 'analyzer') {
    return null;
  }
  const qcPattern = compileQcPattern(profile.qcSpecimenPattern);
  if (message.protocol === 'astm') {
    const parsed = tryParseAstmMessages(decodeInstrumentText(message.raw, profile.charset));
    const records = parsed.messages.flatMap((m) => m.records);
    if (parsed.issues.some((issue) => issue.severity === 'error') || records.some((r) => r.type === 'Q')) {
      return null;
    }
    return readAstmReport(parsed.messages, {
      specimenIdLocation: astmSpecimenIdPath(profile.specimenIdLocation),
      qcPattern,
      reagentLotComponent: profile.reagentLotComponent,
    });
  }
  const parsed = tryParseHl7(decodeHl7(message.raw, profile.charset));
  if (!parsed.ok) {
    return null;
  }
  const type = parsed.message.messageType().code;
  if (type !== 'ORU' && type !== 'OUL') {
    return null;
  }
  return readHl7Report(parsed.message, {
    specimenIdLocation: hl7SpecimenIdPath(profile.specimenIdLocation),
    qcPattern,
    qcSpecimenRole: profile.qcSpecimenRole,
  });
}

/** The tubes a message will record on: barcodes read, and tubes a user assigned from the orphan list. */
export function tubesNamedBy(
  message: InboundRow,
  profile: InstrumentProfile
): { barcodes: string[]; specimenIds: string[] } {
  let report: InstrumentReport | null;
  try {
    report = reportOf(message, profile);
  } catch {
    report = null; // the processing reads it again and records why it failed
  }
  if (report === null) {
    return { barcodes: [], specimenIds: [] };
  }
  const barcodes = specimenIdsOf(report);
  const assigned = barcodes
    .map((barcode) => message.specimen_assignments[barcode])
    .filter((id): id is string => id !== undefined);
  return { barcodes, specimenIds: assigned };
}

/** One statement, result id order: the locks two batches (or a batch and a manual entry) take alike. */
export async function lockOrdersOfBatch(
  tx: Queryable,
  messages: readonly { message: InboundRow; profile: InstrumentProfile }[]
): Promise<void> {
  const barcodes = new Set<string>();
  const specimenIds = new Set<string>();
  for (const { message, profile } of messages) {
    const named = tubesNamedBy(message, profile);
    named.barcodes.forEach((barcode) => barcodes.add(barcode));
    named.specimenIds.forEach((id) => specimenIds.add(id));
  }
  if (barcodes.size === 0 && specimenIds.size === 0) {
    return;
  }
  await tx.query(
    `SELECT r.id FROM result r
     WHERE r.order_id IN (SELECT s.order_id FROM specimen s WHERE s.barcode = ANY($1::text[]) OR s.id = ANY($2::uuid[]))
     ORDER BY r.id FOR UPDATE OF r`,
    [[...barcodes], [...specimenIds]]
  );
}
