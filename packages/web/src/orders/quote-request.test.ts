import { describe, expect, it } from 'vitest';
import type { Site } from '../api/types.js';
import type { OrderSpecimen, OrderView } from '../api/workflow-types.js';
import { buildQuoteRequest, territoryFor } from './quote-request.js';

function site(id: string, territory: Site['territory'], active = true): Site {
  return { id, code: id, name: id, address: null, finess: null, territory, alsaceMoselle: false, active };
}

function tube(specimenType: string): OrderSpecimen {
  return {
    id: specimenType,
    barcode: '261122000101',
    tubeIndex: 1,
    containerCode: 'X',
    containerLabel: 'X',
    colour: 'violet',
    colourHex: '#7B3FA0',
    specimenType,
    drawOrder: 1,
    volumeMl: 2,
    status: 'expected',
    collectedAt: null,
    collectedBy: null,
    receivedAt: null,
    receivedBy: null,
    rejectionReason: null,
    analyses: [],
  };
}

const counts = {
  total: 1,
  pending: 1,
  entered: 0,
  technicallyValidated: 0,
  biologicallyValidated: 0,
  released: 0,
  rejectedByBiologist: 0,
  cancelled: 0,
};

function order(specimenTypes: string[], sex: 'F' | 'M' | 'I' = 'F'): OrderView {
  const analysis = (code: string, cancelled = false) => ({
    orderAnalysisId: code,
    analysisId: code,
    code,
    version: 1,
    mnemonic: code,
    label: code,
    section: 'biochimie',
    cancelled,
    barcodes: [],
    results: counts,
  });
  return {
    id: 'o1',
    orderNumber: '2506020001',
    status: 'awaiting_specimens',
    urgency: 'urgent',
    prescriptionDate: null,
    clinicalInfo: null,
    patientFasting: 'unknown',
    plannedSamplingAt: null,
    createdAt: '2025-06-02T07:30:00Z',
    createdBy: null,
    version: 1,
    patient: {
      id: 'p1',
      patientNumber: 'P00000001',
      birthName: 'LEFEVRE',
      usedName: null,
      firstFirstName: 'CAMILLE',
      birthDate: '1989-07-14',
      sex,
      identityStatus: 'PROV',
    },
    prescriber: null,
    analyses: [analysis('NFS'), analysis('GLY'), analysis('TSH', true)],
    specimens: specimenTypes.map(tube),
    results: counts,
    prescriptions: [],
    openNonConformities: 0,
  };
}

describe('buildQuoteRequest', () => {
  it('quotes the live analysis codes, a blood sample, the patient’s birth date and sex', () => {
    const now = new Date('2025-06-02T07:30:00Z');
    expect(buildQuoteRequest(order(['sang total EDTA', 'plasma fluoré']), 'reunion', now)).toEqual({
      date: '2025-06-02T07:30:00.000Z',
      territory: 'reunion',
      patient: {
        birthDate: '1989-07-14',
        sex: 'F',
        amo: { exoneration: null, alsaceMoselle: false },
        amc: null,
      },
      acts: ['NFS', 'GLY'],
      bloodSample: true,
      urgent: true,
    });
  });

  it('bills no blood sample for urine alone, and sends an indeterminate sex as U', () => {
    const request = buildQuoteRequest(order(['urine (milieu de jet)'], 'I'), 'metropole', new Date());
    expect(request.bloodSample).toBe(false);
    expect(request.patient.sex).toBe('U');
  });
});

describe('territoryFor', () => {
  it('takes the user’s active site, else the first active site, else metropole', () => {
    const sites = [site('a', 'metropole'), site('b', 'guyane'), site('c', 'mayotte', false)];
    expect(territoryFor(sites, ['b'])).toBe('guyane');
    expect(territoryFor(sites, ['c'])).toBe('metropole');
    expect(territoryFor([], [])).toBe('metropole');
  });
});
