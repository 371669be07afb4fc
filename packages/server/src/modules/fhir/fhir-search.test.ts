import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateValue, parseIds, parseReferenceIds, parseTokens, readSearchRequest } from './fhir-search.js';

const paging = { defaultCount: 50, maxCount: 200 };
const id = '3f0c2a1e-8d1b-4c55-9a8e-2b7f4c0d9e11';

describe('FHIR search parameters (R4 §3.1.1)', () => {
  it.each([
    // Implicit ranges of a date value (R4 §3.1.1.5.4 "date").
    ['2026', { prefix: 'eq', start: '2026-01-01T00:00:00.000', end: '2027-01-01T00:00:00.000', offset: null }],
    ['2026-02', { prefix: 'eq', start: '2026-02-01T00:00:00.000', end: '2026-03-01T00:00:00.000', offset: null }],
    ['ge2026-02-28', { prefix: 'ge', start: '2026-02-28T00:00:00.000', end: '2026-03-01T00:00:00.000', offset: null }],
    [
      'lt2026-03-02T08:15',
      { prefix: 'lt', start: '2026-03-02T08:15:00.000', end: '2026-03-02T08:16:00.000', offset: null },
    ],
    [
      '2026-03-02T08:15:30Z',
      { prefix: 'eq', start: '2026-03-02T08:15:30.000', end: '2026-03-02T08:15:31.000', offset: 'Z' },
    ],
    [
      'le2026-03-02T08:15:30.5+01:00',
      { prefix: 'le', start: '2026-03-02T08:15:30.500', end: '2026-03-02T08:15:30.501', offset: '+01:00' },
    ],
    ['2024-02-29', { prefix: 'eq', start: '2024-02-29T00:00:00.000', end: '2024-03-01T00:00:00.000', offset: null }],
  ])('date %s', (raw, expected) => {
    expect(parseDateValue('date', raw)).toEqual(expected);
  });

  it.each(['2026-13-01', '2025-02-29', '26-03-02', 'ap2026-03-02', 'xx2026', '2026-03-02T8:15', ''])(
    'refuses the date %j',
    (raw) => {
      expect(() => parseDateValue('date', raw)).toThrow(
        expect.objectContaining({ code: 'SIL_FHIR_SEARCH_PARAMETER_INVALID' })
      );
    }
  );

  it('the range of any valid date value is non-empty and starts at the value', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 4 }),
        (date, precision) => {
          const iso = date.toISOString();
          const raw = [iso.slice(0, 4), iso.slice(0, 7), iso.slice(0, 10), iso.slice(0, 16), `${iso.slice(0, 19)}Z`][
            precision
          ] as string;
          const value = parseDateValue('date', raw);
          expect(value.start < value.end).toBe(true);
          expect(value.start.startsWith(raw.replace('Z', ''))).toBe(true);
        }
      )
    );
  });

  it('tokens: system|code, |code (no system), code (any system), commas are alternatives, \\, escapes', () => {
    expect(parseTokens('code', 'http://loinc.org|2160-0,2345-7')).toEqual([
      { system: 'http://loinc.org', code: '2160-0' },
      { system: null, code: '2345-7' },
    ]);
    expect(parseTokens('code', '|X')).toEqual([{ system: '', code: 'X' }]);
    expect(parseTokens('identifier', 'a\\,b')).toEqual([{ system: null, code: 'a,b' }]);
    expect(() => parseTokens('code', 'http://loinc.org|')).toThrow(
      expect.objectContaining({ code: 'SIL_FHIR_SEARCH_PARAMETER_INVALID' })
    );
  });

  it('references: Patient/id, bare id, absolute URL; other types and non-UUIDs match nothing', () => {
    expect(parseReferenceIds('patient', `Patient/${id}`, 'Patient')).toEqual([id]);
    expect(parseReferenceIds('patient', id.toUpperCase(), 'Patient')).toEqual([id]);
    expect(parseReferenceIds('patient', `https://h/fhir/R4/Patient/${id},Group/${id},42`, 'Patient')).toEqual([id]);
    expect(parseIds(`${id},nope`)).toEqual([id]);
  });

  it('paging and strictness: unknown parameters and non-JSON formats are refused; _count is capped', () => {
    expect(readSearchRequest({ code: 'x', _count: '500', _offset: '10' }, ['code'], paging)).toMatchObject({
      count: 200,
      offset: 10,
    });
    expect(readSearchRequest({}, ['code'], paging)).toMatchObject({ count: 50, offset: 0 });
    expect(readSearchRequest({ date: ['ge2026', 'lt2027'] }, ['date'], paging).params.get('date')).toEqual([
      'ge2026',
      'lt2027',
    ]);
    expect(() => readSearchRequest({ nom: 'x' }, ['code'], paging)).toThrow(
      expect.objectContaining({ code: 'SIL_FHIR_SEARCH_PARAMETER_UNKNOWN' })
    );
    expect(() => readSearchRequest({ _count: '-1' }, [], paging)).toThrow(
      expect.objectContaining({ code: 'SIL_FHIR_SEARCH_PARAMETER_INVALID' })
    );
    expect(() => readSearchRequest({ _format: 'xml' }, [], paging)).toThrow(
      expect.objectContaining({ code: 'SIL_FHIR_FORMAT_UNSUPPORTED' })
    );
    expect(readSearchRequest({ _format: 'application/fhir+json' }, [], paging).params.size).toBe(0);
  });
});
