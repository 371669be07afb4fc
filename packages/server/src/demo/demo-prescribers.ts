/**
 * Demo prescribers and correspondents (`npm run demo`), created through the service so they are
 * audited like real ones. Names are fictitious; RPPS numbers are built with their Luhn key in the
 * 1 0000… range (illustrative, not checked against the RPPS directory).
 */
import { rppsCheckDigit, SillageError } from '@sillage/core';
import type { AuditContext } from '../modules/audit/audit-writer.js';
import type { PrescriberCreateInput, PrescriberView } from '../modules/prescribers/prescribers.schemas.js';
import type { Services } from '../services.js';

const rpps = (firstTen: string): string => `${firstTen}${rppsCheckDigit(firstTen)}`;

const base = {
  kind: 'prescriber',
  firstName: null,
  specialty: null,
  organisation: null,
  address: null,
  phone: null,
  email: null,
  deliveryChannels: [],
  active: true,
} as const satisfies Partial<PrescriberCreateInput>;

export const demoPrescribers: readonly PrescriberCreateInput[] = [
  {
    ...base,
    rpps: rpps('1000000101'),
    lastName: 'Garnier',
    firstName: 'Claire',
    specialty: 'Médecine générale',
    address: '4 place Bellecour, 69002 Lyon',
    phone: '04 72 00 00 01',
    email: 'claire.garnier@demo.mssante.fr',
    deliveryChannels: ['mssante', 'portail'],
  },
  {
    ...base,
    rpps: rpps('1000000202'),
    lastName: 'Rolland',
    firstName: 'Mathieu',
    specialty: 'Cardiologie',
    address: '18 cours Lafayette, 69003 Lyon',
    phone: '04 72 00 00 02',
    deliveryChannels: ['courrier', 'fax'],
  },
  {
    ...base,
    rpps: rpps('1000000303'),
    lastName: 'Nguyen',
    firstName: 'Linh',
    specialty: 'Gynécologie médicale',
    address: '7 rue Garibaldi, 69006 Lyon',
    email: 'linh.nguyen@demo.mssante.fr',
    deliveryChannels: ['mssante'],
  },
  {
    ...base,
    rpps: rpps('1000000404'),
    lastName: 'Bertin',
    firstName: 'Sarah',
    specialty: 'Infirmière libérale',
    phone: '06 00 00 00 04',
    deliveryChannels: ['depot'],
  },
  {
    ...base,
    kind: 'correspondent',
    rpps: null,
    lastName: 'Clinique Démo des Lilas',
    organisation: 'Clinique Démo des Lilas — service de médecine',
    address: '2 avenue des Lilas, 69500 Bron',
    phone: '04 72 00 00 05',
    deliveryChannels: ['fax', 'portail'],
  },
];

/** Creates the demo prescribers; those already present (same RPPS, or same name without RPPS) are left alone. */
export async function seedDemoPrescribers(services: Services, context: AuditContext): Promise<PrescriberView[]> {
  const created: PrescriberView[] = [];
  for (const prescriber of demoPrescribers) {
    if (prescriber.rpps === null) {
      const namesakes = await services.prescribers.search({
        q: prescriber.lastName,
        kind: prescriber.kind,
        includeInactive: true,
        limit: 20,
      });
      if (namesakes.some((existing) => existing.lastName === prescriber.lastName)) {
        continue;
      }
    }
    try {
      created.push(await services.prescribers.create(prescriber, context));
    } catch (error) {
      if (!(error instanceof SillageError && error.code === 'SIL_PRESCRIBER_RPPS_TAKEN')) {
        throw error;
      }
    }
  }
  return created;
}
