/**
 * Shared pieces of the billing PDFs (pdfmake document definitions, rendered by the orders module's
 * PDF engine with DejaVu fonts): the lab's identity block, tables, money in French.
 */
import { formatEuros } from '@sillage/core';
import { pdfFontFamily } from '../orders/pdf-engine.js';
import { frenchDateTime } from './billing-format.js';

export interface LabIdentity {
  name: string;
  address: string | null;
  finess: string | null;
  site: { code: string | null; name: string | null; address: string | null; finess: string | null } | null;
}

export const euros = formatEuros;

/** An A4 document with the lab's identity at the top and the print time and page in the footer. */
export function billingDocument(title: string, lab: LabIdentity, content: object[], printedAt: Date): object {
  return {
    info: { title, creator: 'Sillage', producer: 'Sillage' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 56],
    defaultStyle: { font: pdfFontFamily, fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 15, bold: true, margin: [0, 10, 0, 4] },
      section: { fontSize: 10.5, bold: true, margin: [0, 10, 0, 3] },
      small: { fontSize: 7.5, color: '#444444' },
      tableHeader: { bold: true, fillColor: '#EEEEEE' },
    },
    footer: (page: number, pages: number) => ({
      text: `${lab.name} — ${title} — imprimé le ${frenchDateTime(printedAt)} — page ${page}/${pages}`,
      style: 'small',
      alignment: 'center',
      margin: [40, 20, 40, 0],
    }),
    content: [labBlock(lab), { text: title, style: 'title' }, ...content],
  };
}

function labBlock(lab: LabIdentity): object {
  const lines: string[] = [];
  if (lab.address !== null) {
    lines.push(lab.address);
  }
  if (lab.finess !== null) {
    lines.push(`FINESS juridique ${lab.finess}`);
  }
  if (lab.site !== null && lab.site.name !== null) {
    const site = [`Site ${lab.site.name}`];
    if (lab.site.address !== null) {
      site.push(lab.site.address);
    }
    if (lab.site.finess !== null) {
      site.push(`FINESS géographique ${lab.site.finess}`);
    }
    lines.push(site.join(' — '));
  }
  return {
    stack: [{ text: lab.name, bold: true, fontSize: 12 }, ...lines.map((text) => ({ text, style: 'small' }))],
  };
}

/** A table with a grey header row; cells are strings or pdfmake cell objects. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly (string | object)[])[],
  widths: readonly (string | number)[]
): object {
  return {
    table: {
      headerRows: 1,
      widths: [...widths],
      body: [headers.map((text) => ({ text, style: 'tableHeader' })), ...rows.map((row) => [...row])],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 6],
  };
}

export function amountCell(cents: number, bold = false): object {
  return { text: euros(cents), alignment: 'right', bold };
}

/** Two-column "label: value" rows. */
export function keyValues(rows: readonly (readonly [string, string])[]): object {
  return {
    table: { widths: [150, '*'], body: rows.map(([key, value]) => [{ text: key, bold: true }, value]) },
    layout: 'noBorders',
  };
}
