import type { ErrorDefinition } from '../error-definition.js';

/** Patient identity errors (INS, référentiel national d’identitovigilance). */
export const identityErrors = {
  // ── Patient identity (INS, référentiel national d'identitovigilance) ─────
  SIL_PATIENT_NOT_FOUND: { status: 404, fr: 'Patient introuvable.', en: 'Patient not found.' },
  SIL_NIR_INVALID_FORMAT: {
    status: 400,
    fr: 'Le NIR doit comporter 13 caractères suivis de la clé (2 chiffres).',
    en: 'The NIR must be 13 characters followed by its 2-digit key.',
  },
  SIL_NIR_INVALID_KEY: { status: 400, fr: 'La clé du NIR est incorrecte.', en: 'The NIR key is wrong.' },
  SIL_NIR_INCONSISTENT: {
    status: 400,
    fr: 'Le NIR ne correspond pas au sexe ou à la date de naissance.',
    en: 'The NIR does not match sex or birth date.',
  },
  SIL_BIRTH_DATE_IN_FUTURE: {
    status: 400,
    fr: 'La date de naissance ne peut pas être dans le futur.',
    en: 'The birth date cannot be in the future.',
  },
  SIL_BIRTH_DATE_INVALID: { status: 400, fr: 'Date de naissance invalide.', en: 'Invalid birth date.' },
  SIL_INSEE_CODE_INVALID: {
    status: 400,
    fr: 'Code INSEE du lieu de naissance invalide.',
    en: 'Invalid birthplace INSEE code.',
  },
  SIL_IDENTITY_STATUS_TRANSITION: {
    status: 409,
    fr: 'Changement de statut d’identité non autorisé.',
    en: 'Identity status change not allowed.',
  },
  SIL_IDENTITY_STATUS_REQUIRES_INS: {
    status: 400,
    fr: 'Ce statut d’identité exige un INS (NIR ou NIA) récupéré par le téléservice INSi.',
    en: 'This identity status requires an INS (NIR or NIA) retrieved from the INSi teleservice.',
  },
  SIL_IDENTITY_STATUS_REQUIRES_DOCUMENT: {
    status: 400,
    fr: 'Ce statut d’identité exige le contrôle d’une pièce d’identité à haut niveau de confiance.',
    en: 'This identity status requires checking a high-trust identity document.',
  },
  SIL_IDENTITY_ATTRIBUTE_FORCES_PROV: {
    status: 409,
    fr: 'Une identité douteuse ou fictive doit rester au statut provisoire.',
    en: 'A doubtful or fictitious identity must stay provisional.',
  },
  SIL_NAME_INVALID: {
    status: 400,
    fr: 'Nom ou prénom invalide : lettres sans chiffres ni symboles, séparées par une espace, un tiret ou une apostrophe.',
    en: 'Invalid name: letters only, separated by a space, a hyphen or an apostrophe.',
  },
  SIL_FIRST_FIRST_NAME_MISMATCH: {
    status: 400,
    fr: 'Le premier prénom doit être le premier des prénoms de naissance.',
    en: 'The first first name must be the first of the birth first names.',
  },
  SIL_INS_OID_UNKNOWN: {
    status: 400,
    fr: 'OID d’autorité d’affectation INS inconnu.',
    en: 'Unknown INS assigning authority OID.',
  },
  SIL_IDENTITY_ATTRIBUTES_DUPLICATED: {
    status: 400,
    fr: 'Un attribut d’identité est indiqué plusieurs fois.',
    en: 'An identity attribute is given more than once.',
  },
  SIL_IDENTITY_LOCKED: {
    status: 409,
    fr: 'Identité qualifiée : les traits stricts ne peuvent être modifiés sans repasser au statut provisoire.',
    en: 'Qualified identity: strict traits cannot change without going back to provisional.',
  },
  SIL_PATIENT_DUPLICATE_SUSPECTED: {
    status: 409,
    fr: 'Doublon potentiel : un patient proche existe déjà. Confirmez la création.',
    en: 'Possible duplicate: a similar patient already exists. Confirm creation.',
  },
  SIL_PATIENT_INS_TAKEN: {
    status: 409,
    fr: 'Cet INS est déjà attribué à un autre patient.',
    en: 'This INS already belongs to another patient.',
  },
  SIL_MERGE_SAME_PATIENT: {
    status: 400,
    fr: 'Impossible de fusionner un patient avec lui-même.',
    en: 'A patient cannot be merged into itself.',
  },
  SIL_MERGE_ALREADY_MERGED: {
    status: 409,
    fr: 'Ce patient a déjà été fusionné.',
    en: 'This patient has already been merged.',
  },
  SIL_SEARCH_TOO_LONG: {
    status: 400,
    fr: 'Recherche trop longue (200 caractères au plus).',
    en: 'Search too long (200 characters at most).',
  },
  SIL_REASON_REQUIRED: {
    status: 400,
    fr: 'Un motif est obligatoire pour cette action.',
    en: 'A reason is required for this action.',
  },
} as const satisfies Record<string, ErrorDefinition>;
