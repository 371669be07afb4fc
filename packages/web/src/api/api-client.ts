import { ApiError, catalogTitle, parseProblem } from './api-error.js';
import type { Locale } from './types.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  /** A JSON body, or FormData sent as multipart/form-data (the browser sets the boundary). */
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal | undefined;
}

export interface ApiClientDependencies {
  fetch: typeof globalThis.fetch;
  /** The raw `document.cookie` string (read at each call: the CSRF cookie changes on login). */
  readCookies: () => string;
  getLocale: () => Locale;
}

export const csrfCookieName = 'sillage_csrf';
export const csrfHeaderName = 'X-CSRF-Token';

/** The value of one cookie from a `document.cookie` string, or undefined. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) {
      continue;
    }
    if (part.slice(0, separator).trim() === name) {
      const raw = part.slice(separator + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return undefined;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (query === undefined) {
    return path;
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

function isMutation(method: HttpMethod): boolean {
  return method !== 'GET';
}

function isJsonContentType(contentType: string | null): boolean {
  // application/json and application/problem+json (RFC 9457 §3)
  return contentType !== null && /^application\/([a-z.-]+\+)?json\b/i.test(contentType);
}

export interface ApiClient {
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body?: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
  /** POST multipart/form-data (file upload), with the CSRF header like any mutation. */
  upload<T>(path: string, form: FormData): Promise<T>;
}

/**
 * JSON client for the Sillage API: same-origin cookies, the double-submit CSRF header on every
 * mutation (the server compares it with the `sillage_csrf` cookie), Accept-Language so that problem
 * titles come back in the UI language, and problem+json answers turned into ApiError.
 */
export function createApiClient(deps: ApiClientDependencies): ApiClient {
  async function request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const locale = deps.getLocale();
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
    const hasBody = options.body !== undefined;
    const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
    if (hasBody && !isForm) {
      headers['Content-Type'] = 'application/json';
    }
    if (isMutation(method)) {
      const csrf = readCookie(deps.readCookies(), csrfCookieName);
      if (csrf !== undefined && csrf !== '') {
        headers[csrfHeaderName] = csrf;
      }
    }
    let response: Response;
    try {
      response = await deps.fetch(buildUrl(path, options.query), {
        method,
        headers,
        credentials: 'same-origin',
        body: isForm ? (options.body as FormData) : hasBody ? JSON.stringify(options.body) : null,
        signal: options.signal ?? null,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') {
        throw cause;
      }
      throw new ApiError({ code: 'SIL_UNAVAILABLE', title: catalogTitle('SIL_UNAVAILABLE', locale), status: 0 });
    }
    const contentType = response.headers.get('Content-Type');
    let body: unknown = undefined;
    if (response.status !== 204 && isJsonContentType(contentType)) {
      try {
        body = await response.json();
      } catch {
        body = undefined;
      }
    }
    if (!response.ok) {
      throw parseProblem(response.status, body, locale);
    }
    return body as T;
  }

  return {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    put: (path, body) => request('PUT', path, { body }),
    patch: (path, body) => request('PATCH', path, { body }),
    delete: (path) => request('DELETE', path),
    upload: (path, form) => request('POST', path, { body: form }),
  };
}
