/**
 * Records new values on an order's results — typed at the bench, a biologist's amendment, or
 * measured by an analyzer (modules/instruments report-recording.ts): each value becomes a new
 * version (append-only) with its flag, the interval applied and its delta, then the order's
 * calculated analytes are recomputed from the current values and saved as versions of their own
 * when they change. The caller has locked the order's rows and checked the transitions.
 *
 * An analyzer's value differs only in what is stamped on the version: `source = 'instrument'`, no
 * user (`entered_by` null: the analyzer measured it) and the instrument stamp (id, flags, run time,
 * reagent lot…). It then waits for technical validation like a typed one (ISO 15189 §7.3.7).
 */
import { SillageError, type ResultValue } from '@sillage/core';
import type { Queryable } from '../../db/database.js';
import { analyteRuleOf, type AnalyteRule } from './analyte-rule.js';
import { calculate, type InputValue } from './calculated-results.js';
import { checkCommentCodes } from './comment-codes.repository.js';
import { previousResults, toPreviousView, type PreviousRow } from './history.repository.js';
import {
  evaluate,
  patientAtCollection,
  resultValueOf,
  sameStoredValue,
  storedValueOf,
  type Evaluation,
  type PatientAtCollection,
  type PreviousNumeric,
  type StoredValue,
} from './result-evaluation.js';
import { resultViewOf } from './result-views.js';
import * as repo from './results.repository.js';
import type { PreviousResultView, ResultStatus, ResultValueView } from './results.schemas.js';

export interface ValueChange {
  readonly row: repo.OrderResultRow;
  readonly value: ResultValue;
  readonly comment: string | null;
  readonly commentCodes: readonly string[];
  /** The analyzer's stamp (source `instrument` only). */
  readonly instrument?: repo.InstrumentStamp;
}

/** A user typing or amending values. */
export interface ManualRecording {
  readonly source?: 'manual';
  readonly actorId: string;
  /** `amendment`: a correction after biological validation (reason kept on each new version). */
  readonly mode: 'entry' | 'amendment';
  readonly reason: string | null;
}

/** An analyzer's values, recorded by the processing of an inbound message (no user). */
export interface InstrumentRecording {
  readonly source: 'instrument';
}

export type RecordingOptions = ManualRecording | InstrumentRecording;

export interface RecordedResult extends ResultValueView {
  readonly previous: PreviousResultView | null;
}

export interface RecordingOutcome {
  readonly saved: RecordedResult[];
  readonly recalculated: ResultValueView[];
  /** Calculated analytes an analyzer's value would change but already validated (a biologist amends them). */
  readonly lockedCalculations: string[];
}

/** Shown as the value of a calculated analyte whose formula does not apply (the reason goes in the comment). */
export const notComputableText = 'Non calculable';

const lockedStatuses: readonly ResultStatus[] = ['biologically_validated', 'released'];
/** An analyzer never reopens a calculation a technician has already validated either. */
const lockedForInstrument: readonly ResultStatus[] = ['technically_validated', ...lockedStatuses];

/** Each result's patient at collection; a tube-less calculated result takes the order's first collection. */
function patientsByRow(rows: readonly repo.OrderResultRow[]): Map<string, PatientAtCollection> {
  const collected = rows.filter((row) => row.has_collection).map((row) => row.collection_instant.getTime());
  const orderCollection = new Date(collected.length === 0 ? Date.now() : Math.min(...collected));
  const byInstant = new Map<number, PatientAtCollection>();
  const byRow = new Map<string, PatientAtCollection>();
  for (const row of rows) {
    const instant = row.has_collection ? row.collection_instant : orderCollection;
    let patient = byInstant.get(instant.getTime());
    if (patient === undefined) {
      patient = patientAtCollection(row.birth_date, row.patient_sex, instant);
      byInstant.set(instant.getTime(), patient);
    }
    byRow.set(row.id, patient);
  }
  return byRow;
}

function storedOf(row: repo.OrderResultRow): StoredValue {
  return {
    valueNumeric: row.value_numeric,
    qualifier: row.qualifier,
    valueText: row.value_text,
    valueCode: row.value_code,
  };
}

/** Applies a new version to the in-memory row, so views and later calculations see it. */
function applyVersion(row: repo.OrderResultRow, version: repo.NewVersion, status: ResultStatus, enteredAt: Date): void {
  row.current_version = version.version;
  row.status = status;
  row.critical = version.critical;
  row.value_numeric = version.value_numeric;
  row.qualifier = version.qualifier;
  row.value_text = version.value_text;
  row.value_code = version.value_code;
  row.flag = version.flag;
  row.reference = version.reference;
  row.delta = version.delta;
  row.comment = version.comment;
  row.comment_codes = [...version.comment_codes];
  row.entered_at = enteredAt;
  row.source = version.source;
}

function newVersionOf(
  row: repo.OrderResultRow,
  analyte: AnalyteRule,
  stored: StoredValue,
  evaluation: Omit<Evaluation, 'value'>,
  patient: PatientAtCollection,
  details: {
    comment: string | null;
    commentCodes: readonly string[];
    source: repo.NewVersion['source'];
    instrument: repo.InstrumentStamp | null;
    actorId: string | null;
    amendmentReason: string | null;
  }
): repo.NewVersion {
  return {
    result_id: row.id,
    version: row.current_version + 1,
    value_numeric: stored.valueNumeric,
    value_text: stored.valueText,
    value_code: stored.valueCode,
    qualifier: stored.qualifier,
    unit: analyte.unit,
    flag: evaluation.flag,
    critical: evaluation.critical,
    // Frozen with the value: the interval applied and who it was chosen for (sex, age in days).
    reference:
      evaluation.interval === null
        ? null
        : { ...evaluation.interval, patientSex: patient.sex, patientAgeDays: patient.ageDays },
    delta: evaluation.delta,
    comment: details.comment,
    comment_codes: details.commentCodes,
    source: details.source,
    instrument: details.instrument,
    entered_by: details.actorId,
    amendment_reason: details.amendmentReason,
  };
}

export async function recordValues(
  tx: Queryable,
  rows: readonly repo.OrderResultRow[],
  changes: readonly ValueChange[],
  options: RecordingOptions
): Promise<RecordingOutcome> {
  const first = rows[0];
  if (first === undefined || changes.length === 0) {
    return { saved: [], recalculated: [], lockedCalculations: [] };
  }
  // Coded comments come from the lab's list (an analyzer sends none: no query then).
  await checkCommentCodes(
    tx,
    changes.map((change) => ({ codes: change.commentCodes, kept: change.row.comment_codes ?? [] }))
  );
  const manual = options.source === 'instrument' ? null : options;
  const actorId = manual?.actorId ?? null;
  const analytes = new Map(rows.map((row) => [row.id, analyteRuleOf(row)]));
  const analyteOf = (row: repo.OrderResultRow): AnalyteRule => analytes.get(row.id) as AnalyteRule;
  const patients = patientsByRow(rows);
  const patientOf = (row: repo.OrderResultRow): PatientAtCollection => patients.get(row.id) as PatientAtCollection;
  const changedIds = new Set(changes.map((change) => change.row.id));
  const calculatedRows = rows.filter(
    (row) => analyteOf(row).formula !== null && row.status !== 'cancelled' && !changedIds.has(row.id)
  );

  // Previous validated result of every analyte concerned, in one query (delta and "previous" column).
  const requests = [...changes.map((change) => change.row), ...calculatedRows].map((row) => ({
    analyteCode: analyteOf(row).code,
    before: patientOf(row).collectedAt,
  }));
  const previousRows = await previousResults(tx, first.patient_id, requests, first.order_id, 1);
  const previousByCode = new Map<string, PreviousRow>(previousRows.map((row) => [row.analyte_code, row]));
  const previousNumeric = (code: string): PreviousNumeric | null => {
    const previous = previousByCode.get(code);
    if (previous === undefined || previous.value_numeric === null || previous.qualifier !== null) {
      return null;
    }
    return previous.collected_at === null ? null : { value: Number(previous.value_numeric), at: previous.collected_at };
  };

  const statusChanges: repo.StatusChange[] = [];
  const corrected: repo.NewValidationEvent[] = [];
  const touched: { row: repo.OrderResultRow; version: repo.NewVersion; status: ResultStatus }[] = [];
  const amendmentReason = manual?.mode === 'amendment' ? manual.reason : null;
  const lockedCalculations: string[] = [];

  for (const change of changes) {
    const analyte = analyteOf(change.row);
    const patient = patientOf(change.row);
    const evaluation = evaluate(analyte, change.value, patient, previousNumeric(analyte.code));
    const version = newVersionOf(change.row, analyte, storedValueOf(change.value), evaluation, patient, {
      comment: change.comment,
      commentCodes: change.commentCodes,
      source: manual === null ? 'instrument' : 'manual',
      instrument: change.instrument ?? null,
      actorId,
      amendmentReason,
    });
    touched.push({ row: change.row, version, status: 'entered' });
  }

  // Inputs of the calculations: the order's current values, the new ones included.
  const inputs = new Map<string, InputValue>();
  const newValues = new Map(touched.map((t) => [t.row.id, t.version]));
  for (const row of rows) {
    if (row.status === 'cancelled') {
      continue;
    }
    const pending = newValues.get(row.id);
    const analyte = analyteOf(row);
    const value = resultValueOf(
      pending === undefined
        ? storedOf(row)
        : {
            valueNumeric: pending.value_numeric,
            qualifier: pending.qualifier,
            valueText: pending.value_text,
            valueCode: pending.value_code,
          },
      analyte.decimals
    );
    if (value !== null) {
      inputs.set(analyte.code, { value, analyte });
    }
  }

  for (const row of calculatedRows) {
    const analyte = analyteOf(row);
    const patient = patientOf(row);
    const outcome = calculate(analyte, inputs, patient);
    if (outcome.kind === 'waiting') {
      continue;
    }
    const stored: StoredValue =
      outcome.kind === 'value'
        ? storedValueOf(outcome.value)
        : { valueNumeric: null, qualifier: null, valueText: notComputableText, valueCode: null };
    const comment = outcome.kind === 'value' ? null : outcome.messageFr;
    if (
      row.current_version > 0 &&
      sameStoredValue(stored, storedOf(row)) &&
      (comment === null || comment === row.comment)
    ) {
      continue;
    }
    if (manual === null && lockedForInstrument.includes(row.status)) {
      // The analyzer's values are kept; the validated calculation waits for a biologist's amendment.
      lockedCalculations.push(analyte.code);
      continue;
    }
    if (lockedStatuses.includes(row.status) && manual?.mode === 'entry') {
      // A validated calculated value may change only through an amendment of its input.
      throw new SillageError('SIL_RESULT_LOCKED', { detail: `${analyte.code} (calculé) déjà validé` });
    }
    const evaluation =
      outcome.kind === 'value'
        ? evaluate(analyte, outcome.value, patient, previousNumeric(analyte.code))
        : { flag: null, critical: false, interval: null, delta: null };
    const version = newVersionOf(row, analyte, stored, evaluation, patient, {
      comment,
      commentCodes: [],
      source: 'calculated',
      instrument: null,
      actorId,
      amendmentReason: lockedStatuses.includes(row.status) ? amendmentReason : null,
    });
    touched.push({ row, version, status: 'entered' });
  }

  const enteredAt = await repo.insertVersions(
    tx,
    touched.map((t) => t.version)
  );
  for (const { row, version, status } of touched) {
    statusChanges.push({ id: row.id, status, version: version.version, critical: version.critical });
    if (version.amendment_reason !== null) {
      corrected.push({
        result_id: row.id,
        result_version: version.version,
        kind: 'correction',
        reason: version.amendment_reason,
      });
    }
    applyVersion(row, version, status, enteredAt.get(row.id) ?? new Date());
  }
  await repo.updateResults(tx, statusChanges);
  if (actorId !== null) {
    await repo.insertValidationEvents(tx, actorId, corrected);
  }
  await repo.markSpecimensInAnalysis(tx, [
    ...new Set(changes.map((change) => change.row.specimen_id).filter((id): id is string => id !== null)),
  ]);

  const savedIds = new Set(changes.map((change) => change.row.id));
  const saved: RecordedResult[] = [];
  const recalculated: ResultValueView[] = [];
  for (const { row } of touched) {
    const view = resultViewOf(row, analyteOf(row));
    if (savedIds.has(row.id)) {
      const previous = previousByCode.get(analyteOf(row).code);
      saved.push({ ...view, previous: previous === undefined ? null : toPreviousView(previous) });
    } else {
      recalculated.push(view);
    }
  }
  return { saved, recalculated, lockedCalculations };
}
