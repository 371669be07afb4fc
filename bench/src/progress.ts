/** Progress goes to stderr so that stdout carries only the JSON result (`npm run bench > out.json`). */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
