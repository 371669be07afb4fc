import { describe, expect, it } from 'vitest';
import { deriveInvoiceStatus, type InvoiceSettlement } from './invoice-status.js';

const issued: InvoiceSettlement = {
  numbered: true,
  cancelled: false,
  sentToInsurer: false,
  patientDueCents: 580,
  patientPaidCents: 0,
  insurerDueCents: 870,
  insurerPaidCents: 0,
  insurerClosedCents: 0,
};

describe('invoice status (derived)', () => {
  it.each([
    ['no number yet', { numbered: false }, 'draft'],
    ['credited', { cancelled: true, patientPaidCents: 580 }, 'cancelled'],
    ['nothing received', {}, 'issued'],
    ['FSE transmitted', { sentToInsurer: true }, 'sent'],
    ['patient paid part', { patientPaidCents: 200 }, 'partially_paid'],
    ['patient paid all, AMO not yet', { patientPaidCents: 580, sentToInsurer: true }, 'partially_paid'],
    ['everyone paid', { patientPaidCents: 580, insurerPaidCents: 870 }, 'paid'],
    [
      'AMO rejected, billed to the patient and paid',
      { patientDueCents: 1450, patientPaidCents: 1450, insurerClosedCents: 870 },
      'paid',
    ],
    ['full tiers payant, insurers paid', { patientDueCents: 0, insurerPaidCents: 870 }, 'paid'],
  ] as const)('%s → %s', (_, change, status) => {
    expect(deriveInvoiceStatus({ ...issued, ...change })).toBe(status);
  });
});
