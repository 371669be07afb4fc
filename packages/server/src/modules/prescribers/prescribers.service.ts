/**
 * Prescribers and correspondents: who orders and who receives the reports. The RPPS number
 * (11 digits, Luhn key: core/lab rpps.ts) identifies a professional in exchanges (HPRIM, HL7,
 * CDA idNat_PS "8" + RPPS) and on the claim to the Assurance Maladie (SESAM-Vitale RG_IP612), so
 * a wrong key is refused at entry. Edits use optimistic locking (`version`) and are audited.
 */
import { parseRpps, SillageError } from '@sillage/core';
import type { Database } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import { foldSearchText } from '../catalogue/search-text.js';
import * as repo from './prescribers.repository.js';
import type {
  PrescriberCreateInput,
  PrescriberRecord,
  PrescriberSearchQuery,
  PrescriberUpdateInput,
  PrescriberView,
} from './prescribers.schemas.js';

function emptyToNull(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value.trim();
}

/** Normalises a record and checks the RPPS key. */
export function buildPrescriberRecord(input: PrescriberRecord): PrescriberRecord {
  let rpps: string | null = null;
  const typed = emptyToNull(input.rpps);
  if (typed !== null) {
    const parsed = parseRpps(typed);
    if (!parsed.ok) {
      throw new SillageError(parsed.code, { issues: [{ path: 'rpps', message: typed }] });
    }
    rpps = parsed.rpps;
  }
  return {
    kind: input.kind,
    rpps,
    lastName: input.lastName.trim(),
    firstName: emptyToNull(input.firstName),
    specialty: emptyToNull(input.specialty),
    organisation: emptyToNull(input.organisation),
    address: emptyToNull(input.address),
    phone: emptyToNull(input.phone),
    email: emptyToNull(input.email),
    deliveryChannels: [...new Set(input.deliveryChannels)],
    active: input.active,
  };
}

function recordOf(view: PrescriberView): PrescriberRecord {
  const { id: _id, createdAt: _createdAt, version: _version, ...record } = view;
  return record;
}

export class PrescriberService {
  constructor(private readonly database: Database) {}

  async search(query: PrescriberSearchQuery): Promise<PrescriberView[]> {
    const compact = query.q.replace(/\s/g, '');
    const isRpps = /^\d+$/.test(compact);
    return repo.searchPrescribers(this.database, {
      rppsPrefix: isRpps ? compact : null,
      words: isRpps
        ? []
        : foldSearchText(query.q)
            .split(' ')
            .filter((word) => word !== ''),
      kind: query.kind ?? null,
      includeInactive: query.includeInactive,
      limit: query.limit,
    });
  }

  async read(id: string): Promise<PrescriberView> {
    const prescriber = await repo.findPrescriber(this.database, id);
    if (prescriber === undefined) {
      throw new SillageError('SIL_PRESCRIBER_NOT_FOUND');
    }
    return prescriber;
  }

  async create(input: PrescriberCreateInput, context: AuditContext): Promise<PrescriberView> {
    const record = buildPrescriberRecord(input);
    return this.database.transaction(async (tx) => {
      if (record.rpps !== null && (await repo.findByRpps(tx, record.rpps)) !== undefined) {
        throw new SillageError('SIL_PRESCRIBER_RPPS_TAKEN');
      }
      const created = await repo.insertPrescriber(tx, record);
      await writeAuditEvent(tx, context, {
        action: 'prescriber.created',
        entityType: 'prescriber',
        entityId: created.id,
        after: created,
      });
      return created;
    });
  }

  async update(id: string, input: PrescriberUpdateInput, context: AuditContext): Promise<PrescriberView> {
    const { version, ...patch } = input;
    return this.database.transaction(async (tx) => {
      const before = await repo.findPrescriber(tx, id, true);
      if (before === undefined) {
        throw new SillageError('SIL_PRESCRIBER_NOT_FOUND');
      }
      if (before.version !== version) {
        throw new SillageError('SIL_CONFLICT', { extra: { currentVersion: before.version } });
      }
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const record = buildPrescriberRecord({ ...recordOf(before), ...defined });
      if (record.rpps !== null) {
        const holder = await repo.findByRpps(tx, record.rpps);
        if (holder !== undefined && holder.id !== id) {
          throw new SillageError('SIL_PRESCRIBER_RPPS_TAKEN');
        }
      }
      const after = await repo.updatePrescriber(tx, id, record);
      await writeAuditEvent(tx, context, {
        action: 'prescriber.updated',
        entityType: 'prescriber',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }
}
