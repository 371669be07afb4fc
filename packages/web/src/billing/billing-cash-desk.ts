/**
 * The cash desk this workstation collects for (site + desk code; the site is the user's). Kept in
 * the browser: a desk is a physical drawer at one workstation, not a property of the user.
 */
import { useCallback, useState } from 'react';

const storageKey = 'sillage.cashDesk';
export const defaultDeskCode = 'ACCUEIL';

/** Same rule as the server (`cash.schemas.ts`): 1 to 16 letters, digits, _ or -. */
export function normaliseDeskCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return /^[A-Z0-9_-]{1,16}$/.test(code) ? code : null;
}

function readStored(): string {
  try {
    return normaliseDeskCode(window.localStorage.getItem(storageKey) ?? '') ?? defaultDeskCode;
  } catch {
    return defaultDeskCode;
  }
}

export function useDeskCode(): [string, (code: string) => void] {
  const [deskCode, setDeskCode] = useState(readStored);
  const change = useCallback((code: string) => {
    setDeskCode(code);
    try {
      window.localStorage.setItem(storageKey, code);
    } catch {
      // Private browsing without storage: the code holds for this page only.
    }
  }, []);
  return [deskCode, change];
}
