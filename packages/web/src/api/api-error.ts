import { errorCatalog, isErrorCode } from '@sillage/core';
import type { Locale } from './types.js';

/** One field-level problem of a problem+json `errors` array. */
export interface ApiFieldIssue {
  path: string;
  message: string;
}

/** Members of RFC 9457 problem details that are not extensions. */
const problemMembers = new Set(['type', 'title', 'status', 'code', 'detail', 'errors', 'instance']);

/**
 * An API failure, parsed from application/problem+json (RFC 9457). `title` is already in the user's
 * language: the server localizes it from the Accept-Language header the client sends.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: readonly ApiFieldIssue[];
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(init: {
    code: string;
    title: string;
    status: number;
    detail?: string | undefined;
    errors?: readonly ApiFieldIssue[];
    extensions?: Record<string, unknown>;
  }) {
    super(init.title);
    this.name = 'ApiError';
    this.code = init.code;
    this.title = init.title;
    this.status = init.status;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.extensions = init.extensions ?? {};
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFieldIssues(value: unknown): ApiFieldIssue[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.flatMap((item: unknown) => {
    if (isRecord(item) && typeof item['message'] === 'string') {
      return [{ path: typeof item['path'] === 'string' ? item['path'] : '', message: item['message'] }];
    }
    return [];
  });
}

/** Code used when the answer carries no SIL_ code (proxy error page, network failure). */
export function fallbackCodeForStatus(status: number): string {
  if (status === 0 || status === 502 || status === 503 || status === 504) {
    return 'SIL_UNAVAILABLE';
  }
  if (status === 401) {
    return 'SIL_AUTH_REQUIRED';
  }
  if (status === 403) {
    return 'SIL_FORBIDDEN';
  }
  if (status === 404) {
    return 'SIL_ROUTE_NOT_FOUND';
  }
  if (status === 409) {
    return 'SIL_CONFLICT';
  }
  if (status === 413) {
    return 'SIL_BODY_TOO_LARGE';
  }
  if (status >= 400 && status < 500) {
    return 'SIL_VALIDATION';
  }
  return 'SIL_INTERNAL';
}

/** The catalog message for a code, in the UI language; the code itself when unknown to this build. */
export function catalogTitle(code: string, locale: Locale): string {
  return isErrorCode(code) ? errorCatalog[code][locale] : code;
}

/**
 * Turns an error answer into an ApiError. `body` is the parsed JSON (or undefined when the answer
 * was not JSON); missing members fall back to the shared error catalog.
 */
export function parseProblem(status: number, body: unknown, locale: Locale): ApiError {
  if (!isRecord(body)) {
    const code = fallbackCodeForStatus(status);
    return new ApiError({ code, title: catalogTitle(code, locale), status });
  }
  const code = typeof body['code'] === 'string' ? body['code'] : fallbackCodeForStatus(status);
  const title = typeof body['title'] === 'string' && body['title'] !== '' ? body['title'] : catalogTitle(code, locale);
  const extensions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!problemMembers.has(key)) {
      extensions[key] = value;
    }
  }
  return new ApiError({
    code,
    title,
    status: typeof body['status'] === 'number' ? body['status'] : status,
    detail: typeof body['detail'] === 'string' ? body['detail'] : undefined,
    errors: parseFieldIssues(body['errors']),
    extensions,
  });
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Field issues keyed by their last path segment, e.g. `/birthDate` or `birthDate` → `birthDate`. */
export function fieldErrorsByName(error: ApiError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.errors) {
    const name = issue.path.split(/[/.]/).filter((part) => part !== '')[0];
    if (name !== undefined && result[name] === undefined) {
      result[name] = issue.message;
    }
  }
  return result;
}
