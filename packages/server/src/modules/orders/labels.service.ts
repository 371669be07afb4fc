/**
 * Tube labels of an order as a PDF (label printer or A4 sheet). The PDF's metadata date is the
 * order's creation date, so printing the same tubes twice gives the same bytes. Printing is audited
 * with the patient (the labels carry identity traits).
 */
import bwipjs from 'bwip-js';
import { SillageError } from '@sillage/core';
import type { Database } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import { labelDocument, type LabelData, type LabelFormat } from './label-document.js';
import * as orders from './orders.repository.js';
import { renderPdf } from './pdf-engine.js';
import * as specimens from './specimens.repository.js';

/**
 * Code 128 (ISO/IEC 15417) with a 10-module quiet zone each side, as the standard requires, drawn
 * as vector bars (SVG) rather than a PNG: bwip-js PNGs carry an alpha channel, which pdfkit decodes
 * asynchronously, so the PDF's object order (and bytes) varied from one print to the next; vector
 * bars are also sharp at any printer resolution. The bars stretch to the label's width.
 */
export function code128Svg(text: string): string {
  const svg = bwipjs.toSVG({ bcid: 'code128', text, scale: 1, height: 8, includetext: false, paddingwidth: 10 });
  return svg.replace('<svg ', '<svg preserveAspectRatio="none" ');
}

/** Tubes whose label is no longer printed unless asked by barcode. */
const finishedStatuses = new Set(['rejected', 'disposed']);

/** A tube is labelled while it may still be drawn for something: not finished, an analysis left on it. */
function needsLabel(tube: specimens.SpecimenRow): boolean {
  return !finishedStatuses.has(tube.status) && tube.analysis_codes.length > 0;
}

export interface LabelsPdf {
  pdf: Buffer;
  filename: string;
  barcodes: string[];
}

export class LabelService {
  constructor(private readonly database: Database) {}

  async render(
    orderId: string,
    options: { format: LabelFormat; barcode?: string | undefined },
    context: AuditContext
  ): Promise<LabelsPdf> {
    return this.database.transaction(async (tx) => {
      const order = await orders.findOrder(tx, orderId);
      if (order === undefined) {
        throw new SillageError('SIL_ORDER_NOT_FOUND');
      }
      const patient = (await orders.findPatient(tx, order.patient_id)) as orders.OrderPatientRow;
      const tubes = (await specimens.listOrderSpecimens(tx, orderId)).filter((tube) =>
        options.barcode === undefined ? needsLabel(tube) : tube.barcode === options.barcode.trim()
      );
      if (tubes.length === 0) {
        throw new SillageError('SIL_SPECIMEN_NOT_FOUND', {
          issues: [{ path: 'barcode', message: options.barcode ?? order.order_number }],
        });
      }
      const labels: LabelData[] = [];
      for (const tube of tubes) {
        labels.push({
          barcode: tube.barcode,
          barcodeSvg: code128Svg(tube.barcode),
          birthName: patient.birth_name,
          usedName: patient.used_name,
          firstFirstName: patient.first_first_name,
          birthDate: patient.birth_date,
          sex: patient.sex,
          containerLabel: tube.container_label,
          colour: tube.colour,
          collectedAt: tube.collected_at?.toISOString() ?? null,
        });
      }
      const pdf = await renderPdf(
        labelDocument(labels, {
          format: options.format,
          title: `Étiquettes ${order.order_number}`,
          createdAt: order.created_at,
        })
      );
      const barcodes = tubes.map((tube) => tube.barcode);
      await writeAuditEvent(tx, context, {
        action: 'labels.printed',
        entityType: 'order',
        entityId: orderId,
        patientId: order.patient_id,
        after: { orderNumber: order.order_number, format: options.format, barcodes },
      });
      return { pdf, filename: `etiquettes-${order.order_number}.pdf`, barcodes };
    });
  }
}
