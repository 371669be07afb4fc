/**
 * Pino redaction: no patient data and no secrets in logs (secret médical, CSP L1110-4).
 * Request bodies are not logged at all; these paths guard anything logged by mistake.
 */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.birthName',
  '*.usedName',
  '*.birthFirstNames',
  '*.firstFirstName',
  '*.birthDate',
  '*.ins',
  '*.nir',
];
