/**
 * Orders from a clinic or hospital: HL7 OML^O21 (IHE LTW LAB-1, placer order). The patient is found
 * by INS (PID-3 with an INS OID or identifier type INS) or by strict identity traits (birth name,
 * first name, birth date, sex — never a fuzzy match: RNIV identitovigilance), else created as a
 * provisional identity (PROV: not verified here). The order goes through the desk's order service
 * (numbers, tubes, pending results, audit) inside the processing transaction; ORL^O22 answers.
 */
import { normalizeName, SillageError, searchKey, type Hl7Message, type Hl7Segment, HL7_NULL } from '@sillage/core';
import type { Database, Queryable } from '../../db/database.js';
import type { AccessEventWriter, AuditContext } from '../audit/audit-writer.js';
import { OrderService } from '../orders/orders.service.js';
import type { OrderCreateInput } from '../orders/orders.schemas.js';
import { PatientService } from '../patients/patients.service.js';
import { parseInstrumentTime, timeOffsetOf } from './instrument-time.js';
import { databaseInTransaction } from './transaction-database.js';

/** INS OIDs (ANS): NIR 1.2.250.1.213.1.4.8, NIA .9, test NIR .10, demo NIR .11. */
const insOids = new Set(['1.2.250.1.213.1.4.8', '1.2.250.1.213.1.4.9', '1.2.250.1.213.1.4.10', '1.2.250.1.213.1.4.11']);

function leaf(value: string): string {
  const trimmed = value.trim();
  return trimmed === HL7_NULL ? '' : trimmed;
}

export interface ExternalPatient {
  readonly ins: string | null;
  readonly birthName: string;
  readonly usedName: string | null;
  readonly firstNames: string;
  readonly birthDate: string;
  readonly sex: 'F' | 'M' | 'I';
}

/** PID-3 (INS), PID-5 (type L = birth name, D = used name), PID-7, PID-8. */
export function readExternalPatient(pid: Hl7Segment | undefined): ExternalPatient {
  if (pid === undefined) {
    throw new SillageError('SIL_CONNECT_PATIENT_MISSING', { detail: 'PID absent' });
  }
  const ids = pid.fieldValues(3);
  const insRepetition = ids.find((components) => {
    const authority = components[3] ?? [];
    return leaf(components[4]?.[0] ?? '') === 'INS' || insOids.has(leaf(authority[1] ?? ''));
  });
  const names = pid.fieldValues(5);
  const nameOfType = (type: string): string[][] | undefined =>
    names.find((components) => leaf(components[6]?.[0] ?? '').toUpperCase() === type);
  const birth = nameOfType('L') ?? names[0] ?? [];
  const used = nameOfType('D');
  const birthName = leaf(birth[0]?.[0] ?? '');
  const firstNames = [leaf(birth[1]?.[0] ?? ''), leaf(birth[2]?.[0] ?? '')].filter((n) => n !== '').join(' ');
  const rawDate = leaf(pid.get(7)).slice(0, 8);
  const birthDate = /^\d{8}$/.test(rawDate)
    ? `${rawDate.slice(0, 4)}-${rawDate.slice(4, 6)}-${rawDate.slice(6, 8)}`
    : '';
  const sexCode = leaf(pid.get(8)).toUpperCase();
  const missing = [
    birthName === '' ? 'PID-5.1' : null,
    firstNames === '' ? 'PID-5.2' : null,
    birthDate === '' ? 'PID-7' : null,
  ].filter((m): m is string => m !== null);
  if (missing.length > 0) {
    throw new SillageError('SIL_CONNECT_PATIENT_MISSING', { detail: missing.join(', ') });
  }
  const usedName = used === undefined ? null : leaf(used[0]?.[0] ?? '') || null;
  return {
    ins: insRepetition === undefined ? null : leaf(insRepetition[0]?.[0] ?? '') || null,
    birthName,
    usedName,
    firstNames,
    birthDate,
    sex: sexCode === 'F' || sexCode === 'M' ? sexCode : 'I',
  };
}

interface MatchRow {
  id: string;
  birth_date: string;
}

async function matchPatient(tx: Queryable, patient: ExternalPatient): Promise<string | undefined> {
  if (patient.ins !== null) {
    const byIns = await tx.query<MatchRow>(
      'SELECT id, birth_date::text AS birth_date FROM patient WHERE ins_number = $1 AND merged_into_id IS NULL',
      [patient.ins.replace(/\s/g, '')]
    );
    const found = byIns[0];
    if (found !== undefined) {
      if (found.birth_date !== patient.birthDate) {
        throw new SillageError('SIL_CONNECT_PATIENT_AMBIGUOUS', {
          detail: 'INS connu avec une autre date de naissance',
        });
      }
      return found.id;
    }
  }
  const firstFirstName = normalizeName(patient.firstNames).split(' ')[0] ?? '';
  const rows = await tx.query<MatchRow>(
    `SELECT id, birth_date::text AS birth_date FROM patient
     WHERE birth_name_key = $1 AND first_name_key = $2 AND birth_date = $3 AND sex = $4 AND merged_into_id IS NULL
     LIMIT 2`,
    [searchKey(normalizeName(patient.birthName)), searchKey(firstFirstName), patient.birthDate, patient.sex]
  );
  if (rows.length > 1) {
    throw new SillageError('SIL_CONNECT_PATIENT_AMBIGUOUS', { detail: `${rows.length} dossiers` });
  }
  return rows[0]?.id;
}

export interface ExternalOrderRequest {
  readonly placerOrders: string[];
  readonly tests: string[];
  readonly urgent: boolean;
  readonly clinicalInfo: string | null;
  readonly prescriberRpps: string | null;
  readonly plannedSamplingAt: string | null;
}

/** ORC/OBR groups: ORC-1 NW (new order), ORC-2 placer order number, OBR-4.1 the lab's test code. */
export function readExternalOrder(message: Hl7Message): ExternalOrderRequest {
  const placerOrders: string[] = [];
  const tests: string[] = [];
  for (const orc of message.getAll('ORC')) {
    const control = leaf(orc.get(1)).toUpperCase();
    if (control !== 'NW') {
      throw new SillageError('SIL_CONNECT_UNSUPPORTED_MESSAGE', { detail: `ORC-1 ${control || '—'} (seul NW)` });
    }
    const placer = leaf(orc.get(2));
    if (placer !== '' && !placerOrders.includes(placer)) {
      placerOrders.push(placer);
    }
  }
  for (const obr of message.getAll('OBR')) {
    const code = leaf(obr.get(4));
    if (code !== '' && !tests.includes(code)) {
      tests.push(code);
    }
    const placer = leaf(obr.get(2));
    if (placer !== '' && !placerOrders.includes(placer)) {
      placerOrders.push(placer);
    }
  }
  if (tests.length === 0) {
    throw new SillageError('SIL_CONNECT_ORDER_NO_TEST');
  }
  const priority = [message.get('TQ1-9'), message.get('OBR-5'), message.get('ORC-7.6')].map((p) =>
    leaf(p).toUpperCase()
  );
  const rpps = leaf(message.get('OBR-16'));
  const senderOffset = timeOffsetOf(message.get('MSH-7'));
  const clinical = leaf(message.get('OBR-13'));
  return {
    placerOrders,
    tests,
    urgent: priority.includes('S'),
    clinicalInfo: clinical === '' ? null : clinical.slice(0, 2000),
    prescriberRpps: /^\d{11}$/.test(rpps) ? rpps : null,
    plannedSamplingAt:
      parseInstrumentTime(message.get('SPM-17'), senderOffset) ??
      parseInstrumentTime(message.get('OBR-7'), senderOffset),
  };
}

export interface PlacedExternalOrder {
  readonly patientId: string;
  readonly patientNumber: string;
  readonly patientCreated: boolean;
  readonly orderId: string;
  readonly orderNumber: string;
  readonly placerOrders: string[];
  readonly warnings: string[];
}

export async function placeExternalOrder(
  tx: Queryable,
  kind: Database['kind'],
  message: Hl7Message,
  context: AuditContext,
  accessEvents: AccessEventWriter
): Promise<PlacedExternalOrder> {
  const patient = readExternalPatient(message.segment('PID'));
  const request = readExternalOrder(message);
  const inTx = databaseInTransaction(tx, kind);
  let patientId = await matchPatient(tx, patient);
  let patientCreated = false;
  if (patientId === undefined) {
    // Not verified by Sillage: provisional identity (RNIV PROV), INS not copied until checked (INSi).
    const created = await new PatientService(inTx, accessEvents).create(
      {
        birthName: patient.birthName,
        usedName: patient.usedName,
        birthFirstNames: patient.firstNames,
        firstFirstName: normalizeName(patient.firstNames).split(' ')[0] ?? patient.firstNames,
        birthDate: patient.birthDate,
        sex: patient.sex,
        birthplaceInsee: null,
        ins: null,
        identityStatus: 'PROV',
        identityDocument: null,
        phone: null,
        email: null,
        address: null,
        confirmDuplicate: false,
      },
      null,
      context
    );
    patientId = created.id;
    patientCreated = true;
  }
  const prescriber =
    request.prescriberRpps === null
      ? undefined
      : (
          await tx.query<{ id: string }>('SELECT id FROM prescriber WHERE rpps = $1 AND active', [
            request.prescriberRpps,
          ])
        )[0];
  const input: OrderCreateInput = {
    patientId,
    prescriberId: prescriber?.id ?? null,
    prescriptionDate: null,
    analyses: request.tests,
    urgency: request.urgent ? 'urgent' : 'routine',
    clinicalInfo: request.clinicalInfo,
    patientFasting: 'unknown',
    plannedSamplingAt: request.plannedSamplingAt,
    plannedTransport: null,
    // The tubes are drawn by the placer; reception checks conformity and stability on arrival,
    // so feasibility warnings are returned to the placer instead of blocking its order.
    acknowledgeWarnings: true,
  };
  const order = await new OrderService(inTx).create(input, null, context);
  return {
    patientId,
    patientNumber: order.patient.patientNumber,
    patientCreated,
    orderId: order.id,
    orderNumber: order.orderNumber,
    placerOrders: request.placerOrders,
    warnings: order.warnings.map((w) => `${w.analysisCode} : ${w.message}`),
  };
}
