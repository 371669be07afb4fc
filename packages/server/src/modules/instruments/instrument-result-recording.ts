/**
 * Records analyzer values on an order's results the way bench entry does (modules/results
 * result-recording.ts): each value becomes a new, append-only version with the flag and interval
 * for the patient's sex and age at collection and the delta against the previous validated result;
 * the order's calculated analytes are recomputed. What differs: `source = 'instrument'`, no user
 * (`entered_by` null: the analyzer measured it), and the `instrument` stamp {id, code, runAt, flags,
 * reagentLot, equipment, inboundMessageId…} kept with the version. The result then waits for
 * technical validation like a typed one (ISO 15189 §7.3.7: a human reviews every result).
 *
 * Written here rather than by widening `recordValues` so the results feature's entry path stays
 * untouched; the evaluation rules (flags, intervals, delta, formulas) are the same functions.
 */
import type { ResultValue } from '@sillage/core';
import type { Queryable } from '../../db/database.js';
import { analyteRuleOf, type AnalyteRule } from '../results/analyte-rule.js';
import { calculate, type InputValue } from '../results/calculated-results.js';
import { notComputableText } from '../results/result-recording.js';
import { previousResults, type PreviousRow } from '../results/history.repository.js';
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
} from '../results/result-evaluation.js';
import * as results from '../results/results.repository.js';

/** What the analyzer says about one value, frozen with the version (`result_version.instrument`). */
export interface InstrumentStamp {
  readonly id: string;
  readonly code: string;
  readonly runAt: string | null;
  readonly flags: readonly string[];
  readonly reagentLot: string | null;
  readonly equipment: string | null;
  readonly inboundMessageId: number;
  readonly instrumentCode: string;
  readonly rawValue: string;
  readonly rawUnits: string;
  readonly factor: number;
  readonly status: string;
}

export interface InstrumentValueChange {
  readonly row: results.OrderResultRow;
  readonly value: ResultValue;
  readonly stamp: InstrumentStamp;
}

export interface RecordedInstrumentValue {
  readonly resultId: string;
  readonly analyteCode: string;
  readonly version: number;
  readonly flag: string | null;
  readonly critical: boolean;
}

export interface InstrumentRecording {
  readonly saved: RecordedInstrumentValue[];
  readonly recalculated: RecordedInstrumentValue[];
  /** Calculated analytes left alone because they are already validated (a biologist amends them). */
  readonly lockedCalculations: string[];
}

interface NewVersion {
  result_id: string;
  version: number;
  value_numeric: string | null;
  value_text: string | null;
  value_code: string | null;
  qualifier: string | null;
  unit: string | null;
  flag: string | null;
  critical: boolean;
  reference: unknown;
  delta: unknown;
  comment: string | null;
  source: 'instrument' | 'calculated';
  instrument: InstrumentStamp | null;
}

const lockedStatuses = new Set(['technically_validated', 'biologically_validated', 'released']);

function storedOf(row: results.OrderResultRow): StoredValue {
  return {
    valueNumeric: row.value_numeric,
    qualifier: row.qualifier,
    valueText: row.value_text,
    valueCode: row.value_code,
  };
}

function patientsByRow(rows: readonly results.OrderResultRow[]): Map<string, PatientAtCollection> {
  const collected = rows.filter((row) => row.has_collection).map((row) => row.collection_instant.getTime());
  const orderCollection = new Date(collected.length === 0 ? Date.now() : Math.min(...collected));
  const byRow = new Map<string, PatientAtCollection>();
  for (const row of rows) {
    byRow.set(
      row.id,
      patientAtCollection(
        row.birth_date,
        row.patient_sex,
        row.has_collection ? row.collection_instant : orderCollection
      )
    );
  }
  return byRow;
}

function versionOf(
  row: results.OrderResultRow,
  analyte: AnalyteRule,
  stored: StoredValue,
  evaluation: Omit<Evaluation, 'value'>,
  patient: PatientAtCollection,
  extra: { source: 'instrument' | 'calculated'; instrument: InstrumentStamp | null; comment: string | null }
): NewVersion {
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
    reference:
      evaluation.interval === null
        ? null
        : { ...evaluation.interval, patientSex: patient.sex, patientAgeDays: patient.ageDays },
    delta: evaluation.delta,
    comment: extra.comment,
    source: extra.source,
    instrument: extra.instrument,
  };
}

async function insertVersions(db: Queryable, versions: readonly NewVersion[]): Promise<void> {
  if (versions.length === 0) {
    return;
  }
  await db.query(
    `INSERT INTO result_version (result_id, version, value_numeric, value_text, value_code, qualifier, unit, flag,
       critical, reference, delta, comment, comment_codes, source, instrument, entered_by)
     SELECT x.result_id, x.version, x.value_numeric, x.value_text, x.value_code, x.qualifier, x.unit, x.flag,
       x.critical, x.reference, x.delta, x.comment, '{}', x.source, x.instrument, NULL
     FROM jsonb_to_recordset($1::jsonb) AS x(result_id uuid, version integer, value_numeric numeric, value_text text,
       value_code text, qualifier text, unit text, flag text, critical boolean, reference jsonb, delta jsonb,
       comment text, source text, instrument jsonb)`,
    [JSON.stringify(versions)]
  );
}

/**
 * Appends the analyzer's values to the locked rows of one order (the caller checked each transition)
 * and recomputes the calculated analytes that depend on them.
 */
export async function recordInstrumentValues(
  tx: Queryable,
  rows: readonly results.OrderResultRow[],
  changes: readonly InstrumentValueChange[]
): Promise<InstrumentRecording> {
  const first = rows[0];
  if (first === undefined || changes.length === 0) {
    return { saved: [], recalculated: [], lockedCalculations: [] };
  }
  const analytes = new Map(rows.map((row) => [row.id, analyteRuleOf(row)]));
  const analyteOf = (row: results.OrderResultRow): AnalyteRule => analytes.get(row.id) as AnalyteRule;
  const patients = patientsByRow(rows);
  const patientOf = (row: results.OrderResultRow): PatientAtCollection => patients.get(row.id) as PatientAtCollection;
  const changedIds = new Set(changes.map((change) => change.row.id));
  const calculatedRows = rows.filter(
    (row) => analyteOf(row).formula !== null && row.status !== 'cancelled' && !changedIds.has(row.id)
  );

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

  const touched: { row: results.OrderResultRow; version: NewVersion }[] = [];
  for (const change of changes) {
    const analyte = analyteOf(change.row);
    const patient = patientOf(change.row);
    const evaluation = evaluate(analyte, change.value, patient, previousNumeric(analyte.code));
    touched.push({
      row: change.row,
      version: versionOf(change.row, analyte, storedValueOf(change.value), evaluation, patient, {
        source: 'instrument',
        instrument: change.stamp,
        comment: null,
      }),
    });
  }

  // Inputs of the calculations: the order's current values with the analyzer's new ones.
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
            qualifier: pending.qualifier as StoredValue['qualifier'],
            valueText: pending.value_text,
            valueCode: pending.value_code,
          },
      analyte.decimals
    );
    if (value !== null) {
      inputs.set(analyte.code, { value, analyte });
    }
  }

  const lockedCalculations: string[] = [];
  const recalculatedIds = new Set<string>();
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
    if (lockedStatuses.has(row.status)) {
      // A validated calculated value changes only through a biologist's amendment.
      lockedCalculations.push(analyte.code);
      continue;
    }
    const evaluation =
      outcome.kind === 'value'
        ? evaluate(analyte, outcome.value, patient, previousNumeric(analyte.code))
        : { flag: null, critical: false, interval: null, delta: null };
    touched.push({
      row,
      version: versionOf(row, analyte, stored, evaluation, patient, {
        source: 'calculated',
        instrument: null,
        comment,
      }),
    });
    recalculatedIds.add(row.id);
  }

  await insertVersions(
    tx,
    touched.map((t) => t.version)
  );
  await results.updateResults(
    tx,
    touched.map(({ row, version }) => ({
      id: row.id,
      status: 'entered',
      version: version.version,
      critical: version.critical,
    }))
  );
  await results.markSpecimensInAnalysis(tx, [
    ...new Set(changes.map((change) => change.row.specimen_id).filter((id): id is string => id !== null)),
  ]);
  const summary = ({
    row,
    version,
  }: {
    row: results.OrderResultRow;
    version: NewVersion;
  }): RecordedInstrumentValue => ({
    resultId: row.id,
    analyteCode: analyteOf(row).code,
    version: version.version,
    flag: version.flag,
    critical: version.critical,
  });
  return {
    saved: touched.filter((t) => !recalculatedIds.has(t.row.id)).map(summary),
    recalculated: touched.filter((t) => recalculatedIds.has(t.row.id)).map(summary),
    lockedCalculations,
  };
}
