/**
 * Patient identity workflow: create (with duplicate detection), read (logged: secret médical),
 * edit (optimistic locking, identity-status rules of the RNIV), search, merge.
 * Rules come from core/identity; this service sequences them with the database and the audit.
 */
import {
  changedStrictTraits,
  checkNirConsistency,
  checkStatusTransition,
  duplicateScore,
  insOidForKind,
  isFirstFirstNameOfList,
  isHighTrustIdentityDocument,
  isValidInseeCode,
  normalizeInseeCode,
  normalizeName,
  parseNir,
  parsePatientQuery,
  phoneticKey,
  searchKey,
  SillageError,
  type FieldIssue,
  type IdentityDocumentType,
} from '@sillage/core';
import type { Database, Queryable } from '../../db/database.js';
import { writeAuditEvent, type AccessEventWriter, type AuditContext } from '../audit/audit-writer.js';
import * as repo from './patients.repository.js';
import type { PatientCreateInput, PatientSummary, PatientUpdateInput, PatientView } from './patients.schemas.js';

type Traits = Omit<PatientCreateInput, 'confirmDuplicate'>;

export interface DuplicateCandidate {
  patient: PatientSummary;
  reasons: string[];
  score: number;
}

/** What the lab holds as evidence for an identity status (RNIV): the INS and a high-trust document. */
function statusEvidence(record: repo.PatientRecord): {
  insRetrievedFromInsi: boolean;
  highTrustDocumentChecked: boolean;
} {
  return {
    // Sillage does not call the INSi teleservice yet: an INS entered with a valid key is taken as
    // retrieved (the desk copies it from the INSi answer of its certified software).
    insRetrievedFromInsi: record.insNumber !== null,
    highTrustDocumentChecked:
      record.identityDocument !== null &&
      isHighTrustIdentityDocument({ type: record.identityDocument as IdentityDocumentType }),
  };
}

function todayInParis(): string {
  // The lab's calendar day (DESIGN.md: dates shown in Europe/Paris).
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}

function emptyToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value.trim();
}

/** Normalises traits as the RNIV writes them and derives the stored record, or lists the problems. */
export function buildPatientRecord(traits: Traits, today: string): repo.PatientRecord {
  const issues: FieldIssue[] = [];
  const birthName = normalizeName(traits.birthName);
  const usedName = emptyToNull(traits.usedName) === null ? null : normalizeName(traits.usedName as string);
  const birthFirstNames = normalizeName(traits.birthFirstNames);
  const firstFirstName = normalizeName(traits.firstFirstName);
  if (searchKey(birthName) === '') {
    issues.push({ path: 'birthName', message: 'nom de naissance sans lettre' });
  }
  if (!isFirstFirstNameOfList(firstFirstName, birthFirstNames)) {
    issues.push({ path: 'firstFirstName', message: 'le premier prénom doit être le premier des prénoms de naissance' });
  }
  if (traits.birthDate > today) {
    throw new SillageError('SIL_BIRTH_DATE_IN_FUTURE', { issues: [{ path: 'birthDate', message: traits.birthDate }] });
  }
  if (traits.birthDate < '1880-01-01') {
    throw new SillageError('SIL_BIRTH_DATE_INVALID', { issues: [{ path: 'birthDate', message: traits.birthDate }] });
  }
  const birthplace = emptyToNull(traits.birthplaceInsee);
  const birthplaceInsee = birthplace === null ? null : normalizeInseeCode(birthplace);
  if (birthplaceInsee !== null && !isValidInseeCode(birthplaceInsee)) {
    throw new SillageError('SIL_INSEE_CODE_INVALID', {
      issues: [{ path: 'birthplaceInsee', message: birthplace ?? '' }],
    });
  }
  let insNumber: string | null = null;
  let insKind: 'NIR' | 'NIA' | null = null;
  if (traits.ins !== null && emptyToNull(traits.ins.number) !== null) {
    const parsed = parseNir(traits.ins.number);
    if (!parsed.ok) {
      throw new SillageError(parsed.code, { issues: [{ path: 'ins.number', message: parsed.code }] });
    }
    const inconsistencies = checkNirConsistency(parsed.nir, { sex: traits.sex, birthDate: traits.birthDate });
    if (inconsistencies.length > 0) {
      throw new SillageError('SIL_NIR_INCONSISTENT', {
        issues: inconsistencies.map((i) => ({
          path: `ins.number`,
          message: `${i.trait} : NIR ${i.fromNir} ≠ ${i.fromTraits}`,
        })),
      });
    }
    insNumber = parsed.nir.value;
    insKind = parsed.nir.kind;
  }
  if (issues.length > 0) {
    throw new SillageError('SIL_VALIDATION', { issues });
  }
  return {
    birthName,
    usedName,
    birthFirstNames,
    firstFirstName,
    birthDate: traits.birthDate,
    sex: traits.sex,
    birthplaceInsee,
    insNumber,
    insKind,
    insOid: insKind === null ? null : insOidForKind(insKind),
    identityStatus: traits.identityStatus,
    identityDocument: traits.identityDocument,
    phone: emptyToNull(traits.phone),
    email: emptyToNull(traits.email),
    address: emptyToNull(traits.address),
    birthNameKey: searchKey(birthName),
    usedNameKey: usedName === null ? null : searchKey(usedName),
    firstNameKey: searchKey(firstFirstName),
    birthNamePhonetic: phoneticKey(birthName),
    usedNamePhonetic: usedName === null ? null : phoneticKey(usedName),
    firstNamePhonetic: phoneticKey(firstFirstName),
  };
}

function summaryOf(view: PatientView): PatientSummary {
  return {
    id: view.id,
    patientNumber: view.patientNumber,
    birthName: view.birthName,
    usedName: view.usedName,
    firstFirstName: view.firstFirstName,
    birthDate: view.birthDate,
    sex: view.sex,
    identityStatus: view.identityStatus,
    insNumber: view.ins?.number ?? null,
  };
}

function traitsOf(view: PatientView): Traits {
  return {
    birthName: view.birthName,
    usedName: view.usedName,
    birthFirstNames: view.birthFirstNames,
    firstFirstName: view.firstFirstName,
    birthDate: view.birthDate,
    sex: view.sex,
    birthplaceInsee: view.birthplaceInsee,
    ins: view.ins === null ? null : { number: view.ins.number },
    identityStatus: view.identityStatus,
    identityDocument: view.identityDocument as Traits['identityDocument'],
    phone: view.phone,
    email: view.email,
    address: view.address,
  };
}

export class PatientService {
  constructor(
    private readonly database: Database,
    private readonly accessEvents: AccessEventWriter
  ) {}

  async create(input: PatientCreateInput, siteId: string | null, context: AuditContext): Promise<PatientView> {
    const { confirmDuplicate, ...traits } = input;
    const record = buildPatientRecord(traits, todayInParis());
    // A new identity starts provisional; reaching its requested status needs the evidence.
    const statusProblem = checkStatusTransition('PROV', record.identityStatus, statusEvidence(record));
    if (statusProblem !== null) {
      throw new SillageError(statusProblem);
    }
    return this.database.transaction(async (tx) => {
      if (record.insNumber !== null && (await repo.findActiveByIns(tx, record.insNumber, null)) !== undefined) {
        throw new SillageError('SIL_PATIENT_INS_TAKEN');
      }
      const candidates = await this.duplicateCandidates(tx, record);
      if (candidates.length > 0 && !confirmDuplicate) {
        throw new SillageError('SIL_PATIENT_DUPLICATE_SUSPECTED', {
          extra: { candidates: candidates.map((c) => ({ ...c.patient, reasons: c.reasons })) },
        });
      }
      const row = await repo.insertPatient(tx, await repo.nextPatientNumber(tx), record, siteId);
      const view = repo.toPatientView(row);
      await writeAuditEvent(tx, context, {
        action: 'patient.created',
        entityType: 'patient',
        entityId: view.id,
        patientId: view.id,
        after: view,
        reason:
          candidates.length > 0
            ? `doublon potentiel confirmé (${candidates.map((c) => c.patient.patientNumber).join(', ')})`
            : null,
      });
      return view;
    });
  }

  /** Reading a record is an access event (secret médical: who read whose file), durable before the answer. */
  async read(id: string, context: AuditContext): Promise<PatientView> {
    const row = await repo.findPatient(this.database, id);
    if (row === undefined) {
      throw new SillageError('SIL_PATIENT_NOT_FOUND');
    }
    await this.accessEvents.record(context, {
      action: 'patient.read',
      entityType: 'patient',
      entityId: id,
      patientId: id,
    });
    return repo.toPatientView(row);
  }

  async update(id: string, input: PatientUpdateInput, context: AuditContext): Promise<PatientView> {
    const { version, reason, ...patch } = input;
    return this.database.transaction(async (tx) => {
      const row = await repo.findPatient(tx, id, true);
      if (row === undefined) {
        throw new SillageError('SIL_PATIENT_NOT_FOUND');
      }
      if (row.merged_into_id !== null) {
        throw new SillageError('SIL_MERGE_ALREADY_MERGED');
      }
      if (row.version !== version) {
        throw new SillageError('SIL_CONFLICT', { extra: { currentVersion: row.version } });
      }
      const before = repo.toPatientView(row);
      const merged: Traits = { ...traitsOf(before), ...stripUndefined(patch) };
      const record = buildPatientRecord(merged, todayInParis());
      const changed = changedStrictTraits(before, record);
      const insChanged = record.insNumber !== (before.ins?.number ?? null);
      const statusProblem = checkStatusTransition(before.identityStatus, record.identityStatus, {
        ...statusEvidence(record),
        // An INS replaced on a verified identity is a change of identity as well.
        changedStrictTraits: insChanged && changed.length === 0 ? ['birthName'] : changed,
        reason: reason ?? null,
      });
      if (statusProblem !== null) {
        throw new SillageError(statusProblem);
      }
      if (record.insNumber !== null && (await repo.findActiveByIns(tx, record.insNumber, id)) !== undefined) {
        throw new SillageError('SIL_PATIENT_INS_TAKEN');
      }
      const after = repo.toPatientView(await repo.updatePatient(tx, id, record));
      await writeAuditEvent(tx, context, {
        action: 'patient.updated',
        entityType: 'patient',
        entityId: id,
        patientId: id,
        before,
        after,
        reason: reason ?? null,
      });
      return after;
    });
  }

  async search(query: string, limit: number, context: AuditContext): Promise<PatientSummary[]> {
    const parsed = parsePatientQuery(query); // throws SIL_SEARCH_TOO_LONG past 200 characters
    if (parsed.kind === 'invalidNir') {
      throw new SillageError(parsed.code);
    }
    const db = this.database;
    let items: PatientSummary[];
    switch (parsed.kind) {
      case 'empty':
        return [];
      case 'nir':
        items = await repo.searchByIns(db, parsed.nir.value);
        break;
      case 'patientNumber':
        items = await repo.searchByNumber(db, parsed.number);
        break;
      case 'traits': {
        const [first, ...others] = parsed.names.map(searchKey).filter((k) => k !== '');
        if (first === undefined) {
          items = parsed.birthDate === undefined ? [] : await repo.searchByBirthDate(db, parsed.birthDate, limit);
        } else {
          items = await repo.searchByTraits(db, {
            nameKey: first,
            otherKeys: others,
            birthDate: parsed.birthDate ?? null,
            birthYear: parsed.birthYear ?? null,
            limit,
          });
          if (others.length > 0 && items.length === 0) {
            // "DA SILVA" typed with a space: the stored key is DASILVA.
            items = await repo.searchByTraits(db, {
              nameKey: [first, ...others].join(''),
              otherKeys: [],
              birthDate: parsed.birthDate ?? null,
              birthYear: parsed.birthYear ?? null,
              limit,
            });
          }
        }
        break;
      }
    }
    // Listing identities is an access too; the query is kept to answer "who looked for whom".
    await this.accessEvents.record(context, {
      action: 'patient.search',
      entityType: 'patient',
      after: { kind: parsed.kind, query, resultIds: items.map((p) => p.id) },
    });
    return items;
  }

  async findDuplicates(traits: {
    birthName: string;
    usedName?: string | null | undefined;
    firstFirstName?: string | undefined;
    birthFirstNames?: string | undefined;
    birthDate: string;
    sex?: 'F' | 'M' | 'I' | undefined;
    ins?: { number: string } | null | undefined;
  }): Promise<DuplicateCandidate[]> {
    const firstFirstName = traits.firstFirstName ?? traits.birthFirstNames?.split(/\s+/)[0] ?? '';
    const birthName = normalizeName(traits.birthName);
    const usedName = emptyToNull(traits.usedName) === null ? null : normalizeName(traits.usedName as string);
    const nir = traits.ins?.number === undefined ? null : parseNir(traits.ins.number);
    const record = {
      birthName,
      usedName,
      firstFirstName: normalizeName(firstFirstName),
      birthFirstNames: normalizeName(traits.birthFirstNames ?? firstFirstName),
      birthDate: traits.birthDate,
      sex: traits.sex ?? 'I',
      insNumber: nir?.ok === true ? nir.nir.value : null,
      birthNameKey: searchKey(birthName),
      usedNameKey: usedName === null ? null : searchKey(usedName),
      birthNamePhonetic: phoneticKey(birthName),
      usedNamePhonetic: usedName === null ? null : phoneticKey(usedName),
    };
    return this.database.transaction((tx) => this.duplicateCandidates(tx, record));
  }

  async merge(sourceId: string, targetId: string, reason: string, context: AuditContext): Promise<PatientView> {
    if (sourceId === targetId) {
      throw new SillageError('SIL_MERGE_SAME_PATIENT');
    }
    return this.database.transaction(async (tx) => {
      // Lock both rows in a fixed order so two opposite merges cannot deadlock.
      const [firstId, secondId] = sourceId < targetId ? [sourceId, targetId] : [targetId, sourceId];
      const first = await repo.findPatient(tx, firstId, true);
      const second = await repo.findPatient(tx, secondId, true);
      const source = firstId === sourceId ? first : second;
      const target = firstId === sourceId ? second : first;
      if (source === undefined || target === undefined) {
        throw new SillageError('SIL_PATIENT_NOT_FOUND');
      }
      if (source.merged_into_id !== null || target.merged_into_id !== null) {
        throw new SillageError('SIL_MERGE_ALREADY_MERGED');
      }
      await repo.markMerged(tx, sourceId, targetId);
      const sourceView = repo.toPatientView(source);
      const targetView = repo.toPatientView(target);
      await writeAuditEvent(tx, context, {
        action: 'patient.merged',
        entityType: 'patient',
        entityId: sourceId,
        patientId: sourceId,
        before: sourceView,
        after: { mergedIntoId: targetId, targetPatientNumber: targetView.patientNumber },
        reason,
      });
      await writeAuditEvent(tx, context, {
        action: 'patient.merge_received',
        entityType: 'patient',
        entityId: targetId,
        patientId: targetId,
        after: { mergedFromId: sourceId, sourcePatientNumber: sourceView.patientNumber },
        reason,
      });
      return targetView;
    });
  }

  private async duplicateCandidates(
    tx: Queryable,
    record: Pick<
      repo.PatientRecord,
      | 'birthName'
      | 'usedName'
      | 'firstFirstName'
      | 'birthFirstNames'
      | 'birthDate'
      | 'sex'
      | 'insNumber'
      | 'birthNameKey'
      | 'usedNameKey'
      | 'birthNamePhonetic'
      | 'usedNamePhonetic'
    >
  ): Promise<DuplicateCandidate[]> {
    const rows = await repo.findDuplicateCandidates(tx, {
      birthDate: record.birthDate,
      nameKeys: [record.birthNameKey, record.usedNameKey].filter((k): k is string => k !== null),
      phonetics: [record.birthNamePhonetic, record.usedNamePhonetic].filter((k): k is string => k !== null),
      insNumber: record.insNumber,
    });
    const candidates: DuplicateCandidate[] = [];
    for (const row of rows) {
      const existing = repo.toPatientView(row);
      const verdict = duplicateScore(
        { ...record, ins: record.insNumber === null ? null : { number: record.insNumber } },
        { ...existing, ins: existing.ins }
      );
      if (verdict.probableDuplicate) {
        candidates.push({
          patient: summaryOf(existing),
          reasons: verdict.reasons.map((r) => r.code),
          score: verdict.score,
        });
      }
    }
    candidates.sort((a, b) => b.score - a.score);
    return candidates;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
