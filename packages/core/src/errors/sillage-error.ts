import { errorCatalog, type ErrorCode } from './error-catalog.js';

/** One field-level problem, reported in the problem+json `errors` array. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * The one error currency of Sillage (as Medplum's OperationOutcomeError): services throw it,
 * the HTTP layer maps it to application/problem+json with its stable code.
 */
export class SillageError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string | undefined;
  readonly issues: readonly FieldIssue[];
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    options: { detail?: string; issues?: readonly FieldIssue[]; extra?: Record<string, unknown>; cause?: unknown } = {}
  ) {
    super(errorCatalog[code].en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SillageError';
    this.code = code;
    this.status = errorCatalog[code].status;
    this.detail = options.detail;
    this.issues = options.issues ?? [];
    this.extra = options.extra ?? {};
  }
}

export type Locale = 'fr' | 'en';

/** Problem Details (RFC 9457) body for an error, in the requested language. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  errors?: readonly FieldIssue[];
  [extension: string]: unknown;
}

export function toProblem(error: SillageError, locale: Locale = 'fr'): ProblemDetails {
  const def = errorCatalog[error.code];
  const problem: ProblemDetails = {
    type: `https://sillage.dev/errors/${error.code}`,
    title: def[locale],
    status: def.status,
    code: error.code,
    ...error.extra,
  };
  if (error.detail !== undefined) {
    problem.detail = error.detail;
  }
  if (error.issues.length > 0) {
    problem.errors = error.issues;
  }
  return problem;
}
