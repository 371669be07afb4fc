/**
 * Which report version to issue, decided from the validation state alone (pure):
 * - nothing validated by a biologist since the last version → refuse (SIL_REPORT_NOTHING_NEW);
 * - a value printed on the last version changed (a correction, validated again) or was withdrawn
 *   → amended (ISO 15189 §7.4.1.8: an amended report is identified as such and keeps the previous
 *   version; DESIGN.md: a validated value is never overwritten);
 * - else complete when every analyte of every analysis still requested is validated (or cancelled),
 *   partial otherwise.
 */
import { SillageError } from '@sillage/core';
import type { ReportKind } from './report-content.js';

export interface ReportedVersion {
  resultId: string;
  version: number;
}

export interface RequestedAnalysis {
  orderAnalysisId: string;
  label: string;
  analyteCodes: readonly string[];
}

export interface ResultState {
  resultId: string;
  orderAnalysisId: string;
  analyteCode: string;
  status: string;
}

export interface IssuanceDecision {
  kind: ReportKind;
  complete: boolean;
  /** Labels of the analyses not (entirely) validated yet. */
  pendingAnalyses: string[];
  /** Results whose version differs from the one printed on the previous report. */
  changedResultIds: string[];
  /** Results printed on the previous report and no longer reportable (cancelled after validation). */
  withdrawnResultIds: string[];
}

/** Analyses whose analytes are not all validated (biologically) or cancelled. */
export function pendingAnalysesOf(
  analyses: readonly RequestedAnalysis[],
  results: readonly ResultState[],
  validated: readonly ReportedVersion[]
): string[] {
  const validatedIds = new Set(validated.map((v) => v.resultId));
  const byKey = new Map(results.map((r) => [`${r.orderAnalysisId}\u0000${r.analyteCode}`, r]));
  const pending: string[] = [];
  for (const analysis of analyses) {
    const settled = analysis.analyteCodes.every((code) => {
      const result = byKey.get(`${analysis.orderAnalysisId}\u0000${code}`);
      return result !== undefined && (result.status === 'cancelled' || validatedIds.has(result.resultId));
    });
    const extraUnsettled = results.some(
      (r) => r.orderAnalysisId === analysis.orderAnalysisId && r.status !== 'cancelled' && !validatedIds.has(r.resultId)
    );
    if (!settled || extraUnsettled) {
      pending.push(analysis.label);
    }
  }
  return pending;
}

export function decideIssuance(input: {
  validated: readonly ReportedVersion[];
  previous: readonly ReportedVersion[] | null;
  pendingAnalyses: readonly string[];
}): IssuanceDecision {
  const { validated, previous, pendingAnalyses } = input;
  const printed = new Map((previous ?? []).map((v) => [v.resultId, v.version]));
  const current = new Set(validated.map((v) => v.resultId));
  const fresh = validated.filter((v) => printed.get(v.resultId) !== v.version);
  const changedResultIds = fresh.filter((v) => printed.has(v.resultId)).map((v) => v.resultId);
  const withdrawnResultIds = [...printed.keys()].filter((id) => !current.has(id));
  if (validated.length === 0 || (fresh.length === 0 && withdrawnResultIds.length === 0)) {
    throw new SillageError('SIL_REPORT_NOTHING_NEW', {
      detail:
        validated.length === 0
          ? 'aucun résultat validé biologiquement pour ce dossier'
          : 'tous les résultats validés figurent déjà sur la dernière version',
    });
  }
  const complete = pendingAnalyses.length === 0;
  const amended = changedResultIds.length > 0 || withdrawnResultIds.length > 0;
  return {
    kind: amended ? 'amended' : complete ? 'complete' : 'partial',
    complete,
    pendingAnalyses: [...pendingAnalyses],
    changedResultIds,
    withdrawnResultIds,
  };
}
