/**
 * `POST /api/billing/returns`: the file is sent as is — `text/csv` or `application/json` — so the
 * server checks exactly what the certified software exported (and fingerprints it, refusing a
 * second import of the same file). The JSON client would re-encode it, hence this direct call with
 * the same conventions (CSRF double submit, Accept-Language, problem+json → ApiError).
 */
import { csrfCookieName, csrfHeaderName, readCookie } from '../api/api-client.js';
import { ApiError, catalogTitle, parseProblem } from '../api/api-error.js';
import { currentLocale } from '../i18n/i18n.js';
import type { ReturnsFormat } from './billing-returns-file.js';

export interface ReturnsImportAnswer {
  importId: string;
  filename: string;
  format: ReturnsFormat;
  lineCount: number;
  paymentCount: number;
  rejectionCount: number;
  paidTotalCents: number;
  disputeIds: string[];
}

export async function importReturnsFile(file: {
  name: string;
  text: string;
  format: ReturnsFormat;
}): Promise<ReturnsImportAnswer> {
  const locale = currentLocale();
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': locale,
    'Content-Type': file.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
  };
  const csrf = readCookie(document.cookie, csrfCookieName);
  if (csrf !== undefined && csrf !== '') {
    headers[csrfHeaderName] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(
      `/api/billing/returns?filename=${encodeURIComponent(file.name.trim().slice(0, 200) || 'retours')}`,
      {
        method: 'POST',
        headers,
        credentials: 'same-origin',
        body: file.text,
      }
    );
  } catch {
    throw new ApiError({ code: 'SIL_UNAVAILABLE', title: catalogTitle('SIL_UNAVAILABLE', locale), status: 0 });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw parseProblem(response.status, body, locale);
  }
  return body as ReturnsImportAnswer;
}
