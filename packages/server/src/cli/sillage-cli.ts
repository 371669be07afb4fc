/**
 * The `sillage` command (bin of @sillage/server): dispatches to its subcommands. Kept apart from
 * `sillage.ts` (the executable) so tests call it with injected arguments and output.
 */
import { INSPECT_USAGE, runInspectCommand, type CliIo } from './inspect/inspect-command.js';

export type { CliIo } from './inspect/inspect-command.js';

export const SILLAGE_USAGE = `Usage : sillage <commande> [options]

Commandes :
  inspect <fichier>   décode une capture ASTM, HL7 v2 ou HPRIM et l’affiche en JSON

${INSPECT_USAGE}`;

/** Runs `sillage <argv…>` and returns the exit status (0 success, 1 errors found, 2 usage error). */
export function runSillageCli(argv: readonly string[], io: CliIo): number {
  const [command, ...rest] = argv;
  if (command === 'inspect') {
    return runInspectCommand(rest, io);
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.writeStdout(SILLAGE_USAGE);
    return 0;
  }
  const reason = command === undefined ? 'commande manquante' : `commande « ${command} » inconnue`;
  io.writeStderr(`sillage : ${reason}.\n\n${SILLAGE_USAGE}`);
  return 2;
}
