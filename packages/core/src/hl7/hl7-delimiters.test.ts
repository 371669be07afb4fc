import { describe, expect, it } from 'vitest';
import { DEFAULT_HL7_DELIMITERS, encodingCharacters, readDelimiters } from './hl7-delimiters.js';

describe('readDelimiters (HL7 v2.5 §2.5.4, MSH-1 and MSH-2)', () => {
  it('reads the recommended delimiters', () => {
    expect(readDelimiters('MSH|^~\\&|APP')).toEqual({ ok: true, delimiters: DEFAULT_HL7_DELIMITERS });
  });

  it('reads a non-standard field separator', () => {
    const result = readDelimiters('MSH_^~\\&_Main');
    expect(result.ok && result.delimiters.field).toBe('_');
  });

  it('reads the v2.7 truncation character', () => {
    const result = readDelimiters('MSH|^~\\&#|APP');
    expect(result.ok && result.delimiters.truncation).toBe('#');
  });

  it('tolerates a header that ends right after MSH-2 and senders that omit trailing encoding characters', () => {
    const short = readDelimiters('MSH|^~\\');
    expect(short.ok && short.delimiters).toMatchObject({ escape: '\\', subcomponent: '', truncation: '' });
    const minimal = readDelimiters('BHS|^');
    expect(minimal.ok && minimal.delimiters).toMatchObject({ component: '^', repetition: '', escape: '' });
  });

  it.each([
    ['MSH', 'too short'],
    ['MSH||', 'empty MSH-2'],
    ['MSH|^~\\&#!|', 'more than five encoding characters'],
    ['MSH|^^\\&|', 'duplicate'],
    ['MSHA^~\\&', 'letter as field separator'],
    ['MSH|^1\\&|', 'digit'],
    ['MSH| ~\\&|', 'space'],
    ['MSH|^~"&|', 'double quote (explicit null)'],
    ['MSH|^~\\\té|', 'non-ASCII or control'],
  ])('rejects %j (%s)', (header) => {
    expect(readDelimiters(header).ok).toBe(false);
  });

  it('writes MSH-2 back in the fixed order', () => {
    expect(encodingCharacters(DEFAULT_HL7_DELIMITERS)).toBe('^~\\&');
    expect(encodingCharacters({ ...DEFAULT_HL7_DELIMITERS, truncation: '#' })).toBe('^~\\&#');
  });
});
