#!/usr/bin/env node
/** Executable of the `sillage` command (package.json `bin`): `npx sillage inspect <fichier>`. */
import { readFileSync } from 'node:fs';
import { runSillageCli } from './sillage-cli.js';

process.exitCode = runSillageCli(process.argv.slice(2), {
  writeStdout: (text) => process.stdout.write(text),
  writeStderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path),
});
