import {
  getAstmRepetitions,
  getAstmValue,
  readAstmResult,
  tryParseAstmMessages,
  tryParseHl7,
  type AstmRecord,
  type Hl7Message,
} from '@sillage/core';
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../test-support/shared-fixtures.js';
import { MessagePlanner } from './message-planner.js';
import { cobasC311Profile } from './profiles/cobas-c311.js';
import { cobasPureHl7Profile } from './profiles/cobas-pure-hl7.js';
import { simulatorProfiles } from './profiles/index.js';
import { sysmexXnProfile } from './profiles/sysmex-xn.js';
import type { SimulatorProfile } from './simulator-profile.js';
import type { PlannedMessage } from './simulator-types.js';

const fixedClock = (): Date => new Date(2026, 2, 14, 9, 30, 0);

function plan(profile: SimulatorProfile, barcodes: string[], qcEvery = 0): PlannedMessage[] {
  const planner = new MessagePlanner({
    profile,
    specimens: barcodes.map((barcode) => ({ barcode })),
    loop: false,
    qcEvery,
    seed: 42,
    runTag: 'T',
    clock: fixedClock,
  });
  const messages: PlannedMessage[] = [];
  for (let message = planner.next(); message !== undefined; message = planner.next()) {
    messages.push(message);
  }
  return messages;
}

function astmRecords(text: string): AstmRecord[] {
  const parsed = tryParseAstmMessages(text);
  expect(parsed.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  expect(parsed.messages).toHaveLength(1);
  return [...(parsed.messages[0]?.records ?? [])];
}

function hl7(text: string): Hl7Message {
  const parsed = tryParseHl7(text);
  if (!parsed.ok) {
    throw new Error(parsed.error.message);
  }
  return parsed.message;
}

/** Field numbers (LIS2-A2 / HL7 numbering) holding something, the shape a record shares with its model. */
function filledPositions(line: string, separator = '|'): number[] {
  return line
    .split(separator)
    .map((value, index) => (value === '' ? -1 : index + 1))
    .filter((position) => position > 1);
}

const STX = String.fromCharCode(2);
const ETX = String.fromCharCode(3);

/** The records of a single-frame capture: `STX 1` before the first, `ETX cs` after the last removed. */
function captureLines(relative: string): string[] {
  return sharedFixtures
    .textWithoutHeader(relative, 'latin1')
    .split(/\r\n|\r|\n/)
    .map((line) => (line.startsWith(STX) ? line.slice(2) : line))
    .map((line) => (line.includes(ETX) ? line.slice(0, line.indexOf(ETX)) : line))
    .filter((line) => line !== '');
}

describe('profiles', () => {
  it('are registered under distinct names with unique test codes and a default panel they run', () => {
    expect(new Set(simulatorProfiles.map((profile) => profile.name)).size).toBe(simulatorProfiles.length);
    for (const profile of simulatorProfiles) {
      const codes = profile.tests.map((test) => test.code);
      expect(new Set(codes).size, profile.name).toBe(codes.length);
      expect(
        profile.defaultPanel.every((code) => codes.includes(code)),
        profile.name
      ).toBe(true);
      for (const test of profile.tests) {
        expect(test.low, `${profile.name} ${test.code}`).toBeLessThan(test.high);
        expect(test.min, `${profile.name} ${test.code}`).toBeLessThan(test.max);
      }
    }
  });
});

describe('cobas-c311 (ASTM)', () => {
  const messages = plan(cobasC311Profile, ['260314000101', '260314000201'], 2);

  it('writes H P O (R C)… L with the barcode in O-3.2 padded to 22 and one R per default-panel test', () => {
    const [first] = messages;
    expect(first?.resultCount).toBe(6);
    const records = astmRecords(first?.text ?? '');
    expect(records.map((record) => record.type).join('')).toBe('HPORCRCRCRCRCRCL');
    const order = records[2] as AstmRecord;
    const specimen = getAstmRepetitions(order, 3)[0] ?? [];
    expect(specimen[1]).toBe('260314000101'.padEnd(22));
    expect(getAstmValue(order, 12)).toBe('N');
    const results = records.filter((record) => record.type === 'R').map(readAstmResult);
    expect(results.map((result) => result.localTestCode)).toEqual(['717/', '690/', '418/', '989/', '990/', '991/']);
    expect(results.every((result) => result.status === 'F' && result.instrumentId === 'P1')).toBe(true);
    expect(results[0]?.units).toBe('mmol/l');
    expect(Number.isFinite(Number(results[0]?.value))).toBe(true);
  });

  it('marks a control run Q in H.12 and O.12 (LIS2-A2) with the control lot as sample id', () => {
    const qc = messages.find((message) => message.qc);
    expect(qc?.barcode).toBe('20391');
    const records = astmRecords(qc?.text ?? '');
    expect(getAstmValue(records[0] as AstmRecord, 12)).toBe('Q');
    expect(getAstmValue(records[2] as AstmRecord, 12)).toBe('Q');
  });

  describe.skipIf(!sharedFixtures.available)('against the c311 capture', () => {
    it('fills exactly the fields the capture fills, record by record', () => {
      const capture = captureLines('astm/02_roche_cobas_c311_single_frame_many_records.txt');
      const ours = (messages[0]?.text ?? '').split('\r').filter((line) => line !== '');
      const model = new Map<string, string>();
      for (const line of capture) {
        model.set(line[0] ?? '', model.get(line[0] ?? '') ?? line);
      }
      for (const line of ours) {
        const reference = model.get(line[0] ?? '');
        expect(reference, line).toBeDefined();
        expect(filledPositions(line), line).toEqual(filledPositions(reference ?? ''));
      }
    });
  });
});

describe('sysmex-xn (ASTM)', () => {
  const [message] = plan(sysmexXnProfile, ['260314000301']);

  it('puts the sample number right-aligned in O-4.3 and values right-aligned on 5 characters', () => {
    const records = astmRecords(message?.text ?? '');
    expect(records.map((record) => record.type).join('')).toBe(`HPO${'R'.repeat(10)}L`);
    const order = records[2] as AstmRecord;
    expect(getAstmRepetitions(order, 4)[0]?.[2]).toBe('   260314000301');
    expect(getAstmValue(order, 3)).toBe('');
    const line = (message?.text ?? '').split('\r').find((record) => record.startsWith('R|1|')) ?? '';
    expect(line).toMatch(/^R\|1\|\^\^\^\^WBC\^1\|[ \d.]{5}\|10\*3\/uL\|\|[NLHA]\|/);
    const results = records.filter((record) => record.type === 'R').map(readAstmResult);
    expect(results.map((result) => result.localTestCode)).toEqual(sysmexXnProfile.defaultPanel);
  });

  describe.skipIf(!sharedFixtures.available)('against the XP-100 capture', () => {
    it('fills exactly the fields the capture fills, record by record', () => {
      const capture = captureLines('astm/04_sysmex_xp100_cbc_single_frame.txt');
      for (const line of (message?.text ?? '').split('\r').filter((record) => record !== '')) {
        const reference = capture.find((candidate) => candidate[0] === line[0]) ?? '';
        expect(filledPositions(line), line).toEqual(filledPositions(reference));
      }
    });
  });
});

describe('cobas-pure-hl7 (HL7 OUL^R22)', () => {
  const messages = plan(cobasPureHl7Profile, ['260314000401'], 1);
  const patient = messages.filter((message) => !message.qc);
  const control = messages.find((message) => message.qc);

  it('sends one OUL^R22 per result, the barcode in SPM-2 and SAC-3, the value in OBX-5', () => {
    expect(patient).toHaveLength(6);
    expect(patient.every((message) => message.resultCount === 1)).toBe(true);
    const message = hl7(patient[0]?.text ?? '');
    expect(message.get('MSH-9.1')).toBe('OUL');
    expect(message.get('MSH-9.2')).toBe('R22');
    expect(message.get('MSH-10')).toBe(patient[0]?.controlId);
    expect(message.get('MSH-12')).toBe('2.5.1');
    expect(message.get('MSH-21.1')).toBe('LAB-29');
    expect(message.get('SPM-2.1.1')).toBe('260314000401');
    expect(message.get('SPM-2.1.2')).toBe('BARCODE');
    expect(message.get('SPM-11.1')).toBe('P');
    expect(message.get('SAC-3.1')).toBe('260314000401');
    expect(message.get('OBX-3.1')).toBe('20411');
    expect(message.get('OBX-6.1')).toBe('mmol/L');
    expect(message.get('OBX-11')).toBe('F');
    expect(Number.isFinite(Number(message.get('OBX-5')))).toBe(true);
    expect(message.isNull('OBR-2')).toBe(true);
    expect(new Set(patient.map((m) => m.controlId)).size).toBe(6);
  });

  it('sends a control as SPM-11 Q with the lot, the material in INV-1 and the QC target', () => {
    const message = hl7(control?.text ?? '');
    expect(message.segment('PID')).toBeUndefined();
    expect(message.get('SPM-2.1.1')).toBe('20391');
    expect(message.get('SPM-2.1.2')).toBe('CONTROL');
    expect(message.get('SPM-11.1')).toBe('Q');
    expect(message.get('INV-1.2')).toBe('PCCC1');
    expect(message.get('OBX[5]-3.1')).toBe('QC_TARGET');
    expect(message.get('OBX[6]-3.1')).toBe('QC_SD_RANGE');
  });

  describe.skipIf(!sharedFixtures.available)('against the Roche captures', () => {
    const segments = (text: string): string[] => text.split(/\r\n|\r|\n/).filter((line) => line !== '');

    it('has the segment sequence and filled fields of the cobas pure QC capture', () => {
      const capture = segments(
        sharedFixtures.textWithoutHeader('hl7v251-ihe-law-lab29-oul-r22-roche-cobas-pure-qc.hl7')
      );
      const ours = segments(control?.text ?? '');
      expect(ours.map((line) => line.slice(0, 3))).toEqual(capture.map((line) => line.slice(0, 3)));
      ours.forEach((line, index) => {
        expect(filledPositions(line), line).toEqual(filledPositions(capture[index] ?? ''));
      });
    });

    it('has the segment sequence of the cobas pro patient capture (its first four OBX)', () => {
      const capture = segments(sharedFixtures.textWithoutHeader('hl7v2/16_oul_r22_roche_cobas_pro_c503_lab29_lf.hl7'));
      const names = capture.map((line) => line.slice(0, 3));
      const ours = segments(patient[0]?.text ?? '');
      expect(ours.map((line) => line.slice(0, 3))).toEqual(names.slice(0, ours.length));
      for (const name of ['PID', 'SPM', 'SAC', 'OBR', 'ORC', 'TQ1', 'TCD']) {
        const reference = capture.find((line) => line.startsWith(name)) ?? '';
        const line = ours.find((candidate) => candidate.startsWith(name)) ?? '';
        expect(filledPositions(line), name).toEqual(filledPositions(reference));
      }
    });
  });
});
