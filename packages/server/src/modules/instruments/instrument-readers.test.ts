/**
 * Reading analyzer messages into reports, on real captures (fixtures/INDEX.md) and on the rules of
 * the standards: specimen id locations, QC recognition, reagent lots, run times and their zones,
 * value conversion. Pure: no database.
 */
import { readAstmCapture, SillageError, tryParseAstmMessages, tryParseHl7, decodeHl7 } from '@sillage/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../../test-support/shared-fixtures.js';
import type { AnalyteRule } from '../results/analyte-rule.js';
import { readAstmReport } from './astm-report-reader.js';
import { readHl7Report } from './hl7-report-reader.js';
import { compileQcPattern, isRecordable } from './instrument-report.js';
import { formatAstmTimestamp, parseInstrumentTime, timeOffsetOf } from './instrument-time.js';
import { instrumentResultValue, readInstrumentNumber } from './instrument-value.js';
import { astmSpecimenIdPath, hl7SpecimenIdPath, parseSpecimenIdLocation } from './specimen-id-location.js';

function hl7Fixture(relative: string) {
  const parsed = tryParseHl7(decodeHl7(Buffer.from(sharedFixtures.textWithoutHeader(relative), 'utf8')));
  if (!parsed.ok) {
    throw new Error(parsed.error.message);
  }
  return parsed.message;
}

function astmFixture(relative: string) {
  const capture = readAstmCapture(Buffer.from(sharedFixtures.textWithoutHeader(relative, 'latin1'), 'latin1'));
  return tryParseAstmMessages(capture.text).messages;
}

describe.skipIf(!sharedFixtures.available)('HL7 results on real captures', () => {
  it('IHE LAW OUL^R22 QC upload (Roche cobas pure): SPM-11 Q, INV-16 reagent lot, OBX-19 in the MSH-7 zone, S_OTHER skipped', () => {
    const report = readHl7Report(hl7Fixture('hl7v251-ihe-law-lab29-oul-r22-roche-cobas-pure-qc.hl7'), {
      specimenIdLocation: hl7SpecimenIdPath('SPM-2.1'),
      qcPattern: null,
      qcSpecimenRole: true,
    });
    expect(report.specimens).toHaveLength(1);
    const [control] = report.specimens;
    expect(control).toMatchObject({ specimenId: '20391', qc: true });
    const [first, second] = control?.observations ?? [];
    expect(first).toMatchObject({
      code: '20340',
      value: '9.02',
      units: 'mg/dL',
      flags: ['N'],
      status: 'F',
      equipment: 'c303',
      reagentLot: '861168',
      // 20250701192446 with MSH-7 at +0900.
      runAt: '2025-07-01T10:24:46.000Z',
    });
    expect(second === undefined ? true : isRecordable(second)).toBe(false); // OBX-2 CE with an empty value
    expect(control?.observations.map((o) => o.code)).not.toContain('PT');
    expect(report.notes.some((note) => note.includes('S_OTHER'))).toBe(true);
  });

  it('LF-separated OUL^R22 (cobas pro c503): SPM-2 subcomponent 1 is the tube id; patient role P is not QC', () => {
    const report = readHl7Report(hl7Fixture('hl7v2/16_oul_r22_roche_cobas_pro_c503_lab29_lf.hl7'), {
      specimenIdLocation: hl7SpecimenIdPath('SPM-2.1'),
      qcPattern: null,
      qcSpecimenRole: true,
    });
    expect(report.specimens.map((s) => [s.specimenId, s.qc])).toEqual([['022', false]]);
    const recordable = report.specimens[0]?.observations.filter(isRecordable) ?? [];
    expect(recordable.map((o) => [o.code, o.value, o.reagentLot])).toEqual([['20490', '32.2', '256616']]);
  });

  it('NIST ORU^R01: OBR-3 as the specimen id location; the analysis time OBX-19 carries its own offset', () => {
    const report = readHl7Report(hl7Fixture('hl7v2/06_oru_r01_nist_lead_nm_refrange_flag.hl7'), {
      specimenIdLocation: hl7SpecimenIdPath('OBR-3'),
      qcPattern: null,
      qcSpecimenRole: true,
    });
    expect(report.specimens[0]?.specimenId).toBe('9700123');
    expect(report.specimens[0]?.observations[0]).toMatchObject({
      code: '10368-9',
      value: '50',
      flags: ['H'],
      runAt: '2008-08-19T01:00:00.000Z', // OBX-19 200808181800-0700
    });
  });
});

describe.skipIf(!sharedFixtures.available)('HL7 specimen id with component precision on real captures', () => {
  const idsAt = (relative: string, location: string) =>
    readHl7Report(hl7Fixture(relative), {
      specimenIdLocation: hl7SpecimenIdPath(location),
      qcPattern: null,
      qcSpecimenRole: true,
    }).specimens.map((s) => s.specimenId);

  it('OBR-3.1 is the filler number, OBR-3.2 its namespace (NIST ORU^R01 `9700123^Lab^…`)', () => {
    expect(idsAt('hl7v2/06_oru_r01_nist_lead_nm_refrange_flag.hl7', 'OBR-3.1')).toEqual(['9700123']);
    expect(idsAt('hl7v2/06_oru_r01_nist_lead_nm_refrange_flag.hl7', 'OBR-3.2')).toEqual(['Lab']);
  });

  it('SPM-2.1.1 is the tube id, SPM-2.1.2 its namespace (cobas pro c503 `022&BARCODE`)', () => {
    expect(idsAt('hl7v2/16_oul_r22_roche_cobas_pro_c503_lab29_lf.hl7', 'SPM-2.1.1')).toEqual(['022']);
    expect(idsAt('hl7v2/16_oul_r22_roche_cobas_pro_c503_lab29_lf.hl7', 'SPM-2.1.2')).toEqual(['BARCODE']);
  });
});

describe.skipIf(!sharedFixtures.available)('ASTM results on real captures', () => {
  it('Abbott ARCHITECT: reagent lot in R.3 component 8, O.3 or O.4 as the specimen id, censored value kept', () => {
    const messages = astmFixture('astm/11_abbott_architect_manual_example.txt');
    const byO3 = readAstmReport(messages, {
      specimenIdLocation: astmSpecimenIdPath('O.3'),
      qcPattern: null,
      reagentLotComponent: 8,
    });
    expect(byO3.specimens.map((s) => s.specimenId)).toEqual(['SID13']);
    expect(byO3.specimens[0]?.observations.map((o) => [o.code, o.value, o.reagentLot, o.flags.join('^')])).toEqual([
      ['0021', '< 1.20', '47331M100', 'EXP^<'],
      ['0021', 'NEGATIVE', '47331M100', ''],
      ['0021', '9245', '47331M100', ''],
    ]);
    const byO4 = readAstmReport(messages, {
      specimenIdLocation: astmSpecimenIdPath('O.4'),
      qcPattern: null,
      reagentLotComponent: null,
    });
    expect(byO4.specimens[0]?.specimenId).toBe('SID3');
    expect(byO4.specimens[0]?.observations[0]?.reagentLot).toBeNull();
    expect(byO4.notes).toContain('enregistrement C non exploité');
  });

  it('Roche cobas c311: seven results on one tube, completion time R.13 absent → header time', () => {
    const report = readAstmReport(astmFixture('astm/02_roche_cobas_c311_single_frame_many_records.txt'), {
      specimenIdLocation: astmSpecimenIdPath('O.3'),
      qcPattern: null,
      reagentLotComponent: null,
    });
    expect(report.specimens).toHaveLength(1);
    expect(report.specimens[0]?.observations.map((o) => [o.code, o.value, o.flags[0]])).toEqual([
      ['685/', '22.4', 'A'],
      ['687/', '15.0', 'N'],
      ['712/', '4.1', 'L'],
      ['158/', '301', 'N'],
      ['735/', '1.6', 'N'],
      ['717/', '5.85', 'N'],
      ['690/', '34', 'A'],
    ]);
  });

  it('component precision: cobas c311 sample id at O.3.2 (O.3.1 is the sequence), Sysmex XP-100 at O.4.3', () => {
    const c311 = astmFixture('astm/02_roche_cobas_c311_single_frame_many_records.txt');
    const read = (messages: typeof c311, location: string) =>
      readAstmReport(messages, {
        specimenIdLocation: astmSpecimenIdPath(location),
        qcPattern: null,
        reagentLotComponent: null,
      }).specimens.map((s) => s.specimenId);
    // O.3 = `11625^CL-PL-24-0370         ^1^^004` (fixtures/INDEX.md): the id is space-padded.
    expect(read(c311, 'O.3')).toEqual(['11625']);
    expect(read(c311, 'O.3.1')).toEqual(['11625']);
    expect(read(c311, 'O.3.2')).toEqual(['CL-PL-24-0370']);
    const sysmex = astmFixture('astm/04_sysmex_xp100_cbc_single_frame.txt');
    // O.4 = `^^            113^A`: empty first components, the id third.
    expect(read(sysmex, 'O.4')).toEqual(['']);
    expect(read(sysmex, 'O.4.3')).toEqual(['113']);
    expect(read(sysmex, 'O.4.4')).toEqual(['A']);
  });

  it('Horiba Yumizen H500: H.12 processing id Q makes the whole message QC', () => {
    const report = readAstmReport(astmFixture('astm/06_horiba_yumizen_h500_qc_histograms.txt'), {
      specimenIdLocation: astmSpecimenIdPath('O.3'),
      qcPattern: null,
      reagentLotComponent: null,
    });
    expect(report.specimens.length).toBeGreaterThan(0);
    expect(report.specimens.every((s) => s.qc)).toBe(true);
  });
});

describe('QC recognition and readers on built messages', () => {
  it('a QC id pattern with a named lot group; O.12 action code Q', () => {
    const text =
      'H|\\^&|||X|||||||P\rO|1|QC-N1-778||^^^NA|R\rR|1|^^^NA|140|mmol/L||N||F\r' +
      'O|2|123456789012||^^^NA|R||||||Q\rR|1|^^^NA|141|mmol/L||N||F\rO|3|123456789013||^^^NA|R\rR|1|^^^NA|142\rL|1|N\r';
    const report = readAstmReport(tryParseAstmMessages(text).messages, {
      specimenIdLocation: astmSpecimenIdPath('O.3'),
      qcPattern: compileQcPattern('^QC-(?<lot>N\\d+)'),
      reagentLotComponent: null,
    });
    expect(report.specimens.map((s) => [s.specimenId, s.qc, s.qcLot])).toEqual([
      ['QC-N1-778', true, 'N1'],
      ['123456789012', true, null],
      ['123456789013', false, null],
    ]);
  });

  it('ORU^R01 with the SPM after its observations, and a second group with its own SPM', () => {
    const text = [
      'MSH|^~\\&|A|B|C|D|20260105093000||ORU^R01|1|P|2.5.1',
      'OBR|1||X1',
      'OBX|1|SN|NA||<^135|mmol/L|||||F',
      'SPM|1|111111111101&LAB',
      'OBR|2||X2',
      'OBX|1|NM|K||4.0|mmol/L|||||X',
      'OBX|2|CWE|ABO||A^Groupe A^LOCAL||||||F',
      'SPM|1|111111111102&LAB',
      '',
    ].join('\r');
    const parsed = tryParseHl7(text);
    if (!parsed.ok) {
      throw new Error('unparsed');
    }
    const report = readHl7Report(parsed.message, {
      specimenIdLocation: hl7SpecimenIdPath('SPM-2.1'),
      qcPattern: null,
      qcSpecimenRole: true,
    });
    expect(report.specimens.map((s) => s.specimenId)).toEqual(['111111111101', '111111111102']);
    expect(report.specimens[0]?.observations[0]?.value).toBe('<135');
    // MSH-7 without offset: Europe/Paris (winter, +01:00).
    expect(report.specimens[0]?.observations[0]?.runAt).toBe('2026-01-05T08:30:00.000Z');
    expect(report.specimens[1]?.observations.map((o) => [o.code, o.value, isRecordable(o)])).toEqual([
      ['K', '4.0', false], // OBX-11 X: cannot be done
      ['ABO', 'A', true],
    ]);
  });

  it('readers never throw, whatever the parsed input (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 8 }), (lines) => {
        const astm = tryParseAstmMessages(lines.join('\r'));
        readAstmReport(astm.messages, {
          specimenIdLocation: astmSpecimenIdPath('O.4'),
          qcPattern: /Q/u,
          reagentLotComponent: 5,
        });
        const hl7 = tryParseHl7(['MSH|^~\\&|A', ...lines].join('\r'));
        if (hl7.ok) {
          readHl7Report(hl7.message, {
            specimenIdLocation: hl7SpecimenIdPath('ORC-3'),
            qcPattern: /Q/u,
            qcSpecimenRole: true,
          });
        }
      })
    );
  });
});

describe('specimen id location', () => {
  it('parses ASTM and HL7 paths down to the component, defaults omitted levels to 1', () => {
    expect(parseSpecimenIdLocation('O.3')).toEqual({ protocol: 'astm', field: 3, component: 1 });
    expect(parseSpecimenIdLocation('O.4.3')).toEqual({ protocol: 'astm', field: 4, component: 3 });
    expect(parseSpecimenIdLocation('SPM-2.1')).toEqual({
      protocol: 'hl7',
      segment: 'SPM',
      field: 2,
      component: 1,
      subcomponent: 1,
    });
    expect(parseSpecimenIdLocation('OBR-3.1')).toMatchObject({ segment: 'OBR', field: 3, component: 1 });
    expect(parseSpecimenIdLocation('SPM-2.2.1')).toMatchObject({ component: 2, subcomponent: 1 });
  });

  it('refuses paths that name no specimen id or are malformed', () => {
    for (const bad of [
      '',
      'O.5',
      'O.3.0',
      'O.3.21',
      'O3',
      'R.3',
      'SPM-4',
      'OBX-3.1',
      'SPM-2.1.1.1',
      'spm-2.1',
      'O.3.x',
    ]) {
      expect(parseSpecimenIdLocation(bad), bad).toBeNull();
    }
  });

  it('a profile location of the other protocol is a stable processing error', () => {
    expect(() => astmSpecimenIdPath('SPM-2.1')).toThrow(
      expect.objectContaining({ code: 'SIL_CONNECT_NO_SPECIMEN_ID' }) as Error
    );
    expect(() => hl7SpecimenIdPath('O.3.2')).toThrow(
      expect.objectContaining({ code: 'SIL_CONNECT_NO_SPECIMEN_ID' }) as Error
    );
  });
});

describe('instrument times', () => {
  it.each([
    ['20260105092500', undefined, '2026-01-05T08:25:00.000Z'], // winter: UTC+1
    ['20260705092500', undefined, '2026-07-05T07:25:00.000Z'], // summer: UTC+2
    ['202607050925', undefined, '2026-07-05T07:25:00.000Z'],
    ['20260705', undefined, '2026-07-04T22:00:00.000Z'],
    ['20250701192446+0900', undefined, '2025-07-01T10:24:46.000Z'],
    ['200808181800-0700', undefined, '2008-08-19T01:00:00.000Z'],
    ['20250701192446', 540, '2025-07-01T10:24:46.000Z'],
    ['20260105092500.25', undefined, '2026-01-05T08:25:00.250Z'],
    // 29 March 2026, 02:30 does not exist in Paris (clocks jump 02:00 → 03:00): read as 03:30 CEST.
    ['20260329023000', undefined, '2026-03-29T01:30:00.000Z'],
  ])('%s (default offset %s) → %s', (text, offset, expected) => {
    expect(parseInstrumentTime(text, offset)).toBe(expected);
  });

  it.each(['', '2026', '20261305120000', '20260230120000', '20260105256000', 'yesterday'])(
    '%s is not a time',
    (text) => {
      expect(parseInstrumentTime(text)).toBeNull();
    }
  );

  it('offsets and ASTM timestamps', () => {
    expect(timeOffsetOf('20250701192446+0900')).toBe(540);
    expect(timeOffsetOf('200808181800-0700')).toBe(-420);
    expect(timeOffsetOf('20250701192446')).toBeUndefined();
    expect(formatAstmTimestamp(new Date('2026-07-05T07:25:00Z'))).toBe('20260705092500');
  });
});

describe('instrument values', () => {
  const numeric: AnalyteRule = {
    id: 'a',
    code: 'GLUCOSE',
    label: 'Glucose',
    resultType: 'numeric',
    decimals: 2,
    unit: 'mmol/L',
    conventionalUnit: null,
    conventionalFactor: null,
    codedValues: null,
    criticalLow: null,
    criticalHigh: null,
    deltaRule: null,
    formula: null,
    intervals: [],
  };
  const coded: AnalyteRule = {
    ...numeric,
    code: 'RAI',
    resultType: 'coded',
    decimals: 0,
    codedValues: [
      { code: 'NEG', label: 'Négative', abnormal: false, critical: false },
      { code: 'POS', label: 'Positive', abnormal: true, critical: false },
    ],
  };

  it.each([
    ['5.49', 1, { value: 5.49, comparator: null }],
    ['5,5', 1, { value: 5.5, comparator: null }],
    ['99', 0.0555, { value: 5.49, comparator: null }],
    ['1.2E+01', 1, { value: 12, comparator: null }],
    ['< 1.20', 1, { value: 1.2, comparator: '<' }],
    ['>=30', 0.0555, { value: 1.67, comparator: '>=' }],
  ])('%s × %s', (raw, factor, expected) => {
    expect(instrumentResultValue(raw, factor, numeric, 'GLU')).toMatchObject({ type: 'numeric', ...expected });
  });

  it('coded by code or label; unreadable values name the code and the value', () => {
    expect(instrumentResultValue('positive', 1, coded, 'RAI')).toEqual({ type: 'coded', code: 'POS' });
    for (const [analyte, raw] of [
      [numeric, 'HEMOLYSED'],
      [coded, 'MAYBE'],
    ] as const) {
      try {
        instrumentResultValue(raw, 1, analyte, 'XX');
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(SillageError);
        expect((error as SillageError).code).toBe('SIL_CONNECT_VALUE_INVALID');
        expect((error as SillageError).detail).toContain(raw);
      }
    }
    expect(readInstrumentNumber('  12.50 ')).toEqual({ comparator: '', value: 12.5, text: '12.50' });
    expect(readInstrumentNumber('1.2.3')).toBeNull();
  });
});
