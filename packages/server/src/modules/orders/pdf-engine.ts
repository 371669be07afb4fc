/**
 * pdfmake 0.3 on the server with embedded DejaVu fonts (é, µ, ≤, ≥ render: stack.md §5.5) and a
 * deny-all resource policy: no URL is fetched and no local file is read except the font files, so
 * a document definition can never pull a patient file or reach the network.
 *
 * pdfmake exports one shared instance whose fonts and policies are global; this module makes its
 * own instance of the same class so another module's settings cannot leak into ours. pdfmake ships
 * no type declarations: the few members used are typed here.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface PdfFontFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

interface PdfMakeOutput {
  getBuffer(): Promise<Buffer>;
}

interface PdfMakeInstance {
  setFonts(fonts: Record<string, PdfFontFiles>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(document: object): PdfMakeOutput;
}

const require = createRequire(import.meta.url);

const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const pdfFontFamily = 'DejaVuSans';

const dejaVuSans: PdfFontFiles = {
  normal: join(fontDir, 'DejaVuSans.ttf'),
  bold: join(fontDir, 'DejaVuSans-Bold.ttf'),
  italics: join(fontDir, 'DejaVuSans-Oblique.ttf'),
  bolditalics: join(fontDir, 'DejaVuSans-BoldOblique.ttf'),
};

let instance: PdfMakeInstance | undefined;

function pdfMake(): PdfMakeInstance {
  if (instance === undefined) {
    const shared = require('pdfmake') as PdfMakeInstance;
    const PdfMake = shared.constructor as new () => PdfMakeInstance;
    const own = new PdfMake();
    const fontFiles = new Set(Object.values(dejaVuSans));
    own.setUrlAccessPolicy(() => false);
    own.setLocalAccessPolicy((path) => fontFiles.has(path));
    instance = own;
  }
  return instance;
}

/** Renders a pdfmake document definition (a fresh object each call: pdfmake mutates it). */
export async function renderPdf(document: object): Promise<Buffer> {
  const engine = pdfMake();
  // Printer reads the font table when the document is created: set it each time (pdfmake rewrites it).
  engine.setFonts({ [pdfFontFamily]: { ...dejaVuSans } });
  return engine.createPdf(document).getBuffer();
}
