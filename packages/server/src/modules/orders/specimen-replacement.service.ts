/**
 * Replacement tube: a tube rejected at reception (or later at the bench) is redrawn after the desk
 * recalls the patient (ISO 15189:2022 §7.5 non-conforming work: the request is fulfilled, not lost).
 *
 * Decisions:
 * - Only a rejected tube is replaced, once (`replaces_specimen_id` is unique); a rejected replacement
 *   is replaced in turn.
 * - The new tube is numbered after the order's last tube, inside the order's transaction with the
 *   order row locked: numbers stay gap-free per order (as for tubes added with analyses).
 * - It carries the analyses whose results were cancelled with the rejected tube and that nothing has
 *   taken over (analysis still requested, no live result on another tube). The cancelled results stay
 *   as they are (append-only); each gets a new pending result on the new tube, so the order's derived
 *   status goes back to awaiting specimens until the tube is received.
 * - An order belongs to the site that registered it: the desk of another site may not redraw it.
 * - The rejected tube's open non-conformities move to "in progress" with the new barcode.
 */
import { formatSpecimenBarcode, parseSpecimenBarcode, SillageError } from '@sillage/core';
import type { Database } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import * as orders from './orders.repository.js';
import { lockTubeAndOrder } from './specimen-lock.js';
import * as replacements from './specimen-replacement.repository.js';
import type { ReplacementResult } from './specimens.schemas.js';
import * as specimens from './specimens.repository.js';

export class SpecimenReplacementService {
  constructor(private readonly database: Database) {}

  async replace(barcode: string, siteId: string | null, context: AuditContext): Promise<ReplacementResult> {
    const actor = context.actor;
    if (actor === null) {
      throw new SillageError('SIL_AUTH_REQUIRED');
    }
    return this.database.transaction(async (tx) => {
      const { tube, order } = await lockTubeAndOrder(tx, barcode);
      if (order.site_id !== null && siteId !== null && order.site_id !== siteId) {
        throw new SillageError('SIL_SPECIMEN_WRONG_SITE', { extra: { barcode: tube.barcode } });
      }
      if (tube.status !== 'rejected') {
        throw new SillageError('SIL_SPECIMEN_NOT_REJECTED', { extra: { barcode: tube.barcode, status: tube.status } });
      }
      const already = await replacements.findReplacementBarcode(tx, tube.id);
      if (already !== undefined) {
        throw new SillageError('SIL_SPECIMEN_ALREADY_REPLACED', {
          extra: { barcode: tube.barcode, replacedByBarcode: already },
        });
      }
      const toRedraw = await replacements.listResultsToRedraw(tx, tube.id);
      if (toRedraw.length === 0) {
        throw new SillageError('SIL_SPECIMEN_NOTHING_TO_REDRAW', { extra: { barcode: tube.barcode } });
      }
      const analyses = new Map<string, { code: string; volumeMl: number }>();
      for (const row of toRedraw) {
        analyses.set(row.order_analysis_id, { code: row.analysis_code, volumeMl: Number(row.analysis_volume_ml) });
      }
      const volumeMl = [...analyses.values()].reduce((sum, a) => sum + a.volumeMl, 0);
      const existing = await specimens.listOrderSpecimens(tx, order.id);
      const lastIndex = Math.max(0, ...existing.map((t) => parseSpecimenBarcode(t.barcode)?.tubeIndex ?? 0));
      const newBarcode = formatSpecimenBarcode(order.order_number, lastIndex + 1);
      const specimenId = await replacements.insertReplacementSpecimen(tx, {
        orderId: order.id,
        barcode: newBarcode,
        containerCode: tube.container_code,
        volumeMl,
        replacesSpecimenId: tube.id,
      });
      for (const orderAnalysisId of analyses.keys()) {
        await specimens.linkSpecimenAnalysis(tx, specimenId, orderAnalysisId);
      }
      await orders.insertPendingResults(
        tx,
        toRedraw.map((row) => ({
          orderId: row.order_id,
          orderAnalysisId: row.order_analysis_id,
          specimenId,
          patientId: row.patient_id,
          analyteId: row.analyte_id,
          analyteCode: row.analyte_code,
          urgent: row.urgent,
        }))
      );
      const nonConformityIds = await replacements.markNonConformitiesInProgress(
        tx,
        tube.id,
        `Tube de remplacement ${newBarcode} créé`,
        actor.userId
      );
      await orders.bumpOrderVersion(tx, order.id);
      const codes = [...analyses.values()].map((a) => a.code);
      await writeAuditEvent(tx, context, {
        action: 'specimen.replacement_created',
        entityType: 'specimen',
        entityId: specimenId,
        patientId: order.patient_id,
        before: { barcode: tube.barcode, status: tube.status, rejectionReason: tube.rejection_reason },
        after: {
          barcode: newBarcode,
          replacesBarcode: tube.barcode,
          orderNumber: order.order_number,
          analyses: codes,
          results: toRedraw.length,
          nonConformityIds,
        },
      });
      return {
        id: specimenId,
        barcode: newBarcode,
        replacesBarcode: tube.barcode,
        orderId: order.id,
        orderNumber: order.order_number,
        status: 'expected',
        containerCode: tube.container_code,
        containerLabel: tube.container_label,
        colour: tube.colour,
        analyses: codes,
        results: toRedraw.length,
        nonConformityIds,
      };
    });
  }
}
