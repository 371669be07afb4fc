import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sampleReportContent } from '../report-sample.js';
import { pdfInfo, pdfText, pdftotextAvailable } from './pdf-text.js';
import { renderReportPdf } from './report-pdf.js';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('report PDF rendering', () => {
  it('is deterministic: the same content renders to the same bytes', async () => {
    const first = await renderReportPdf(sampleReportContent(30));
    const second = await renderReportPdf(sampleReportContent(30));
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sha256(second)).toBe(sha256(first));
  });

  it('changes bytes when the issue time changes (creation date and file /ID follow it)', async () => {
    const first = await renderReportPdf(sampleReportContent(5, '2026-03-02T10:30:00.000Z'));
    const later = await renderReportPdf(sampleReportContent(5, '2026-03-02T10:31:00.000Z'));
    expect(sha256(later)).not.toBe(sha256(first));
  });

  it('the process-wide font cache changes no byte of the output', async () => {
    const content = sampleReportContent(12);
    const cached = await renderReportPdf(content);
    const uncached = await renderReportPdf(content, { fontCache: false });
    expect(sha256(cached)).toBe(sha256(uncached));
  });

  it('embeds its fonts and fetches nothing (no URL, no local file)', async () => {
    const pdf = (await renderReportPdf(sampleReportContent(3))).toString('latin1');
    expect(pdf).toContain('/FontFile2');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(pdf).not.toContain('/URI');
  });
});

describe.skipIf(!pdftotextAvailable)('report PDF text (pdftotext)', () => {
  it('renders é, µ, ≤, ≥ and ² with the embedded DejaVu fonts', async () => {
    const text = pdfText(await renderReportPdf(sampleReportContent(30)));
    for (const expected of ['Créatinine', '85', 'µmol/L', '≤ 0,5', '≥ 1,3', 'mL/min/1,73 m²', 'Hémoglobine', 'Léa']) {
      expect(text, expected).toContain(expected);
    }
  });

  it("dates the document at the report's issue time and titles it", async () => {
    const info = pdfInfo(await renderReportPdf(sampleReportContent(3, '2026-03-02T10:30:00.000Z')));
    expect(info.CreationDate).toBe('2026-03-02T10:30:00Z');
    expect(info.ModDate).toBe('2026-03-02T10:30:00Z');
    expect(info.Title).toBe('Compte rendu 260302-0042 version 1');
    expect(info.Producer).toBe('Sillage');
  });

  it('numbers pages x/y and repeats the patient identity on every page', async () => {
    const text = pdfText(await renderReportPdf(sampleReportContent(60)));
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1}/${pages.length}`);
      expect(page).toContain('DURAND (né(e) MARTIN) Léa, né(e) le 14/07/1985');
    });
  });

  it('repeats the column titles on every page of results and keeps a comment on its result’s page', async () => {
    const text = pdfText(await renderReportPdf(sampleReportContent(120)));
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages.filter((p) => /\d+,\d+\s/.test(p))) {
      expect(page).toContain('Résultat');
      expect(page).toContain('Antériorité');
    }
    for (const page of pages) {
      const comments = page.split('Valeur critique communiquée au prescripteur.').length - 1;
      const potassium = page.split('Potassium').length - 1;
      expect(comments).toBeLessThanOrEqual(potassium);
    }
  });

  it('wraps long texts without losing a character (a word wider than its column is cut)', async () => {
    const content = sampleReportContent(3);
    const longWord = 'Anticorps'.repeat(9);
    const longReason = Array.from({ length: 40 }, (_, i) => `mot${i}`).join(' ');
    const first = content.chapters[0]?.analyses[0]?.results[0];
    if (first === undefined) {
      throw new Error('sample without results');
    }
    first.label = longWord;
    first.comment = longReason;
    const text = pdfText(await renderReportPdf(content));
    // The label's pieces are lines of their own (other cells' lines may come between them).
    const pieces = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 3 && longWord.includes(line));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(longWord);
    expect(text.replace(/\s+/g, ' ')).toContain(longReason);
  });

  it('prints the amendment with its reason and the pending analyses of a partial report', async () => {
    const amended = sampleReportContent(3);
    amended.status = {
      kind: 'amended',
      version: 3,
      complete: false,
      amendmentReason: 'Erreur de saisie corrigée',
      pendingAnalyses: ['TSH'],
    };
    const text = pdfText(await renderReportPdf(amended)).replace(/\s+/g, ' ');
    expect(text).toContain('Compte rendu modifié — version 3');
    expect(text).toContain('Annule et remplace la version 2. Motif de la modification : Erreur de saisie corrigée');
    expect(text).toContain('en attente de validation — TSH');
  });
});
