import type { ErrorDefinition } from '../error-definition.js';

/** Instrument link and codec errors (HL7 v2, ASTM E1381/E1394, HPRIM). */
export const instrumentErrors = {
  // ── HL7 v2 codec (packages/core/src/hl7) ─────────────────────────────────
  SIL_HL7_EMPTY_MESSAGE: {
    status: 400,
    fr: 'Message HL7 vide.',
    en: 'Empty HL7 message.',
  },
  SIL_HL7_MISSING_HEADER: {
    status: 422,
    fr: 'Le message HL7 doit commencer par un segment MSH (ou FHS/BHS pour un lot).',
    en: 'The HL7 message must start with an MSH segment (or FHS/BHS for a batch).',
  },
  SIL_HL7_INVALID_DELIMITERS: {
    status: 422,
    fr: 'Séparateurs HL7 invalides dans MSH-1/MSH-2.',
    en: 'Invalid HL7 delimiters in MSH-1/MSH-2.',
  },
  SIL_HL7_INVALID_SEGMENT: {
    status: 422,
    fr: 'Segment HL7 invalide : le nom doit comporter 3 lettres majuscules ou chiffres.',
    en: 'Invalid HL7 segment: the name must be 3 uppercase letters or digits.',
  },
  SIL_HL7_INVALID_PATH: {
    status: 400,
    fr: 'Chemin HL7 invalide (forme attendue : SEG[n]-champ(répétition).composant.sous-composant, ex. OBX[2]-5.1).',
    en: 'Invalid HL7 path (expected SEG[n]-field(repetition).component.subcomponent, e.g. OBX[2]-5.1).',
  },
  SIL_HL7_INVALID_BUILD: {
    status: 400,
    fr: 'Construction HL7 invalide (nom de segment ou numéro de champ incorrect).',
    en: 'Invalid HL7 construction (wrong segment name or field number).',
  },
  // ── ASTM E1381 / E1394 codec and link (packages/core/src/astm) ──────────────
  SIL_ASTM_FRAME_MALFORMED: {
    status: 422,
    fr: 'Trame ASTM mal formée (STX, numéro de trame, ETB/ETX ou somme de contrôle manquants).',
    en: 'Malformed ASTM frame (missing STX, frame number, ETB/ETX or checksum).',
  },
  SIL_ASTM_FRAME_CHECKSUM: {
    status: 422,
    fr: 'Somme de contrôle de trame ASTM incorrecte.',
    en: 'Wrong ASTM frame checksum.',
  },
  SIL_ASTM_FRAME_NUMBER: {
    status: 422,
    fr: 'Numéro de trame ASTM inattendu (séquence 1 à 7 puis 0).',
    en: 'Unexpected ASTM frame number (sequence 1 to 7 then 0).',
  },
  SIL_ASTM_FRAME_TRAILER: {
    status: 422,
    fr: 'Trame ASTM sans CR LF final.',
    en: 'ASTM frame without its final CR LF.',
  },
  SIL_ASTM_FRAME_TOO_LONG: {
    status: 422,
    fr: 'Trame ASTM trop longue.',
    en: 'ASTM frame too long.',
  },
  SIL_ASTM_RESTRICTED_CHARACTER: {
    status: 422,
    fr: 'Caractère de contrôle interdit dans le texte d’une trame ASTM (E1381 §6.6).',
    en: 'Restricted control character in ASTM frame text (E1381 §6.6).',
  },
  SIL_ASTM_LINK_TIMEOUT: {
    status: 504,
    fr: 'Délai dépassé sur la liaison ASTM : l’automate ne répond plus.',
    en: 'ASTM link timeout: the instrument stopped answering.',
  },
  SIL_ASTM_LINK_RETRIES_EXHAUSTED: {
    status: 502,
    fr: 'Trame ASTM refusée après 6 retransmissions : message abandonné.',
    en: 'ASTM frame refused after 6 retransmissions: message aborted.',
  },
  SIL_ASTM_LINK_ESTABLISHMENT_FAILED: {
    status: 502,
    fr: 'L’automate n’accepte pas l’ouverture de la liaison ASTM (ENQ sans ACK).',
    en: 'The instrument does not accept the ASTM link (ENQ not acknowledged).',
  },
  SIL_ASTM_LINK_ABORTED: {
    status: 502,
    fr: 'Échange ASTM interrompu : le message incomplet est écarté.',
    en: 'ASTM session interrupted: the incomplete message is discarded.',
  },
  SIL_ASTM_LINK_CLOSED: {
    status: 502,
    fr: 'Connexion à l’automate fermée : le message n’a pas été transmis.',
    en: 'Instrument connection closed: the message was not transmitted.',
  },
  SIL_ASTM_STORAGE_TIMEOUT: {
    status: 503,
    fr: 'Enregistrement du message trop lent : trame refusée (NAK) pour que l’automate la renvoie.',
    en: 'Message storage too slow: frame refused (NAK) so that the instrument sends it again.',
  },
  SIL_ASTM_STORAGE_FAILED: {
    status: 503,
    fr: 'Échec de l’enregistrement du message : trame refusée (NAK) pour que l’automate la renvoie.',
    en: 'Message storage failed: frame refused (NAK) so that the instrument sends it again.',
  },
  SIL_ASTM_EMPTY_MESSAGE: { status: 422, fr: 'Message ASTM vide.', en: 'Empty ASTM message.' },
  SIL_ASTM_DELIMITERS_INVALID: {
    status: 422,
    fr: 'Délimiteurs ASTM invalides dans l’enregistrement H (4 caractères distincts, ni lettre ni chiffre).',
    en: 'Invalid ASTM delimiters in the H record (4 distinct characters, no letter or digit).',
  },
  SIL_ASTM_DELIMITER_MISMATCH: {
    status: 422,
    fr: 'Enregistrement ASTM qui n’utilise pas le séparateur de champ déclaré dans l’en-tête H.',
    en: 'ASTM record not using the field delimiter declared in the H header.',
  },
  SIL_ASTM_UNKNOWN_RECORD_TYPE: {
    status: 422,
    fr: 'Type d’enregistrement ASTM inconnu (conservé tel quel).',
    en: 'Unknown ASTM record type (kept as is).',
  },
  SIL_ASTM_NO_HEADER: {
    status: 422,
    fr: 'Message ASTM sans enregistrement d’en-tête H : délimiteurs par défaut |\\^&.',
    en: 'ASTM message without an H header record: default delimiters |\\^&.',
  },
  SIL_ASTM_NO_TERMINATOR: {
    status: 422,
    fr: 'Message ASTM sans enregistrement de fin L (message peut-être tronqué).',
    en: 'ASTM message without an L terminator record (possibly truncated).',
  },
  SIL_ASTM_RECORD_AFTER_TERMINATOR: {
    status: 422,
    fr: 'Enregistrement ASTM après l’enregistrement de fin L.',
    en: 'ASTM record after the L terminator record.',
  },
  SIL_ASTM_INVALID_BUILD: {
    status: 400,
    fr: 'Construction d’enregistrement ASTM invalide.',
    en: 'Invalid ASTM record construction.',
  },
  // ── HPRIM Santé 2.x / HPRIM Médecins (packages/core/src/hprim) ──────────────
  SIL_HPRIM_EMPTY_MESSAGE: { status: 422, fr: 'Message HPRIM vide.', en: 'Empty HPRIM message.' },
  SIL_HPRIM_NO_HEADER: {
    status: 422,
    fr: 'Message HPRIM Santé sans segment d’en-tête H : délimiteurs par défaut |~^\\&.',
    en: 'HPRIM Santé message without an H header segment: default delimiters |~^\\&.',
  },
  SIL_HPRIM_DELIMITERS_INVALID: {
    status: 422,
    fr: 'Délimiteurs HPRIM invalides dans le segment H (5 caractères distincts, ni lettre ni chiffre).',
    en: 'Invalid HPRIM delimiters in the H segment (5 distinct characters, no letter or digit).',
  },
  SIL_HPRIM_DELIMITER_MISMATCH: {
    status: 422,
    fr: 'Segment HPRIM qui n’utilise pas le séparateur de champ déclaré dans l’en-tête H.',
    en: 'HPRIM segment not using the field separator declared in the H header.',
  },
  SIL_HPRIM_ORPHAN_CONTINUATION: {
    status: 422,
    fr: 'Segment de suite HPRIM « A » sans segment précédent.',
    en: 'HPRIM continuation segment "A" without a previous segment.',
  },
  SIL_HPRIM_UNKNOWN_SEGMENT: {
    status: 422,
    fr: 'Segment HPRIM inconnu (conservé tel quel).',
    en: 'Unknown HPRIM segment (kept as is).',
  },
  SIL_HPRIM_LINE_TOO_LONG: {
    status: 422,
    fr: 'Ligne HPRIM de plus de 220 caractères (la norme impose un découpage en segments « A »).',
    en: 'HPRIM line longer than 220 characters (the standard requires splitting into "A" segments).',
  },
  SIL_HPRIM_NO_TERMINATOR: {
    status: 422,
    fr: 'Message HPRIM sans segment de fin L (message peut-être tronqué).',
    en: 'HPRIM message without an L terminator segment (possibly truncated).',
  },
  SIL_HPRIM_MEDECINS_HEADER_INCOMPLETE: {
    status: 422,
    fr: 'Fichier HPRIM Médecins : en-tête de 12 lignes incomplet.',
    en: 'HPRIM Médecins file: incomplete 12-line header.',
  },
  SIL_HPRIM_MEDECINS_MALFORMED_LINE: {
    status: 422,
    fr: 'Fichier HPRIM Médecins : ligne RES/TEX mal formée.',
    en: 'HPRIM Médecins file: malformed RES/TEX line.',
  },
  SIL_HPRIM_MEDECINS_NO_END_MARKER: {
    status: 422,
    fr: 'Fichier HPRIM Médecins sans marqueur ****FIN**** ou ****FINFICHIER****.',
    en: 'HPRIM Médecins file without a ****FIN**** or ****FINFICHIER**** marker.',
  },
  // ── MLLP framing and `sillage inspect` (packages/server/src/cli/inspect) ───
  SIL_HL7_MLLP_FRAMING: {
    status: 422,
    fr: 'Encadrement MLLP incorrect (octets hors trame, fin de bloc manquante, trame vide, tronquée ou trop grande).',
    en: 'Wrong MLLP framing (bytes outside a frame, missing end block, empty, truncated or oversized frame).',
  },
  SIL_INSPECT_EMPTY_CAPTURE: {
    status: 422,
    fr: 'Capture vide : aucun octet après les lignes de commentaire « # ».',
    en: 'Empty capture: no byte after the "# " comment lines.',
  },
  SIL_INSPECT_UNKNOWN_PROTOCOL: {
    status: 422,
    fr: 'Protocole non reconnu : ni ASTM (trames ou enregistrements H|), ni HL7 v2 (MSH, FHS, BHS, MLLP), ni HPRIM.',
    en: 'Unknown protocol: neither ASTM (frames or H| records), HL7 v2 (MSH, FHS, BHS, MLLP) nor HPRIM.',
  },
} as const satisfies Record<string, ErrorDefinition>;
