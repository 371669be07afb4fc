/**
 * `POST /api/billing/nabm/import` (nabm.routes.ts), permission `billing.manage`. Sent with
 * XMLHttpRequest rather than fetch: a release is a few MB and the admin sees the upload progress.
 * Same conventions as the JSON client (CSRF double submit, Accept-Language, problem+json → ApiError).
 */
import { csrfCookieName, csrfHeaderName, readCookie } from '../api/api-client.js';
import { ApiError, catalogTitle, parseProblem } from '../api/api-error.js';
import { currentLocale } from '../i18n/i18n.js';
import type { NabmImportBody } from './billing-nabm-files.js';

export interface NabmImportSummary {
  source: string;
  actCount: number;
  periodCount: number;
  added: string[];
  removed: string[];
  /** Coefficients in hundredths (B 26 = 2600). */
  changedCoefficients: { code: string; from: number | null; to: number | null }[];
  applied: boolean;
}

/** Posts the release; `onUploadProgress` gets 0–1 while the body is sent. */
export function importNabmRelease(
  body: NabmImportBody,
  onUploadProgress: (fraction: number) => void
): Promise<NabmImportSummary> {
  const locale = currentLocale();
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/billing/nabm/import');
    request.withCredentials = true;
    request.setRequestHeader('Content-Type', 'application/json');
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Accept-Language', locale);
    const csrf = readCookie(document.cookie, csrfCookieName);
    if (csrf !== undefined && csrf !== '') {
      request.setRequestHeader(csrfHeaderName, csrf);
    }
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onUploadProgress(event.loaded / event.total);
      }
    };
    request.upload.onload = () => onUploadProgress(1);
    request.onerror = () =>
      reject(new ApiError({ code: 'SIL_UNAVAILABLE', title: catalogTitle('SIL_UNAVAILABLE', locale), status: 0 }));
    request.onload = () => {
      let parsed: unknown = undefined;
      try {
        parsed = JSON.parse(request.responseText);
      } catch {
        parsed = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(parsed as NabmImportSummary);
      } else {
        reject(parseProblem(request.status, parsed, locale));
      }
    };
    request.send(JSON.stringify(body));
  });
}
