import { describe, expect, it } from 'vitest';
import { buildAck } from './hl7-ack.js';
import { parseHl7 } from './hl7-parse.js';

const oul = parseHl7(
  'MSH|^~\\&|cobas pro|LAB1|host|SILLAGE|20180222150842+0100||OUL^R22^OUL_R22|97|P|2.5.1|||NE|AL||UNICODE UTF-8|||LAB-29^IHE\r' +
    'PID|||||^^^^^^U|||U\r' +
    'OBX|1|NM|20490^20490^99ROC^^^IHELAW|1|32.2|mg/L^^99ROC||N^^HL70078|||F\r'
);

describe('buildAck (HL7 v2.5 §2.9.2, MSA, ERR)', () => {
  it('AA: swaps sender and receiver, takes the caller id and time, echoes the control id', () => {
    const ack = buildAck(oul, { code: 'AA', controlId: 'SIL-1', timestamp: '20180222150843+0100' });
    expect(ack.toString()).toBe(
      'MSH|^~\\&|host|SILLAGE|cobas pro|LAB1|20180222150843+0100||ACK^R22^ACK|SIL-1|P|2.5.1||||||UNICODE UTF-8\r' +
        'MSA|AA|97\r'
    );
  });

  it('AE with ERR: v2.5 ERR-2 location, ERR-3 table 0357, ERR-4 severity, ERR-8 message (escaped)', () => {
    const ack = buildAck(oul, {
      code: 'AE',
      controlId: 'SIL-2',
      timestamp: new Date(Date.UTC(2018, 1, 22, 14, 8, 43)),
      error: { code: '103', severity: 'E', location: 'OBX[1]-3.1', message: 'Unknown test code 20490 | 99ROC' },
    });
    expect(ack.segments.map((s) => s.name)).toEqual(['MSH', 'MSA', 'ERR']);
    expect(ack.get('MSH-7')).toBe('20180222140843+0000');
    expect(ack.get('MSA-1')).toBe('AE');
    expect(ack.get('MSA-2')).toBe('97');
    expect(ack.get('MSA-3')).toBe('Unknown test code 20490 | 99ROC');
    expect(ack.getRaw('ERR-2')).toBe('OBX^1^3^^1');
    expect(ack.getRaw('ERR-3')).toBe('103^Table value not found^HL70357');
    expect(ack.get('ERR-4')).toBe('E');
    expect(ack.getRaw('ERR-8')).toBe('Unknown test code 20490 \\F\\ 99ROC');
    expect(ack.get('ERR-8')).toBe('Unknown test code 20490 | 99ROC');
  });

  it('AR with a structured location and an explicit MSA-3 text', () => {
    const ack = buildAck(oul, {
      code: 'AR',
      controlId: 'SIL-3',
      timestamp: '20240101',
      text: 'Rejected',
      error: {
        code: '200',
        severity: 'F',
        location: { segment: 'MSH', sequence: 1, field: 9 },
        message: 'OUL^R22 not expected here',
      },
    });
    expect(ack.get('MSA-3')).toBe('Rejected');
    expect(ack.getRaw('ERR-2')).toBe('MSH^1^9');
    expect(ack.get('ERR-3.2')).toBe('Unsupported message type');
    expect(ack.get('ERR-4')).toBe('F');
    expect(ack.get('ERR-8')).toBe('OUL^R22 not expected here');
  });

  it('AA may carry a warning ERR', () => {
    const ack = buildAck(oul, {
      code: 'AA',
      controlId: 'SIL-4',
      timestamp: '20240101',
      error: { code: '0', severity: 'W', message: 'Unit converted' },
    });
    expect(ack.get('ERR-3.1')).toBe('0');
    expect(ack.get('ERR-4')).toBe('W');
    expect(ack.getRaw('ERR-2')).toBe('');
  });

  it('answers in the sender delimiters, copied fields byte-identical', () => {
    const original = parseHl7('MSH_@!$%_Main_XYZ_iFW_ABC_20160915003015__ORU@R01_9B38584D_P_2.6.1\r');
    const ack = buildAck(original, { code: 'AA', controlId: 'X', timestamp: '20160915003016' });
    expect(ack.toString()).toBe('MSH_@!$%_iFW_ABC_Main_XYZ_20160915003016__ACK@R01_X_P_2.6.1\rMSA_AA_9B38584D\r');
  });

  it('acknowledges raw text that does not parse as a whole, from its MSH line', () => {
    const raw = 'MSH|^~\\&|ANALYZER||LIS||20240101||ORU^R01|C42|P|2.4\rPID|1\rgarbage line\r';
    const ack = buildAck(raw, {
      code: 'AR',
      controlId: 'SIL-5',
      timestamp: '20240101',
      error: {
        code: '100',
        severity: 'E',
        message: 'bad segment',
      },
    });
    expect(ack.get('MSH-3')).toBe('LIS');
    expect(ack.get('MSH-5')).toBe('ANALYZER');
    expect(ack.get('MSA-2')).toBe('C42');
  });

  it('still answers when even the MSH is unreadable', () => {
    const ack = buildAck('\x00\x01 not hl7', {
      code: 'AR',
      controlId: 'SIL-6',
      timestamp: '20240101',
      error: { code: '207', severity: 'E', message: 'unreadable' },
    });
    expect(ack.toString()).toBe(
      'MSH|^~\\&|||||20240101||ACK|SIL-6\rMSA|AR||unreadable\rERR|||207^Application internal error^HL70357|E||||unreadable\r'
    );
  });

  it('keeps a path that is not a path as the ERR-2 segment id rather than losing it', () => {
    const ack = buildAck(oul, {
      code: 'AE',
      controlId: 'S',
      timestamp: '1',
      error: { code: '101', severity: 'E', location: 'SPM', message: 'missing specimen' },
    });
    expect(ack.getRaw('ERR-2')).toBe('SPM');
  });
});
