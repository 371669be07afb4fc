/**
 * The few public API calls the link bench needs: an admin session (cookie + CSRF double submit),
 * an instrument link profile (POST /api/instruments, listening on a free port), its test-code
 * mappings, and the live link status that tells the port taken.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface ApiSession {
  readonly baseUrl: string;
  readonly headers: Record<string, string>;
}

export async function openAdminSession(baseUrl: string, password: string): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (!response.ok) {
    throw new Error(`connexion admin refusée : HTTP ${response.status} ${await response.text()}`);
  }
  const pairs = response.headers.getSetCookie().map((line) => line.split(';')[0] ?? '');
  const csrf = pairs.find((pair) => pair.startsWith('sillage_csrf='))?.slice('sillage_csrf='.length) ?? '';
  return {
    baseUrl,
    headers: { cookie: pairs.filter((pair) => pair.startsWith('sillage_')).join('; '), 'x-csrf-token': csrf },
  };
}

export async function callApi<T>(session: ApiSession, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${session.baseUrl}${path}`, {
    method,
    headers: { ...session.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} → HTTP ${response.status} ${text.slice(0, 400)}`);
  }
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** What the bench reads of an instrument (instruments.schemas.ts `instrumentSchema`). */
export interface InstrumentAnswer {
  readonly id: string;
  readonly status: { readonly state: string; readonly port: number | null; readonly errorCount: number };
}

export interface BenchInstrument {
  readonly code: string;
  readonly name: string;
  readonly protocol: 'astm' | 'hl7';
  readonly charset: 'iso-8859-1' | 'windows-1252' | 'utf-8';
}

/** Creates a server-role link on a free loopback port and waits until it listens; returns its id and port. */
export async function createListeningInstrument(
  session: ApiSession,
  instrument: BenchInstrument,
  timeoutMs = 10_000
): Promise<{ id: string; port: number }> {
  const created = await callApi<InstrumentAnswer>(session, 'POST', '/api/instruments', {
    ...instrument,
    role: 'server',
    host: '127.0.0.1',
    port: 0,
  });
  const until = Date.now() + timeoutMs;
  for (let view = created; ; view = await callApi<InstrumentAnswer>(session, 'GET', `/api/instruments/${created.id}`)) {
    if (view.status.state === 'listening' && view.status.port !== null && view.status.port > 0) {
      return { id: created.id, port: view.status.port };
    }
    if (Date.now() > until) {
      throw new Error(`la liaison ${instrument.code} n’écoute pas (état ${view.status.state})`);
    }
    await sleep(100);
  }
}

/** Maps instrument codes to catalogue analytes; codes whose analyte the catalogue lacks are skipped. */
export async function mapTestCodes(
  session: ApiSession,
  instrumentId: string,
  mappings: readonly { instrumentCode: string; analyteCode: string }[]
): Promise<{ mapped: number; skipped: string[] }> {
  let mapped = 0;
  const skipped: string[] = [];
  for (const mapping of mappings) {
    try {
      await callApi(session, 'POST', `/api/instruments/${instrumentId}/mappings`, { ...mapping, factor: 1 });
      mapped++;
    } catch {
      skipped.push(`${mapping.instrumentCode}→${mapping.analyteCode}`);
    }
  }
  return { mapped, skipped };
}
