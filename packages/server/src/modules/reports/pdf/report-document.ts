/**
 * Layout of a report (compte rendu) as a pdfmake document: lab header, status line, patient and
 * prescriber blocks, results by chapter, validation, and on every page a footer carrying the
 * patient's identity and "Page x/y" (a page separated from the others still says whose it is).
 * The styles and table layout are built once (the document skeleton); only content varies.
 */
import type { ReportChapter, ReportContent, ReportKind, ReportResultLine } from '../report-content.js';
import { formatCalendarDate, formatParisDateTime } from '../report-format.js';
import { reportFontFamily } from './pdf-engine.js';
import type { PdfContent, PdfDocumentDefinition, PdfNode, PdfTableLayout } from './pdf-document-types.js';

const styles = {
  labName: { fontSize: 13, bold: true },
  small: { fontSize: 7.5, color: '#333333' },
  title: { fontSize: 11, bold: true },
  status: { fontSize: 9, bold: true },
  amended: { fontSize: 9, bold: true, color: '#9c1c1c' },
  blockTitle: { fontSize: 7.5, bold: true, color: '#555555' },
  tableHeader: { fontSize: 7.5, bold: true, color: '#555555' },
  chapter: { fontSize: 9.5, bold: true, fillColor: '#eeeeee' },
  analysis: { fontSize: 8.5, bold: true },
  comment: { fontSize: 7.5, color: '#444444' },
  abnormal: { bold: true },
  critical: { bold: true, color: '#9c1c1c' },
  footer: { fontSize: 7, color: '#555555' },
} satisfies Record<string, PdfNode>;

const defaultStyle = { font: reportFontFamily, fontSize: 8.5, lineHeight: 1.1 };

/** Horizontal rule under the column titles only (row 2): few vector operations per page, fast to render. */
const resultsTableLayout: PdfTableLayout = {
  hLineWidth: (i) => (i === 2 ? 0.5 : 0),
  vLineWidth: () => 0,
  hLineColor: () => '#999999',
  paddingLeft: () => 2,
  paddingRight: () => 2,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
};

const boxLayout: PdfTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#999999',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** Copied into each table: pdfmake rewrites a table's `widths` array in place while measuring. */
const resultColumnWidths: readonly (number | string)[] = ['*', 42, 72, 16, 62, 104];

const kindTitles: Record<ReportKind, string> = {
  partial: 'Compte rendu partiel',
  complete: 'Compte rendu complet',
  amended: 'Compte rendu modifié',
};

const sexLabels = { F: 'Féminin', M: 'Masculin', I: 'Indéterminé' } as const;

function line(label: string, value: string | null): PdfNode | null {
  return value === null || value === '' ? null : { text: [{ text: `${label} : `, color: '#555555' }, value] };
}

function present<T>(items: (T | null)[]): T[] {
  return items.filter((i): i is T => i !== null);
}

function labHeader(content: ReportContent): PdfContent {
  const { lab } = content;
  const finess = present([
    lab.finess === null ? null : `FINESS ${lab.finess}`,
    lab.siteFiness === null || lab.siteFiness === lab.finess ? null : `FINESS site ${lab.siteFiness}`,
  ]).join(' — ');
  const site = present([lab.siteName, lab.siteAddress]).join(', ');
  return {
    columns: [
      {
        width: '*',
        stack: present<PdfContent>([
          { text: lab.name, ...styles.labName },
          lab.address,
          site === '' ? null : `Site : ${site}`,
          finess === '' ? null : finess,
        ]),
      },
      {
        width: 190,
        stack: [
          { text: 'Biologistes', ...styles.blockTitle },
          { text: lab.biologists.length === 0 ? '—' : lab.biologists.join('\n'), ...styles.small },
        ],
      },
    ],
  };
}

function statusBlock(content: ReportContent): PdfContent[] {
  const { status } = content;
  const headline = `${kindTitles[status.kind]} — version ${status.version}`;
  const blocks: PdfContent[] = [
    { text: 'Compte rendu d’examens de biologie médicale', ...styles.title, margin: [0, 8, 0, 2] },
    { text: headline, ...(status.kind === 'amended' ? styles.amended : styles.status) },
  ];
  if (status.kind === 'amended') {
    blocks.push({
      text: `Annule et remplace la version ${status.version - 1}. Motif de la modification : ${status.amendmentReason ?? ''}`,
      ...styles.amended,
    });
  }
  if (!status.complete) {
    blocks.push({
      text: `Résultats partiels : en attente de validation — ${status.pendingAnalyses.join(', ')}`,
      ...styles.status,
    });
  }
  return blocks;
}

function patientBlock(content: ReportContent): PdfContent {
  const { patient } = content;
  return {
    stack: present<PdfContent>([
      { text: 'PATIENT', ...styles.blockTitle },
      line('Nom de naissance', patient.birthName),
      line('Nom utilisé', patient.usedName),
      line('Prénom(s) de naissance', patient.birthFirstNames),
      line('Date de naissance', formatCalendarDate(patient.birthDate)),
      line('Sexe', sexLabels[patient.sex]),
      patient.ins === null ? null : line('INS', `${patient.ins.number} (OID ${patient.ins.oid})`),
      line('N° patient', patient.patientNumber),
    ]),
  };
}

function orderBlock(content: ReportContent): PdfContent {
  const { prescriber, order } = content;
  return {
    stack: present<PdfContent>([
      { text: 'PRESCRIPTEUR', ...styles.blockTitle },
      prescriber === null ? { text: 'Non renseigné' } : { text: prescriber.name, bold: true },
      prescriber === null ? null : line('RPPS', prescriber.rpps),
      prescriber === null ? null : line('Spécialité', prescriber.specialty),
      prescriber === null ? null : prescriber.address,
      { text: 'DOSSIER', ...styles.blockTitle, margin: [0, 4, 0, 0] },
      line('N° de dossier', order.orderNumber),
      line('Prescription du', order.prescriptionDate === null ? null : formatCalendarDate(order.prescriptionDate)),
      line('Prélèvement', order.collectedAt),
      line('Réception', order.receivedAt),
    ]),
  };
}

/**
 * One result line (and its comment line). The first line of a titled analysis carries the title
 * above it in the same row: rows do not break across pages, so a title never ends a page alone.
 */
function resultRows(result: ReportResultLine, indent: number, title: string | null): PdfContent[][] {
  const emphasis = result.critical ? styles.critical : result.flag === null ? undefined : styles.abnormal;
  const previous =
    result.previous === null
      ? ''
      : `${glued(`${result.previous.value} ${result.previous.unit}`.trim())} (${result.previous.date})`;
  const label: PdfNode = { text: glued(result.label, 32), margin: [indent, 0, 0, 0] };
  const cells: PdfNode[] = [
    { text: glued(result.value), alignment: 'right', ...emphasis },
    { text: glued(result.unit) },
    { text: result.flag ?? '', alignment: 'center', ...emphasis },
    { text: glued(result.interval) },
    { text: previous, ...styles.small },
  ];
  const rows: PdfContent[][] = [
    title === null
      ? [label, ...cells]
      : [
          // noWrap: a long title runs over the blank first line of the next cells instead of wrapping.
          { stack: [{ text: title, ...styles.analysis, noWrap: true }, label] },
          ...cells.map((cell) => ({ stack: [titleLineSpacer(), cell] })),
        ],
  ];
  if (result.comment !== null) {
    rows.push([
      { text: result.comment, ...styles.comment, colSpan: 6, margin: [indent + 6, 0, 0, 0] },
      '',
      '',
      '',
      '',
      '',
    ]);
  }
  return rows;
}

/**
 * Short labels, values, units and intervals (`< 4`, `mL/min/1,73 m²`, `3,90 – 5,80`) are never
 * split over two lines: no-break spaces (U+00A0) keep them whole — and make them one text run to
 * lay out instead of one per word (pdfmake measures and styles each run: most of the table's time).
 */
function glued(text: string, maxLength = 24): string {
  return text.length <= maxLength ? text.replace(/ /g, '\u00a0') : text;
}

/** An empty line as tall as an analysis title, above the other cells of the title's row (pdfmake annotates nodes: one each). */
function titleLineSpacer(): PdfNode {
  return { text: ' ', fontSize: styles.analysis.fontSize };
}

const columnTitles: PdfContent[] = [
  { text: 'Analyse', ...styles.tableHeader },
  { text: 'Résultat', ...styles.tableHeader, alignment: 'right' },
  { text: 'Unité', ...styles.tableHeader },
  { text: '', ...styles.tableHeader },
  { text: 'Valeurs de référence', ...styles.tableHeader },
  { text: 'Antériorité', ...styles.tableHeader },
];

/**
 * One table per chapter whose two header rows (chapter title, column titles) repeat on each page
 * the chapter spans and stay with at least one result (pdfmake keepWithHeaderRows).
 */
function chapterTable(chapter: ReportChapter): PdfContent {
  const body: PdfContent[][] = [
    [{ text: chapter.title, ...styles.chapter, colSpan: 6 }, '', '', '', '', ''],
    columnTitles.map((cell) => ({ ...(cell as PdfNode) })),
  ];
  for (const analysis of chapter.analyses) {
    analysis.results.forEach((result, index) => {
      const title = analysis.showTitle && index === 0 ? analysis.label : null;
      body.push(...resultRows(result, analysis.showTitle ? 8 : 0, title));
    });
  }
  return {
    table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths: [...resultColumnWidths], body },
    layout: resultsTableLayout,
    margin: [0, 8, 0, 0],
  };
}

function validationBlock(content: ReportContent): PdfContent {
  return {
    margin: [0, 10, 0, 0],
    unbreakable: true,
    stack: [
      { text: 'VALIDATION BIOLOGIQUE', ...styles.blockTitle },
      ...content.validations.map((v) => `Validé par ${v.biologist}, biologiste, le ${v.validatedAt}`),
    ],
  };
}

function patientSummary(content: ReportContent): string {
  const { patient } = content;
  const name = patient.usedName === null ? patient.birthName : `${patient.usedName} (né(e) ${patient.birthName})`;
  return `${name} ${patient.firstFirstName}, né(e) le ${formatCalendarDate(patient.birthDate)}`;
}

export function reportDocument(content: ReportContent): PdfDocumentDefinition {
  const issuedAt = new Date(content.issuedAt);
  const identity = `Dossier ${content.order.orderNumber} — ${patientSummary(content)} — version ${content.status.version}`;
  return {
    info: {
      title: `Compte rendu ${content.order.orderNumber} version ${content.status.version}`,
      author: content.lab.name,
      subject: 'Compte rendu d’examens de biologie médicale',
      creator: 'Sillage',
      producer: 'Sillage',
      creationDate: issuedAt,
      modDate: issuedAt,
    },
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 48],
    language: 'fr-FR',
    defaultStyle,
    footer: (currentPage, pageCount) => ({
      margin: [36, 14, 36, 0],
      columns: [
        { text: identity, ...styles.footer, width: '*' },
        { text: `Page ${currentPage}/${pageCount}`, ...styles.footer, alignment: 'right', width: 60 },
      ],
    }),
    content: [
      labHeader(content),
      ...statusBlock(content),
      {
        table: { widths: ['*', '*'], body: [[patientBlock(content), orderBlock(content)]] },
        layout: boxLayout,
        margin: [0, 6, 0, 0],
      },
      ...content.chapters.map(chapterTable),
      validationBlock(content),
      {
        text: `Édité le ${formatParisDateTime(issuedAt)} — document ${content.reportId}`,
        ...styles.small,
        margin: [0, 8, 0, 0],
      },
    ],
  };
}
