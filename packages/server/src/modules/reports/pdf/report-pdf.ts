/**
 * A report's PDF bytes. Deterministic: the same content gives the same bytes (creation and
 * modification dates are the report's issue time; pdfkit derives the file /ID from them), though
 * the stored PDF stays the authority — a reprint returns the stored bytes, never a re-render.
 */
import type { ReportContent } from '../report-content.js';
import { createPdfDocument, documentBytes, type PdfInfo } from './pdf-engine.js';
import { ReportLayout } from './report-layout.js';

function reportInfo(content: ReportContent): PdfInfo {
  const issuedAt = new Date(content.issuedAt);
  return {
    Title: `Compte rendu ${content.order.orderNumber} version ${content.status.version}`,
    Author: content.lab.name,
    Subject: 'Compte rendu d’examens de biologie médicale',
    Creator: 'Sillage',
    Producer: 'Sillage',
    CreationDate: issuedAt,
    ModDate: issuedAt,
  };
}

/** `fontCache: false` parses the font files for this document only (tests compare the bytes). */
export function renderReportPdf(content: ReportContent, options: { fontCache?: boolean } = {}): Promise<Buffer> {
  const document = createPdfDocument(reportInfo(content), options);
  new ReportLayout(document, content).render();
  return documentBytes(document);
}
