/**
 * `sillage inspect <fichier> [--encoding windows-1252|iso-8859-1|utf-8] [--pretty]`: prints the
 * report of `inspectCapture` as JSON. Exit status: 0 no error in the capture, 1 errors found,
 * 2 usage error (bad option, unreadable file).
 */
import { parseArgs } from 'node:util';
import { instrumentCharsets, normalizeInstrumentCharset, type InstrumentCharset } from '@sillage/core';
import { formatJson } from './format-report.js';
import { inspectCapture } from './inspect-capture.js';

/** What a command needs from the outside world, injected so tests run it without a process. */
export interface CliIo {
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  readFile(path: string): Uint8Array;
}

export const INSPECT_USAGE = `Usage : sillage inspect <fichier> [--encoding windows-1252|iso-8859-1|utf-8] [--pretty]

Décode une capture de liaison automate et l’affiche en JSON :
ASTM E1381/E1394 (tramée ou non, y compris la notation <STX>), HL7 v2 (avec ou sans MLLP), HPRIM.
Les lignes de commentaire « # » en tête de fichier sont ignorées.

  --encoding  jeu de caractères des données (par défaut : détecté ; MSH-18 pour HL7)
  --pretty    JSON indenté
  -h, --help  cette aide

Codes de sortie : 0 aucune erreur, 1 erreurs trouvées dans la capture, 2 erreur d’utilisation.
`;

export function runInspectCommand(args: readonly string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        encoding: { type: 'string' },
        pretty: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.writeStdout(INSPECT_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    return usageError(io, positionals.length === 0 ? 'fichier manquant' : 'un seul fichier attendu');
  }
  let encoding: InstrumentCharset | undefined;
  if (values.encoding !== undefined) {
    encoding = normalizeInstrumentCharset(values.encoding);
    if (encoding === undefined) {
      return usageError(io, `encodage « ${values.encoding} » inconnu (${instrumentCharsets.join(', ')})`);
    }
  }
  const path = positionals[0] ?? '';
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    io.writeStderr(`sillage inspect : impossible de lire « ${path} » (${reason}).\n`);
    return 2;
  }
  const report = inspectCapture(bytes, encoding === undefined ? {} : { encoding });
  io.writeStdout(`${formatJson(report, values.pretty === true)}\n`);
  return report.errors.length === 0 ? 0 : 1;
}

function usageError(io: CliIo, reason: string): number {
  io.writeStderr(`sillage inspect : ${reason}.\n\n${INSPECT_USAGE}`);
  return 2;
}
