import { describe, expect, it } from 'vitest';
import { tryParseHprimMedecins } from './hprim-medecins.js';

const header = [
  'P0001',
  'DUPONT',
  'MARIE',
  '3 RUE DES LILAS',
  '',
  '75011 PARIS',
  '01/02/1980',
  '2800175111222 33',
  '  D42',
  '03/04/2024',
  'LAB01 Labo Test',
  'MED01 Dr Martin',
];

describe('tryParseHprimMedecins', () => {
  it('reads the 12-line header, the free text and the RES/TEX block', () => {
    const text = [
      ...header,
      'Glycémie : 5,2 mmol/L',
      '****LAB****',
      'TEX|Biochimie',
      'RES|GLUCOSE|GLU|N|5.2|mmol/L|3.5|6.5|N|F',
      '****FIN****',
      '****FINFICHIER****',
    ].join('\r\n');
    const report = tryParseHprimMedecins(text);
    expect(report.issues).toEqual([]);
    expect(report.header).toMatchObject({
      lastName: 'DUPONT',
      postalCode: '75011',
      city: 'PARIS',
      fileNumber: 'D42',
      sender: 'LAB01 Labo Test',
    });
    expect(report.freeText).toBe('Glycémie : 5,2 mmol/L');
    expect(report.lab.map((l) => l.kind)).toEqual(['TEX', 'RES']);
    expect(report.results[0]).toMatchObject({
      label: 'GLUCOSE',
      code: 'GLU',
      type: 'N',
      value: '5.2',
      unit: 'mmol/L',
      low: '3.5',
      high: '6.5',
      flag: 'N',
      status: 'F',
      value2: '',
    });
  });

  it('reads a bare RES/TEX block without header', () => {
    const report = tryParseHprimMedecins('RES|CRP|CRP|N|12|mg/L|0|5|H|\nTEX|à contrôler\n');
    expect(report.header).toBeUndefined();
    expect(report.results.map((r) => [r.code, r.value, r.flag])).toEqual([['CRP', '12', 'H']]);
    expect(report.issues).toEqual([]);
  });

  it('warns on a short header, stray lines in the block and a missing end marker', () => {
    const report = tryParseHprimMedecins('P1\nDUPONT\n****LAB****\nRES|X|X|N|1\nGARBAGE\n');
    expect(report.issues.map((i) => i.code)).toEqual([
      'SIL_HPRIM_MEDECINS_HEADER_INCOMPLETE',
      'SIL_HPRIM_MEDECINS_MALFORMED_LINE',
      'SIL_HPRIM_MEDECINS_NO_END_MARKER',
    ]);
    expect(report.results).toHaveLength(1);
  });
});
