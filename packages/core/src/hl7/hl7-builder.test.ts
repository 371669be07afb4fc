import { describe, expect, it } from 'vitest';
import { SillageError } from '../errors/sillage-error.js';
import { Hl7Builder, hl7Raw, hl7Repeat } from './hl7-builder.js';
import { DEFAULT_HL7_DELIMITERS } from './hl7-delimiters.js';

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof SillageError ? error.code : 'not a SillageError';
  }
  return undefined;
}

describe('Hl7Builder', () => {
  it('writes MSH-1/MSH-2 itself and numbers fields as the standard', () => {
    const text = new Hl7Builder()
      .segment('MSH', {
        3: 'SILLAGE',
        7: '20240102030405',
        9: ['OML', 'O33', 'OML_O33'],
        10: 'ID1',
        11: 'P',
        12: '2.5.1',
      })
      .segment('PID', {
        3: hl7Repeat(['123', undefined, undefined, ['HOSP', '1.2.250', 'ISO'], 'PI'], ['456']),
        5: ['DUPONT', 'Hélène'],
      })
      .toString();
    expect(text).toBe(
      'MSH|^~\\&|SILLAGE||||20240102030405||OML^O33^OML_O33|ID1|P|2.5.1\r' +
        'PID|||123^^^HOSP&1.2.250&ISO^PI~456||DUPONT^Hélène\r'
    );
  });

  it('escapes text so no value can break the structure', () => {
    const text = new Hl7Builder().segment('NTE', [1, 'L', 'a|b^c~d&e\\f\r\ng']).toString();
    expect(text).toBe('NTE|1|L|a\\F\\b\\S\\c\\R\\d\\T\\e\\E\\f\\X0D\\\\X0A\\g\r');
  });

  it('writes null as the explicit null "" and a literal "" so it is not read as null', () => {
    const message = new Hl7Builder().segment('MSH', { 9: 'ACK' }).segment('OBX', [1, 'ST', null, '', '""']).build();
    expect(message.getRaw('OBX-3')).toBe('""');
    expect(message.isNull('OBX-3')).toBe(true);
    expect(message.getRaw('OBX-5')).toBe('\\X22\\"');
    expect(message.isNull('OBX-5')).toBe(false);
    expect(message.get('OBX-5')).toBe('""');
  });

  it('drops trailing empty fields, repetitions, components and subcomponents', () => {
    const text = new Hl7Builder()
      .segment('PID', { 1: '1', 3: hl7Repeat(['A', '', ['B', '', undefined], '', undefined], '', undefined), 9: '' })
      .toString();
    expect(text).toBe('PID|1||A^^B\r');
  });

  it('inserts raw wire text untouched, but refuses a segment terminator or field separator in it', () => {
    expect(new Hl7Builder().segment('OBX', { 5: hl7Raw('\\H\\ 7.28\\N\\') }).toString()).toBe(
      'OBX|||||\\H\\ 7.28\\N\\\r'
    );
    expect(errorCode(() => new Hl7Builder().segment('OBX', { 5: hl7Raw('a\rb') }))).toBe('SIL_HL7_INVALID_BUILD');
    expect(errorCode(() => new Hl7Builder().segment('OBX', { 5: hl7Raw('a|b') }))).toBe('SIL_HL7_INVALID_BUILD');
  });

  it('uses the delimiters it is given', () => {
    const builder = new Hl7Builder({
      field: '_',
      component: '@',
      repetition: '!',
      escape: '$',
      subcomponent: '%',
      truncation: '',
    });
    const message = builder
      .segment('MSH', { 3: 'A_B' })
      .segment('PID', { 5: ['X@Y', 'Z'] })
      .build();
    expect(builder.toString()).toBe('MSH_@!$%_A$F$B\rPID_____X$S$Y@Z\r');
    expect(message.get('MSH-3')).toBe('A_B');
    expect(message.get('PID-5.1')).toBe('X@Y');
  });

  it.each([
    ['pid', {}],
    ['PIDX', {}],
    ['1ID', {}],
    ['MSH', { 1: '|' }],
    ['MSH', { 2: '^~\\&' }],
    ['PID', { 0: 'x' }],
    ['PID', { 1.5: 'x' }],
  ])('refuses segment %j with fields %j', (name, fields) => {
    expect(errorCode(() => new Hl7Builder().segment(name, fields))).toBe('SIL_HL7_INVALID_BUILD');
  });

  it('refuses incomplete or invalid delimiters', () => {
    expect(errorCode(() => new Hl7Builder({ ...DEFAULT_HL7_DELIMITERS, subcomponent: '' }))).toBe(
      'SIL_HL7_INVALID_DELIMITERS'
    );
    expect(errorCode(() => new Hl7Builder({ ...DEFAULT_HL7_DELIMITERS, component: '|' }))).toBe(
      'SIL_HL7_INVALID_DELIMITERS'
    );
    expect(errorCode(() => new Hl7Builder({ ...DEFAULT_HL7_DELIMITERS, escape: 'E' }))).toBe(
      'SIL_HL7_INVALID_DELIMITERS'
    );
  });
});
