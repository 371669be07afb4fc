import { describe, expect, it } from 'vitest';
import type { CoverageView } from './billing-coverage-api.js';
import {
  coverageFieldOfApiPath,
  coverageFormToInput,
  coverageToFormValues,
  emptyCoverageFormValues,
  type CoverageFormValues,
} from './billing-coverage-form-values.js';

const today = new Date(2026, 2, 10);

const stored: CoverageView = {
  patientId: 'p1',
  amo: {
    regime: '01',
    caisse: '751',
    centre: '0001',
    insuredNir: '265037512345678',
    beneficiaryRank: '01',
    validFrom: '2025-01-01',
    validTo: null,
    exoneration: 'ald',
    exonerationValidFrom: '2024-06-01',
    exonerationValidTo: '2029-05-31',
    alsaceMoselle: true,
  },
  amc: {
    organisme: 'Mutuelle des Tilleuls',
    memberNumber: 'A-1234',
    contract: null,
    validFrom: null,
    validTo: '2026-12-31',
    ratePercentOfTm: 100,
    tiersPayant: true,
  },
  source: 'attestation',
  version: 3,
  updatedAt: '2026-03-01T10:00:00Z',
  updatedBy: 'Secrétaire',
  checkedOn: '2026-03-10',
  issuesToday: [],
};

function filled(overrides: Partial<CoverageFormValues['amo']> = {}): CoverageFormValues {
  return {
    ...emptyCoverageFormValues,
    amo: {
      ...emptyCoverageFormValues.amo,
      caisse: '751',
      centre: '0001',
      insuredNir: '2 65 03 75 123 456 78',
      ...overrides,
    },
  };
}

describe('coverage form values ↔ API', () => {
  it('a stored coverage shows French dates and comes back unchanged, with the version read', () => {
    const values = coverageToFormValues(stored);
    expect(values.amo.validFrom).toBe('01/01/2025');
    expect(values.amo.validTo).toBe('');
    expect(values.amo.exoneration).toBe('ald');
    expect(values.hasAmc).toBe(true);
    expect(values.amc).toMatchObject({ contract: '', ratePercentOfTm: '100', validTo: '31/12/2026' });
    const result = coverageFormToInput(values, stored.version, today);
    expect(result).toEqual({
      ok: true,
      input: { amo: stored.amo, amc: stored.amc, source: 'attestation', version: 3 },
    });
  });

  it('nothing entered yet: régime général, assuré (rang 00), no AMC; first entry has no version', () => {
    const values = coverageToFormValues(null);
    expect(values.amo).toMatchObject({ regime: '01', beneficiaryRank: '00', exoneration: '' });
    const result = coverageFormToInput(filled({ validFrom: '010126' }), null, today);
    expect(result.ok && result.input).toMatchObject({
      amo: { insuredNir: '265037512345678', validFrom: '2026-01-01', exoneration: null },
      amc: null,
      version: null,
    });
  });

  it('exoneration dates are dropped without an exoneration (the server refuses them)', () => {
    const result = coverageFormToInput(filled({ exonerationValidFrom: '01/01/2026' }), 1, today);
    expect(result.ok && result.input.amo.exonerationValidFrom).toBeNull();
  });

  it('refuses the fields the server would refuse, field by field, before sending', () => {
    const values: CoverageFormValues = {
      ...filled({ regime: '1', caisse: '', centre: '12345', insuredNir: '1234', validFrom: '31/02/2026' }),
      hasAmc: true,
      amc: {
        ...emptyCoverageFormValues.amc,
        organisme: ' ',
        ratePercentOfTm: '120',
        validFrom: '01/06/2026',
        validTo: '01/01/2026',
      },
    };
    const result = coverageFormToInput(values, 1, today);
    expect(result).toEqual({
      ok: false,
      errors: {
        'amo.regime': 'regime',
        'amo.caisse': 'required',
        'amo.centre': 'centre',
        'amo.insuredNir': 'nir',
        'amo.validFrom': 'date',
        'amc.organisme': 'required',
        'amc.ratePercentOfTm': 'rate',
        'amc.validTo': 'period',
      },
    });
  });

  it('an AMC rate may be typed with its percent sign', () => {
    const values: CoverageFormValues = {
      ...filled(),
      hasAmc: true,
      amc: { ...emptyCoverageFormValues.amc, organisme: 'MGEN', ratePercentOfTm: '60 %' },
    };
    const result = coverageFormToInput(values, 1, today);
    expect(result.ok && result.input.amc?.ratePercentOfTm).toBe(60);
  });

  it('maps the server issue paths onto form fields', () => {
    expect(coverageFieldOfApiPath('body.amo.regime')).toBe('amo.regime');
    expect(coverageFieldOfApiPath('amo.insuredNir')).toBe('amo.insuredNir');
    expect(coverageFieldOfApiPath('/amc/ratePercentOfTm')).toBe('amc.ratePercentOfTm');
    expect(coverageFieldOfApiPath('patient.amc.ratePercentOfTm')).toBe('amc.ratePercentOfTm');
    expect(coverageFieldOfApiPath('body.version')).toBeNull();
    expect(coverageFieldOfApiPath('amo.unknown')).toBeNull();
  });
});
