/**
 * The part of pdfmake 0.3's document definition Sillage uses (pdfmake ships no TypeScript types;
 * shapes from pdfmake's documentation: content nodes, tables, dynamic footer, document info).
 */

export type PdfMargin = number | [number, number] | [number, number, number, number];

export interface PdfNode {
  text?: PdfContent;
  stack?: PdfContent[];
  columns?: PdfContent[];
  table?: PdfTable;
  layout?: string | PdfTableLayout;
  style?: string | string[];
  bold?: boolean;
  italics?: boolean;
  fontSize?: number;
  color?: string;
  fillColor?: string;
  alignment?: 'left' | 'center' | 'right' | 'justify';
  margin?: PdfMargin;
  width?: number | string;
  colSpan?: number;
  noWrap?: boolean;
  lineHeight?: number;
  unbreakable?: boolean;
}

export type PdfContent = string | PdfNode | PdfContent[];

export interface PdfTable {
  headerRows?: number;
  dontBreakRows?: boolean;
  keepWithHeaderRows?: number;
  widths: (number | string)[];
  body: PdfContent[][];
}

/** Table layout callbacks: `i` is the line index, `node` the table node. */
export interface PdfTableLayout {
  hLineWidth?: (i: number, node: { table: { body: unknown[] } }) => number;
  vLineWidth?: (i: number) => number;
  hLineColor?: (i: number) => string;
  paddingLeft?: (i: number) => number;
  paddingRight?: (i: number) => number;
  paddingTop?: (i: number) => number;
  paddingBottom?: (i: number) => number;
}

export interface PdfInfo {
  title?: string;
  author?: string;
  subject?: string;
  creator?: string;
  producer?: string;
  /** Fixed so that the same report renders to the same bytes (pdfkit derives the file /ID from the info). */
  creationDate: Date;
  modDate: Date;
}

export interface PdfDocumentDefinition {
  info: PdfInfo;
  pageSize?: 'A4';
  pageMargins?: PdfMargin;
  language?: string;
  defaultStyle?: PdfNode & { font: string };
  styles?: Record<string, PdfNode>;
  header?: (currentPage: number, pageCount: number) => PdfContent;
  footer?: (currentPage: number, pageCount: number) => PdfContent;
  content: PdfContent[];
}
