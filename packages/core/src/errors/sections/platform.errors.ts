import type { ErrorDefinition } from '../error-definition.js';

/** Generic request, authentication and access errors. */
export const platformErrors = {
  // ── Generic request errors ──────────────────────────────────────────────
  SIL_VALIDATION: { status: 400, fr: 'Données invalides.', en: 'Invalid data.' },
  SIL_MALFORMED_JSON: {
    status: 400,
    fr: 'Le corps de la requête n’est pas un JSON valide.',
    en: 'Request body is not valid JSON.',
  },
  SIL_BODY_TOO_LARGE: {
    status: 413,
    fr: 'Le corps de la requête est trop volumineux.',
    en: 'Request body is too large.',
  },
  SIL_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    fr: 'Type de contenu non pris en charge.',
    en: 'Unsupported content type.',
  },
  SIL_NOT_FOUND: { status: 404, fr: 'Ressource introuvable.', en: 'Resource not found.' },
  SIL_ROUTE_NOT_FOUND: { status: 404, fr: 'Adresse inconnue.', en: 'Unknown route.' },
  SIL_CONFLICT: {
    status: 409,
    fr: 'La ressource a été modifiée entre-temps.',
    en: 'The resource was modified meanwhile.',
  },
  SIL_INTERNAL: { status: 500, fr: 'Erreur interne du serveur.', en: 'Internal server error.' },
  SIL_UNAVAILABLE: { status: 503, fr: 'Service momentanément indisponible.', en: 'Service temporarily unavailable.' },

  // ── Authentication and access ───────────────────────────────────────────
  SIL_AUTH_REQUIRED: { status: 401, fr: 'Authentification requise.', en: 'Authentication required.' },
  SIL_AUTH_INVALID_CREDENTIALS: {
    status: 401,
    fr: 'Identifiant ou mot de passe incorrect.',
    en: 'Wrong username or password.',
  },
  SIL_AUTH_THROTTLED: {
    status: 429,
    fr: 'Trop de tentatives de connexion. Réessayez plus tard.',
    en: 'Too many login attempts. Try again later.',
  },
  SIL_AUTH_ACCOUNT_DISABLED: { status: 403, fr: 'Ce compte est désactivé.', en: 'This account is disabled.' },
  SIL_AUTH_SESSION_EXPIRED: {
    status: 401,
    fr: 'Session expirée. Reconnectez-vous.',
    en: 'Session expired. Please log in again.',
  },
  SIL_AUTH_TOTP_REQUIRED: {
    status: 401,
    fr: 'Code de vérification (TOTP) requis.',
    en: 'Verification code (TOTP) required.',
  },
  SIL_AUTH_TOTP_INVALID: { status: 401, fr: 'Code de vérification incorrect.', en: 'Wrong verification code.' },
  SIL_AUTH_TOTP_ENROLMENT_REQUIRED: {
    status: 403,
    fr: 'Votre rôle exige la double authentification : configurez-la.',
    en: 'Your role requires two-factor authentication: set it up.',
  },
  SIL_AUTH_CSRF: { status: 403, fr: 'Jeton anti-CSRF absent ou invalide.', en: 'Missing or invalid CSRF token.' },
  SIL_FORBIDDEN: {
    status: 403,
    fr: 'Vous n’avez pas les droits pour cette action.',
    en: 'You are not allowed to do this.',
  },
  SIL_FORBIDDEN_SITE: { status: 403, fr: 'Vous n’avez pas accès à ce site.', en: 'You have no access to this site.' },
  SIL_TOKEN_INVALID: { status: 401, fr: 'Jeton d’API invalide ou révoqué.', en: 'Invalid or revoked API token.' },
  SIL_PASSWORD_TOO_SHORT: {
    status: 400,
    fr: 'Le mot de passe doit contenir au moins 12 caractères.',
    en: 'The password must be at least 12 characters long.',
  },
  SIL_PASSWORD_TOO_COMMON: { status: 400, fr: 'Ce mot de passe est trop courant.', en: 'This password is too common.' },
  SIL_PASSWORD_WRONG_CURRENT: {
    status: 400,
    fr: 'Le mot de passe actuel est incorrect.',
    en: 'The current password is wrong.',
  },
  SIL_USERNAME_TAKEN: { status: 409, fr: 'Cet identifiant est déjà utilisé.', en: 'This username is already taken.' },
  SIL_USER_NOT_FOUND: { status: 404, fr: 'Utilisateur introuvable.', en: 'User not found.' },
  SIL_SITE_NOT_FOUND: { status: 404, fr: 'Site introuvable.', en: 'Site not found.' },
  SIL_SITE_CODE_TAKEN: { status: 409, fr: 'Ce code de site est déjà utilisé.', en: 'This site code is already used.' },
  SIL_LAST_ADMIN: {
    status: 409,
    fr: 'Impossible : il doit rester au moins un administrateur actif.',
    en: 'Not possible: at least one active admin must remain.',
  },
} as const satisfies Record<string, ErrorDefinition>;
