import { describe, expect, it } from 'vitest';
import { exonerationAtDate } from './exoneration-at-date.js';

describe('exonération at the date of the acts', () => {
  it('applies within its dates (bounds inclusive)', () => {
    const ald = { exoneration: 'ald', validFrom: '2025-01-01', validTo: '2026-12-31' } as const;
    expect(exonerationAtDate(ald, '2026-12-31')).toEqual({ exoneration: 'ald', note: null });
    expect(exonerationAtDate(ald, '2025-01-01')).toEqual({ exoneration: 'ald', note: null });
  });

  it('is dropped after its end, with the reason', () => {
    const c2s = exonerationAtDate({ exoneration: 'c2s', validFrom: null, validTo: '2026-01-31' }, '2026-02-01');
    expect(c2s.exoneration).toBeNull();
    expect(c2s.note).toContain('close le 2026-01-31');
  });

  it('is dropped before its start (maternity from the 6th month)', () => {
    const maternity = exonerationAtDate({ exoneration: 'maternite', validFrom: '2026-04-01' }, '2026-03-15');
    expect(maternity.exoneration).toBeNull();
    expect(maternity.note).toContain('ouverte le 2026-04-01');
  });

  it('no exoneration, no note', () => {
    expect(exonerationAtDate({ exoneration: null }, '2026-03-15')).toEqual({ exoneration: null, note: null });
  });
});
