import { describe, expect, it } from 'vitest';
import { errorCatalog, errorSections } from './error-catalog.js';
import { SillageError, toProblem } from './sillage-error.js';

describe('error catalog', () => {
  it('every code is SIL_ prefixed, has an HTTP error status and both languages', () => {
    for (const [code, def] of Object.entries(errorCatalog)) {
      expect(code).toMatch(/^SIL_[A-Z0-9_]+$/);
      expect(def.status).toBeGreaterThanOrEqual(400);
      expect(def.status).toBeLessThan(600);
      expect(def.fr.length).toBeGreaterThan(5);
      expect(def.en.length).toBeGreaterThan(5);
      expect(def.fr).not.toBe(def.en);
    }
  });

  it('renders problem+json in French by default', () => {
    const problem = toProblem(new SillageError('SIL_NIR_INVALID_KEY', { detail: 'clé 12 attendue' }));
    expect(problem).toMatchObject({ status: 400, code: 'SIL_NIR_INVALID_KEY', title: 'La clé du NIR est incorrecte.' });
    expect(problem.detail).toBe('clé 12 attendue');
  });
});

describe('error sections', () => {
  it('no code is defined in two sections', () => {
    const seen = new Map<string, string>();
    for (const [section, codes] of Object.entries(errorSections)) {
      for (const code of Object.keys(codes)) {
        expect(seen.get(code), `${code} in ${section}`).toBeUndefined();
        seen.set(code, section);
      }
    }
  });
});
