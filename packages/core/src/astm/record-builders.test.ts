import { describe, expect, it } from 'vitest';
import { tryParseAstmMessage } from './message-parser.js';
import {
  buildAstmHeaderRecord,
  buildAstmOrderRecord,
  buildAstmPatientRecord,
  buildAstmQueryAnswer,
  buildAstmTerminatorRecord,
  makeAstmRecord,
} from './record-builders.js';
import { parseAstmRecord } from './record-parser.js';
import { readAstmOrder, readAstmQuery, readAstmResult } from './record-readers.js';
import { serializeAstmRecord } from './record-serializer.js';

describe('record builders', () => {
  it('makeAstmRecord places values by LIS2-A2 field number and stops at the last one', () => {
    expect(serializeAstmRecord(makeAstmRecord('C', { 2: '1', 3: 'I', 4: 'hémolysé | ictère', 5: 'G' }))).toBe(
      'C|1|I|hémolysé &F& ictère|G'
    );
    expect(() => makeAstmRecord('OBX', {})).toThrowError(expect.objectContaining({ code: 'SIL_ASTM_INVALID_BUILD' }));
    expect(() => makeAstmRecord('O', { 1: 'x' })).toThrowError(
      expect.objectContaining({ code: 'SIL_ASTM_INVALID_BUILD' })
    );
  });

  it('builds an order record: specimen O.3, tests O.5 as repetitions, priority O.6, action O.12, report type O.26', () => {
    const order = buildAstmOrderRecord({
      specimenId: 'SID42',
      tests: ['GLU', ['', '', '', 'NA', 'Sodium']],
      priority: 'S',
      actionCode: 'N',
      specimenDescriptor: 'Serum',
    });
    expect(serializeAstmRecord(order)).toBe('O|1|SID42||^^^GLU\\^^^NA^Sodium|S||||||N||||Serum||||||||||O');
    const view = readAstmOrder(parseAstmRecord(serializeAstmRecord(order)));
    expect(view).toMatchObject({ specimenIds: ['SID42'], priority: 'S', actionCode: 'N', reportType: 'O' });
    expect(view.tests).toEqual([
      ['', '', '', 'GLU'],
      ['', '', '', 'NA', 'Sodium'],
    ]);
  });

  it('builds header, patient and terminator records', () => {
    expect(
      serializeAstmRecord(buildAstmHeaderRecord({ senderId: ['SILLAGE', '0.1'], timestamp: '20260101120000' }))
    ).toBe('H|\\^&|||SILLAGE^0.1|||||||P|LIS2-A2|20260101120000');
    expect(
      serializeAstmRecord(
        buildAstmPatientRecord({
          laboratoryPatientId: 'P77',
          name: ['DUPONT', 'Marie'],
          birthDate: '19800101',
          sex: 'F',
        })
      )
    ).toBe('P|1||P77||DUPONT^Marie||19800101|F');
    expect(serializeAstmRecord(buildAstmTerminatorRecord())).toBe('L|1|N');
  });

  it('answers a host query with H, P, O…, L|1|F — and with report type Y / L|1|I when nothing is pending', () => {
    const answer = buildAstmQueryAnswer({
      header: { senderId: 'SILLAGE' },
      patients: [{ patient: { name: ['DOE', 'John'] }, orders: [{ specimenId: 'K403911', tests: ['VitD', 'TSH'] }] }],
    });
    expect(answer).toBe(
      'H|\\^&|||SILLAGE|||||||P|LIS2-A2\rP|1||||DOE^John\rO|1|K403911||^^^VitD\\^^^TSH|R' +
        '|'.repeat(20) +
        'Q\rL|1|F\r'
    );
    const parsed = tryParseAstmMessage(answer);
    expect(parsed.ok).toBe(true);
    expect(parsed.issues).toEqual([]);
    const nothing = buildAstmQueryAnswer({ patients: [{ orders: [{ specimenId: 'UNKNOWN', tests: [] }] }] });
    expect(nothing).toContain('O|1|UNKNOWN||');
    expect(
      nothing
        .split('\r')
        .find((r) => r.startsWith('O'))
        ?.split('|')[25]
    ).toBe('Y');
    expect(buildAstmQueryAnswer({ patients: [] })).toBe('H|\\^&||||||||||P|LIS2-A2\rL|1|I\r');
  });
});

describe('record readers', () => {
  it('reads a result record (Abbott ARCHITECT manual example)', () => {
    const result = readAstmResult(
      parseAstmRecord(
        'R|1|^^^0021^B-hCG^UNDILUTED^P^47331M100^00788^^F|< 1.20|mIU/mL|0.35 TO 4.94|EXP^<||F||||19990715081030|I20100'
      )
    );
    expect(result).toMatchObject({
      localTestCode: '0021',
      value: '< 1.20',
      units: 'mIU/mL',
      referenceRange: ['0.35 TO 4.94'],
      abnormalFlags: ['EXP', '<'],
      status: 'F',
      completedAt: '19990715081030',
      instrumentId: 'I20100',
    });
    expect(result.testId[10]).toBe('F');
  });

  it('finds the local test code where instruments put it', () => {
    expect(readAstmResult(parseAstmRecord('R|1|^^^^WBC^1|  5.5|10*3/uL')).localTestCode).toBe('WBC');
    expect(readAstmResult(parseAstmRecord('R|1|ABO|B')).localTestCode).toBe('ABO');
    expect(readAstmResult(parseAstmRecord('R|1|^^^WBC^804-5^1|8.5')).localTestCode).toBe('WBC');
  });

  it('reads a host query (Siemens ADVIA Centaur Q record)', () => {
    const query = readAstmQuery(parseAstmRecord('Q|1|^K403911^0024^A|^K403911^0024^A|ALL||||||||O'));
    expect(query).toEqual({
      sequence: '1',
      startingRange: [['', 'K403911', '0024', 'A']],
      specimenIds: ['K403911'],
      tests: [['ALL']],
      requestStatus: 'O',
    });
  });
});
