import type { ErrorDefinition } from '../error-definition.js';

/** Reports (comptes rendus), their versions and their delivery log (issue 3 item 9). */
export const reportsErrors = {
  SIL_REPORT_NOT_FOUND: { status: 404, fr: 'Compte rendu introuvable.', en: 'Report not found.' },
  SIL_REPORT_NOTHING_NEW: {
    status: 409,
    fr: 'Aucun résultat nouvellement validé par un biologiste depuis le dernier compte rendu : rien n’a été émis.',
    en: 'No result newly validated by a biologist since the last report: nothing was issued.',
  },
  SIL_REPORT_AMENDMENT_REASON_REQUIRED: {
    status: 422,
    fr: 'Un compte rendu modifié exige un motif (ISO 15189 : tout amendement est motivé et tracé).',
    en: 'An amended report requires a reason (ISO 15189: every amendment is justified and recorded).',
  },
  SIL_REPORT_SUPERSEDED: {
    status: 409,
    fr: 'Cette version du compte rendu a été remplacée : remettez la dernière version.',
    en: 'This report version was superseded: deliver the latest version.',
  },
  SIL_IDENTITY_CHECK_REQUIRED: {
    status: 422,
    fr: 'Remise au guichet : l’identité de la personne qui retire le compte rendu doit être vérifiée.',
    en: 'Handing over at the desk: the identity of the person collecting the report must be checked.',
  },
} as const satisfies Record<string, ErrorDefinition>;
