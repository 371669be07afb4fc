import type { ErrorDefinition } from '../error-definition.js';

/**
 * Orders at the desk, prescription scans, tube labels, sampling and reception (issue 3 items 3–5).
 * Specimen state-machine and numbering codes live in lab.errors.ts and are reused, not redefined.
 */
export const ordersErrors = {
  // ── Order entry ─────────────────────────────────────────────────────────
  SIL_ANALYSIS_UNKNOWN: {
    status: 422,
    fr: 'Analyse inconnue (code ou mnémonique absent du catalogue) : rien n’a été enregistré.',
    en: 'Unknown analysis (code or mnemonic not in the catalogue): nothing was recorded.',
  },
  SIL_ORDER_ANALYSIS_DUPLICATE: {
    status: 422,
    fr: 'La même analyse est demandée deux fois.',
    en: 'The same analysis is requested twice.',
  },
  SIL_ORDER_NOT_FOUND: { status: 404, fr: 'Dossier (demande) introuvable.', en: 'Order not found.' },
  SIL_ORDER_PATIENT_MERGED: {
    status: 409,
    fr: 'Ce dossier patient a été fusionné : enregistrez la demande sur le dossier conservé.',
    en: 'This patient record was merged: register the order on the surviving record.',
  },
  SIL_ORDER_PRESCRIBER_UNKNOWN: {
    status: 422,
    fr: 'Prescripteur inconnu ou inactif.',
    en: 'Unknown or inactive prescriber.',
  },
  SIL_ORDER_PRESCRIPTION_DATE_INVALID: {
    status: 422,
    fr: 'Date de prescription invalide (postérieure à aujourd’hui).',
    en: 'Invalid prescription date (after today).',
  },
  SIL_ORDER_FEASIBILITY_BLOCKED: {
    status: 422,
    fr: 'Demande non réalisable en l’état (jeûne, horaire ou délai d’acheminement) : confirmez en connaissance de cause.',
    en: 'Order not feasible as is (fasting, time window or transport delay): confirm knowingly.',
  },
  SIL_ORDER_CATALOGUE_INCOMPLETE: {
    status: 409,
    fr: 'Catalogue incomplet : un analyte ou un contenant d’une analyse demandée n’existe pas.',
    en: 'Incomplete catalogue: an analyte or a container of a requested analysis does not exist.',
  },
  SIL_ORDER_ANALYSIS_ALREADY_ORDERED: {
    status: 409,
    fr: 'Cette analyse figure déjà dans le dossier.',
    en: 'This analysis is already in the order.',
  },
  SIL_ORDER_ANALYSIS_NOT_ORDERED: {
    status: 422,
    fr: 'Cette analyse ne figure pas (ou plus) dans le dossier.',
    en: 'This analysis is not (or no longer) in the order.',
  },
  SIL_ORDER_ANALYSIS_LOCKED: {
    status: 409,
    fr: 'Analyse déjà validée : elle ne peut plus être annulée.',
    en: 'Analysis already validated: it can no longer be cancelled.',
  },
  // ── Prescription scan ───────────────────────────────────────────────────
  SIL_PRESCRIPTION_FILE_MISSING: {
    status: 400,
    fr: 'Aucun fichier d’ordonnance reçu (envoi multipart/form-data attendu).',
    en: 'No prescription file received (multipart/form-data upload expected).',
  },
  SIL_PRESCRIPTION_FILE_TYPE: {
    status: 415,
    fr: 'Format d’ordonnance refusé : PDF, JPEG, PNG ou TIFF attendu (contenu vérifié).',
    en: 'Prescription format refused: PDF, JPEG, PNG or TIFF expected (content checked).',
  },
  SIL_PRESCRIPTION_FILE_TOO_LARGE: {
    status: 413,
    fr: 'Fichier d’ordonnance trop volumineux (10 Mo au plus).',
    en: 'Prescription file too large (10 MB at most).',
  },
  SIL_PRESCRIPTION_NOT_FOUND: {
    status: 404,
    fr: 'Ordonnance numérisée introuvable.',
    en: 'Prescription scan not found.',
  },
  // ── Sampling and reception ──────────────────────────────────────────────
  SIL_SPECIMEN_NOT_FOUND: {
    status: 404,
    fr: 'Tube introuvable (code-barres inconnu).',
    en: 'Tube not found (unknown barcode).',
  },
  SIL_SPECIMEN_COLLECTION_TIME_INVALID: {
    status: 422,
    fr: 'Heure de prélèvement invalide (dans le futur ou antérieure au dossier).',
    en: 'Invalid collection time (in the future or before the order).',
  },
  SIL_RECEPTION_IDENTITY_MISMATCH: {
    status: 422,
    fr: 'Identité discordante entre le tube et la demande : le tube doit être refusé (motif IDENTITE_DISCORDANTE).',
    en: 'Identity mismatch between tube and order: the tube must be rejected (reason IDENTITE_DISCORDANTE).',
  },
  // ── Replacement tube, rejection after acceptance ────────────────────────
  SIL_SPECIMEN_NOT_REJECTED: {
    status: 409,
    fr: 'Seul un tube refusé peut être remplacé.',
    en: 'Only a rejected tube can be replaced.',
  },
  SIL_SPECIMEN_ALREADY_REPLACED: {
    status: 409,
    fr: 'Ce tube refusé a déjà un tube de remplacement.',
    en: 'This rejected tube already has a replacement tube.',
  },
  SIL_SPECIMEN_NOTHING_TO_REDRAW: {
    status: 409,
    fr: 'Aucune analyse de ce tube n’attend un nouveau prélèvement (annulées ou portées par un autre tube).',
    en: 'No analysis of this tube awaits a new sample (cancelled or carried by another tube).',
  },
  SIL_SPECIMEN_WRONG_SITE: {
    status: 403,
    fr: 'Ce dossier appartient à un autre site : le tube de remplacement se crée depuis ce site.',
    en: 'This order belongs to another site: the replacement tube is created from that site.',
  },
  SIL_SPECIMEN_NOT_ACCEPTED: {
    status: 409,
    fr: 'Seul un tube accepté à la réception peut être refusé après coup.',
    en: 'Only a tube accepted at reception can be rejected afterwards.',
  },
  SIL_SPECIMEN_RESULTS_VALIDATED: {
    status: 409,
    fr: 'Un résultat de ce tube est déjà validé techniquement : le tube ne peut plus être refusé (corriger le résultat).',
    en: 'A result of this tube is already technically validated: the tube can no longer be rejected (amend the result).',
  },
  SIL_NON_CONFORMITY_NOT_FOUND: {
    status: 404,
    fr: 'Non-conformité introuvable.',
    en: 'Non-conformity not found.',
  },
} as const satisfies Record<string, ErrorDefinition>;
