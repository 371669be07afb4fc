import { describe, expect, it } from 'vitest';
import { IDENTITY_DOCUMENT_TYPES, frCoreValidationMode, isHighTrustIdentityDocument } from './identity-document.js';

describe('isHighTrustIdentityDocument', () => {
  it.each(['CNI', 'PASSEPORT', 'TITRE_SEJOUR', 'IDENTITE_NUMERIQUE', 'DOCUMENT_CIRCULATION_MINEUR'] as const)(
    '%s is high trust on its own',
    (type) => {
      expect(isHighTrustIdentityDocument({ type })).toBe(true);
    }
  );

  it.each(['LIVRET_FAMILLE', 'ACTE_NAISSANCE'] as const)('%s counts only with its RNIV 2024 complement', (type) => {
    expect(isHighTrustIdentityDocument({ type })).toBe(false);
    expect(isHighTrustIdentityDocument({ type, complement: null })).toBe(false);
    expect(isHighTrustIdentityDocument({ type, complement: 'PARENT_OR_GUARDIAN_HIGH_TRUST_ID' })).toBe(true);
    expect(isHighTrustIdentityDocument({ type, complement: 'CARTE_VITALE_WITH_PHOTO' })).toBe(true);
  });

  it('never counts a driving licence, whatever accompanies it', () => {
    expect(isHighTrustIdentityDocument({ type: 'PERMIS_CONDUIRE' })).toBe(false);
    expect(isHighTrustIdentityDocument({ type: 'PERMIS_CONDUIRE', complement: 'CARTE_VITALE_WITH_PHOTO' })).toBe(false);
  });
});

describe('frCoreValidationMode', () => {
  it('maps every document type to a FR Core validation mode code', () => {
    const codes = IDENTITY_DOCUMENT_TYPES.map((type) => frCoreValidationMode({ type }));
    expect(codes).toEqual(['CN', 'PA', 'CS', 'IE', 'DC', 'LE', 'AN', 'PC']);
  });

  it('uses AC for a birth certificate with a photo carte Vitale (EHPAD case)', () => {
    expect(frCoreValidationMode({ type: 'ACTE_NAISSANCE', complement: 'CARTE_VITALE_WITH_PHOTO' })).toBe('AC');
  });
});
