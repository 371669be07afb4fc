import type {
  AnalysisSummary,
  FastingAnswer,
  OrderCreateInput,
  Prescriber,
  TransportTemperature,
  Urgency,
} from '../api/workflow-types.js';
import { dateTimeLocalToIso } from '../lib/local-date-time.js';
import { formatIsoDate, localIsoDate, parseTypedDate } from '../lib/typed-date.js';

export interface OrderFormValues {
  prescriber: Prescriber | null;
  /** As typed: `12/03/2025`. */
  prescriptionDate: string;
  analyses: AnalysisSummary[];
  urgency: Urgency;
  clinicalInfo: string;
  fasting: FastingAnswer;
  /** datetime-local value, empty when not planned. */
  plannedSamplingAt: string;
  /** Sampled away from the lab (nurse at home, clinic): the tubes travel. */
  sampledOutside: boolean;
  transportHours: string;
  transportTemperature: TransportTemperature;
}

export function emptyOrderFormValues(today: Date = new Date()): OrderFormValues {
  return {
    prescriber: null,
    prescriptionDate: formatIsoDate(localIsoDate(today)),
    analyses: [],
    urgency: 'routine',
    clinicalInfo: '',
    fasting: 'unknown',
    plannedSamplingAt: '',
    sampledOutside: false,
    transportHours: '',
    transportTemperature: 'ambiante',
  };
}

/** Transport hours as typed at a French desk: `2`, `1,5`, `1.5`. */
export function parseHours(text: string): number | null {
  const normalized = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(normalized)) {
    return null;
  }
  const hours = Number(normalized);
  return hours <= 240 ? hours : null;
}

/** The API body, or null when a field cannot be read (the form's validation shows why). */
export function orderFormToInput(
  patientId: string,
  values: OrderFormValues,
  acknowledgeWarnings: boolean,
  today: Date = new Date()
): OrderCreateInput | null {
  let prescriptionDate: string | null = null;
  if (values.prescriptionDate.trim() !== '') {
    const parsed = parseTypedDate(values.prescriptionDate, today);
    if (!parsed.ok) {
      return null;
    }
    prescriptionDate = parsed.iso;
  }
  let plannedSamplingAt: string | null = null;
  if (values.plannedSamplingAt.trim() !== '') {
    plannedSamplingAt = dateTimeLocalToIso(values.plannedSamplingAt);
    if (plannedSamplingAt === null) {
      return null;
    }
  }
  let plannedTransport: OrderCreateInput['plannedTransport'] = null;
  if (values.sampledOutside) {
    const hours = parseHours(values.transportHours);
    if (hours === null) {
      return null;
    }
    plannedTransport = { hours, temperature: values.transportTemperature };
  }
  if (values.analyses.length === 0) {
    return null;
  }
  const clinicalInfo = values.clinicalInfo.trim();
  return {
    patientId,
    prescriberId: values.prescriber?.id ?? null,
    prescriptionDate,
    analyses: values.analyses.map((analysis) => analysis.code),
    urgency: values.urgency,
    clinicalInfo: clinicalInfo === '' ? null : clinicalInfo,
    patientFasting: values.fasting,
    plannedSamplingAt,
    plannedTransport,
    acknowledgeWarnings,
  };
}
