/**
 * Records an analyzer's report, all or nothing, inside the processing transaction:
 * 1. every patient specimen id must name a known tube (or an assignment made from the orphan
 *    list) — otherwise the whole message becomes an orphan;
 * 2. every recordable observation of a patient tube must have a code mapping — otherwise the
 *    message waits in the error queue until the mapping is added and the message replayed;
 * 3. control material becomes QC runs (never patient results);
 * 4. patient values go through the result state machine and are recorded as instrument versions.
 */
import { checkResultTransition, SillageError, type SpecimenStatus } from '@sillage/core';
import type { Queryable } from '../../db/database.js';
import { writeAuditEvents, type AuditContext, type AuditEventInput } from '../audit/audit-writer.js';
import { analyteRuleOf } from '../results/analyte-rule.js';
import { recordValues, type ValueChange } from '../results/result-recording.js';
import type { ResultValueView } from '../results/results.schemas.js';
import * as results from '../results/results.repository.js';
import { isRecordable, type InstrumentReport, type InstrumentSpecimenReport } from './instrument-report.js';
import { instrumentResultValue, readInstrumentNumber } from './instrument-value.js';
import type { InstrumentProfile, TestMapping } from './instruments.repository.js';
import * as messages from './messages.repository.js';

/** Thrown inside the processing transaction (rolled back) when tubes are unknown. */
export class OrphanSpecimens extends Error {
  constructor(readonly unknownIds: readonly string[]) {
    super(`unknown specimens: ${unknownIds.join(', ')}`);
  }
}

/** One value the analyzer's message wrote (kept in the message outcome and the audit event). */
export interface RecordedInstrumentValue {
  readonly resultId: string;
  readonly analyteCode: string;
  readonly version: number;
  readonly flag: string | null;
  readonly critical: boolean;
}

function summaryOf(view: ResultValueView): RecordedInstrumentValue {
  return {
    resultId: view.id,
    analyteCode: view.analyteCode,
    version: view.version,
    flag: view.flag,
    critical: view.critical,
  };
}

export interface ReportOutcome {
  readonly specimenIds: string[];
  readonly saved: (RecordedInstrumentValue & { barcode: string })[];
  readonly recalculated: RecordedInstrumentValue[];
  readonly qcRuns: number;
  readonly notes: string[];
}

interface SpecimenRow {
  id: string;
  order_id: string;
  status: string;
  barcode: string;
  patient_id: string;
}

async function findSpecimens(
  tx: Queryable,
  barcodes: readonly string[],
  ids: readonly string[]
): Promise<SpecimenRow[]> {
  return tx.query<SpecimenRow>(
    `SELECT s.id, s.order_id, s.status, s.barcode, o.patient_id FROM specimen s JOIN lab_order o ON o.id = s.order_id
     WHERE s.barcode = ANY($1::text[]) OR s.id = ANY($2::uuid[])`,
    [barcodes, ids]
  );
}

const recordableStatuses = new Set(['pending', 'entered', 'rejected_by_biologist']);

export interface RecordReportInput {
  readonly profile: InstrumentProfile;
  readonly mappings: ReadonlyMap<string, TestMapping>;
  readonly inboundMessageId: number;
  readonly assignments: Readonly<Record<string, string>>;
  readonly context: AuditContext;
}

/** The specimen ids a report names (patient tubes and controls), once each, in message order. */
export function specimenIdsOf(report: InstrumentReport): string[] {
  return [...new Set(report.specimens.map((s) => s.specimenId).filter((id) => id !== ''))];
}

/**
 * The specimen ids read from a message whose recording then failed (unmapped code, tube not
 * received…), so the error queue can list them. Keyed by the thrown object, which reaches the
 * failure bookkeeping unchanged (also through a batch abort).
 */
const specimenIdsOfFailure = new WeakMap<object, string[]>();

export function specimenIdsReadBefore(error: unknown): string[] | undefined {
  return typeof error === 'object' && error !== null ? specimenIdsOfFailure.get(error) : undefined;
}

/** recordReport, noting on failure which specimen ids the message carried. */
export async function recordReportNotingSpecimens(
  tx: Queryable,
  report: InstrumentReport,
  input: RecordReportInput
): Promise<ReportOutcome> {
  try {
    return await recordReport(tx, report, input);
  } catch (error) {
    if (typeof error === 'object' && error !== null) {
      specimenIdsOfFailure.set(error, specimenIdsOf(report));
    }
    throw error;
  }
}

export async function recordReport(
  tx: Queryable,
  report: InstrumentReport,
  input: RecordReportInput
): Promise<ReportOutcome> {
  const notes = [...report.notes];
  const patientReports = report.specimens.filter((s) => !s.qc);
  const qcReports = report.specimens.filter((s) => s.qc);
  const specimenIds = specimenIdsOf(report);

  if (patientReports.some((s) => s.specimenId === '' && s.observations.some(isRecordable))) {
    throw new SillageError('SIL_CONNECT_NO_SPECIMEN_ID', { detail: input.profile.specimenIdLocation });
  }

  // 1. Tubes: by barcode, or by the assignment a user made from the orphan list.
  const wanted = [...new Set(patientReports.map((s) => s.specimenId).filter((id) => id !== ''))];
  const assigned = wanted.map((id) => input.assignments[id]).filter((id): id is string => id !== undefined);
  const found = await findSpecimens(tx, wanted, assigned);
  const byId = new Map(found.map((row) => [row.id, row]));
  const byBarcode = new Map(found.map((row) => [row.barcode, row]));
  const tubeOf = (specimenId: string): SpecimenRow | undefined => {
    const assignedId = input.assignments[specimenId];
    return assignedId === undefined ? byBarcode.get(specimenId) : byId.get(assignedId);
  };
  const unknown = wanted.filter((id) => tubeOf(id) === undefined);
  if (unknown.length > 0) {
    throw new OrphanSpecimens(unknown);
  }

  // 2. Mappings of every value to record on a patient tube.
  const unmapped = new Set<string>();
  for (const specimen of patientReports) {
    for (const observation of specimen.observations) {
      if (isRecordable(observation) && !input.mappings.has(observation.code)) {
        unmapped.add(observation.code);
      }
    }
  }
  if (unmapped.size > 0) {
    throw new SillageError('SIL_CONNECT_CODE_UNMAPPED', { detail: [...unmapped].join(', ') });
  }

  // 3. Control material.
  const qcRuns = await messages.insertQcRuns(
    tx,
    qcReports.flatMap((specimen) => qcRunsOf(specimen, input))
  );

  // 4. Patient values, one order at a time (orders locked in id order: no deadlock between two links).
  const byOrder = new Map<string, { tube: SpecimenRow; report: InstrumentSpecimenReport }[]>();
  for (const specimen of patientReports) {
    const tube = tubeOf(specimen.specimenId);
    if (tube === undefined) {
      continue; // no recordable value and no id: nothing to do
    }
    const list = byOrder.get(tube.order_id) ?? [];
    list.push({ tube, report: specimen });
    byOrder.set(tube.order_id, list);
  }
  const saved: ReportOutcome['saved'] = [];
  const recalculated: RecordedInstrumentValue[] = [];
  const audits: AuditEventInput[] = [];
  for (const orderId of [...byOrder.keys()].sort()) {
    const entries = byOrder.get(orderId) ?? [];
    const rows = await results.lockResults(tx, { orderId });
    const changes: ValueChange[] = [];
    const taken = new Set<string>();
    for (const { tube, report: specimen } of entries) {
      for (const observation of specimen.observations.filter(isRecordable)) {
        const mapping = input.mappings.get(observation.code) as TestMapping;
        const candidates = rows.filter(
          (row) => row.specimen_id === tube.id && row.analyte_code === mapping.analyteCode && row.status !== 'cancelled'
        );
        if (candidates.length === 0) {
          notes.push(`${tube.barcode} : ${observation.code} → ${mapping.analyteCode} non demandé sur ce tube`);
          continue;
        }
        for (const row of candidates) {
          if (taken.has(row.id)) {
            notes.push(`${tube.barcode} : ${observation.code} reçu deux fois, seule la première valeur est gardée`);
            continue;
          }
          if (!recordableStatuses.has(row.status)) {
            notes.push(
              `${tube.barcode} : ${mapping.analyteCode} déjà ${row.status}, valeur de l’automate non appliquée`
            );
            continue;
          }
          const problem = checkResultTransition(row.status, 'entered', {
            // The analyzer measures on the bench's behalf; a technician validates afterwards.
            actorRoles: ['technicien'],
            hasValue: true,
            specimenStatus: row.specimen_status as SpecimenStatus | null,
            critical: false,
            criticalNotified: false,
          });
          if (problem !== null) {
            throw new SillageError(problem, { detail: `${tube.barcode} (${row.specimen_status ?? '—'})` });
          }
          taken.add(row.id);
          changes.push({
            row,
            value: instrumentResultValue(observation.value, mapping.factor, analyteRuleOf(row), observation.code),
            comment: null,
            commentCodes: [],
            instrument: {
              id: input.profile.id,
              code: input.profile.code,
              runAt: observation.runAt,
              flags: observation.flags,
              reagentLot: observation.reagentLot,
              equipment: observation.equipment,
              inboundMessageId: input.inboundMessageId,
              instrumentCode: observation.code,
              rawValue: observation.value,
              rawUnits: observation.units,
              factor: mapping.factor,
              status: observation.status,
            },
          });
        }
      }
    }
    const outcome = await recordValues(tx, rows, changes, { source: 'instrument' });
    const recording = {
      saved: outcome.saved.map(summaryOf),
      recalculated: outcome.recalculated.map(summaryOf),
      lockedCalculations: outcome.lockedCalculations,
    };
    const barcodeOf = new Map(changes.map((change) => [change.row.id, change.row.barcode ?? '']));
    saved.push(...recording.saved.map((value) => ({ ...value, barcode: barcodeOf.get(value.resultId) ?? '' })));
    recalculated.push(...recording.recalculated);
    for (const code of recording.lockedCalculations) {
      notes.push(`${code} (calculé) déjà validé : non recalculé`);
    }
    if (recording.saved.length > 0) {
      audits.push({
        action: 'result.instrument_recorded',
        entityType: 'order',
        entityId: orderId,
        patientId: entries[0]?.tube.patient_id ?? null,
        after: {
          instrument: input.profile.code,
          inboundMessageId: input.inboundMessageId,
          barcodes: [...new Set(entries.map((e) => e.tube.barcode))],
          saved: recording.saved,
          recalculated: recording.recalculated,
        },
      });
    }
  }
  // One append to the audit chain for the whole message (one lock, one INSERT), in its transaction.
  if (audits.length > 0) {
    await writeAuditEvents(
      tx,
      audits.map((audit) => ({ context: input.context, input: audit }))
    );
  }
  return { specimenIds, saved, recalculated, qcRuns, notes: [...new Set(notes)] };
}

function qcRunsOf(specimen: InstrumentSpecimenReport, input: RecordReportInput): messages.NewQcRun[] {
  const runs: messages.NewQcRun[] = [];
  const seen = new Set<string>();
  for (const observation of specimen.observations.filter(isRecordable)) {
    if (seen.has(observation.code)) {
      continue;
    }
    seen.add(observation.code);
    const mapping = input.mappings.get(observation.code);
    const number = readInstrumentNumber(observation.value);
    const factor = mapping?.factor ?? 1;
    runs.push({
      instrumentId: input.profile.id,
      inboundMessageId: input.inboundMessageId,
      material: specimen.specimenId === '' ? '(sans identifiant)' : specimen.specimenId,
      lot: specimen.qcLot,
      instrumentCode: observation.code,
      analyteCode: mapping?.analyteCode ?? null,
      valueNumeric:
        number === null || number.comparator !== '' ? null : String(Number((number.value * factor).toPrecision(12))),
      valueText: number === null || number.comparator !== '' ? observation.value : null,
      unit: observation.units === '' ? null : observation.units,
      flags: observation.flags,
      runAt: observation.runAt,
    });
  }
  return runs;
}
