/** Conformance over every HPRIM capture in ../shared/fixtures (SOURCES.md, INDEX.md §5). */
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../test-support/shared-fixtures.js';
import { findHprimSegments, getHprimPath } from './hprim-access.js';
import { decodeHprim } from './hprim-decode.js';
import { tryParseHprimMedecins } from './hprim-medecins.js';
import { tryParseHprim } from './hprim-parser.js';
import { readHprimPatient, readHprimRequest, readHprimResult } from './hprim-readers.js';

/** Payload = bytes after the leading `# ` header lines (fixtures/INDEX.md conventions). */
function payload(file: string): Uint8Array {
  let bytes: Uint8Array = sharedFixtures.bytes(file);
  while (bytes[0] === 0x23 && bytes[1] === 0x20) {
    bytes = bytes.subarray(bytes.indexOf(0x0a) + 1);
  }
  return bytes;
}

describe.skipIf(!sharedFixtures.available)('HPRIM Santé 2.1 ORU (libHprim, hprim-sante-2.1-oru-libhprim.hpr)', () => {
  const parse = () => tryParseHprim(decodeHprim(payload('hprim-sante-2.1-oru-libhprim.hpr')).text);

  it('reads delimiters |~^\\& from H, merges the A continuation, and finds 8 segments', () => {
    const { ok, message, issues } = parse();
    expect(ok).toBe(true);
    // the OBR line of this test string is 229 characters: over the 220 limit, tolerated with a warning
    expect(issues.map((i) => [i.code, i.line])).toEqual([['SIL_HPRIM_LINE_TOO_LONG', 3]]);
    expect(message.delimiters).toEqual({ field: '|', component: '~', repeat: '^', escape: '\\', subcomponent: '&' });
    expect(message.segments.map((s) => s.name)).toEqual(['H', 'P', 'OBR', 'OBX', 'C', 'OBX', 'OBX', 'L']);
    expect(findHprimSegments(message, 'OBR')[0]?.lineCount).toBe(2);
  });

  it('header: sender, message type, receiver, processing, version, date', () => {
    const { message } = parse();
    expect(getHprimPath(message, 'H.3')).toBe('Test1.HPR');
    expect(getHprimPath(message, 'H.5')).toBe('PO~LABM');
    expect(getHprimPath(message, 'H.7')).toBe('ORU');
    expect(getHprimPath(message, 'H.10.2')).toBe('TESTE');
    expect(getHprimPath(message, 'H.12')).toBe('P');
    expect(getHprimPath(message, 'H.13')).toBe('H2.1~C');
    expect(getHprimPath(message, 'H.14')).toBe('201204292059');
  });

  it('patient: ids, name components, birth date, sex, address', () => {
    const { message } = parse();
    const patient = readHprimPatient(findHprimSegments(message, 'P')[0] ?? { fields: [] });
    expect(patient).toEqual({
      sequence: '1',
      requesterPatientId: '398',
      executorPatientId: 'B1042100871',
      name: ['GAULLE', 'MARECHAL'],
      birthName: 'PIT',
      birthDate: '19370325',
      sex: 'F',
    });
    expect(getHprimPath(message, 'P.11')).toBe('28 RUE DE LA PAIX~~PARIS~~75000');
  });

  it('request: 9 tests repeated with ^, collection and prescription dates, prescriber across the A line, status F, validator', () => {
    const { message } = parse();
    const request = readHprimRequest(findHprimSegments(message, 'OBR')[0] ?? { fields: [] });
    expect(request.requesterSpecimenId).toBe('idechantillo');
    expect(request.executorRequestId).toBe('20428E9575');
    expect(request.tests.map((t) => t[0])).toEqual([
      'TGO1',
      'TGP1',
      'LDH1',
      'CK1',
      'NFG',
      'NFF',
      'NF100',
      'PLA',
      'TROPV',
    ]);
    expect(request.tests[0]).toEqual(['TGO1', 'TGO ADVI', 'L']);
    expect(request).toMatchObject({
      priority: 'S',
      collectedAt: '201204281412',
      actionCode: 'N',
      status: 'F',
      validator: ['VBIO'],
    });
    expect(getHprimPath(message, 'OBR.8[2]')).toBe('20120428');
    expect(request.prescriber).toEqual(['PILO', 'DR PITO OLIV', 'L', 'TESTHP', 'Clinique HP', 'L']);
    expect(getHprimPath(message, 'OBR.18')).toBe('0468638395');
  });

  it('results: TGO 16 UI/l, hematocrit 38.2 %, a FIC text reference; a comment from the lab', () => {
    const { message } = parse();
    const results = findHprimSegments(message, 'OBX').map(readHprimResult);
    expect(
      results.map((r) => [r.valueType, r.test[0], r.value, r.units, r.normalRange, r.abnormalFlags.join(), r.status])
    ).toEqual([
      ['NM', 'OT1', '16', 'UI/l', '10 - 40', 'N', 'F'],
      ['NM', 'HT', '38.2', '%', '35 - 48', 'N', 'F'],
      ['FIC', 'TEXTE', 'GALAXIE', '', '', '', 'F'],
    ]);
    expect(results[1]?.test[1]).toBe('  Hematocrite');
    expect(results[0]?.observedAt).toBe('201204281438');
    expect(getHprimPath(message, 'OBX.16')).toBe('BIOCH~80~TGO1~388~0~P');
    expect(getHprimPath(message, 'OBX[3].6')).toBe('GALAXIE~AL213202.j1~TXT');
    expect(getHprimPath(message, 'C.4')).toBe('Anemie macrocytaire');
  });
});

describe.skipIf(!sharedFixtures.available)('HPRIM Médecins captures', () => {
  it('FreeMedForms IgE report (CRLF): 12-line header, free text, 2 RES and the TEX lines', () => {
    const { text } = decodeHprim(payload('france/hprim/01_hprim_medecin_allergie_ige_crlf.hpr'));
    const report = tryParseHprimMedecins(text);
    expect(report.issues).toEqual([]);
    expect(report.header).toEqual({
      patientCode: '0000129610',
      lastName: 'FAKENAME',
      firstName: 'FAKEFIRSTNAME',
      address1: '1A RUE DU FOUR',
      address2: 'BAILLEUL SIRE BERTHOULT',
      postalCodeAndCity: '62580 BAILLEUL SIRE BERTHOULT',
      postalCode: '62580',
      city: 'BAILLEUL SIRE BERTHOULT',
      birthDate: '18/12/2009',
      socialSecurityNumber: '1234567890123 75',
      fileNumber: '506232',
      fileDate: '22/05/2013',
      sender: 'C LabFake',
      recipient: 'FAKFAK FAKE.NAME',
    });
    expect(report.freeText).toContain('I.G.E Totales                   164  UI/ml');
    expect(report.results).toEqual([
      expect.objectContaining({
        label: 'I.G.E Totales',
        code: 'IGET 000',
        type: 'N',
        value: '164',
        unit: 'UI/ml',
        low: '0',
        high: '3000',
        flag: 'N',
        status: 'F',
      }),
      expect.objectContaining({ label: '', code: 'IGET 005', type: 'A', value: '' }),
    ]);
    expect(report.lab.filter((l) => l.kind === 'TEX')).toHaveLength(10);
  });

  it('hprimtool RES/TEX block (UTF-8): 3 results incl. 85* µmol/L flagged H, 2 TEX lines', () => {
    const decoded = decodeHprim(payload('hprim-medecins-res-tex-lines.txt'));
    expect(decoded.charset).toBe('utf-8');
    const report = tryParseHprimMedecins(decoded.text);
    expect(report.issues).toEqual([]);
    expect(report.results.map((r) => [r.code, r.value, r.unit, r.low, r.high, r.flag])).toEqual([
      ['GLU', '5.2', 'mmol/L', '3.5', '6.5', 'N'],
      ['HGB', '14.5', 'g/dL', '12.0', '16.0', 'N'],
      ['CREA', '85*', 'µmol/L', '60', '120', 'H'],
    ]);
    expect(report.lab.filter((l) => l.kind === 'TEX').map((l) => (l.kind === 'TEX' ? l.text : ''))).toEqual([
      'Commentaire test pour le glucose',
      'Valeurs normales détectées',
    ]);
  });
});
