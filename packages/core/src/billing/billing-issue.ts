/** Per-line billing problems, reported together (never one at a time) with a stable code. */
import type { ErrorCode } from '../errors/error-catalog.js';
import { SillageError } from '../errors/sillage-error.js';

export interface BillingIssue {
  readonly code: ErrorCode;
  /** Where in the input: `acts[2]`, `date`, `patient.amc`… */
  readonly path: string;
  /** French explanation of this occurrence (the catalog holds the generic fr/en message). */
  readonly detail: string;
}

/**
 * The SillageError a route throws for a rejected cotation or quote: the issue's own code when
 * there is one issue, SIL_BILLING_QUOTE_REJECTED otherwise; every issue is listed.
 */
export function billingIssuesToError(issues: readonly BillingIssue[]): SillageError {
  const single = issues.length === 1 ? issues[0] : undefined;
  return new SillageError(single?.code ?? 'SIL_BILLING_QUOTE_REJECTED', {
    detail: issues.map((issue) => `${issue.path}: ${issue.detail}`).join(' ; '),
    issues: issues.map((issue) => ({ path: issue.path, message: `${issue.code}: ${issue.detail}` })),
    extra: { billingIssues: issues },
  });
}
