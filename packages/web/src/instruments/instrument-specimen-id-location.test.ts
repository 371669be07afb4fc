import { describe, expect, it } from 'vitest';
import { isSpecimenIdLocationOf, specimenIdLocationSuggestions } from './instrument-specimen-id-location.js';

describe('specimen-id location (mirror of the server grammar)', () => {
  it.each(['O.3', 'O.4', 'O.3.2', 'O.4.3', 'O.4.20'])('accepts ASTM %s', (text) => {
    expect(isSpecimenIdLocationOf('astm', text)).toBe(true);
  });

  it.each(['O.5', 'O.3.0', 'O.3.21', 'O.3.2.1', 'o.3', 'SPM-2.1', ' O.3', ''])('refuses ASTM %j', (text) => {
    expect(isSpecimenIdLocationOf('astm', text)).toBe(false);
  });

  it.each(['SPM-2', 'SPM-2.1', 'SPM-2.1.1', 'SPM-3', 'OBR-2', 'OBR-3.1', 'ORC-2.2', 'ORC-3.1.20'])(
    'accepts HL7 %s',
    (text) => {
      expect(isSpecimenIdLocationOf('hl7', text)).toBe(true);
    }
  );

  it.each(['SPM-1', 'OBX-2', 'OBR-4', 'SPM-2.0', 'SPM-2.1.21', 'SPM-2.1.1.1', 'O.3', 'SPM2.1'])(
    'refuses HL7 %j',
    (text) => {
      expect(isSpecimenIdLocationOf('hl7', text)).toBe(false);
    }
  );

  it('only suggests locations its own protocol accepts', () => {
    for (const protocol of ['astm', 'hl7'] as const) {
      for (const suggestion of specimenIdLocationSuggestions[protocol]) {
        expect(isSpecimenIdLocationOf(protocol, suggestion.value), suggestion.value).toBe(true);
      }
    }
  });
});
