/**
 * Server-side PDF documents (pdfkit 0.19, the layer under pdfmake) with embedded DejaVu fonts (é, µ,
 * ≤, ≥, Œ render; stack.md §5.5), no network and no file access at render time, and fonts parsed
 * once per process.
 *
 * Speed: pdfkit re-parses each TrueType font for every document (`fontkit.create` on the bytes),
 * which is most of a report's rendering time. fontkit lets a host register font formats; Sillage
 * registers one that recognises a small marker buffer and hands back the font it parsed at start.
 * The PDF bytes are identical to those of an uncached render (checked in report-pdf.test.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The pdfkit members the report layout uses (pdfkit ships no TypeScript types). */
export interface PdfKitDocument {
  registerFont(name: string, source: Buffer): PdfKitDocument;
  font(name: string): PdfKitDocument;
  fontSize(size: number): PdfKitDocument;
  fillColor(color: string): PdfKitDocument;
  strokeColor(color: string): PdfKitDocument;
  lineWidth(width: number): PdfKitDocument;
  text(text: string, x: number, y: number, options: { lineBreak: false }): PdfKitDocument;
  rect(x: number, y: number, width: number, height: number): PdfKitDocument;
  moveTo(x: number, y: number): PdfKitDocument;
  lineTo(x: number, y: number): PdfKitDocument;
  fill(color?: string): PdfKitDocument;
  stroke(): PdfKitDocument;
  addPage(options: { size: [number, number]; margin: number }): PdfKitDocument;
  switchToPage(index: number): PdfKitDocument;
  bufferedPageRange(): { start: number; count: number };
  on(event: 'data', listener: (chunk: Buffer) => void): PdfKitDocument;
  on(event: 'end' | 'error', listener: (error?: unknown) => void): PdfKitDocument;
  end(): void;
  /** The current font (after `font(name)`): its metrics and measures. */
  _font: PdfKitFont;
}

export interface PdfKitFont {
  ascender: number;
  descender: number;
  /** Points, without the line gap (as pdfmake measures lines). */
  lineHeight(size: number, includeGap?: boolean): number;
  widthOfString(text: string, size: number): number;
}

export interface PdfInfo {
  Title: string;
  Author: string;
  Subject: string;
  Creator: string;
  Producer: string;
  /** Fixed so that the same report renders to the same bytes (pdfkit derives the file /ID from the info). */
  CreationDate: Date;
  ModDate: Date;
}

type PdfKitConstructor = new (options: Record<string, unknown>) => PdfKitDocument;

interface FontkitModule {
  create(bytes: Uint8Array): FontkitFont;
  registerFormat(format: unknown): void;
}

/** The fontkit font members the caches below wrap (fontkit 2: `layout` returns a GlyphRun). */
interface FontkitFont {
  layout(text: string, ...options: unknown[]): GlyphRun;
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph | null;
}

interface FontkitGlyph {
  _decode(): unknown;
}

interface GlyphRun {
  positions: object[];
}

/** Font faces as the layout names them (DejaVu Sans). */
const fontFaces = {
  normal: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
} as const;

export type FontFace = keyof typeof fontFaces;

const markerPrefix = 'sillage-parsed-font:';

let cachedFontSources: Map<FontFace, Buffer> | undefined;
let pdfKitClass: PdfKitConstructor | undefined;

function fontDirectory(require: NodeJS.Require): string {
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

function readFontFiles(): Map<FontFace, Buffer> {
  const directory = fontDirectory(createRequire(import.meta.url));
  return new Map(
    (Object.entries(fontFaces) as [FontFace, string][]).map(([face, file]) => [
      face,
      readFileSync(join(directory, file)),
    ])
  );
}

/** pdfkit as pdfmake (the declared dependency) resolves it: the same copy, fontkit included. */
function pdfkitRequire(): NodeJS.Require {
  const require = createRequire(import.meta.url);
  return createRequire(createRequire(require.resolve('pdfmake')).resolve('pdfkit'));
}

function loadPdfKit(): PdfKitConstructor {
  const module = pdfkitRequire()('pdfkit') as PdfKitConstructor | { default: PdfKitConstructor };
  return 'default' in module ? module.default : module;
}

const shapingCacheLimit = 50_000;

/**
 * Shaping a word (OpenType GSUB/GPOS) is pure for a given font and text, and words repeat from one
 * report to the next: the glyph runs are kept across documents. pdfkit scales the positions of the
 * run it receives in place, so each call gets fresh copies of the positions.
 */
function withShapingCache(font: FontkitFont): FontkitFont {
  const shape = font.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  font.layout = (text: string, ...options: unknown[]): GlyphRun => {
    if (options.some((o) => o !== undefined)) {
      return shape(text, ...options);
    }
    let run = runs.get(text);
    if (run === undefined) {
      if (runs.size >= shapingCacheLimit) {
        runs.clear();
      }
      run = shape(text);
      runs.set(text, run);
    }
    const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
    copy.positions = run.positions.map((p) =>
      Object.assign(Object.create(Object.getPrototypeOf(p) as object) as object, p)
    );
    return copy;
  };
  // Subsetting decodes each glyph's outline header to find composite glyphs; outlines do not
  // change (DejaVu is not a variable font), so each glyph is decoded once per process.
  const glyphOf = font.getGlyph.bind(font);
  const decodedGlyphs = new WeakSet<FontkitGlyph>();
  font.getGlyph = (id: number, codePoints?: number[]): FontkitGlyph | null => {
    const glyph = glyphOf(id, codePoints);
    if (glyph !== null && !decodedGlyphs.has(glyph)) {
      decodedGlyphs.add(glyph);
      const decode = glyph._decode.bind(glyph);
      let decoded: unknown;
      let done = false;
      glyph._decode = () => {
        if (!done) {
          decoded = decode();
          done = true;
        }
        return decoded;
      };
    }
    return glyph;
  };
  return font;
}

/** Registers (once) the fontkit format that turns a marker buffer into the font parsed at start. */
function cacheParsedFonts(fontBytes: Map<FontFace, Buffer>): Map<FontFace, Buffer> {
  const fontkit = pdfkitRequire()('fontkit') as FontkitModule;
  const parsedByMarker = new Map<string, object>();
  const markers = new Map<FontFace, Buffer>();
  for (const [face, bytes] of fontBytes) {
    const marker = Buffer.from(`${markerPrefix}${fontFaces[face]}`, 'latin1');
    parsedByMarker.set(marker.toString('latin1'), withShapingCache(fontkit.create(bytes)));
    markers.set(face, marker);
  }
  const parsedFontOf = (bytes: Uint8Array): object | undefined =>
    bytes.length < 64 ? parsedByMarker.get(Buffer.from(bytes).toString('latin1')) : undefined;
  // fontkit: `probe(bytes)` elects the format, `new Format(stream)` builds the font; a function
  // called with `new` that returns an object yields that object, here the font parsed once above.
  const ParsedFontFormat = Object.assign(
    function ParsedFontFormat(stream: { buffer: Uint8Array }): object {
      const font = parsedFontOf(stream.buffer);
      if (font === undefined) {
        throw new Error('font marker expected');
      }
      return font;
    },
    { probe: (bytes: Uint8Array): boolean => parsedFontOf(bytes) !== undefined }
  );
  fontkit.registerFormat(ParsedFontFormat);
  return markers;
}

/**
 * A new document with the report fonts registered by face name (`normal`, `bold`); `fontCache:
 * false` hands pdfkit the font bytes to parse, as it does by default (tests compare the outputs).
 */
export function createPdfDocument(info: PdfInfo, options: { fontCache?: boolean } = {}): PdfKitDocument {
  pdfKitClass ??= loadPdfKit();
  const sources =
    options.fontCache === false ? readFontFiles() : (cachedFontSources ??= cacheParsedFonts(readFontFiles()));
  const document = new pdfKitClass({
    pdfVersion: '1.3',
    compress: true,
    lang: 'fr-FR',
    fontLayoutCache: true,
    bufferPages: true, // "Page x/y" is written once the page count is known
    autoFirstPage: false,
    info,
    font: null, // no Helvetica: every text is in an embedded font
  });
  for (const [face, source] of sources) {
    document.registerFont(face, source);
  }
  return document;
}

/** The document's bytes once ended. */
export function documentBytes(document: PdfKitDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.end();
  });
}
