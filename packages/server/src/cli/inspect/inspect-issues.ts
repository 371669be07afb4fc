import { errorCatalog, isErrorCode, type InstrumentCodecIssue } from '@sillage/core';
import type { InspectIssue } from './inspect-report.js';

export interface IssueLocation {
  readonly line?: number;
  readonly offset?: number;
  readonly frame?: number;
  readonly segmentIndex?: number;
}

/** Issues collected while inspecting, split as the report shows them. */
export interface CollectedIssues {
  readonly errors: InspectIssue[];
  readonly warnings: InspectIssue[];
}

export function emptyIssues(): CollectedIssues {
  return { errors: [], warnings: [] };
}

/** An issue with the French catalog message for its code. */
export function inspectIssue(code: string, detail: string, where: IssueLocation = {}): InspectIssue {
  const message = isErrorCode(code) ? errorCatalog[code].fr : code;
  return {
    code,
    message,
    detail,
    ...(where.line === undefined ? {} : { line: where.line }),
    ...(where.offset === undefined ? {} : { offset: where.offset }),
    ...(where.frame === undefined ? {} : { frame: where.frame }),
    ...(where.segmentIndex === undefined ? {} : { segmentIndex: where.segmentIndex }),
  };
}

/** Files an ASTM/HPRIM codec issue as an error or a warning, by its severity. */
export function collectCodecIssue(into: CollectedIssues, issue: InstrumentCodecIssue): void {
  const converted = inspectIssue(issue.code, issue.detail, issue);
  if (issue.severity === 'error') {
    into.errors.push(converted);
  } else {
    into.warnings.push(converted);
  }
}
