import type { ErrorDefinition } from '../error-definition.js';

/** Billing errors (NABM cotation, coverage, invoices, cash desk, disputes). */
export const billingErrors = {
  // ── NABM release import (CNAM open data IR_BIO_R / IR_BTF_R) ────────────
  SIL_NABM_CSV_HEADER_INVALID: {
    status: 422,
    fr: 'En-tête du fichier NABM invalide : colonnes attendues absentes.',
    en: 'Invalid NABM file header: expected columns are missing.',
  },
  SIL_NABM_CSV_LINE_MALFORMED: {
    status: 422,
    fr: 'Ligne du fichier NABM mal formée (nombre de champs ou guillemets).',
    en: 'Malformed NABM file line (field count or quotes).',
  },
  SIL_NABM_CODE_INVALID: {
    status: 422,
    fr: 'Code NABM invalide : 1 à 4 chiffres attendus.',
    en: 'Invalid NABM code: 1 to 4 digits expected.',
  },
  SIL_NABM_DATE_INVALID: {
    status: 422,
    fr: 'Date invalide dans le fichier NABM (format JJMMMAAAA:hh:mm:ss attendu).',
    en: 'Invalid date in the NABM file (DDMONYYYY:hh:mm:ss expected).',
  },
  SIL_NABM_COEFFICIENT_INVALID: {
    status: 422,
    fr: 'Coefficient NABM invalide : nombre positif à deux décimales au plus attendu.',
    en: 'Invalid NABM coefficient: a positive number with at most two decimals is expected.',
  },
  SIL_NABM_DUPLICATE_CODE: {
    status: 422,
    fr: 'Code NABM présent deux fois dans le fichier.',
    en: 'NABM code appears twice in the file.',
  },
  SIL_NABM_HISTORY_CONFLICT: {
    status: 422,
    fr: 'Historique de coefficients incohérent : périodes qui se chevauchent avec des cotations différentes, ou fin avant le début.',
    en: 'Inconsistent coefficient history: overlapping periods with different cotations, or end before start.',
  },
  // ── Cotation ────────────────────────────────────────────────────────────
  SIL_NABM_UNKNOWN_ACT: {
    status: 422,
    fr: 'Acte inconnu : ni code NABM ni analyse du catalogue.',
    en: 'Unknown act: neither a NABM code nor a catalogue analysis.',
  },
  SIL_NABM_ACT_NOT_VALID_AT_DATE: {
    status: 422,
    fr: 'Acte NABM non valide à la date des actes (pas encore créé ou supprimé).',
    en: 'NABM act not valid at the date of service (not yet created or deleted).',
  },
  SIL_NABM_NO_COEFFICIENT_AT_DATE: {
    status: 422,
    fr: 'Aucune cotation NABM en vigueur pour cet acte à la date des actes.',
    en: 'No NABM cotation in force for this act at the date of service.',
  },
  SIL_BILLING_KEY_LETTER_UNSUPPORTED: {
    status: 422,
    fr: 'Lettre clé non prise en charge (seule la lettre clé B est tarifée).',
    en: 'Unsupported key letter (only key letter B is priced).',
  },
  SIL_BILLING_B_VALUE_UNKNOWN: {
    status: 422,
    fr: 'Valeur de la lettre clé B inconnue pour ce territoire à cette date.',
    en: 'Value of key letter B unknown for this territory at this date.',
  },
  SIL_BILLING_DATE_INVALID: {
    status: 400,
    fr: 'Date et heure invalides : format ISO 8601 avec décalage horaire attendu.',
    en: 'Invalid date-time: ISO 8601 with a UTC offset is expected.',
  },
  SIL_BILLING_HN_PRICE_INVALID: {
    status: 422,
    fr: 'Prix d’un acte hors nomenclature invalide : montant entier en centimes, positif ou nul.',
    en: 'Invalid price for an off-nomenclature act: a non-negative integer amount in cents is expected.',
  },
  SIL_BILLING_NO_ACTS: {
    status: 422,
    fr: 'La demande ne contient aucun acte à coter.',
    en: 'The order contains no act to bill.',
  },
  SIL_BILLING_QUOTE_REJECTED: {
    status: 422,
    fr: 'Le devis ne peut pas être établi : voir les erreurs par ligne.',
    en: 'The quote cannot be computed: see the per-line errors.',
  },
  SIL_NABM_IMPORT_INVALID: {
    status: 422,
    fr: 'Fichier NABM refusé : des lignes sont invalides, rien n’a été importé.',
    en: 'NABM file refused: some lines are invalid, nothing was imported.',
  },
  // ── Coverage (AMO / AMC) ───────────────────────────────────────────────
  SIL_COVERAGE_EXPIRED: {
    status: 422,
    fr: 'Droits expirés à la date des actes.',
    en: 'Coverage expired at the date of service.',
  },
  SIL_COVERAGE_NOT_YET_VALID: {
    status: 422,
    fr: 'Droits pas encore ouverts à la date des actes.',
    en: 'Coverage not yet open at the date of service.',
  },
  SIL_COVERAGE_AMC_RATE_INVALID: {
    status: 422,
    fr: 'Taux de la complémentaire invalide : pourcentage entier du ticket modérateur entre 0 et 100 attendu.',
    en: 'Invalid complementary rate: an integer percentage of the ticket modérateur between 0 and 100 is expected.',
  },
  SIL_COVERAGE_BIRTH_DATE_INVALID: {
    status: 422,
    fr: 'Date de naissance invalide ou postérieure à la date des actes.',
    en: 'Birth date invalid or after the date of service.',
  },
} as const satisfies Record<string, ErrorDefinition>;
