/** TOTP (RFC 6238, 30 s, 6 digits) through otplib; one step of clock drift tolerated. */
import { generate, generateSecret, generateURI, verify } from 'otplib';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string, issuer: string): string {
  return generateURI({ issuer, label: username, secret });
}

export async function verifyTotp(secret: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) {
    return false;
  }
  const result = await verify({ secret, token: code, epochTolerance: 30 });
  return result.valid;
}

/** For tests and the demo: the current code of a secret. */
export function currentTotp(secret: string): Promise<string> {
  return generate({ secret });
}
