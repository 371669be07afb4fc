import { describe, expect, it } from 'vitest';
import { decodeNabmFile, formatCoefficient, looksLikeNabmFile, nabmImportBody } from './billing-nabm-files.js';

describe('NABM files in the browser', () => {
  it('reads a latin1 CNAM file (É = 0xC9) and a UTF-8 one the same way', () => {
    const latin1 = Uint8Array.from([0x31, 0x3b, 0xc9, 0x50, 0x52, 0x45, 0x55, 0x56, 0x45]);
    const utf8 = new TextEncoder().encode('1;ÉPREUVE');
    expect(decodeNabmFile(latin1)).toBe('1;ÉPREUVE');
    expect(decodeNabmFile(utf8)).toBe('1;ÉPREUVE');
  });

  it('builds the import body with the file names as source', () => {
    const body = nabmImportBody({ name: 'IR_BIO_R.csv', text: 'a' }, { name: 'IR_BTF_R.csv', text: 'b' }, true);
    expect(body).toEqual({ actsCsv: 'a', historyCsv: 'b', dryRun: true, source: 'IR_BIO_R.csv + IR_BTF_R.csv' });
  });

  it('shows coefficients as the NABM writes them', () => {
    expect(formatCoefficient(2600, 'fr')).toBe('B 26');
    expect(formatCoefficient(1250, 'fr')).toBe('B 12,5');
    expect(formatCoefficient(1250, 'en')).toBe('B 12.5');
    expect(formatCoefficient(null, 'fr')).toBe('—');
  });

  it('recognises the two CNAM tables by name', () => {
    expect(looksLikeNabmFile('ir_bio_r_nabm_actes_biologie.csv', 'IR_BIO_R')).toBe(true);
    expect(looksLikeNabmFile('IR_BTF_R_coefficient_history.csv', 'IR_BIO_R')).toBe(false);
  });
});
