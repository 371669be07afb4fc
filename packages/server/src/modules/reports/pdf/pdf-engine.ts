/**
 * Server-side pdfmake 0.3 with embedded DejaVu fonts (é, µ, ≤, ≥, Œ render; stack.md §5.5), no
 * network and no file access at render time, and fonts parsed once per process.
 *
 * Speed: pdfkit re-parses each TrueType font for every document (`fontkit.create` on the bytes),
 * which is most of a report's rendering time. fontkit lets a host register font formats; Sillage
 * registers one that recognises a small marker buffer and hands back the font it parsed at start.
 * The PDF bytes are identical to those of an uncached render (checked in report-pdf.test.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfDocumentDefinition } from './pdf-document-types.js';

interface PdfMakeEngine {
  virtualfs: VirtualFileSystem;
  setFonts(fonts: Record<string, FontFaces>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(definition: PdfDocumentDefinition): { getBuffer(): Promise<Buffer> };
}

interface VirtualFileSystem {
  existsSync(name: string): boolean;
  readFileSync(name: string): Buffer;
}

interface FontFaces {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

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

export const reportFontFamily = 'DejaVuSans';

const fontFiles: FontFaces = {
  normal: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italics: 'DejaVuSans-Oblique.ttf',
  bolditalics: 'DejaVuSans-BoldOblique.ttf',
};

const markerPrefix = 'sillage-parsed-font:';

let engine: PdfMakeEngine | undefined;

function fontDirectory(require: NodeJS.Require): string {
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

function readFontFiles(): Map<string, Buffer> {
  const directory = fontDirectory(createRequire(import.meta.url));
  return new Map(Object.values(fontFiles).map((file: string) => [file, readFileSync(join(directory, file))]));
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
function cacheParsedFonts(fontBytes: Map<string, Buffer>): Map<string, Buffer> {
  const require = createRequire(import.meta.url);
  // The same fontkit instance pdfkit uses: resolved from pdfmake → pdfkit → fontkit.
  const pdfkitPath = createRequire(require.resolve('pdfmake')).resolve('pdfkit');
  const fontkit = createRequire(pdfkitPath)('fontkit') as FontkitModule;
  const parsedByMarker = new Map<string, object>();
  const markers = new Map<string, Buffer>();
  for (const [file, bytes] of fontBytes) {
    const marker = Buffer.from(`${markerPrefix}${file}`, 'latin1');
    parsedByMarker.set(marker.toString('latin1'), withShapingCache(fontkit.create(bytes)));
    markers.set(file, marker);
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

/** A pdfmake instance with its own virtual file system (pdfmake's default one is a shared singleton). */
function createEngine(files: Map<string, Buffer>): PdfMakeEngine {
  const pdfmakeSingleton = createRequire(import.meta.url)('pdfmake') as PdfMakeEngine;
  const PdfMake = pdfmakeSingleton.constructor as new () => PdfMakeEngine;
  const instance = new PdfMake();
  instance.virtualfs = {
    existsSync: (name) => files.has(name),
    readFileSync: (name) => {
      const bytes = files.get(name);
      if (bytes === undefined) {
        throw new Error(`font file not embedded: ${name}`);
      }
      return bytes;
    },
  };
  instance.setFonts({ [reportFontFamily]: { ...fontFiles } });
  // Deny-all: a report never fetches a URL nor reads a local file (only the fonts above, in memory).
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy(() => false);
  return instance;
}

export async function renderPdf(definition: PdfDocumentDefinition): Promise<Buffer> {
  engine ??= createEngine(cacheParsedFonts(readFontFiles()));
  return engine.createPdf(definition).getBuffer();
}

/** Renders with the font bytes re-parsed for the document, as pdfmake does by default (tests compare). */
export async function renderPdfWithoutFontCache(definition: PdfDocumentDefinition): Promise<Buffer> {
  return createEngine(readFontFiles()).createPdf(definition).getBuffer();
}
