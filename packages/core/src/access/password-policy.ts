/**
 * Password policy (issue 2 § access): at least 12 characters and not a common password.
 * ANSSI's recommendations on passwords (2021) favour length over composition rules, so no
 * "one digit, one symbol" rule; instead we refuse passwords built on well-known bases.
 */
import { commonPasswordBases } from './common-passwords.js';

export const minimumPasswordLength = 12;

export type PasswordProblem = 'SIL_PASSWORD_TOO_SHORT' | 'SIL_PASSWORD_TOO_COMMON';

const commonBases = new Set(commonPasswordBases);

/** Reduces "Azerty123456!" to "azerty" so decorated variants of a common base are caught. */
function passwordBase(password: string): string {
  return password
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');
}

function isSingleRepeatedOrSequential(password: string): boolean {
  if (/^(.)\1+$/.test(password)) {
    return true;
  }
  const digitsOrLetters = '0123456789abcdefghijklmnopqrstuvwxyz';
  const lower = password.toLowerCase();
  return digitsOrLetters.includes(lower) || digitsOrLetters.split('').reverse().join('').includes(lower);
}

export function checkPassword(password: string, context: { username?: string } = {}): PasswordProblem | null {
  if ([...password].length < minimumPasswordLength) {
    return 'SIL_PASSWORD_TOO_SHORT';
  }
  const base = passwordBase(password);
  if (base.length < 4 || commonBases.has(base) || isSingleRepeatedOrSequential(password)) {
    return 'SIL_PASSWORD_TOO_COMMON';
  }
  if (context.username !== undefined && base.includes(passwordBase(context.username)) && context.username.length >= 3) {
    return 'SIL_PASSWORD_TOO_COMMON';
  }
  return null;
}
