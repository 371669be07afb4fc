import { describe, expect, it } from 'vitest';
import {
  analysisFormToDefinition,
  analysisToFormValues,
  centsToEurosInput,
  eurosInputToCents,
} from './analysis-form-values.js';
import type { Analysis, Container } from './catalogue-types.js';

const heparin: Container = {
  code: 'HEPARINE',
  label: 'Héparine de lithium',
  colour: 'vert',
  colourHex: '#2e7d32',
  capacityMl: 4,
  specimenType: 'plasma',
  additive: 'héparine',
  drawOrder: 4,
};

const glucose: Analysis = {
  id: 'a1',
  version: 2,
  validFrom: '2026-01-01T00:00:00Z',
  validTo: null,
  changeReason: 'Création',
  createdBy: null,
  createdByName: null,
  code: 'GLY',
  mnemonic: 'GLY',
  label: 'Glycémie à jeun',
  nabmCodes: ['0552'],
  chapter: 'Biochimie',
  section: 'biochimie',
  containerCode: 'HEPARINE',
  volumeMl: 0.5,
  shareable: true,
  stabilityHoursRoom: 2,
  stabilityHoursCold: null,
  fastingRequired: true,
  timeWindowStart: '07:00',
  timeWindowEnd: '10:00',
  analyteCodes: ['GLUCOSE'],
  orderable: true,
  offNomenclaturePriceCents: null,
};

const {
  id: _id,
  version: _v,
  validFrom: _f,
  validTo: _t,
  changeReason: _r,
  createdBy: _c,
  createdByName: _n,
  code: _code,
  ...glucoseDefinition
} = glucose;

describe('analysis form ↔ API definition', () => {
  it('gives back the same definition when nothing is edited', () => {
    const values = { ...analysisToFormValues(glucose, 'fr'), reason: 'Relecture' };
    expect(values.volumeMl).toBe('0,5');
    expect(analysisFormToDefinition(values, [heparin], false)).toEqual({ definition: glucoseDefinition, issues: [] });
  });

  it('mirrors the server checks: NABM codes, volume against the tube, window ends, analytes, reason', () => {
    const values = {
      ...analysisToFormValues(glucose, 'fr'),
      nabmCodes: ['552'],
      volumeMl: '5',
      timeWindowEnd: '',
      analyteCodes: [],
    };
    expect(analysisFormToDefinition(values, [heparin], false).issues).toEqual([
      { path: 'nabmCodes', key: 'nabmRule' },
      { path: 'volumeMl', key: 'volumeAboveCapacity', values: { capacity: 4 } },
      { path: 'timeWindowEnd', key: 'timeWindowBoth' },
      { path: 'analyteCodes', key: 'analytesRequired' },
      { path: 'reason', key: 'reasonRule' },
    ]);
    expect(
      analysisFormToDefinition(
        {
          ...values,
          nabmCodes: ['0552', '0552'],
          volumeMl: '1',
          timeWindowEnd: '25:00',
          analyteCodes: ['GLUCOSE'],
          reason: 'abc',
        },
        [heparin],
        false
      ).issues
    ).toEqual([
      { path: 'nabmCodes', key: 'nabmDuplicate' },
      { path: 'timeWindowEnd', key: 'timeRule' },
    ]);
  });

  it('upper-cases the mnemonic and refuses an unknown container', () => {
    const values = {
      ...analysisToFormValues(glucose, 'fr'),
      mnemonic: 'gly2',
      containerCode: 'INCONNU',
      reason: 'abc',
    };
    const { definition, issues } = analysisFormToDefinition(values, [heparin], false);
    expect(definition.mnemonic).toBe('GLY2');
    expect(issues).toEqual([{ path: 'containerCode', key: 'required' }]);
  });

  it('sends the off-nomenclature price in integer cents, only without NABM codes', () => {
    const values = {
      ...analysisToFormValues(glucose, 'fr'),
      nabmCodes: [],
      offNomenclaturePrice: '12,50',
      reason: 'Analyse hors NABM',
    };
    const { definition, issues } = analysisFormToDefinition(values, [heparin], false);
    expect(issues).toEqual([]);
    expect(definition.offNomenclaturePriceCents).toBe(1250);
    expect(analysisFormToDefinition({ ...values, nabmCodes: ['0552'] }, [heparin], false).issues).toEqual([
      { path: 'offNomenclaturePrice', key: 'priceWithNabm' },
    ]);
    expect(analysisFormToDefinition({ ...values, offNomenclaturePrice: '12,505' }, [heparin], false).issues).toEqual([
      { path: 'offNomenclaturePrice', key: 'priceRule' },
    ]);
  });

  it('converts euros and cents both ways', () => {
    expect(eurosInputToCents('')).toBeNull();
    expect(eurosInputToCents('8')).toBe(800);
    expect(eurosInputToCents('8.1')).toBe(810);
    expect(eurosInputToCents('0,07')).toBe(7);
    expect(eurosInputToCents('-1')).toBeNaN();
    expect(eurosInputToCents('douze')).toBeNaN();
    expect(centsToEurosInput(1250, 'fr')).toBe('12,50');
    expect(centsToEurosInput(7, 'en')).toBe('0.07');
    expect(centsToEurosInput(null, 'fr')).toBe('');
  });
});
