/**
 * Text of a CNAM NABM open-data file (IR_BIO_R, IR_BTF_R) as the parser expects it. Some
 * distributions of the files (the indsante/schema-snds copies among them) open with `# ` provenance
 * lines (source, licence, notes) before the CSV header; they are not CSV. Only the leading ones are
 * concerned: a `#` further down is data and the parser judges it. Each is blanked rather than
 * removed: the parser skips empty lines, so the line numbers of its errors stay the file's.
 * Shared by the CLI and the import route so both read a release the same way.
 */
export function withoutProvenanceHeader(text: string): string {
  let offset = 0;
  let blankLines = '';
  while (text.startsWith('# ', offset) || /^#\r?\n/.test(text.slice(offset, offset + 3))) {
    const end = text.indexOf('\n', offset);
    if (end === -1) {
      return '';
    }
    blankLines += '\n';
    offset = end + 1;
  }
  return blankLines + text.slice(offset);
}
