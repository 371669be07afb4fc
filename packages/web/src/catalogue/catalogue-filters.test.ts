import { describe, expect, it } from 'vitest';
import { filterAnalyses, foldText } from './catalogue-filters.js';
import type { AnalysisSummary } from './catalogue-types.js';

function summary(overrides: Partial<AnalysisSummary>): AnalysisSummary {
  return {
    code: 'X',
    mnemonic: 'X',
    label: 'X',
    chapter: 'Biochimie',
    section: 'biochimie',
    containerCode: 'HEPARINE',
    nabmCodes: [],
    offNomenclaturePriceCents: null,
    fastingRequired: false,
    timeWindowStart: null,
    timeWindowEnd: null,
    orderable: true,
    version: 1,
    ...overrides,
  };
}

const items = [
  summary({ code: 'CPK', mnemonic: 'CPK', label: 'Créatine kinase' }),
  summary({ code: 'CREA', mnemonic: 'CREA', label: 'Créatinine', nabmCodes: ['0592'] }),
  summary({ code: 'NFS', mnemonic: 'NFS', label: 'Hémogramme', chapter: 'Hématologie', section: 'hematologie' }),
  summary({ code: 'OLD', mnemonic: 'OLD', label: 'Ancienne analyse', orderable: false }),
];
const none = { query: '', chapter: '', section: '', active: 'all' as const };

describe('catalogue list filters', () => {
  it('matches code, mnemonic, label without accents, and NABM codes', () => {
    expect(foldText('Hémogramme')).toBe('hemogramme');
    expect(filterAnalyses(items, { ...none, query: 'creat' }).map((a) => a.code)).toEqual(['CPK', 'CREA']);
    expect(filterAnalyses(items, { ...none, query: 'HEMO' }).map((a) => a.code)).toEqual(['NFS']);
    expect(filterAnalyses(items, { ...none, query: '0592' }).map((a) => a.code)).toEqual(['CREA']);
    expect(filterAnalyses(items, { ...none, query: 'zzz' })).toEqual([]);
  });

  it('filters on chapter, section and active state', () => {
    expect(filterAnalyses(items, { ...none, section: 'hematologie' }).map((a) => a.code)).toEqual(['NFS']);
    expect(filterAnalyses(items, { ...none, chapter: 'Biochimie' }).map((a) => a.code)).toEqual(['CPK', 'CREA', 'OLD']);
    expect(filterAnalyses(items, { ...none, active: 'inactive' }).map((a) => a.code)).toEqual(['OLD']);
    expect(filterAnalyses(items, { ...none, active: 'active' }).map((a) => a.code)).toEqual(['CPK', 'CREA', 'NFS']);
  });

  it('puts the exact code or mnemonic first, then code prefixes, so Enter opens what was typed', () => {
    expect(filterAnalyses(items, { ...none, query: 'crea' }).map((a) => a.code)).toEqual(['CREA', 'CPK']);
    expect(filterAnalyses(items, { ...none, query: 'cr' }).map((a) => a.code)).toEqual(['CREA', 'CPK']);
  });
});
