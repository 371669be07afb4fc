import type { ErrorDefinition } from '../error-definition.js';

/**
 * Laboratory rules (issue 3): ages, reference intervals, result values, units, calculated analytes,
 * prescribers' RPPS, tubes, order/specimen numbers and the result/specimen state machines.
 * Codes shared with other sections are reused, not redefined (SIL_BIRTH_DATE_INVALID, SIL_REASON_REQUIRED).
 */
export const labErrors = {
  // ── Age at collection ───────────────────────────────────────────────────
  SIL_LAB_INSTANT_INVALID: {
    status: 422,
    fr: 'Date et heure invalides : format ISO 8601 avec fuseau attendu (ex. 2026-03-02T08:15:00+01:00).',
    en: 'Invalid date-time: ISO 8601 with an offset expected (e.g. 2026-03-02T08:15:00+01:00).',
  },
  SIL_LAB_BIRTH_AFTER_COLLECTION: {
    status: 422,
    fr: 'La date de naissance est postérieure à la date du prélèvement.',
    en: 'The birth date is after the collection date.',
  },
  // ── Reference intervals (catalogue editing) ────────────────────────────
  SIL_REFERENCE_INTERVAL_INVALID: {
    status: 422,
    fr: 'Intervalle de référence invalide (borne basse supérieure à la borne haute, ou tranche d’âge incohérente).',
    en: 'Invalid reference interval (low limit above high limit, or inconsistent age band).',
  },
  SIL_REFERENCE_INTERVAL_OVERLAP: {
    status: 422,
    fr: 'Deux intervalles de référence de même sexe se chevauchent sur une même tranche d’âge.',
    en: 'Two reference intervals for the same sex overlap on the same age band.',
  },
  SIL_CRITICAL_LIMITS_INVALID: {
    status: 422,
    fr: 'Limites critiques invalides : la limite critique basse doit être inférieure à la limite critique haute.',
    en: 'Invalid critical limits: the low critical limit must be below the high critical limit.',
  },
  // ── Result values (entry grid, instruments) ─────────────────────────────
  SIL_RESULT_VALUE_EMPTY: {
    status: 422,
    fr: 'Résultat vide.',
    en: 'Empty result.',
  },
  SIL_RESULT_VALUE_INVALID: {
    status: 422,
    fr: 'Valeur numérique invalide : nombre attendu (virgule ou point décimal, éventuellement précédé de <, >, ≤ ou ≥).',
    en: 'Invalid numeric value: a number is expected (decimal comma or point, optionally preceded by <, >, ≤ or ≥).',
  },
  SIL_RESULT_VALUE_OUT_OF_RANGE: {
    status: 422,
    fr: 'Valeur hors des limites admises pour cet analyte.',
    en: 'Value outside the limits allowed for this analyte.',
  },
  SIL_RESULT_CODE_UNKNOWN: {
    status: 422,
    fr: 'Code de résultat absent de la liste de l’analyte.',
    en: 'Result code not in the analyte’s list.',
  },
  SIL_RESULT_TEXT_TOO_LONG: {
    status: 422,
    fr: 'Résultat texte trop long.',
    en: 'Text result too long.',
  },
  SIL_RESULT_TEXT_INVALID_CHARACTER: {
    status: 422,
    fr: 'Le résultat texte contient un caractère de contrôle interdit.',
    en: 'The text result contains a forbidden control character.',
  },
  SIL_RESULT_TYPE_MISMATCH: {
    status: 422,
    fr: 'Type de résultat incompatible avec l’analyte (numérique, liste codée ou texte).',
    en: 'Result type does not match the analyte (numeric, coded list or text).',
  },
  // ── Units ───────────────────────────────────────────────────────────────
  SIL_UNIT_UNKNOWN: {
    status: 422,
    fr: 'Unité inconnue ou non prise en charge (UCUM).',
    en: 'Unknown or unsupported unit (UCUM).',
  },
  SIL_UNIT_INCOMPATIBLE: {
    status: 422,
    fr: 'Unités incompatibles : conversion impossible.',
    en: 'Incompatible units: no conversion possible.',
  },
  SIL_UNIT_MOLAR_MASS_REQUIRED: {
    status: 422,
    fr: 'Conversion entre masse et quantité de matière : masse molaire requise.',
    en: 'Mass to amount-of-substance conversion: molar mass required.',
  },
  SIL_UNIT_CHARGE_REQUIRED: {
    status: 422,
    fr: 'Conversion en équivalents : valence (charge) requise.',
    en: 'Conversion to equivalents: charge (valence) required.',
  },
  // ── Calculated analytes ─────────────────────────────────────────────────
  SIL_CALCULATION_FORMULA_UNKNOWN: {
    status: 422,
    fr: 'Formule de calcul inconnue.',
    en: 'Unknown calculation formula.',
  },
  SIL_CALCULATION_INPUT_MISSING: {
    status: 422,
    fr: 'Calcul impossible : une donnée d’entrée manque.',
    en: 'Cannot calculate: an input is missing.',
  },
  SIL_CALCULATION_INPUT_INVALID: {
    status: 422,
    fr: 'Calcul impossible : une donnée d’entrée est hors du domaine de la formule.',
    en: 'Cannot calculate: an input is outside the formula’s domain.',
  },
  SIL_CALCULATION_NOT_APPLICABLE: {
    status: 422,
    fr: 'Calcul non applicable à ce patient ou à ces valeurs.',
    en: 'Calculation not applicable to this patient or these values.',
  },
  // ── Prescribers ─────────────────────────────────────────────────────────
  SIL_RPPS_FORMAT_INVALID: {
    status: 422,
    fr: 'Le numéro RPPS doit comporter 11 chiffres.',
    en: 'The RPPS number must have 11 digits.',
  },
  SIL_RPPS_KEY_INVALID: {
    status: 422,
    fr: 'La clé du numéro RPPS est incorrecte (contrôle de Luhn).',
    en: 'The RPPS number key is wrong (Luhn check).',
  },
  // ── Tubes ───────────────────────────────────────────────────────────────
  SIL_TUBE_CONTAINER_UNKNOWN: {
    status: 422,
    fr: 'Contenant (tube) inconnu pour une analyse demandée.',
    en: 'Unknown container (tube) for a requested analysis.',
  },
  SIL_TUBE_VOLUME_EXCEEDS_CAPACITY: {
    status: 422,
    fr: 'Le volume requis par une analyse dépasse la contenance de son tube.',
    en: 'The volume an analysis requires exceeds its tube’s capacity.',
  },
  // ── Numbering ───────────────────────────────────────────────────────────
  SIL_ORDER_NUMBER_INVALID: {
    status: 422,
    fr: 'Numéro de dossier invalide : AAMMJJNNNN attendu (10 chiffres).',
    en: 'Invalid order number: YYMMDDNNNN expected (10 digits).',
  },
  SIL_ORDER_SEQUENCE_EXHAUSTED: {
    status: 409,
    fr: 'Compteur de dossiers du jour épuisé (9999 dossiers).',
    en: 'The day’s order counter is exhausted (9999 orders).',
  },
  SIL_SPECIMEN_BARCODE_INVALID: {
    status: 422,
    fr: 'Code-barres de tube invalide : numéro de dossier (10 chiffres) suivi du rang du tube (2 chiffres) attendu.',
    en: 'Invalid tube barcode: order number (10 digits) followed by the tube rank (2 digits) expected.',
  },
  SIL_SPECIMEN_TUBE_INDEX_EXHAUSTED: {
    status: 409,
    fr: 'Nombre maximal de tubes pour ce dossier atteint (99).',
    en: 'Maximum number of tubes for this order reached (99).',
  },
  // ── Result state machine ────────────────────────────────────────────────
  SIL_RESULT_TRANSITION_NOT_ALLOWED: {
    status: 409,
    fr: 'Changement d’état du résultat non autorisé depuis son état actuel.',
    en: 'Result state change not allowed from its current state.',
  },
  SIL_RESULT_VALUE_MISSING: {
    status: 422,
    fr: 'Résultat incomplet : une valeur est requise.',
    en: 'Incomplete result: a value is required.',
  },
  SIL_RESULT_SPECIMEN_NOT_ACCEPTED: {
    status: 409,
    fr: 'Le tube de ce résultat n’a pas été reçu et accepté (absent ou refusé).',
    en: 'This result’s tube has not been received and accepted (missing or rejected).',
  },
  SIL_RESULT_BIOLOGIST_REQUIRED: {
    status: 403,
    fr: 'Seul un biologiste peut effectuer cette validation.',
    en: 'Only a biologist may perform this validation.',
  },
  SIL_RESULT_TECHNICIAN_REQUIRED: {
    status: 403,
    fr: 'Action réservée aux techniciens et biologistes.',
    en: 'Action restricted to technicians and biologists.',
  },
  SIL_RESULT_CRITICAL_NOT_NOTIFIED: {
    status: 409,
    fr: 'Valeur critique : l’appel (qui, quand, par qui) doit être enregistré avant la validation.',
    en: 'Critical value: the call (who, when, by whom) must be recorded before validation.',
  },
  // ── Specimen state machine ──────────────────────────────────────────────
  SIL_SPECIMEN_TRANSITION_NOT_ALLOWED: {
    status: 409,
    fr: 'Changement d’état du tube non autorisé depuis son état actuel.',
    en: 'Tube state change not allowed from its current state.',
  },
  SIL_SPECIMEN_ALREADY_RECEIVED: {
    status: 409,
    fr: 'Ce tube a déjà été réceptionné.',
    en: 'This tube has already been received.',
  },
  SIL_SPECIMEN_COLLECTION_NOT_RECORDED: {
    status: 422,
    fr: 'Prélèvement non tracé : date, heure et préleveur requis (CSP R6211-22).',
    en: 'Collection not recorded: date, time and collector required (CSP R6211-22).',
  },
  SIL_SPECIMEN_REJECTION_REASON_REQUIRED: {
    status: 422,
    fr: 'Le refus d’un tube exige un motif codé de non-conformité.',
    en: 'Rejecting a tube requires a coded non-conformity reason.',
  },
} as const satisfies Record<string, ErrorDefinition>;
