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
  SIL_COVERAGE_MISSING: {
    status: 422,
    fr: 'Couverture du patient non renseignée (AMO) : saisissez-la avant de facturer.',
    en: 'Patient coverage (AMO) not recorded: enter it before billing.',
  },
  SIL_COVERAGE_NIR_INVALID: {
    status: 422,
    fr: 'NIR de l’assuré invalide (format ou clé).',
    en: 'Invalid NIR of the insured person (format or key).',
  },
  SIL_COVERAGE_DATES_INVALID: {
    status: 422,
    fr: 'Période de droits invalide : la fin précède le début.',
    en: 'Invalid coverage period: the end precedes the start.',
  },
  // ── Invoices ─────────────────────────────────────────────────────────
  SIL_INVOICE_NOT_FOUND: { status: 404, fr: 'Facture introuvable.', en: 'Invoice not found.' },
  SIL_INVOICE_ALREADY_EXISTS: {
    status: 409,
    fr: 'Ce dossier a déjà une facture en cours : établissez un avoir avant de refacturer.',
    en: 'This order already has an active invoice: issue a credit note before invoicing again.',
  },
  SIL_INVOICE_ORDER_NOT_BILLABLE: {
    status: 422,
    fr: 'Dossier non facturable : annulé ou sans analyse active.',
    en: 'Order not billable: cancelled or without an active analysis.',
  },
  SIL_INVOICE_STATE_INVALID: {
    status: 409,
    fr: 'Opération impossible dans l’état actuel de la facture.',
    en: 'Operation not allowed in the current state of the invoice.',
  },
  SIL_INVOICE_ALREADY_CREDITED: {
    status: 409,
    fr: 'Facture déjà annulée par un avoir.',
    en: 'Invoice already cancelled by a credit note.',
  },
  // ── Cash desk ────────────────────────────────────────────────────────
  SIL_PAYMENT_EXCEEDS_DUE: {
    status: 422,
    fr: 'Paiement supérieur au reste dû par le patient : rien n’a été enregistré.',
    en: 'Payment above the amount the patient owes: nothing was recorded.',
  },
  SIL_REFUND_EXCEEDS_PAID: {
    status: 422,
    fr: 'Remboursement supérieur à ce que le patient a payé sur cette facture : rien n’a été enregistré.',
    en: 'Refund above what the patient paid on this invoice: nothing was recorded.',
  },
  SIL_PAYMENT_INVOICE_CANCELLED: {
    status: 409,
    fr: 'Facture annulée par un avoir : seul un remboursement est possible.',
    en: 'Invoice cancelled by a credit note: only a refund is possible.',
  },
  SIL_CASH_DAY_CLOSED: {
    status: 409,
    fr: 'Caisse clôturée pour cette journée : aucun mouvement ne peut plus y être enregistré.',
    en: 'Cash desk closed for this day: no movement can be recorded any more.',
  },
  SIL_CASH_ALREADY_CLOSED: {
    status: 409,
    fr: 'Cette caisse a déjà été clôturée pour cette journée.',
    en: 'This cash desk was already closed for this day.',
  },
  SIL_CASH_CLOSING_NOT_FOUND: { status: 404, fr: 'Clôture de caisse introuvable.', en: 'Cash closing not found.' },
  SIL_CASH_CLOSING_FUTURE_DAY: {
    status: 422,
    fr: 'Impossible de clôturer une journée future.',
    en: 'A future day cannot be closed.',
  },
  SIL_CASH_SITE_REQUIRED: {
    status: 422,
    fr: 'Site de la caisse inconnu : choisissez un site.',
    en: 'Cash desk site unknown: choose a site.',
  },
  // ── Reimbursement returns and disputes ───────────────────────────────
  SIL_RETURNS_FILE_INVALID: {
    status: 422,
    fr: 'Fichier de retours refusé : des lignes sont invalides, rien n’a été importé.',
    en: 'Returns file refused: some lines are invalid, nothing was imported.',
  },
  SIL_RETURNS_ALREADY_IMPORTED: {
    status: 409,
    fr: 'Ce fichier de retours a déjà été importé.',
    en: 'This returns file was already imported.',
  },
  SIL_DISPUTE_NOT_FOUND: { status: 404, fr: 'Litige introuvable.', en: 'Dispute not found.' },
  SIL_DISPUTE_ALREADY_RESOLVED: {
    status: 409,
    fr: 'Litige déjà résolu.',
    en: 'Dispute already resolved.',
  },
} as const satisfies Record<string, ErrorDefinition>;
