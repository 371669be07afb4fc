/**
 * Locks, before a processing batch records anything, the results of every order its messages
 * name — in one statement, in result id order (issue 4). Without it, two batches recording the
 * same two orders from messages in opposite order each hold one order and wait for the other:
 * PostgreSQL aborts one (deadlock), which is then redone message by message. result id order is
 * the order every other locker uses (results.repository lockResults), and taking all the locks
 * before the first audit append keeps the audit chain's lock out of any cycle.
 *
 * The tubes come from the batch's one parse of each message (inbound-parse.ts). Reading them here is
 * best effort: a message that cannot be read locks nothing, and its processing says why it failed.
 */
import type { Queryable } from '../../db/database.js';
import { readAstmReport } from './astm-report-reader.js';
import { readHl7Report } from './hl7-report-reader.js';
import type { InboundParse } from './inbound-parse.js';
import { compileQcPattern, type InstrumentReport } from './instrument-report.js';
import type { InstrumentProfile } from './instruments.repository.js';
import type { InboundRow } from './messages.repository.js';
import { specimenIdsOf } from './report-recording.js';
import { astmSpecimenIdPath, hl7SpecimenIdPath } from './specimen-id-location.js';

/** The analyzer report a message carries, or null (query, order, unreadable, already processed…). */
function reportOf(message: InboundRow, profile: InstrumentProfile, parse: InboundParse): InstrumentReport | null {
  if (message.status !== 'received' || profile.kind !== 'analyzer') {
    return null;
  }
  const qcPattern = compileQcPattern(profile.qcSpecimenPattern);
  if (parse.protocol === 'astm') {
    const records = parse.result.messages.flatMap((m) => m.records);
    if (parse.result.issues.some((issue) => issue.severity === 'error') || records.some((r) => r.type === 'Q')) {
      return null;
    }
    return readAstmReport(parse.result.messages, {
      specimenIdLocation: astmSpecimenIdPath(profile.specimenIdLocation),
      qcPattern,
      reagentLotComponent: profile.reagentLotComponent,
    });
  }
  if (parse.protocol === 'failed' || !parse.result.ok) {
    return null;
  }
  const type = parse.result.message.messageType().code;
  if (type !== 'ORU' && type !== 'OUL') {
    return null;
  }
  return readHl7Report(parse.result.message, {
    specimenIdLocation: hl7SpecimenIdPath(profile.specimenIdLocation),
    qcPattern,
    qcSpecimenRole: profile.qcSpecimenRole,
  });
}

/** The tubes a message will record on: barcodes read, and tubes a user assigned from the orphan list. */
export function tubesNamedBy(
  message: InboundRow,
  profile: InstrumentProfile,
  parse: InboundParse
): { barcodes: string[]; specimenIds: string[] } {
  let report: InstrumentReport | null;
  try {
    report = reportOf(message, profile, parse);
  } catch {
    report = null; // the processing reads the report again and records why it failed
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
  messages: readonly { message: InboundRow; profile: InstrumentProfile; parse: InboundParse }[]
): Promise<void> {
  const barcodes = new Set<string>();
  const specimenIds = new Set<string>();
  for (const { message, profile, parse } of messages) {
    const named = tubesNamedBy(message, profile, parse);
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
