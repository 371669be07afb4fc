/**
 * Locates `../shared/fixtures` (real public captures, some GPL: read in place, never copied into
 * the repo). Suites that need it use `describe.skipIf(!sharedFixtures.available)` and print why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixturesDir = process.env.SILLAGE_SHARED_FIXTURES ?? join(repoRoot, '..', 'shared', 'fixtures');

export const sharedFixtures = {
  available: existsSync(fixturesDir),
  dir: fixturesDir,
  path(relative: string): string {
    return join(fixturesDir, relative);
  },
  /**
   * Raw bytes of a fixture file. Without ../shared it returns nothing instead of throwing: suites
   * read fixtures while being collected, before `skipIf` skips them.
   */
  bytes(relative: string): Buffer {
    return existsSync(fixturesDir) ? readFileSync(join(fixturesDir, relative)) : Buffer.alloc(0);
  },
  /** Text of a fixture with its leading `# ` provenance header lines removed. */
  textWithoutHeader(relative: string, encoding: BufferEncoding = 'utf8'): string {
    if (!existsSync(fixturesDir)) {
      return '';
    }
    const text = readFileSync(join(fixturesDir, relative), encoding);
    const lines = text.split(/(?<=\n)/);
    let i = 0;
    while (i < lines.length && (lines[i]?.startsWith('# ') || lines[i] === '#\n')) {
      i++;
    }
    return lines.slice(i).join('');
  },
};

if (!sharedFixtures.available) {
  console.warn(`[fixtures] ${fixturesDir} absent: conformance suites on real captures are SKIPPED`);
}
