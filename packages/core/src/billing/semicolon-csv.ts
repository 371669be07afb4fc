/**
 * Splitting of the CNAM open-data text files: one record per line, fields separated by `;`,
 * a field may be enclosed in double quotes when it contains `;` (seen in IR_BIO_R for act 1807),
 * a doubled quote inside a quoted field stands for one quote (RFC 4180 §2 rules 5–7, with `;`).
 */

/** The fields of one line, or `null` when its quotes are unbalanced or misplaced. */
export function splitSemicolonLine(line: string): string[] | null {
  const fields: string[] = [];
  let position = 0;
  for (;;) {
    if (line[position] === '"') {
      let value = '';
      position++;
      for (;;) {
        const quote = line.indexOf('"', position);
        if (quote === -1) {
          return null;
        }
        value += line.slice(position, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          position = quote + 2;
          continue;
        }
        position = quote + 1;
        break;
      }
      fields.push(value);
      if (position === line.length) {
        return fields;
      }
      if (line[position] !== ';') {
        return null;
      }
      position++;
    } else {
      const separator = line.indexOf(';', position);
      const value = line.slice(position, separator === -1 ? line.length : separator);
      if (value.includes('"')) {
        return null;
      }
      fields.push(value);
      if (separator === -1) {
        return fields;
      }
      position = separator + 1;
    }
  }
}

/** Lines of a text file, CRLF or LF, without a trailing empty line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines;
}
