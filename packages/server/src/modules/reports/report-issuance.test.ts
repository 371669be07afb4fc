import { describe, expect, it } from 'vitest';
import { decideIssuance, pendingAnalysesOf, type ReportedVersion } from './report-issuance.js';

const v = (resultId: string, version: number): ReportedVersion => ({ resultId, version });

describe('report issuance decision', () => {
  it.each([
    { name: 'first report, all validated', validated: [v('a', 1)], previous: null, pending: [], kind: 'complete' },
    {
      name: 'first report, analyses pending',
      validated: [v('a', 1)],
      previous: null,
      pending: ['TSH'],
      kind: 'partial',
    },
    {
      name: 'new result after a partial',
      validated: [v('a', 1), v('b', 1)],
      previous: [v('a', 1)],
      pending: [],
      kind: 'complete',
    },
    { name: 'corrected value (v2)', validated: [v('a', 2)], previous: [v('a', 1)], pending: [], kind: 'amended' },
    {
      name: 'correction while analyses pending',
      validated: [v('a', 2), v('b', 1)],
      previous: [v('a', 1)],
      pending: ['X'],
      kind: 'amended',
    },
    {
      name: 'printed result withdrawn',
      validated: [v('b', 1)],
      previous: [v('a', 1), v('b', 1)],
      pending: [],
      kind: 'amended',
    },
  ])('$name → $kind', ({ validated, previous, pending, kind }) => {
    expect(decideIssuance({ validated, previous, pendingAnalyses: pending }).kind).toBe(kind);
  });

  it.each([
    { name: 'nothing validated', validated: [], previous: null },
    { name: 'same versions as printed', validated: [v('a', 1)], previous: [v('a', 1)] },
  ])('refuses when $name (SIL_REPORT_NOTHING_NEW)', ({ validated, previous }) => {
    expect(() => decideIssuance({ validated, previous, pendingAnalyses: [] })).toThrow(
      expect.objectContaining({ code: 'SIL_REPORT_NOTHING_NEW' })
    );
  });

  it('lists changed and withdrawn results', () => {
    const decision = decideIssuance({
      validated: [v('a', 2), v('c', 1)],
      previous: [v('a', 1), v('b', 1)],
      pendingAnalyses: [],
    });
    expect(decision.changedResultIds).toEqual(['a']);
    expect(decision.withdrawnResultIds).toEqual(['b']);
  });
});

describe('pending analyses', () => {
  const analyses = [
    { orderAnalysisId: 'oa1', label: 'Hémogramme', analyteCodes: ['HB', 'WBC'] },
    { orderAnalysisId: 'oa2', label: 'Glycémie', analyteCodes: ['GLU'] },
  ];
  const results = [
    { resultId: 'hb', orderAnalysisId: 'oa1', analyteCode: 'HB', status: 'biologically_validated' },
    { resultId: 'wbc', orderAnalysisId: 'oa1', analyteCode: 'WBC', status: 'entered' },
    { resultId: 'glu', orderAnalysisId: 'oa2', analyteCode: 'GLU', status: 'biologically_validated' },
  ];

  it('an analysis is pending until each of its analytes is validated', () => {
    expect(pendingAnalysesOf(analyses, results, [v('hb', 1), v('glu', 1)])).toEqual(['Hémogramme']);
    expect(pendingAnalysesOf(analyses, results, [v('hb', 1), v('wbc', 1), v('glu', 1)])).toEqual([]);
  });

  it('a cancelled analyte does not hold the report back; a missing result row does', () => {
    const cancelled = results.map((r) => (r.resultId === 'wbc' ? { ...r, status: 'cancelled' } : r));
    expect(pendingAnalysesOf(analyses, cancelled, [v('hb', 1), v('glu', 1)])).toEqual([]);
    expect(pendingAnalysesOf(analyses, results.slice(0, 1), [v('hb', 1)])).toEqual(['Hémogramme', 'Glycémie']);
  });
});
