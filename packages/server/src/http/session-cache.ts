/**
 * A few seconds of memory for session lookups: every request needs its session, and on PGlite
 * (one connection) the lookup was a third of a patient search. Logout, password change,
 * deactivation and role changes clear the cache of this process at once; another instance
 * behind a load balancer sees a revocation within `ttlMs` (documented in the README).
 */
import type { SessionRow } from '../modules/auth/auth.repository.js';

const ttlMs = 5_000;
const maxEntries = 10_000;

interface Entry {
  row: SessionRow;
  cachedAt: number;
}

const entries = new Map<string, Entry>();

export const sessionCache = {
  get(tokenHash: string, now: number): SessionRow | undefined {
    const entry = entries.get(tokenHash);
    if (entry === undefined || now - entry.cachedAt > ttlMs) {
      entries.delete(tokenHash);
      return undefined;
    }
    return entry.row;
  },
  set(tokenHash: string, row: SessionRow, now: number): void {
    if (entries.size >= maxEntries) {
      entries.clear();
    }
    entries.set(tokenHash, { row, cachedAt: now });
  },
  /** After any change to sessions, users or roles. */
  clear(): void {
    entries.clear();
  },
};
