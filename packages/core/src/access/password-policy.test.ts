import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPassword, minimumPasswordLength } from './password-policy.js';

describe('password policy (issue 2: ≥ 12 characters, not a common one)', () => {
  it.each([
    ['short1!', 'SIL_PASSWORD_TOO_SHORT'],
    ['Abcdefghijk', 'SIL_PASSWORD_TOO_SHORT'], // 11 characters
    ['motdepasse123', 'SIL_PASSWORD_TOO_COMMON'],
    ['Azerty123456!', 'SIL_PASSWORD_TOO_COMMON'],
    ['Sóleil2024!!', 'SIL_PASSWORD_TOO_COMMON'], // accents do not hide the base
    ['123456789012', 'SIL_PASSWORD_TOO_COMMON'], // sequence
    ['aaaaaaaaaaaaaa', 'SIL_PASSWORD_TOO_COMMON'],
    ['Martine-2024-Martine', null],
    ['tulipe verte sur le quai', null],
  ] as const)('%s → %s', (password, expected) => {
    expect(checkPassword(password)).toBe(expected);
  });

  it('refuses a password built on the username', () => {
    expect(checkPassword('Jdupont2024!!', { username: 'jdupont' })).toBe('SIL_PASSWORD_TOO_COMMON');
  });

  it('never accepts anything shorter than the minimum', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: minimumPasswordLength - 1 }), (pw) => {
        expect(checkPassword(pw)).toBe('SIL_PASSWORD_TOO_SHORT');
      })
    );
  });
});
