/**
 * Reports workflow: issue a version from the biologically validated results (stored once with its
 * SHA-256, never re-rendered), list the versions, hand out the stored bytes (an access to the
 * patient's record, audited), and keep the delivery log.
 */
import { createHash, randomUUID } from 'node:crypto';
import { SillageError } from '@sillage/core';
import type { Database, Queryable } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import { renderReportPdf } from './pdf/report-pdf.js';
import { buildReportContent } from './report-content-builder.js';
import { decideIssuance, pendingAnalysesOf, type IssuanceDecision } from './report-issuance.js';
import * as repo from './reports.repository.js';
import type { DeliveryCreateInput, DeliveryView, ReportIssueInput, ReportView } from './reports.schemas.js';

function toReportView(row: repo.ReportRow): ReportView {
  return {
    id: row.id,
    orderId: row.order_id,
    version: row.version,
    kind: row.kind,
    current: row.version === row.latest_version,
    sha256: row.sha256,
    sizeBytes: row.size_bytes,
    resultCount: row.result_versions.length,
    amendmentReason: row.amendment_reason,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by === null ? null : { id: row.created_by, name: row.created_by_name ?? row.created_by },
  };
}

function toDeliveryView(row: repo.DeliveryRow): DeliveryView {
  return {
    id: row.id,
    reportId: row.report_id,
    channel: row.channel,
    recipient: row.recipient,
    identityChecked: row.identity_checked,
    deliveredAt: row.delivered_at.toISOString(),
    deliveredBy:
      row.delivered_by === null ? null : { id: row.delivered_by, name: row.delivered_by_name ?? row.delivered_by },
    comment: row.comment,
  };
}

/**
 * The reason printed on an amended report: the one given with the request, else the reasons the
 * biologist recorded with the corrected versions (they are mandatory on a correction).
 */
function amendmentReasonOf(
  requested: string | undefined,
  decision: IssuanceDecision,
  results: readonly repo.ValidatedResultRow[]
): string {
  if (requested !== undefined) {
    return requested;
  }
  const changed = new Set(decision.changedResultIds);
  const recorded = [
    ...new Set(
      results
        .filter((r) => changed.has(r.result_id))
        .map((r) => r.amendment_reason?.trim() ?? '')
        .filter((reason) => reason !== '')
    ),
  ];
  if (recorded.length === 0 || decision.withdrawnResultIds.length > 0) {
    throw new SillageError('SIL_REPORT_AMENDMENT_REASON_REQUIRED');
  }
  return recorded.join(' ; ');
}

export interface IssuedReport {
  report: ReportView;
  pdf: Buffer;
}

export class ReportService {
  constructor(readonly database: Database) {}

  async issue(orderId: string, input: ReportIssueInput, context: AuditContext): Promise<ReportView> {
    const issued = await this.database.transaction((tx) => this.issueWithin(tx, orderId, input, context));
    return issued.report;
  }

  /**
   * Issues the next version in the caller's transaction (the biological validation workflow may
   * call it right after validating). The order row is locked so concurrent issues take turns.
   */
  async issueWithin(
    tx: Queryable,
    orderId: string,
    input: ReportIssueInput,
    context: AuditContext
  ): Promise<IssuedReport> {
    const header = await repo.findOrderHeader(tx, orderId, true);
    if (header === undefined) {
      throw new SillageError('SIL_ORDER_NOT_FOUND');
    }
    const results = await repo.listValidatedResults(tx, orderId);
    const previous = await repo.findLatestReport(tx, orderId);
    const validated = results.map((r) => ({ resultId: r.result_id, version: r.version }));
    const pendingAnalyses = pendingAnalysesOf(
      (await repo.listOrderAnalyses(tx, orderId)).map((a) => ({
        orderAnalysisId: a.order_analysis_id,
        label: a.analysis_label,
        analyteCodes: a.analyte_codes,
      })),
      (await repo.listOrderResults(tx, orderId)).map((r) => ({
        resultId: r.result_id,
        orderAnalysisId: r.order_analysis_id,
        analyteCode: r.analyte_code,
        status: r.status,
      })),
      validated
    );
    const decision = decideIssuance({
      validated,
      previous: previous?.result_versions ?? null,
      pendingAnalyses,
    });
    const amendmentReason = decision.kind === 'amended' ? amendmentReasonOf(input.reason, decision, results) : null;
    const reportId = randomUUID();
    const issuedAt = new Date();
    const version = (previous?.version ?? 0) + 1;
    const content = buildReportContent({
      lab: await repo.findLab(tx),
      biologists: await repo.listActiveBiologists(tx),
      header,
      results,
      issue: {
        reportId,
        issuedAt,
        version,
        kind: decision.kind,
        complete: decision.complete,
        amendmentReason,
        pendingAnalyses: decision.pendingAnalyses,
        changedResultIds: decision.changedResultIds,
      },
    });
    const pdf = await renderReportPdf(content);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await repo.insertReport(tx, {
      id: reportId,
      orderId,
      version,
      kind: decision.kind,
      pdf,
      sha256,
      resultVersions: validated,
      amendmentReason,
      createdBy: context.actor?.userId ?? null,
      createdAt: issuedAt,
    });
    const releasedResultIds = await repo.markReleased(tx, validated);
    await writeAuditEvent(tx, context, {
      action: 'report.issued',
      entityType: 'report',
      entityId: reportId,
      patientId: header.patient_id,
      after: {
        orderId,
        orderNumber: header.order_number,
        version,
        kind: decision.kind,
        sha256,
        resultVersions: validated,
        replacesVersion: decision.kind === 'amended' ? (previous?.version ?? null) : null,
        releasedResultIds,
      },
      reason: amendmentReason,
    });
    const stored = await repo.findReport(tx, reportId);
    return { report: toReportView(stored as repo.ReportRow), pdf };
  }

  async list(orderId: string): Promise<ReportView[]> {
    return this.database.transaction(async (tx) => {
      if ((await repo.findOrderHeader(tx, orderId)) === undefined) {
        throw new SillageError('SIL_ORDER_NOT_FOUND');
      }
      return (await repo.listReports(tx, orderId)).map(toReportView);
    });
  }

  /** The stored bytes, exactly (a reprint is byte-identical); reading them is an audited access. */
  async readPdf(id: string, context: AuditContext): Promise<{ report: ReportView; pdf: Buffer }> {
    return this.database.transaction(async (tx) => {
      const row = await repo.findReport(tx, id);
      const pdf = row === undefined ? undefined : await repo.findReportPdf(tx, id);
      if (row === undefined || pdf === undefined) {
        throw new SillageError('SIL_REPORT_NOT_FOUND');
      }
      await writeAuditEvent(tx, context, {
        action: 'report.read',
        entityType: 'report',
        entityId: id,
        patientId: row.patient_id,
        after: { orderId: row.order_id, version: row.version, sha256: row.sha256 },
      });
      return { report: toReportView(row), pdf };
    });
  }

  async deliver(reportId: string, input: DeliveryCreateInput, context: AuditContext): Promise<DeliveryView> {
    // A report handed at the desk goes to a person whose identity was checked (secret médical,
    // CSP L1110-4; RNIV identitovigilance at every step).
    if (input.channel === 'desk' && !input.identityChecked) {
      throw new SillageError('SIL_IDENTITY_CHECK_REQUIRED');
    }
    return this.database.transaction(async (tx) => {
      const report = await repo.findReport(tx, reportId);
      if (report === undefined) {
        throw new SillageError('SIL_REPORT_NOT_FOUND');
      }
      if (report.version !== report.latest_version) {
        throw new SillageError('SIL_REPORT_SUPERSEDED', { extra: { latestVersion: report.latest_version } });
      }
      const delivery = toDeliveryView(
        await repo.insertDelivery(tx, {
          reportId,
          channel: input.channel,
          recipient: input.recipient,
          identityChecked: input.identityChecked,
          deliveredBy: context.actor?.userId ?? null,
          comment: input.comment ?? null,
        })
      );
      await writeAuditEvent(tx, context, {
        action: 'report.delivered',
        entityType: 'report',
        entityId: reportId,
        patientId: report.patient_id,
        after: { ...delivery, orderId: report.order_id, version: report.version },
      });
      return delivery;
    });
  }

  async listDeliveries(reportId: string): Promise<DeliveryView[]> {
    return this.database.transaction(async (tx) => {
      if ((await repo.findReport(tx, reportId)) === undefined) {
        throw new SillageError('SIL_REPORT_NOT_FOUND');
      }
      return (await repo.listDeliveries(tx, reportId)).map(toDeliveryView);
    });
  }
}
