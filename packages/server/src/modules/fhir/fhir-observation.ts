/**
 * Observation: the latest biologically validated version of a result — LOINC code (and the lab's
 * analyte code), UCUM quantity, v3 interpretation (the HL7 Table 0078 flag), the reference range
 * frozen with the value, the validating biologist as performer. A corrected value is `amended`.
 */
import { formatUnitForDisplay } from '@sillage/core';
import { readFrozenInterval } from '../reports/report-format.js';
import type { FhirObservationRow } from './fhir.repository.js';
import { parseDateValue, parseTokens, type SearchRequest } from './fhir-search.js';
import { instantCondition, tokenCondition, type SqlWhere } from './fhir-sql.js';
import {
  analyteCodeSystem,
  interpretationDisplays,
  interpretationSystem,
  loincSystem,
  observationCategorySystem,
  ucumSystem,
} from './fhir-systems.js';
import type { Coding, Observation, ObservationReferenceRange, Quantity } from './fhir-types.js';

export const observationSearchParameters = ['_id', 'patient', 'subject', 'code', 'date', 'status'] as const;

export const codedResultSystem = `${analyteCodeSystem}-value`;

function quantity(value: number, ucum: string | null): Quantity {
  if (ucum === null || ucum.trim() === '') {
    return { value };
  }
  return { value, unit: formatUnitForDisplay(ucum), system: ucumSystem, code: ucum };
}

function codedLabel(codedValues: unknown, code: string): string | undefined {
  if (!Array.isArray(codedValues)) {
    return undefined;
  }
  const match = codedValues.find(
    (v): v is { code: string; label: string } =>
      typeof v === 'object' &&
      v !== null &&
      (v as { code?: unknown }).code === code &&
      typeof (v as { label?: unknown }).label === 'string'
  );
  return match?.label;
}

function referenceRangeOf(row: FhirObservationRow, ucum: string | null): ObservationReferenceRange[] | undefined {
  const interval = readFrozenInterval(row.reference);
  if (interval === null) {
    return undefined;
  }
  const range: ObservationReferenceRange = {};
  if (interval.low !== null) {
    range.low = quantity(interval.low, ucum);
  }
  if (interval.high !== null) {
    range.high = quantity(interval.high, ucum);
  }
  if (interval.text !== undefined) {
    range.text = interval.text;
  }
  return [range];
}

export function toFhirObservation(row: FhirObservationRow): Observation {
  const coding: Coding[] = [];
  if (row.loinc !== null) {
    coding.push({ system: loincSystem, code: row.loinc, display: row.analyte_label });
  }
  coding.push({ system: analyteCodeSystem, code: row.analyte_code, display: row.analyte_label });
  const ucum = row.unit ?? row.unit_ucum;
  const observation: Observation = {
    resourceType: 'Observation',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.validated_at.toISOString() },
    basedOn: [{ reference: `ServiceRequest/${row.order_analysis_id}` }],
    status: row.status,
    category: [{ coding: [{ system: observationCategorySystem, code: 'laboratory', display: 'Laboratory' }] }],
    code: { coding, text: row.analyte_label },
    subject: { reference: `Patient/${row.patient_id}`, display: row.patient_name },
    effectiveDateTime: row.effective_at.toISOString(),
    issued: row.validated_at.toISOString(),
    performer: [{ display: row.validator_name }],
  };
  if (row.value_numeric !== null) {
    observation.valueQuantity = {
      ...(row.qualifier === null ? {} : { comparator: row.qualifier }),
      ...quantity(Number(row.value_numeric), ucum),
    };
  } else if (row.value_code !== null) {
    const display = codedLabel(row.coded_values, row.value_code);
    observation.valueCodeableConcept = {
      coding: [{ system: codedResultSystem, code: row.value_code, ...(display === undefined ? {} : { display }) }],
      text: display ?? row.value_code,
    };
  } else if (row.value_text !== null) {
    observation.valueString = row.value_text;
  }
  if (row.flag !== null) {
    observation.interpretation = [
      {
        coding: [
          { system: interpretationSystem, code: row.flag, display: interpretationDisplays[row.flag] ?? row.flag },
        ],
      },
    ];
  }
  const referenceRange = referenceRangeOf(row, row.result_type === 'numeric' ? ucum : null);
  if (referenceRange !== undefined) {
    observation.referenceRange = referenceRange;
  }
  if (row.specimen_id !== null) {
    observation.specimen = { reference: `Specimen/${row.specimen_id}` };
  }
  if (row.comment !== null && row.comment.trim() !== '') {
    observation.note = [{ text: row.comment }];
  }
  return observation;
}

export function applyObservationFilters(search: SearchRequest, where: SqlWhere): void {
  for (const raw of search.params.get('code') ?? []) {
    where.and(
      tokenCondition(parseTokens('code', raw), (token) => {
        const code = where.bind(token.code);
        if (token.system === null) {
          return `(f.loinc = ${code} OR f.analyte_code = ${code})`;
        }
        if (token.system === loincSystem) {
          return `f.loinc = ${code}`;
        }
        return token.system === analyteCodeSystem ? `f.analyte_code = ${code}` : null;
      })
    );
  }
  for (const raw of search.params.get('date') ?? []) {
    where.and(instantCondition(where, 'f.effective_at', parseDateValue('date', raw)));
  }
}
