#!/usr/bin/env node
/**
 * `npm run simulate -- --protocol astm|hl7 --profile <automate> --port <port> …` (issue 4 item 8):
 * an analyzer simulator for testing a link without the analyzer and loading benchmarks.
 * Ctrl-C stops taking new messages; the summary of what was sent is still printed.
 */
import { runSimulateCommand } from '../simulator/simulate-command.js';

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => controller.abort());
}

runSimulateCommand(process.argv.slice(2), {
  writeStdout: (text) => process.stdout.write(text),
  writeStderr: (text) => process.stderr.write(text),
  env: process.env,
  signal: controller.signal,
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  }
);
