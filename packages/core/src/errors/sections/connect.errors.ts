import type { ErrorDefinition } from '../error-definition.js';

/**
 * Instrument links (issue 4 items 3–7): profiles and code mappings, the durable inbound message log
 * and its processing (orphans, unmapped codes, replays), host queries and orders received from
 * outside. Codec codes (SIL_ASTM_…, SIL_HL7_…) live in instrument.errors.ts and are reused.
 */
export const connectErrors = {
  // ── Profiles and mappings ───────────────────────────────────────────────
  SIL_INSTRUMENT_NOT_FOUND: {
    status: 404,
    fr: 'Automate (profil de liaison) introuvable.',
    en: 'Instrument not found.',
  },
  SIL_INSTRUMENT_CODE_TAKEN: {
    status: 409,
    fr: 'Ce code d’automate est déjà utilisé.',
    en: 'This instrument code is already in use.',
  },
  SIL_INSTRUMENT_PORT_TAKEN: {
    status: 409,
    fr: 'Une autre liaison active écoute déjà sur cette adresse et ce port.',
    en: 'Another enabled link already listens on this address and port.',
  },
  SIL_INSTRUMENT_PROFILE_INVALID: {
    status: 422,
    fr: 'Profil de liaison incohérent (protocole, emplacement de l’identifiant d’échantillon ou motif CQ) : rien n’a été enregistré.',
    en: 'Inconsistent link profile (protocol, specimen id location or QC pattern): nothing was saved.',
  },
  SIL_INSTRUMENT_MAPPING_NOT_FOUND: {
    status: 404,
    fr: 'Correspondance de code introuvable pour cet automate.',
    en: 'Code mapping not found for this instrument.',
  },
  SIL_INSTRUMENT_MAPPING_DUPLICATE: {
    status: 409,
    fr: 'Ce code automate a déjà une correspondance.',
    en: 'This instrument code is already mapped.',
  },
  SIL_INSTRUMENT_ANALYTE_UNKNOWN: {
    status: 422,
    fr: 'Analyte inconnu du catalogue : la correspondance n’a pas été enregistrée.',
    en: 'Analyte not in the catalogue: the mapping was not saved.',
  },
  SIL_CONNECT_LISTEN_FAILED: {
    status: 503,
    fr: 'La liaison ne peut pas écouter sur cette adresse et ce port (port occupé ou adresse absente).',
    en: 'The link cannot listen on this address and port (port in use or address missing).',
  },
  SIL_CONNECT_CONNECT_FAILED: {
    status: 503,
    fr: 'Connexion à l’automate impossible : nouvelle tentative automatique.',
    en: 'Cannot connect to the instrument: retrying automatically.',
  },
  // ── Inbound messages and processing ─────────────────────────────────────
  SIL_CONNECT_MESSAGE_NOT_FOUND: { status: 404, fr: 'Message introuvable.', en: 'Message not found.' },
  SIL_CONNECT_MESSAGE_NOT_REPLAYABLE: {
    status: 409,
    fr: 'Seul un message en erreur ou orphelin peut être rejoué.',
    en: 'Only a message in error or orphaned can be replayed.',
  },
  SIL_CONNECT_NOT_ORPHAN: {
    status: 409,
    fr: 'Ce message n’est pas orphelin, ou l’identifiant indiqué n’y figure pas parmi les échantillons inconnus.',
    en: 'This message is not an orphan, or the id given is not among its unknown specimens.',
  },
  SIL_CONNECT_STORAGE_FAILED: {
    status: 503,
    fr: 'Le message n’a pas pu être enregistré : il n’a pas été acquitté et sera renvoyé par l’émetteur.',
    en: 'The message could not be stored: it was not acknowledged and the sender will resend it.',
  },
  SIL_CONNECT_MESSAGE_UNPARSEABLE: {
    status: 422,
    fr: 'Message illisible (syntaxe ASTM ou HL7 invalide) : conservé dans le journal, aucun résultat enregistré.',
    en: 'Unreadable message (invalid ASTM or HL7 syntax): kept in the log, no result recorded.',
  },
  SIL_CONNECT_UNSUPPORTED_MESSAGE: {
    status: 422,
    fr: 'Type de message non pris en charge par ce profil de liaison.',
    en: 'Message type not supported by this link profile.',
  },
  SIL_CONNECT_NO_SPECIMEN_ID: {
    status: 422,
    fr: 'Identifiant d’échantillon absent à l’emplacement prévu par le profil de liaison.',
    en: 'No specimen id at the location the link profile names.',
  },
  SIL_CONNECT_SPECIMEN_UNKNOWN: {
    status: 422,
    fr: 'Échantillon inconnu : le message attend d’être rattaché à un tube (liste des orphelins).',
    en: 'Unknown specimen: the message waits to be assigned to a tube (orphan list).',
  },
  SIL_CONNECT_CODE_UNMAPPED: {
    status: 422,
    fr: 'Code de test automate sans correspondance dans le catalogue : ajoutez la correspondance puis rejouez le message.',
    en: 'Instrument test code not mapped to the catalogue: add the mapping, then replay the message.',
  },
  SIL_CONNECT_VALUE_INVALID: {
    status: 422,
    fr: 'Valeur de l’automate illisible pour cet analyte (type ou format) : aucun résultat enregistré.',
    en: 'Instrument value unreadable for this analyte (type or format): no result recorded.',
  },
  SIL_CONNECT_PROCESSING_FAILED: {
    status: 500,
    fr: 'Traitement du message en échec après plusieurs tentatives : il attend dans la file des erreurs.',
    en: 'Message processing failed after several attempts: it waits in the error queue.',
  },
  // ── Orders received from outside (IHE LTW LAB-1) ────────────────────────
  SIL_CONNECT_PATIENT_MISSING: {
    status: 422,
    fr: 'Demande sans identité patient exploitable (nom de naissance, prénom, date de naissance, sexe).',
    en: 'Order without usable patient identity (birth name, first name, birth date, sex).',
  },
  SIL_CONNECT_PATIENT_AMBIGUOUS: {
    status: 409,
    fr: 'Plusieurs dossiers patients correspondent à cette identité : rapprochement manuel nécessaire (identitovigilance).',
    en: 'Several patient records match this identity: manual matching needed (identity vigilance).',
  },
  SIL_CONNECT_ORDER_NO_TEST: {
    status: 422,
    fr: 'Demande sans analyse (OBR-4 vide).',
    en: 'Order without any test (OBR-4 empty).',
  },
} as const satisfies Record<string, ErrorDefinition>;
