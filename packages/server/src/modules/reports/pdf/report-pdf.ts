/**
 * A report's PDF bytes. Deterministic: the same content gives the same bytes (creation and
 * modification dates are the report's issue time; pdfkit derives the file /ID from them), though
 * the stored PDF stays the authority — a reprint returns the stored bytes, never a re-render.
 */
import type { ReportContent } from '../report-content.js';
import { renderPdf } from './pdf-engine.js';
import { reportDocument } from './report-document.js';

export function renderReportPdf(content: ReportContent): Promise<Buffer> {
  return renderPdf(reportDocument(content));
}
