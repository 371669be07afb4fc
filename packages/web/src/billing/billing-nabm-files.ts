/**
 * Reading the CNAM NABM open-data files in the browser. The CNAM distributes IR_BIO_R and IR_BTF_R
 * in latin1 (the server's CLI reads them so); a file re-saved in UTF-8 by a spreadsheet is
 * accepted too: valid UTF-8 is taken as such, anything else is read as latin1 (a latin1 text with
 * accented letters is practically never valid UTF-8).
 */

export function decodeNabmFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // WHATWG maps the latin1 label to windows-1252, identical on every printable latin1 character.
    return new TextDecoder('latin1').decode(bytes);
  }
}

export interface NabmImportBody {
  actsCsv: string;
  historyCsv: string;
  dryRun: boolean;
  /** What was imported, kept with the release: the two file names. */
  source: string;
}

export function nabmImportBody(
  acts: { name: string; text: string },
  history: { name: string; text: string },
  dryRun: boolean
): NabmImportBody {
  return {
    actsCsv: acts.text,
    historyCsv: history.text,
    dryRun,
    source: `${acts.name} + ${history.name}`.slice(0, 300),
  };
}

/** A coefficient in hundredths (API) as the NABM writes it: 2600 → `B 26`, 1250 → `B 12,5`. */
export function formatCoefficient(hundredths: number | null, locale: 'fr' | 'en'): string {
  if (hundredths === null) {
    return '—';
  }
  return `B ${(hundredths / 100).toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 })}`;
}

/** A file name that looks like the expected CNAM table (IR_BIO_R…, IR_BTF_R…), to warn on a swap. */
export function looksLikeNabmFile(name: string, table: 'IR_BIO_R' | 'IR_BTF_R'): boolean {
  return name.toUpperCase().includes(table);
}
