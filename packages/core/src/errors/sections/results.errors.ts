import type { ErrorDefinition } from '../error-definition.js';

/**
 * Bench worklists, result entry, technical and biological validation, critical-value calls and
 * amendments (issue 3 items 6–8). Value parsing, state-machine and critical-call codes shared with the
 * lab rules live in lab.errors.ts and are reused, not redefined (SIL_RESULT_VALUE_INVALID,
 * SIL_RESULT_CRITICAL_NOT_NOTIFIED, SIL_RESULT_TRANSITION_NOT_ALLOWED, SIL_REASON_REQUIRED…).
 */
export const resultsErrors = {
  SIL_RESULT_NOT_FOUND: { status: 404, fr: 'Résultat introuvable.', en: 'Result not found.' },
  SIL_SPECIMEN_REJECTED: {
    status: 409,
    fr: 'Tube refusé à la réception : aucun résultat ne peut être saisi ni validé sur ce tube.',
    en: 'Tube rejected at reception: no result may be entered or validated on it.',
  },
  SIL_RESULT_INCOMPLETE: {
    status: 409,
    fr: 'Résultats incomplets : chaque résultat doit avoir une valeur avant la validation (rien n’a été validé).',
    en: 'Incomplete results: every result needs a value before validation (nothing was validated).',
  },
  SIL_RESULT_ALREADY_VALIDATED: {
    status: 409,
    fr: 'Cette version du résultat est déjà validée.',
    en: 'This version of the result is already validated.',
  },
  SIL_RESULT_NOT_TECHNICALLY_VALIDATED: {
    status: 409,
    fr: 'Validation biologique impossible : le résultat n’a pas été validé techniquement.',
    en: 'Biological validation impossible: the result has not been technically validated.',
  },
  SIL_RESULT_LOCKED: {
    status: 409,
    fr: 'Résultat déjà validé biologiquement : une correction passe par un amendement motivé.',
    en: 'Result already biologically validated: a correction requires a reasoned amendment.',
  },
  SIL_RESULT_CALCULATED: {
    status: 409,
    fr: 'Résultat calculé : il est recalculé à partir de ses données d’entrée et ne se saisit pas.',
    en: 'Calculated result: it is computed from its inputs and cannot be entered.',
  },
  SIL_RESULT_NOT_IN_SCOPE: {
    status: 422,
    fr: 'Un résultat demandé n’appartient pas à ce tube ou à ce dossier (rien n’a été enregistré).',
    en: 'A requested result does not belong to this tube or order (nothing was recorded).',
  },
  SIL_RESULT_COMMENT_CODE_UNKNOWN: {
    status: 422,
    fr: 'Commentaire codé inconnu ou désactivé dans la liste du laboratoire (rien n’a été enregistré).',
    en: 'Coded comment unknown or inactive in the laboratory’s list (nothing was recorded).',
  },
  SIL_CRITICAL_NOTIFICATION_TIME_INVALID: {
    status: 422,
    fr: 'Heure d’appel invalide : elle ne peut pas être dans le futur.',
    en: 'Invalid call time: it cannot be in the future.',
  },
} as const satisfies Record<string, ErrorDefinition>;
