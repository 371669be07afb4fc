/**
 * Text on a pdfkit document, measured and wrapped here rather than by a layout engine: a report
 * is a fixed grid of short cells, and laying it out directly costs a fraction of pdfmake's generic
 * measure–layout–render passes (issue 3 § performance: ≥ 50 reports/s on one core).
 *
 * Lines follow pdfmake's metrics, so the page looks as it did: a line is `lineHeight × 1.1` of the
 * font's ascender–descender height, text hangs from the top of its line. Words break at ordinary
 * spaces only; no-break spaces (U+00A0) keep a value with its unit or sign; a word wider than its
 * box is cut between characters.
 */
import type { FontFace, PdfKitDocument, PdfKitFont } from './pdf-engine.js';

export interface TextStyle {
  face: FontFace;
  size: number;
  color: string;
}

export interface Run extends TextStyle {
  text: string;
}

/** A run placed on a line, `x` from the line's start. */
interface PlacedRun extends Run {
  x: number;
}

export interface TextBlock {
  lines: { runs: PlacedRun[]; width: number; height: number }[];
  height: number;
  /** Width of the widest line. */
  width: number;
}

export type Alignment = 'left' | 'right' | 'center';

const lineHeightFactor = 1.1;

/**
 * Widths of the texts measured so far, per face and size, kept across documents: a report's
 * labels, units and intervals recur from one report to the next, and a width depends only on the
 * font, the size and the text (pdfkit's own cache lives and dies with each document).
 */
const widthCache = new Map<string, number>();
const widthCacheLimit = 100_000;

export class PdfTextSetter {
  private readonly fonts = new Map<FontFace, PdfKitFont>();
  private currentFace: FontFace | null = null;
  private currentSize = 0;
  private currentColor: string | null = null;

  constructor(readonly document: PdfKitDocument) {
    for (const face of ['normal', 'bold'] as const) {
      this.fonts.set(face, document.font(face)._font);
    }
  }

  private font(face: FontFace): PdfKitFont {
    return this.fonts.get(face) as PdfKitFont;
  }

  widthOf(text: string, style: TextStyle): number {
    const key = `${style.face}|${style.size}|${text}`;
    let width = widthCache.get(key);
    if (width === undefined) {
      if (widthCache.size >= widthCacheLimit) {
        widthCache.clear();
      }
      width = this.font(style.face).widthOfString(text, style.size);
      widthCache.set(key, width);
    }
    return width;
  }

  lineHeight(style: Pick<TextStyle, 'face' | 'size'>): number {
    return this.font(style.face).lineHeight(style.size) * lineHeightFactor;
  }

  /** Lays runs out in lines no wider than `width` (a single line when `noWrap`). */
  wrap(runs: readonly Run[], width: number, noWrap = false): TextBlock {
    const lines: TextBlock['lines'] = [];
    let line: PlacedRun[] = [];
    let lineWidth = 0;
    let lineHeight = 0;
    const closeLine = (): void => {
      const last = line[line.length - 1];
      if (last !== undefined && last.text.endsWith(' ')) {
        // A space ending a line takes no room (pdfmake's trailing cut).
        last.text = last.text.trimEnd();
        lineWidth = last.x + this.widthOf(last.text, last);
      }
      lines.push({ runs: line, width: lineWidth, height: lineHeight });
      line = [];
      lineWidth = 0;
      lineHeight = 0;
    };
    const place = (text: string, style: TextStyle, textWidth: number): void => {
      const previous = line[line.length - 1];
      if (previous !== undefined && sameStyle(previous, style)) {
        previous.text += text; // one text operation per style change, not per word
      } else {
        line.push({ text, face: style.face, size: style.size, color: style.color, x: lineWidth });
      }
      lineWidth += textWidth;
      lineHeight = Math.max(lineHeight, this.lineHeight(style));
    };
    for (const run of runs) {
      if (noWrap || this.widthOf(run.text, run) + lineWidth <= width) {
        place(run.text, run, this.widthOf(run.text, run));
        continue;
      }
      for (const word of wordsOf(run.text)) {
        const wordWidth = this.widthOf(word, run);
        const visibleWidth = word.endsWith(' ') ? this.widthOf(word.trimEnd(), run) : wordWidth;
        if (line.length > 0 && lineWidth + visibleWidth > width) {
          closeLine();
        }
        if (visibleWidth > width) {
          for (const piece of this.cut(word, run, width)) {
            if (line.length > 0) {
              closeLine();
            }
            place(piece, run, this.widthOf(piece, run));
          }
          continue;
        }
        place(word, run, wordWidth);
      }
    }
    if (line.length > 0 || lines.length === 0) {
      if (lineHeight === 0 && runs[0] !== undefined) {
        lineHeight = this.lineHeight(runs[0]);
      }
      closeLine();
    }
    return {
      lines,
      height: lines.reduce((sum, l) => sum + l.height, 0),
      width: lines.reduce((max, l) => Math.max(max, l.width), 0),
    };
  }

  /** A word wider than the box, in pieces that fit (at least one character each). */
  private cut(word: string, style: TextStyle, width: number): string[] {
    const pieces: string[] = [];
    let piece = '';
    for (const character of word) {
      if (piece !== '' && this.widthOf(piece + character, style) > width) {
        pieces.push(piece);
        piece = '';
      }
      piece += character;
    }
    if (piece !== '') {
      pieces.push(piece);
    }
    return pieces;
  }

  /** Draws a block with its top-left corner at (x, y), each line aligned in `width`. */
  draw(block: TextBlock, x: number, y: number, width: number, alignment: Alignment = 'left'): void {
    let top = y;
    for (const line of block.lines) {
      const shift = alignment === 'right' ? width - line.width : alignment === 'center' ? (width - line.width) / 2 : 0;
      for (const run of line.runs) {
        if (run.text !== '') {
          this.apply(run);
          this.document.text(run.text, x + shift + run.x, top, { lineBreak: false });
        }
      }
      top += line.height;
    }
  }

  /** Wraps and draws in one go; returns the height used. */
  write(runs: readonly Run[], x: number, y: number, width: number, alignment: Alignment = 'left'): number {
    const block = this.wrap(runs, width);
    this.draw(block, x, y, width, alignment);
    return block.height;
  }

  /** Forget the graphics state: a page starts (or is switched to) with black text and no font. */
  resetState(): void {
    this.currentFace = null;
    this.currentSize = 0;
    this.currentColor = null;
  }

  private apply(style: TextStyle): void {
    if (this.currentFace !== style.face) {
      this.document.font(style.face);
      this.currentFace = style.face;
    }
    if (this.currentSize !== style.size) {
      this.document.fontSize(style.size);
      this.currentSize = style.size;
    }
    if (this.currentColor !== style.color) {
      this.document.fillColor(style.color);
      this.currentColor = style.color;
    }
  }
}

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return a.face === b.face && a.size === b.size && a.color === b.color;
}

/** Words with their following ordinary space attached ("a b" → "a ", "b"); U+00A0 does not split. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ') {
      words.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) {
    words.push(text.slice(start));
  }
  return words;
}
