/**
 * Tube labels as a pdfmake document: one 50 × 25 mm page per tube for label printers, or an A4
 * sheet of 3 × 8 labels (70 × 37 mm, the common "24 per sheet" stock). Each label carries:
 * - the specimen number as a Code 128 bar code and in clear;
 * - the identity traits CSP R6211-22 requires on a sample — "nom patronymique, nom marital ou usuel,
 *   prénom, date de naissance et sexe" (france-domain.md §5): birth name, used name, first
 *   first-name (RNIV: the first of the birth first names), birth date, sex;
 * - the tube type and cap colour;
 * - the collection date and time, or a blank line to write them by hand (R6211-22: the collector
 *   states the date and hour of collection).
 */
import { pdfFontFamily } from './pdf-engine.js';

export type LabelFormat = 'label50x25' | 'a4';

export interface LabelData {
  barcode: string;
  /** Code 128 of `barcode` as SVG. */
  barcodeSvg: string;
  birthName: string;
  usedName: string | null;
  firstFirstName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'F' | 'M' | 'I';
  containerLabel: string;
  colour: string;
  /** ISO instant, or null when not collected yet. */
  collectedAt: string | null;
}

const mm = 72 / 25.4;

const sexLabels = { F: 'F', M: 'M', I: 'I (indéterminé)' } as const;

function frenchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

const parisDateTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

function collectionLine(collectedAt: string | null): string {
  if (collectedAt === null) {
    return 'Prélevé le : ___/___/______ à ___h___';
  }
  const parts = Object.fromEntries(parisDateTime.formatToParts(new Date(collectedAt)).map((p) => [p.type, p.value]));
  return `Prélevé le ${parts.day}/${parts.month}/${parts.year} à ${parts.hour}h${parts.minute}`;
}

/** The content of one label, scaled for the available width. */
function labelContent(label: LabelData, width: number, scale: number): object[] {
  const size = (points: number) => points * scale;
  const identity: object[] = [
    {
      text: [{ text: label.birthName, bold: true }, ` ${label.firstFirstName}`],
      fontSize: size(7),
    },
  ];
  if (label.usedName !== null && label.usedName !== label.birthName) {
    identity.push({ text: `Nom utilisé : ${label.usedName}`, fontSize: size(6) });
  }
  identity.push({
    text: `Né(e) le ${frenchDate(label.birthDate)} · Sexe ${sexLabels[label.sex]}`,
    fontSize: size(6),
  });
  return [
    { svg: label.barcodeSvg, width, height: size(17) },
    {
      text: [{ text: label.barcode, bold: true }, `  ·  ${label.colour}`],
      fontSize: size(7),
    },
    { text: label.containerLabel, fontSize: size(5.5), noWrap: true },
    ...identity,
    { text: collectionLine(label.collectedAt), fontSize: size(6) },
  ];
}

export interface LabelDocumentOptions {
  format: LabelFormat;
  title: string;
  /** Fixed creation date (the order's): the same labels give the same bytes. */
  createdAt: Date;
}

export function labelDocument(labels: readonly LabelData[], options: LabelDocumentOptions): object {
  const info = {
    title: options.title,
    author: 'Sillage',
    creator: 'Sillage',
    producer: 'Sillage',
    creationDate: options.createdAt,
  };
  const defaultStyle = { font: pdfFontFamily, lineHeight: 1 };
  if (options.format === 'label50x25') {
    const margin = 1.5 * mm;
    const width = 50 * mm - 2 * margin;
    return {
      info,
      defaultStyle,
      pageSize: { width: 50 * mm, height: 25 * mm },
      pageMargins: [margin, margin * 0.8, margin, margin * 0.5],
      content: labels.map((label, index) => ({
        stack: labelContent(label, width, 1),
        ...(index === 0 ? {} : { pageBreak: 'before' }),
      })),
    };
  }
  // A4 sheet, 3 columns × 8 rows of 70 × 37 mm (rows rounded down so 8 fit on 297 mm).
  const columns = 3;
  const cellWidth = 70 * mm;
  const rowHeight = 37 * mm;
  const padding = 5 * mm;
  const cells = labels.map((label) => ({
    stack: labelContent(label, cellWidth - 2 * padding, 1.25),
    margin: [padding, padding * 0.8, padding, 0],
  }));
  const body: object[][] = [];
  for (let start = 0; start < cells.length; start += columns) {
    const row: object[] = cells.slice(start, start + columns);
    while (row.length < columns) {
      row.push({ text: '' });
    }
    body.push(row);
  }
  return {
    info,
    defaultStyle,
    pageSize: 'A4',
    pageMargins: [0, 0, 0, 0],
    content: [
      {
        table: { widths: Array(columns).fill(cellWidth), heights: rowHeight, body, dontBreakRows: true },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: () => 0,
          paddingLeft: () => 0,
          paddingRight: () => 0,
          paddingTop: () => 0,
          paddingBottom: () => 0,
        },
      },
    ],
  };
}
