/**
 * Text of a PDF through poppler's `pdftotext` (Debian poppler-utils), for the tests that check what
 * a report says. Suites using it are skipped, visibly, where the tool is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const pdftotextPath = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));
const pdfinfoPath = pdftotextPath?.replace(/pdftotext$/, 'pdfinfo');

export const pdftotextAvailable = pdftotextPath !== undefined;

if (!pdftotextAvailable) {
  console.warn('[reports] pdftotext absent (apt install poppler-utils): PDF text checks are SKIPPED');
}

/** The PDF's text in reading order, pages separated by form feeds (`\f`). */
export function pdfText(pdf: Buffer, options: { layout?: boolean } = {}): string {
  if (pdftotextPath === undefined) {
    throw new Error('pdftotext is not installed');
  }
  const args = [...(options.layout === true ? ['-layout'] : []), '-enc', 'UTF-8', '-', '-'];
  return execFileSync(pdftotextPath, args, { input: pdf, encoding: 'utf8' });
}

/** `pdfinfo -isodates` fields (Title, CreationDate, Pages…) of a PDF. */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  if (pdfinfoPath === undefined || !existsSync(pdfinfoPath)) {
    throw new Error('pdfinfo is not installed');
  }
  const output = execFileSync(pdfinfoPath, ['-isodates', '-enc', 'UTF-8', '-'], { input: pdf, encoding: 'utf8' });
  return Object.fromEntries(
    output
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] ?? '', (m[2] ?? '').trim()])
  );
}
