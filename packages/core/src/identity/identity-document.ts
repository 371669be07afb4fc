/**
 * Identity documents checked at the desk, and which of them are "dispositifs d'identification à
 * haut niveau de confiance" in the sense of the RNIV (needed for the VALI and QUAL statuses).
 *
 * - High trust: passport, national identity card, residence permit (titre de séjour) [V
 *   identito-na.fr via reference/france-domain.md §2.6], and since the RNIV 2024 revision the
 *   high-level digital identity (FR Core validation mode "IE", Identification électronique eIDAS).
 * - RNIV 2024 §3.3.3 special cases [V sante-ara.fr summary of the 2024 RNIV changes]: for a minor
 *   without identity document, the child's birth certificate extract or the livret de famille
 *   together with a parent's (or guardian's, with the court decision) high-trust document; the
 *   "document de circulation pour étranger mineur" with photograph; for a direct admission to an
 *   EHPAD, the resident's birth certificate extract or livret de famille together with a photo
 *   carte Vitale.
 * - Not high trust: driving licence (recorded so the desk can say what it saw, never enough to
 *   validate).
 * Codes for exchanges: FR Core CodeSystem `fr-core-cs-mode-validation-identity`.
 */

export const IDENTITY_DOCUMENT_TYPES = [
  'CNI',
  'PASSEPORT',
  'TITRE_SEJOUR',
  'IDENTITE_NUMERIQUE',
  'DOCUMENT_CIRCULATION_MINEUR',
  'LIVRET_FAMILLE',
  'ACTE_NAISSANCE',
  'PERMIS_CONDUIRE',
] as const;
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];

/** What must accompany a livret de famille or birth certificate for it to count (RNIV 2024 §3.3.3). */
export const IDENTITY_DOCUMENT_COMPLEMENTS = ['PARENT_OR_GUARDIAN_HIGH_TRUST_ID', 'CARTE_VITALE_WITH_PHOTO'] as const;
export type IdentityDocumentComplement = (typeof IDENTITY_DOCUMENT_COMPLEMENTS)[number];

export interface IdentityDocument {
  readonly type: IdentityDocumentType;
  readonly complement?: IdentityDocumentComplement | null;
}

type Trust = 'high' | 'high-with-complement' | 'low';

const DOCUMENT_TRUST: Readonly<Record<IdentityDocumentType, Trust>> = {
  CNI: 'high',
  PASSEPORT: 'high',
  TITRE_SEJOUR: 'high',
  IDENTITE_NUMERIQUE: 'high',
  // Minors only by nature of the document (RNIV 2024 §3.3.3); carries a photograph.
  DOCUMENT_CIRCULATION_MINEUR: 'high',
  LIVRET_FAMILLE: 'high-with-complement',
  ACTE_NAISSANCE: 'high-with-complement',
  PERMIS_CONDUIRE: 'low',
};

/** True when checking this document lets an identity reach VALI (or QUAL with an INS). */
export function isHighTrustIdentityDocument(document: IdentityDocument): boolean {
  const trust = DOCUMENT_TRUST[document.type];
  if (trust === 'high-with-complement') {
    return document.complement !== undefined && document.complement !== null;
  }
  return trust === 'high';
}

/** FR Core `fr-core-cs-mode-validation-identity` code for exchanges (FHIR, HL7 PID-32 comments). */
export function frCoreValidationMode(document: IdentityDocument): string {
  switch (document.type) {
    case 'CNI':
      return 'CN';
    case 'PASSEPORT':
      return 'PA';
    case 'TITRE_SEJOUR':
      return 'CS';
    case 'IDENTITE_NUMERIQUE':
      return 'IE';
    case 'DOCUMENT_CIRCULATION_MINEUR':
      return 'DC';
    case 'LIVRET_FAMILLE':
      return 'LE';
    case 'ACTE_NAISSANCE':
      return document.complement === 'CARTE_VITALE_WITH_PHOTO' ? 'AC' : 'AN';
    case 'PERMIS_CONDUIRE':
      return 'PC';
  }
}
