/**
 * A small sequential test harness for the end-to-end suite: named checks, screenshots on
 * failure, and `e2e/artifacts/results.json` with the counts that `.ci/run` sums.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const artifactsDir = join(import.meta.dirname, 'artifacts');
mkdirSync(artifactsDir, { recursive: true });

interface Outcome {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

const outcomes: Outcome[] = [];

export async function check(name: string, work: () => Promise<void>, page?: Page): Promise<boolean> {
  const started = Date.now();
  try {
    await work();
    outcomes.push({ name, ok: true, ms: Date.now() - started });
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outcomes.push({ name, ok: false, ms: Date.now() - started, error: message });
    console.log(`  ✗ ${name}\n    ${message.split('\n').slice(0, 6).join('\n    ')}`);
    if (page !== undefined) {
      await page
        .screenshot({ path: join(artifactsDir, `failure-${outcomes.length}.png`), fullPage: true })
        .catch(() => undefined);
    }
    return false;
  }
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new Error(message);
  }
}

export function writeResults(): { passed: number; failed: number } {
  const passed = outcomes.filter((o) => o.ok).length;
  const failed = outcomes.length - passed;
  writeFileSync(join(artifactsDir, 'results.json'), JSON.stringify({ passed, failed, outcomes }, null, 2));
  console.log(`\n${passed} passed, ${failed} failed`);
  return { passed, failed };
}
