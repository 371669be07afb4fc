import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../test-support/shared-fixtures.js';
import { parseCoefficientHistory, parseNabmActs } from './nabm-import.js';
import type { NabmAct } from './nabm-types.js';

const ACT_HEADER =
  'BIO_PRS_IDE;BIO_INF_LIB;BIO_CRE_DAT;BIO_SUP_DAT;BIO_ARB_CHA;BIO_ARB_SC1;BIO_ARB_SC2;BIO_ARB_SC3;BIO_ARB_SC4;BIO_ARB_BAS;BIO_PHY_GRP;BIO_GRP_LIB;BIO_HIS_DTD;BIO_HIS_DTF;BIO_ENP_TOP;BIO_TUX_TOP;BIO_MAX_EXE;BIO_SPE_REG;BIO_MAX_REG;BIO_MED_REF;BIO_RES_TOP;BIO_BIO_INV;BIO_SNG_TOP;BIO_TAR_NAT;BIO_TAR_COF';
const HISTORY_HEADER = 'BTF_PRS_IDE__BTF_HIS_DTD;BTF_PRS_IDE;BTF_HIS_DTD;BTF_TAR_NAT;BTF_HIS_DTF;BTF_TAR_COF';

/** One IR_BIO_R line from the columns that matter here (the others empty or as given). */
function actLine(columns: {
  code: string;
  label: string;
  created?: string;
  suppressed?: string;
  letter?: string;
  coefficient?: string;
  from?: string;
  sng?: string;
}): string {
  return [
    columns.code,
    columns.label,
    columns.created ?? '01JAN1996:00:00:00',
    columns.suppressed ?? '',
    '13',
    '1',
    '0',
    '0',
    '0',
    '7.000000',
    '6',
    'EXPLORATION GLUCIDIQUE',
    columns.from ?? '08FEB2009:00:00:00',
    '',
    '',
    '',
    '0',
    '',
    '0',
    '',
    '',
    '',
    columns.sng ?? '',
    columns.letter ?? 'B',
    columns.coefficient ?? '5.00',
  ].join(';');
}

describe('parseNabmActs (IR_BIO_R)', () => {
  it('reads an act: code zero-padded to 4 characters, dates as ISO days, coefficient in hundredths, other columns kept verbatim', () => {
    const outcome = parseNabmActs(`${ACT_HEADER}\n${actLine({ code: '552', label: 'GLUCOSE', sng: '1' })}\n`);
    expect(outcome).toEqual({
      ok: true,
      rows: [
        {
          code: '0552',
          label: 'GLUCOSE',
          createdOn: '1996-01-01',
          suppressedOn: null,
          chapter: '13',
          groupCode: '6',
          groupLabel: 'EXPLORATION GLUCIDIQUE',
          keyLetter: 'B',
          coefficientHundredths: 500,
          coefficientValidFrom: '2009-02-08',
          coefficientValidTo: null,
          properties: {
            BIO_ARB_SC1: '1',
            BIO_ARB_SC2: '0',
            BIO_ARB_SC3: '0',
            BIO_ARB_SC4: '0',
            BIO_ARB_BAS: '7.000000',
            BIO_MAX_EXE: '0',
            BIO_MAX_REG: '0',
            BIO_SNG_TOP: '1',
          },
        },
      ],
    });
  });

  it('keeps pseudo-acts without tariff (0000 « non codifié » has no letter and no coefficient)', () => {
    const outcome = parseNabmActs(`${ACT_HEADER}\n0;ACTE DE BIOLOGIE NON CODIFIE;;;;;;;;;;;;;;;;;;;;;;;\n`);
    expect(outcome.ok && outcome.rows[0]).toMatchObject({
      code: '0000',
      keyLetter: null,
      coefficientHundredths: null,
      createdOn: null,
    });
  });

  it('reports every bad line and returns no row at all (nothing half-imported)', () => {
    const text = [
      ACT_HEADER,
      actLine({ code: '552', label: 'GLUCOSE' }),
      actLine({ code: '12345', label: 'CODE TROP LONG' }),
      actLine({ code: '593', label: 'UREE', created: '31FEB2001:00:00:00' }),
      actLine({ code: '594', label: 'X', coefficient: 'B5' }),
      actLine({ code: '595', label: 'Y', letter: '' }),
      actLine({ code: '552', label: 'GLUCOSE BIS' }),
      '596;"LIBELLE NON FERME;x',
      '597;trop;court',
    ].join('\r\n');
    const outcome = parseNabmActs(text);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.errors.map((error) => [error.line, error.code])).toEqual([
      [3, 'SIL_NABM_CODE_INVALID'],
      [4, 'SIL_NABM_DATE_INVALID'],
      [5, 'SIL_NABM_COEFFICIENT_INVALID'],
      [6, 'SIL_NABM_COEFFICIENT_INVALID'],
      [7, 'SIL_NABM_DUPLICATE_CODE'],
      [8, 'SIL_NABM_CSV_LINE_MALFORMED'],
      [9, 'SIL_NABM_CSV_LINE_MALFORMED'],
    ]);
    expect('rows' in outcome).toBe(false);
  });

  it('ignores a UTF-8 byte-order mark before the header', () => {
    expect(parseNabmActs(`\uFEFF${ACT_HEADER}\n${actLine({ code: '552', label: 'GLUCOSE' })}\n`).ok).toBe(true);
  });

  it('refuses a file without the expected columns', () => {
    const outcome = parseNabmActs('CODE;LIBELLE\n552;GLUCOSE\n');
    expect(outcome.ok ? null : outcome.errors[0]).toMatchObject({ line: 1, code: 'SIL_NABM_CSV_HEADER_INVALID' });
    expect(parseNabmActs('').ok).toBe(false);
  });

  it('round-trips generated acts (property)', () => {
    const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
    const day = fc
      .record({
        year: fc.integer({ min: 1990, max: 2030 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ year, month, day: d }) => ({
        cnam: `${String(d).padStart(2, '0')}${months[month - 1]}${year}:00:00:00`,
        iso: `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      }));
    const label = fc
      .string({ unit: fc.constantFrom('A', 'Z', ' ', ';', '"', ':', '(', '1'), minLength: 1, maxLength: 60 })
      .filter((text) => text.trim() === text && text !== '');
    const act = fc.record({
      code: fc.integer({ min: 0, max: 9999 }),
      label,
      created: day,
      suppressed: fc.option(day, { nil: undefined }),
      coefficient: fc.integer({ min: 0, max: 500_000 }),
      from: day,
    });
    fc.assert(
      fc.property(fc.uniqueArray(act, { selector: (a) => a.code, minLength: 1, maxLength: 20 }), (acts) => {
        const quote = (text: string) =>
          text.includes(';') || text.includes('"') ? `"${text.replaceAll('"', '""')}"` : text;
        const text = [
          ACT_HEADER,
          ...acts.map((a) =>
            actLine({
              code: String(a.code),
              label: quote(a.label),
              created: a.created.cnam,
              suppressed: a.suppressed?.cnam ?? '',
              coefficient: `${Math.floor(a.coefficient / 100)}.${String(a.coefficient % 100).padStart(2, '0')}`,
              from: a.from.cnam,
            })
          ),
        ].join('\n');
        const outcome = parseNabmActs(text);
        expect(outcome.ok).toBe(true);
        const rows = outcome.ok ? outcome.rows : [];
        expect(
          rows.map((row) => [
            row.code,
            row.label,
            row.createdOn,
            row.suppressedOn,
            row.coefficientHundredths,
            row.coefficientValidFrom,
          ])
        ).toEqual(
          acts.map((a) => [
            String(a.code).padStart(4, '0'),
            a.label,
            a.created.iso,
            a.suppressed?.iso ?? null,
            a.coefficient,
            a.from.iso,
          ])
        );
      })
    );
  });
});

describe('parseCoefficientHistory (IR_BTF_R)', () => {
  it('reads dated coefficients; 31DEC9999 is an open end', () => {
    const outcome = parseCoefficientHistory(
      `${HISTORY_HEADER}\n559__11DEC2005:00:00:00;559;11DEC2005:00:00:00;B;18JAN2010:00:00:00;40\n559__19JAN2010:00:00:00;559;19JAN2010:00:00:00;B;31DEC9999:00:00:00;30\n`
    );
    expect(outcome).toEqual({
      ok: true,
      rows: [
        { code: '0559', keyLetter: 'B', coefficientHundredths: 4000, validFrom: '2005-12-11', validTo: '2010-01-18' },
        { code: '0559', keyLetter: 'B', coefficientHundredths: 3000, validFrom: '2010-01-19', validTo: null },
      ],
    });
  });

  it('tolerates overlapping periods that price the act the same (seen in the CNAM release), refuses different ones', () => {
    const same = `${HISTORY_HEADER}\nk;85;19SEP2019:00:00:00;B;31DEC9999:00:00:00;505\nk;85;20SEP2019:00:00:00;B;31DEC9999:00:00:00;505\n`;
    expect(parseCoefficientHistory(same).ok).toBe(true);
    const conflicting = `${HISTORY_HEADER}\nk;85;19SEP2019:00:00:00;B;31DEC9999:00:00:00;505\nk;85;20SEP2019:00:00:00;B;31DEC9999:00:00:00;400\n`;
    const outcome = parseCoefficientHistory(conflicting);
    expect(outcome.ok ? null : outcome.errors).toEqual([
      expect.objectContaining({ line: 3, code: 'SIL_NABM_HISTORY_CONFLICT' }),
    ]);
  });

  it('reports bad lines (end before start, bad date, bad coefficient, missing letter) and returns no row', () => {
    const text = [
      HISTORY_HEADER,
      'k;552;08FEB2009:00:00:00;B;31DEC9999:00:00:00;5',
      'k;553;08FEB2009:00:00:00;B;07FEB2009:00:00:00;5',
      'k;554;08XXX2009:00:00:00;B;31DEC9999:00:00:00;5',
      'k;555;08FEB2009:00:00:00;B;31DEC9999:00:00:00;cinq',
      'k;556;08FEB2009:00:00:00;;31DEC9999:00:00:00;5',
      'k;557;;B;31DEC9999:00:00:00;5',
    ].join('\n');
    const outcome = parseCoefficientHistory(text);
    expect(outcome.ok ? [] : outcome.errors.map((error) => [error.line, error.code])).toEqual([
      [3, 'SIL_NABM_HISTORY_CONFLICT'],
      [4, 'SIL_NABM_DATE_INVALID'],
      [5, 'SIL_NABM_COEFFICIENT_INVALID'],
      [6, 'SIL_NABM_COEFFICIENT_INVALID'],
      [7, 'SIL_NABM_DATE_INVALID'],
    ]);
  });
});

describe.skipIf(!sharedFixtures.available)('CNAM release files (shared fixtures france/nabm, snapshot ~2020)', () => {
  const acts = parseNabmActs(sharedFixtures.textWithoutHeader('france/nabm/IR_BIO_R_nabm_actes_biologie.csv'));
  const history = parseCoefficientHistory(
    sharedFixtures.textWithoutHeader('france/nabm/IR_BTF_R_coefficient_history.csv')
  );
  const act = (code: string): NabmAct | undefined => (acts.ok ? acts.rows.find((row) => row.code === code) : undefined);

  it('parses all 1076 acts of IR_BIO_R without error', () => {
    expect(acts.ok ? acts.rows.length : acts.errors.slice(0, 5)).toBe(1076);
  });

  it.each([
    ['0552', /^GLUCOSE$/, 500],
    ['0592', /^CREATININE /, 600],
    ['1104', /^HEMOGRAMME Y COMPRIS PLAQUETTES \(NFS , NFP\)$/, 2600],
    ['1208', /^T\.S\.H\. /, 2500],
    ['1577', /^HBA1C : DOSAGE$/, 2500],
    ['1610', /^IONOGRAMME COMPLET/, 2200],
    ['0996', /\(EAL\)/, 2000],
    ['7335', /^TROPONINE/, 6300],
    ['9005', /^FORFAIT DE PRISE EN CHARGE PRE-ANALYTIQUE/, 1600],
    ['9105', /^FORFAIT DE SECURITE .* ECHANTILLON SANGUIN/, 500],
    ['9001', /^SUPPLEMENT POUR ACTES EN URGENCE NUIT/, 2600],
    ['9004', /^SUPPLEMENT POUR ACTES EN URGENCE \(SAMEDI APRES 12H, DIMANCHE, FERIE\)/, 2600],
    ['0388', /SERODIAGNOSTIC DE {2}DEPISTAGE/, 5000],
    ['3784', /DEPISTAGE DES ANTICORPS ANTI-VHC/, 5500],
  ])('act %s: label %s, B coefficient %i hundredths in this release', (code, label, hundredths) => {
    const row = act(code);
    expect(row?.label).toMatch(label);
    expect(row?.keyLetter).toBe('B');
    expect(row?.coefficientHundredths).toBe(hundredths);
  });

  it('reads the quoted label of 1807 whole, with its ";"', () => {
    expect(act('1807')?.label).toBe('ALPHA 1 ANTITRYPSINE (ALPHA 1 PROTINEASE INHIBITOR; ALPHA 1 PI) : DOSAGE');
  });

  it('keeps deletions: 3785 (HCV control) deleted 2019-02-01', () => {
    expect(act('3785')).toMatchObject({ suppressedOn: '2019-02-01', createdOn: '1997-07-30' });
  });

  it('keeps the pseudo-acts 0000 and 9999 without tariff', () => {
    expect(act('0000')).toMatchObject({ label: 'ACTE DE BIOLOGIE NON CODIFIE', coefficientHundredths: null });
    expect(act('9999')).toMatchObject({ label: 'ACTE DE BIOLOGIE ERRONE', coefficientHundredths: null });
  });

  it('parses the 2025 history rows of IR_BTF_R without error', () => {
    expect(history.ok ? history.rows.length : history.errors.slice(0, 5)).toBe(2025);
  });

  it('gives 0559 its three dated coefficients: B 40 (2005-12-11 → 2010-01-18), B 30 (→ 2011-02-10), B 25 (from 2011-02-11)', () => {
    const periods = history.ok ? history.rows.filter((row) => row.code === '0559') : [];
    expect(periods.map((row) => [row.validFrom, row.validTo, row.coefficientHundredths])).toEqual([
      ['2005-12-11', '2010-01-18', 4000],
      ['2010-01-19', '2011-02-10', 3000],
      ['2011-02-11', null, 2500],
    ]);
  });

  it('has 0024, 0028 and 0030 in key letter P (anatomo-pathology), the rest in B', () => {
    const notB = history.ok
      ? [...new Set(history.rows.filter((row) => row.keyLetter !== 'B').map((row) => row.code))]
      : [];
    expect(notB.sort()).toEqual(['0024', '0028', '0030']);
  });
});
