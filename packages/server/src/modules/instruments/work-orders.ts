/**
 * IHE LAW LAB-28 work orders pushed to bidirectional HL7 analyzers: once a tube is received with
 * analytes the analyzer runs, an OML^O33 is built and logged as pending (one per analyzer and tube);
 * the link sends pending work orders while the analyzer is connected and records its ORL^O34/ACK.
 */
import type { Database } from '../../db/database.js';
import { nextControlId } from './control-ids.js';
import { encodeHl7, hl7WorkOrder } from './hl7-replies.js';
import type { InstrumentProfile } from './instruments.repository.js';
import { listMappings } from './instruments.repository.js';
import * as messages from './messages.repository.js';
import { pendingWorkFor, tubesAwaitingWorkOrder } from './pending-work.repository.js';

/** Builds and logs the work orders due for this analyzer (given tubes, or the received ones); returns how many. */
export async function enqueueWorkOrders(
  database: Database,
  profile: InstrumentProfile,
  barcodes?: readonly string[],
  now: Date = new Date()
): Promise<number> {
  if (profile.protocol !== 'hl7' || profile.direction !== 'bi' || profile.kind !== 'analyzer') {
    return 0;
  }
  return database.transaction(async (tx) => {
    const wanted = barcodes ?? (await tubesAwaitingWorkOrder(tx, profile.id, 20));
    if (wanted.length === 0) {
      return 0;
    }
    const byAnalyte = new Map<string, string>();
    for (const mapping of await listMappings(tx, profile.id)) {
      if (mapping.sendToInstrument && !byAnalyte.has(mapping.analyteCode)) {
        byAnalyte.set(mapping.analyteCode, mapping.instrumentCode);
      }
    }
    let queued = 0;
    for (const work of await pendingWorkFor(tx, wanted)) {
      const testCodes = [
        ...new Set(work.pendingAnalytes.map((code) => byAnalyte.get(code)).filter((c): c is string => c !== undefined)),
      ];
      if (!work.accepted || testCodes.length === 0) {
        continue;
      }
      const controlId = nextControlId('W');
      const text = hl7WorkOrder({ work, testCodes, receiver: profile.code, charset: profile.charset, controlId, now });
      const inserted = await messages.insertWorkOrder(tx, {
        instrumentId: profile.id,
        specimenId: work.specimenId,
        controlId,
        raw: encodeHl7(text, profile.charset),
      });
      queued += inserted ? 1 : 0;
    }
    return queued;
  });
}
