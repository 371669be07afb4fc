import { describe, expect, it } from 'vitest';
import { SillageError } from '../errors/sillage-error.js';
import { parseHl7 } from './hl7-parse.js';

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof SillageError ? error.code : 'not a SillageError';
  }
  return undefined;
}

const message = parseHl7(
  [
    'MSH|^~\\&|LAB^1.2.3^ISO|SITE|LIS|SITE|20240102030405+0100||OUL^R22^OUL_R22|MSG1|P|2.5.1|||NE|AL||8859/1',
    'PID|1||123^^^HOSP&1.2.250&ISO^PI~456^^^INS&1.2.250.1.213.1.4.8&ISO^INS||DUPONT^Hélène||19800101|F',
    'OBX|1|NM|GLU^Glucose^LN||5.2|mmol/L|3.9-5.8|N|||F',
    'OBX|2|ST|COM^Comment||a\\T\\b \\F\\ c||||||F',
    'OBX|3|NM|K^Potassium^LN||""|mmol/L||||""|F',
  ].join('\r')
);

describe('Hl7Message accessors', () => {
  it('numbers MSH fields as the standard: MSH-1 is the field separator, MSH-2 the encoding characters', () => {
    expect(message.get('MSH-1')).toBe('|');
    expect(message.get('MSH-2')).toBe('^~\\&');
    expect(message.get('MSH-2.2')).toBe('');
    expect(message.get('MSH-3')).toBe('LAB');
    expect(message.getRaw('MSH-3')).toBe('LAB^1.2.3^ISO');
    expect(message.get('MSH-9.2')).toBe('R22');
  });

  it('reads leaves with omitted levels defaulting to 1, raw elements with omitted levels meaning "whole"', () => {
    expect(message.get('PID-3')).toBe('123');
    expect(message.getRaw('PID-3')).toBe('123^^^HOSP&1.2.250&ISO^PI~456^^^INS&1.2.250.1.213.1.4.8&ISO^INS');
    expect(message.getRaw('PID-3(2)')).toBe('456^^^INS&1.2.250.1.213.1.4.8&ISO^INS');
    expect(message.getRaw('PID-3(2).4')).toBe('INS&1.2.250.1.213.1.4.8&ISO');
    expect(message.get('PID-3(2).4.2')).toBe('1.2.250.1.213.1.4.8');
    expect(message.get('PID-3.4.2')).toBe('1.2.250');
    expect(message.get('PID-5.2')).toBe('Hélène');
  });

  it('picks segment occurrences and decodes escapes only in leaves', () => {
    expect(message.get('OBX-5')).toBe('5.2');
    expect(message.get('OBX[1]-5')).toBe('5.2');
    expect(message.get('OBX[2]-5')).toBe('a&b | c');
    expect(message.getRaw('OBX[2]-5')).toBe('a\\T\\b \\F\\ c');
  });

  it('tells the explicit null from an empty value', () => {
    expect(message.isNull('OBX[3]-5')).toBe(true);
    expect(message.get('OBX[3]-5')).toBe('""');
    expect(message.isNull('OBX[3]-7')).toBe(false);
    expect(message.get('OBX[3]-7')).toBe('');
    expect(message.isNull('OBX[3]-10')).toBe(true);
  });

  it('returns empty text for anything absent', () => {
    expect(message.get('OBX[4]-5')).toBe('');
    expect(message.get('NTE-3')).toBe('');
    expect(message.get('OBX-99')).toBe('');
    expect(message.get('PID-3(5).1')).toBe('');
    expect(message.get('PID-5.9.9')).toBe('');
    expect(message.getRaw('ZZZ-1')).toBe('');
    expect(message.isNull('ZZZ-1')).toBe(false);
  });

  it('lists segments by name', () => {
    expect(message.getAll('OBX').map((s) => s.get(1))).toEqual(['1', '2', '3']);
    expect(message.getAll('NTE')).toEqual([]);
    expect(message.segment('OBX', 2)?.get(3, 1, 2)).toBe('Comment');
    expect(message.segment('OBX', 4)).toBeUndefined();
  });

  it('has typed helpers for the header', () => {
    expect(message.messageType()).toEqual({ code: 'OUL', trigger: 'R22', structure: 'OUL_R22' });
    expect(message.controlId()).toBe('MSG1');
    expect(message.version()).toBe('2.5.1');
    expect(message.charset()).toBe('8859/1');
  });

  it('exposes a field as nested decoded values and counts repetitions', () => {
    const pid = message.segment('PID');
    expect(pid?.repetitionCount(3)).toBe(2);
    expect(pid?.repetitionCount(2)).toBe(0);
    expect(pid?.fieldValues(3)[1]).toEqual([['456'], [''], [''], ['INS', '1.2.250.1.213.1.4.8', 'ISO'], ['INS']]);
    expect(pid?.fieldValues(2)).toEqual([]);
    expect(message.segment('MSH')?.fieldValues(2)).toEqual([[['^~\\&']]]);
    expect(message.segment('OBX', 2)?.fieldValues(5)).toEqual([[['a&b | c']]]);
  });

  it('exposes a field as wire text per repetition and component (subcomponents and escapes left as sent)', () => {
    const pid = message.segment('PID');
    expect(pid?.rawComponents(3)).toEqual([
      ['123', '', '', 'HOSP&1.2.250&ISO', 'PI'],
      ['456', '', '', 'INS&1.2.250.1.213.1.4.8&ISO', 'INS'],
    ]);
    expect(pid?.rawComponents(2)).toEqual([]);
    expect(pid?.rawComponents(99)).toEqual([]);
    expect(message.segment('MSH')?.rawComponents(1)).toEqual([['|']]);
    expect(message.segment('MSH')?.rawComponents(2)).toEqual([['^~\\&']]);
    expect(message.segment('MSH')?.rawComponents(9)).toEqual([['OUL', 'R22', 'OUL_R22']]);
    expect(message.segment('OBX', 2)?.rawComponents(5)).toEqual([['a\\T\\b \\F\\ c']]);
  });

  it('throws SIL_HL7_INVALID_PATH on a malformed path (paths come from code or configuration)', () => {
    expect(() => message.get('OBX5')).toThrow(SillageError);
    expect(() => message.getRaw('obx-5')).toThrow(/Invalid HL7 path/);
    expect(errorCode(() => message.isNull('OBX-0'))).toBe('SIL_HL7_INVALID_PATH');
  });

  it('accepts parsed paths', () => {
    expect(message.get({ segment: 'OBX', occurrence: 2, field: 3, component: 2 })).toBe('Comment');
  });
});
