/**
 * The tubes the simulator reports on: the bench worklist of a running Sillage (received specimens
 * with results still to enter, through the public HTTP API only), or barcodes given on the command
 * line, or synthetic ones (benchmarks, orphan-list tests).
 */
import type { SimulatedSpecimen } from './simulator-types.js';

/**
 * Synthetic barcodes in Sillage's 12-digit form (`YYMMDD` + 4-digit order counter + 2-digit tube,
 * core/lab/numbering.ts) dated in 2099, so they parse as barcodes yet match no real order.
 */
export function syntheticBarcodes(count: number, first = 0): string[] {
  const barcodes: string[] = [];
  for (let i = first; i < first + count; i++) {
    const tube = (i % 99) + 1;
    const order = Math.floor(i / 99);
    const sequence = (order % 9999) + 1;
    const day = Math.floor(order / 9999);
    const month = (Math.floor(day / 28) % 12) + 1;
    const dayOfMonth = (day % 28) + 1;
    const pad = (value: number, width: number): string => String(value).padStart(width, '0');
    barcodes.push(`99${pad(month, 2)}${pad(dayOfMonth, 2)}${pad(sequence, 4)}${pad(tube, 2)}`);
  }
  return barcodes;
}

/** Specimens with no known pending analytes: the profile's default panel is reported. */
export function specimensFromBarcodes(barcodes: readonly string[]): SimulatedSpecimen[] {
  return barcodes.map((barcode) => ({ barcode }));
}

export interface WorklistSource {
  /** Sillage base URL, e.g. `http://127.0.0.1:3000`. */
  readonly apiUrl: string;
  readonly user?: string;
  readonly password?: string;
  /** API token (`Authorization: Bearer`), instead of user and password. */
  readonly token?: string;
  /** Bench section (`biochimie`, `hematologie`…). */
  readonly section: string;
  /** At most this many specimens (the route's maximum is 500). */
  readonly limit?: number;
  readonly fetch?: typeof fetch;
}

/** What `GET /api/worklists` answers, as far as the simulator reads it (results.schemas.ts). */
interface WorklistAnswer {
  readonly specimens: readonly {
    readonly barcode: string;
    readonly results: readonly {
      readonly analyteCode: string;
      readonly status: string;
      readonly calculated: boolean;
    }[];
  }[];
}

export class WorklistError extends Error {}

/** POST /api/auth/login → the Cookie header with the session (no TOTP: use an API token for such accounts). */
async function sessionHeaders(source: WorklistSource, fetcher: typeof fetch): Promise<Record<string, string>> {
  if (source.token !== undefined) {
    return { authorization: `Bearer ${source.token}` };
  }
  if (source.user === undefined || source.password === undefined) {
    throw new WorklistError('identifiants manquants : --user et --password, ou --token');
  }
  const response = await fetcher(`${source.apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: source.user, password: source.password }),
  });
  if (!response.ok) {
    throw new WorklistError(`connexion de ${source.user} refusée : HTTP ${response.status}`);
  }
  const answer = (await response.json()) as { step?: string };
  if (answer.step !== 'done') {
    throw new WorklistError(`le compte ${source.user} demande la double authentification : utilisez --token`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .filter((pair) => pair.startsWith('sillage_'))
    .join('; ');
  return { cookie };
}

/** Received specimens of the section with results still `pending` (calculated analytes left out). */
export async function fetchPendingSpecimens(source: WorklistSource): Promise<SimulatedSpecimen[]> {
  const fetcher = source.fetch ?? fetch;
  const headers = await sessionHeaders(source, fetcher);
  const query = new URLSearchParams({ section: source.section, limit: String(source.limit ?? 500) });
  const response = await fetcher(`${source.apiUrl}/api/worklists?${query.toString()}`, { headers });
  if (!response.ok) {
    throw new WorklistError(`GET /api/worklists : HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
  }
  const worklist = (await response.json()) as WorklistAnswer;
  return worklist.specimens.flatMap((specimen) => {
    const analytes = specimen.results
      .filter((result) => result.status === 'pending' && !result.calculated)
      .map((result) => result.analyteCode);
    return analytes.length === 0 ? [] : [{ barcode: specimen.barcode, analytes }];
  });
}
