/**
 * Layout of a report (compte rendu) on A4: lab header, status line, patient and prescriber box,
 * results by chapter, validation, and on every page a footer carrying the patient's identity and
 * "Page x/y" (a page separated from the others still says whose it is).
 *
 * Results are a grid with fixed columns. A row never breaks across pages; a chapter's title and
 * column titles repeat at the top of each page it spans and never end a page without a result
 * under them; an analysis title sits in its first result's row, and a result's comment stays with
 * it, so neither ends a page alone.
 */
import type { ReportChapter, ReportContent, ReportKind, ReportResultLine } from '../report-content.js';
import { formatCalendarDate, formatParisDateTime } from '../report-format.js';
import type { PdfKitDocument } from './pdf-engine.js';
import { PdfTextSetter, type Run, type TextBlock, type TextStyle } from './pdf-text-setter.js';

const page = { width: 595.28, height: 841.89 };
const margin = { left: 36, top: 36, right: 36, bottom: 48 };
const contentWidth = page.width - margin.left - margin.right;
const contentBottom = page.height - margin.bottom;

const grey = '#555555';
const dark = '#333333';
const red = '#9c1c1c';
const rule = '#999999';

const style = {
  body: { face: 'normal', size: 8.5, color: '#000000' },
  bodyBold: { face: 'bold', size: 8.5, color: '#000000' },
  label: { face: 'normal', size: 8.5, color: grey },
  labName: { face: 'bold', size: 13, color: '#000000' },
  small: { face: 'normal', size: 7.5, color: dark },
  title: { face: 'bold', size: 11, color: '#000000' },
  status: { face: 'bold', size: 9, color: '#000000' },
  amended: { face: 'bold', size: 9, color: red },
  blockTitle: { face: 'bold', size: 7.5, color: grey },
  chapter: { face: 'bold', size: 9.5, color: '#000000' },
  analysis: { face: 'bold', size: 8.5, color: '#000000' },
  comment: { face: 'normal', size: 7.5, color: '#444444' },
  abnormal: { face: 'bold', size: 8.5, color: '#000000' },
  critical: { face: 'bold', size: 8.5, color: red },
  footer: { face: 'normal', size: 7, color: grey },
} satisfies Record<string, TextStyle>;

/** Result columns: content widths (the first takes what is left) and 2 pt padding each side. */
const cellPadding = 2;
const rowPadding = 1.5;
const fixedColumns = [42, 72, 16, 62, 104];
const columnWidths = [
  contentWidth - fixedColumns.reduce((sum, w) => sum + w, 0) - cellPadding * 2 * (fixedColumns.length + 1),
  ...fixedColumns,
];
const columnX = columnWidths.map(
  (_, i) => margin.left + cellPadding + columnWidths.slice(0, i).reduce((sum, w) => sum + w + cellPadding * 2, 0)
);

const kindTitles: Record<ReportKind, string> = {
  partial: 'Compte rendu partiel',
  complete: 'Compte rendu complet',
  amended: 'Compte rendu modifié',
};

const sexLabels = { F: 'Féminin', M: 'Masculin', I: 'Indéterminé' } as const;

const run = (text: string, s: TextStyle): Run => ({ text, ...s });

/** `Label : value` (label in grey), or nothing when there is no value. */
function labelled(label: string, value: string | null): Run[] | null {
  return value === null || value === '' ? null : [run(`${label} : `, style.label), run(value, style.body)];
}

/**
 * Short labels, values, units and intervals (`< 4`, `mL/min/1,73 m²`, `3,90 – 5,80`) are never
 * split over two lines: no-break spaces (U+00A0) keep them whole.
 */
function glued(text: string, maxLength = 24): string {
  return text.length <= maxLength ? text.replace(/ /g, '\u00a0') : text;
}

function present<T>(items: (T | null)[]): T[] {
  return items.filter((i): i is T => i !== null);
}

interface RowCell {
  block: TextBlock;
  /** Offset from the cell's top (below an analysis title). */
  top: number;
  alignment: 'left' | 'right' | 'center';
  indent: number;
}

interface Row {
  height: number;
  draw(y: number): void;
}

export class ReportLayout {
  private readonly text: PdfTextSetter;
  private y = margin.top;

  constructor(
    private readonly document: PdfKitDocument,
    private readonly content: ReportContent
  ) {
    this.text = new PdfTextSetter(document);
  }

  render(): void {
    this.newPage();
    this.labHeader();
    this.statusBlock();
    this.identityBox();
    for (const chapter of this.content.chapters) {
      this.chapterTable(chapter);
    }
    this.validationBlock();
    this.gap(8);
    this.paragraph(
      [
        run(
          `Édité le ${formatParisDateTime(new Date(this.content.issuedAt))} — document ${this.content.reportId}`,
          style.small
        ),
      ],
      true
    );
    this.footers();
  }

  private newPage(): void {
    this.document.addPage({ size: [page.width, page.height], margin: 0 });
    this.text.resetState();
    this.y = margin.top;
  }

  private gap(points: number): void {
    this.y += points;
  }

  /** A paragraph across the content width; moved whole to the next page when it does not fit. */
  private paragraph(runs: Run[], keepTogether = false): void {
    const block = this.text.wrap(runs, contentWidth);
    if (keepTogether && this.y + block.height > contentBottom) {
      this.newPage();
    }
    this.text.draw(block, margin.left, this.y, contentWidth);
    this.y += block.height;
  }

  /** Lines stacked in a column; returns their height. */
  private stack(lines: Run[][], x: number, y: number, width: number): number {
    let top = y;
    for (const line of lines) {
      top += this.text.write(line, x, top, width);
    }
    return top - y;
  }

  private labHeader(): void {
    const { lab } = this.content;
    const finess = present([
      lab.finess === null ? null : `FINESS ${lab.finess}`,
      lab.siteFiness === null || lab.siteFiness === lab.finess ? null : `FINESS site ${lab.siteFiness}`,
    ]).join(' — ');
    const site = present([lab.siteName, lab.siteAddress]).join(', ');
    const rightWidth = 190;
    const left = this.stack(
      present<Run[]>([
        [run(lab.name, style.labName)],
        lab.address === null ? null : [run(lab.address, style.body)],
        site === '' ? null : [run(`Site : ${site}`, style.body)],
        finess === '' ? null : [run(finess, style.body)],
      ]),
      margin.left,
      this.y,
      contentWidth - rightWidth
    );
    const right = this.stack(
      [
        [run('Biologistes', style.blockTitle)],
        ...(lab.biologists.length === 0 ? ['—'] : lab.biologists).map((name) => [run(name, style.small)]),
      ],
      margin.left + contentWidth - rightWidth,
      this.y,
      rightWidth
    );
    this.y += Math.max(left, right);
  }

  private statusBlock(): void {
    const { status } = this.content;
    this.gap(8);
    this.paragraph([run('Compte rendu d’examens de biologie médicale', style.title)]);
    this.gap(2);
    this.paragraph([
      run(
        `${kindTitles[status.kind]} — version ${status.version}`,
        status.kind === 'amended' ? style.amended : style.status
      ),
    ]);
    if (status.kind === 'amended') {
      this.paragraph([
        run(
          `Annule et remplace la version ${status.version - 1}. Motif de la modification : ${status.amendmentReason ?? ''}`,
          style.amended
        ),
      ]);
    }
    if (!status.complete) {
      this.paragraph([
        run(`Résultats partiels : en attente de validation — ${status.pendingAnalyses.join(', ')}`, style.status),
      ]);
    }
  }

  /** Patient (left) and prescriber and order (right), boxed. */
  private identityBox(): void {
    const { patient, prescriber, order } = this.content;
    const padding = { x: 4, y: 3 };
    const lineWidth = 0.5;
    const cellWidth = (contentWidth - 3 * lineWidth) / 2 - 2 * padding.x;
    const patientLines = present<Run[]>([
      [run('PATIENT', style.blockTitle)],
      labelled('Nom de naissance', patient.birthName),
      labelled('Nom utilisé', patient.usedName),
      labelled('Prénom(s) de naissance', patient.birthFirstNames),
      labelled('Date de naissance', formatCalendarDate(patient.birthDate)),
      labelled('Sexe', sexLabels[patient.sex]),
      patient.ins === null ? null : labelled('INS', `${patient.ins.number} (OID ${patient.ins.oid})`),
      labelled('N° patient', patient.patientNumber),
    ]);
    const orderLines = present<Run[]>([
      [run('PRESCRIPTEUR', style.blockTitle)],
      prescriber === null ? [run('Non renseigné', style.body)] : [run(prescriber.name, style.bodyBold)],
      prescriber === null ? null : labelled('RPPS', prescriber.rpps),
      prescriber === null ? null : labelled('Spécialité', prescriber.specialty),
      prescriber === null || prescriber.address === null ? null : [run(prescriber.address, style.body)],
    ]);
    const fileLines = present<Run[]>([
      labelled('N° de dossier', order.orderNumber),
      labelled('Prescription du', order.prescriptionDate === null ? null : formatCalendarDate(order.prescriptionDate)),
      labelled('Prélèvement', order.collectedAt),
      labelled('Réception', order.receivedAt),
    ]);
    this.gap(6);
    const top = this.y;
    const leftX = margin.left + lineWidth + padding.x;
    const rightX = leftX + cellWidth + 2 * padding.x + lineWidth;
    const leftHeight = this.stack(patientLines, leftX, top + padding.y, cellWidth);
    let rightHeight = this.stack(orderLines, rightX, top + padding.y, cellWidth);
    rightHeight += 4; // the DOSSIER title's top margin
    rightHeight += this.stack(
      [[run('DOSSIER', style.blockTitle)], ...fileLines],
      rightX,
      top + padding.y + rightHeight,
      cellWidth
    );
    const height = Math.max(leftHeight, rightHeight) + 2 * padding.y + lineWidth;
    const middle = margin.left + lineWidth / 2 + cellWidth + 2 * padding.x + lineWidth / 2;
    this.document
      .lineWidth(lineWidth)
      .strokeColor(rule)
      .rect(margin.left, top, contentWidth, height)
      .moveTo(middle, top)
      .lineTo(middle, top + height)
      .stroke();
    this.y = top + height;
  }

  private cell(
    runs: Run[],
    column: number,
    options: { alignment?: RowCell['alignment']; indent?: number; top?: number } = {}
  ): RowCell {
    const indent = options.indent ?? 0;
    return {
      block: this.text.wrap(runs, (columnWidths[column] as number) - indent),
      top: options.top ?? 0,
      alignment: options.alignment ?? 'left',
      indent,
    };
  }

  private gridRow(cells: RowCell[], extraDraw?: (y: number, height: number) => void): Row {
    const height = Math.max(...cells.map((c) => c.top + c.block.height)) + 2 * rowPadding;
    return {
      height,
      draw: (y) => {
        extraDraw?.(y, height);
        cells.forEach((c, i) => {
          const x = (columnX[i] as number) + c.indent;
          this.text.draw(c.block, x, y + rowPadding + c.top, (columnWidths[i] as number) - c.indent, c.alignment);
        });
      },
    };
  }

  /** A row spanning all columns (chapter title, comment). */
  private spanningRow(runs: Run[], indent: number, fill: string | null): Row {
    const width = contentWidth - 2 * cellPadding - indent;
    const block = this.text.wrap(runs, width);
    const height = block.height + 2 * rowPadding;
    return {
      height,
      draw: (y) => {
        if (fill !== null) {
          this.document.rect(margin.left, y, contentWidth, height).fill(fill);
          this.text.resetState();
        }
        this.text.draw(block, margin.left + cellPadding + indent, y + rowPadding, width);
      },
    };
  }

  private headerRows(chapter: ReportChapter): Row[] {
    const titles = ['Analyse', 'Résultat', 'Unité', '', 'Valeurs de référence', 'Antériorité'];
    const columns = this.gridRow(
      titles.map((title, i) => this.cell([run(title, style.blockTitle)], i, { alignment: i === 1 ? 'right' : 'left' })),
      (y, height) => {
        // Rule under the column titles only: few vector operations per page.
        this.document
          .lineWidth(0.5)
          .strokeColor(rule)
          .moveTo(margin.left, y + height)
          .lineTo(margin.left + contentWidth, y + height)
          .stroke();
      }
    );
    return [this.spanningRow([run(chapter.title, style.chapter)], 0, '#eeeeee'), columns];
  }

  /** A result's row (with its analysis title above the first result) and its comment, kept together. */
  private resultRows(result: ReportResultLine, indent: number, title: string | null): Row[] {
    const emphasis = result.critical ? style.critical : result.flag === null ? style.body : style.abnormal;
    const previous =
      result.previous === null
        ? ''
        : `${glued(`${result.previous.value} ${result.previous.unit}`.trim())} (${result.previous.date})`;
    const titleHeight = title === null ? 0 : this.text.lineHeight(style.analysis);
    const cells = [
      this.cell([run(glued(result.label, 32), style.body)], 0, { indent, top: titleHeight }),
      this.cell([run(glued(result.value), emphasis)], 1, { alignment: 'right', top: titleHeight }),
      this.cell([run(glued(result.unit), style.body)], 2, { top: titleHeight }),
      this.cell([run(result.flag ?? '', emphasis)], 3, { alignment: 'center', top: titleHeight }),
      this.cell([run(glued(result.interval), style.body)], 4, { top: titleHeight }),
      this.cell([run(previous, style.small)], 5, { top: titleHeight }),
    ];
    // A long title runs over the blank first line of the next cells instead of wrapping.
    const titleBlock = title === null ? null : this.text.wrap([run(title, style.analysis)], 0, true);
    const rows = [
      this.gridRow(cells, (y) => {
        if (titleBlock !== null) {
          this.text.draw(titleBlock, columnX[0] as number, y + rowPadding, columnWidths[0] as number);
        }
      }),
    ];
    if (result.comment !== null) {
      rows.push(this.spanningRow([run(result.comment, style.comment)], indent + 6, null));
    }
    return rows;
  }

  /**
   * One grid per chapter: its two header rows repeat on each page it spans and always have a
   * result under them.
   */
  private chapterTable(chapter: ReportChapter): void {
    const header = this.headerRows(chapter);
    const headerHeight = header.reduce((sum, row) => sum + row.height, 0);
    const groups: Row[][] = [];
    for (const analysis of chapter.analyses) {
      analysis.results.forEach((result, index) => {
        const title = analysis.showTitle && index === 0 ? analysis.label : null;
        groups.push(this.resultRows(result, analysis.showTitle ? 8 : 0, title));
      });
    }
    this.gap(8);
    let headerDrawn = false;
    for (const group of groups) {
      const groupHeight = group.reduce((sum, row) => sum + row.height, 0);
      const needed = groupHeight + (headerDrawn ? 0 : headerHeight);
      if (this.y + needed > contentBottom && (headerDrawn || this.y > margin.top)) {
        this.newPage();
        headerDrawn = false;
      }
      if (!headerDrawn) {
        for (const row of header) {
          row.draw(this.y);
          this.y += row.height;
        }
        headerDrawn = true;
      }
      for (const row of group) {
        row.draw(this.y);
        this.y += row.height;
      }
    }
  }

  private validationBlock(): void {
    const lines = [
      [run('VALIDATION BIOLOGIQUE', style.blockTitle)],
      ...this.content.validations.map((v) => [
        run(`Validé par ${v.biologist}, biologiste, le ${v.validatedAt}`, style.body),
      ]),
    ];
    const blocks = lines.map((line) => this.text.wrap(line, contentWidth));
    const height = blocks.reduce((sum, b) => sum + b.height, 0);
    this.gap(10);
    if (this.y + height > contentBottom) {
      this.newPage();
    }
    for (const block of blocks) {
      this.text.draw(block, margin.left, this.y, contentWidth);
      this.y += block.height;
    }
  }

  /** Identity and "Page x/y" on every page, once the page count is known. */
  private footers(): void {
    const { patient, order, status } = this.content;
    const name = patient.usedName === null ? patient.birthName : `${patient.usedName} (né(e) ${patient.birthName})`;
    const identity = `Dossier ${order.orderNumber} — ${name} ${patient.firstFirstName}, né(e) le ${formatCalendarDate(patient.birthDate)} — version ${status.version}`;
    const pageNumberWidth = 60;
    const top = contentBottom + 14;
    const identityBlock = this.text.wrap([run(identity, style.footer)], contentWidth - pageNumberWidth);
    const range = this.document.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      this.document.switchToPage(range.start + i);
      this.text.resetState();
      this.text.draw(identityBlock, margin.left, top, contentWidth - pageNumberWidth);
      this.text.write(
        [run(`Page ${i + 1}/${range.count}`, style.footer)],
        margin.left + contentWidth - pageNumberWidth,
        top,
        pageNumberWidth,
        'right'
      );
    }
  }
}
