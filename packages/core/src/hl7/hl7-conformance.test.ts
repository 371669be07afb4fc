/**
 * Conformance on every real HL7 v2 capture in ../shared/fixtures (facts from fixtures/INDEX.md and
 * SOURCES.md): message types, segment counts, values, escapes, batches, and byte-exact round trip.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../test-support/shared-fixtures.js';
import { buildAck } from './hl7-ack.js';
import { splitHl7Batch } from './hl7-batch.js';
import type { Hl7Message } from './hl7-message.js';
import { parseHl7 } from './hl7-parse.js';
import { decodeHl7 } from './hl7-charset.js';
import { MllpDecoder } from './mllp.js';

/** Payload of a fixture: bytes after the leading `# ` provenance lines (fixtures/INDEX.md § Conventions). */
function payloadBytes(relative: string): Uint8Array {
  let bytes: Uint8Array = sharedFixtures.bytes(relative);
  while (bytes[0] === 0x23 && bytes[1] === 0x20) {
    bytes = bytes.subarray(bytes.indexOf(0x0a) + 1);
  }
  return bytes;
}

function load(relative: string): { text: string; message: Hl7Message } {
  const text = sharedFixtures.textWithoutHeader(relative);
  return { text, message: parseHl7(text) };
}

/** HL7 requires CR; the only change a round trip may make is normalising CRLF and LF to CR. */
function withCrTerminators(text: string): string {
  return text.replace(/\r\n|\n/g, '\r');
}

function names(message: Hl7Message): string[] {
  return message.segments.map((segment) => segment.name);
}

const hl7Files = sharedFixtures.available
  ? [
      ...readdirSync(sharedFixtures.path('hl7v2'))
        .filter((name) => name.endsWith('.hl7'))
        .map((name) => `hl7v2/${name}`),
      ...readdirSync(sharedFixtures.dir).filter((name) => name.endsWith('.hl7')),
    ]
  : [];

/** The ZAM capture holds three messages separated by blank and `# ` comment lines. */
const MULTI_MESSAGE_WITH_COMMENTS = 'hl7v26-zam-z01-z02-z03-cisis-acquittements-metier.hl7';

function messagesOfCommentedFile(relative: string): string[] {
  return sharedFixtures
    .textWithoutHeader(relative)
    .split(/\n(?:\n|# [^\n]*\n)+/)
    .filter((part) => part.trim() !== '');
}

describe.skipIf(!sharedFixtures.available)('HL7 v2 conformance on real captures', () => {
  it('finds the HL7 captures', () => {
    expect(hl7Files.length).toBeGreaterThanOrEqual(21);
  });

  describe('every capture parses and re-serialises byte for byte', () => {
    it.each(hl7Files)('%s', (file) => {
      const texts =
        file === MULTI_MESSAGE_WITH_COMMENTS ? messagesOfCommentedFile(file) : [sharedFixtures.textWithoutHeader(file)];
      for (const text of texts) {
        const message = parseHl7(text);
        expect(message.toString()).toBe(withCrTerminators(text));
        for (const segment of message.segments) {
          expect(segment.name).toMatch(/^[A-Z][A-Z0-9]{2}$/);
        }
      }
    });
  });

  it('01 ORU^R01 glucose SN (python-hl7, HL7 normative example)', () => {
    const { message } = load('hl7v2/01_oru_r01_glucose_sn_python-hl7.hl7');
    expect(names(message)).toEqual(['MSH', 'PID', 'OBR', 'OBX', 'OBX']);
    expect(message.messageType()).toEqual({ code: 'ORU', trigger: 'R01', structure: '' });
    expect(message.getRaw('MSH-9')).toBe('ORU^R01');
    expect(message.controlId()).toBe('CNTRL-3456');
    expect(message.version()).toBe('2.4');
    expect(message.get('PID-5.1')).toBe('EVERYWOMAN');
    expect(message.get('PID-5.2')).toBe('EVE');
    expect(message.get('PID-7')).toBe('196203520');
    expect(message.get('PID-8')).toBe('F');
    expect(message.get('OBX-2')).toBe('SN');
    expect(message.getRaw('OBX-5')).toBe('^182');
    expect(message.get('OBX-5.1')).toBe('');
    expect(message.get('OBX-5.2')).toBe('182');
    expect(message.get('OBX-6')).toBe('mg/dl');
    expect(message.get('OBX-7')).toBe('70_105');
    expect(message.get('OBX-8')).toBe('H');
    expect(message.get('OBX-11')).toBe('F');
    expect(message.get('OBX[2]-2')).toBe('FN');
    expect(message.get('OBX[2]-3.1')).toBe('1553-5');
    expect(message.endsWithTerminator).toBe(true);
  });

  it('02 repetitions and subcomponents', () => {
    const { message } = load('hl7v2/02_oru_r01_repetitions_subcomponents_python-hl7.hl7');
    expect(message.segments).toHaveLength(2);
    const pid = message.segment('PID');
    expect(pid?.get(1)).toBe('Field1');
    expect(pid?.fieldValues(2)).toEqual([[['Component1'], ['Component2']]]);
    expect(pid?.fieldValues(3)[0]?.[1]).toEqual(['Sub-Component1', 'Sub-Component2']);
    expect(message.get('PID-3.2.2')).toBe('Sub-Component2');
    expect(message.get('PID-3.3')).toBe('Component3');
    expect(pid?.repetitionCount(4)).toBe(2);
    expect(message.get('PID-4(1)')).toBe('Repeat1');
    expect(message.get('PID-4(2)')).toBe('Repeat2');
  });

  it('03 ADT^A01: explicit nulls, repetitions, leading and trailing spaces', () => {
    const { message } = load('hl7v2/03_adt_a01_nulls_repetitions_python-hl7.hl7');
    expect(names(message)).toEqual(['MSH', 'PID', 'PV1', 'DG1', 'IN1', 'IN2', 'IN1', 'IN2', 'IN1']);
    expect(message.getAll('IN1')).toHaveLength(3);
    expect(message.getAll('IN2')).toHaveLength(2);
    expect(message.controlId()).toBe('Q150084616T145947960');
    const pid = message.segment('PID');
    expect(pid?.repetitionCount(3)).toBe(2);
    expect(message.getRaw('PID-3(1)')).toBe('2148790^^^MSH_MRN^MR');
    expect(message.getRaw('PID-3(2)')).toBe('162840^^^MSH_EMPI^CM');
    expect(pid?.repetitionCount(4)).toBe(3);
    expect(message.getRaw('PID-4(2)')).toBe('184737^0^^IID^DONOR ');
    expect(message.get('PID-4(2).5')).toBe('DONOR ');
    expect(message.getRaw('PID-5')).toBe('RUFUSS^MELLODIAL^^^^^CURRENT');
    expect(pid?.repetitionCount(13)).toBe(2);
    expect(message.get('PV1-5')).toBe(' 863968');
    // HL7 v2.5 §2.5.3: "" is the explicit null, distinct from an empty field.
    const pv1 = message.segment('PV1');
    expect(message.isNull('PV1-9')).toBe(true);
    expect(message.get('PV1-9')).toBe('""');
    expect(pv1?.isNull(pv1.fieldCount)).toBe(true);
    expect(message.isNull('PV1-6')).toBe(false);
    expect(message.get('PV1-6')).toBe('');
    expect(message.get('DG1-3.1')).toBe('440.21');
    expect(message.isNull('IN1-5.2')).toBe(true);
  });

  it('04 FHS/BHS batch file with one message', () => {
    const { message } = load('hl7v2/04_batch_fhs_bhs_adt_a04_python-hl7.hl7');
    expect(names(message)).toEqual(['FHS', 'BHS', 'MSH', 'EVN', 'PID', 'PD1', 'NK1', 'PV1', 'BTS', 'FTS']);
    expect(message.get('FHS-7')).toBe('20070101123401');
    expect(message.getRaw('FHS-9')).toBe('');
    expect(message.get('FHS-10')).toBe('abchs20070101123401.hl7');
    expect(message.segment('FHS')?.raw.endsWith('|')).toBe(true);
    expect(message.get('FHS-2')).toBe('^~\\&');
    const batch = splitHl7Batch(message);
    expect(batch.messages).toHaveLength(1);
    expect(batch.envelope.map((segment) => segment.name)).toEqual(['FHS', 'BHS', 'BTS', 'FTS']);
    const inner = batch.messages[0];
    expect(inner?.get('MSH-3')).toBe('');
    expect(inner?.get('MSH-4')).toBe('ABCHS');
    expect(inner?.messageType()).toEqual({ code: 'ADT', trigger: 'A04', structure: 'ADT_A01' });
    expect(message.get('BTS-1')).toBe('1');
    expect(message.get('FTS-1')).toBe('1');
  });

  it('05 BHS batch with two messages', () => {
    const { message } = load('hl7v2/05_batch_two_adt_a04_python-hl7.hl7');
    const batch = splitHl7Batch(message);
    expect(batch.envelope.map((segment) => segment.name)).toEqual(['BHS', 'BTS']);
    expect(batch.messages.map((m) => m.controlId())).toEqual(['12334456778890', '12334456778891']);
    expect(batch.messages.map((m) => m.segments.length)).toEqual([6, 6]);
    expect(message.get('BTS-1')).toBe('2');
    expect(message.getAll('MSH')).toHaveLength(2);
    expect(message.get('MSH[2]-10')).toBe('12334456778891');
  });

  it('06 NIST ELR case 1: lead NM with free-text range and H flag', () => {
    const { message } = load('hl7v2/06_oru_r01_nist_lead_nm_refrange_flag.hl7');
    expect(names(message)).toEqual(['MSH', 'SFT', 'PID', 'ORC', 'OBR', 'OBX', 'SPM']);
    expect(message.messageType()).toEqual({ code: 'ORU', trigger: 'R01', structure: 'ORU_R01' });
    expect(message.version()).toBe('2.5.1');
    expect(message.get('MSH-3.1')).toBe('EHR Application');
    expect(message.get('MSH-21.1')).toBe('PHLabReport-NoAck');
    expect(message.get('PID-3.1')).toBe('9817566735');
    expect(message.getRaw('PID-3.4')).toBe('MPI&2.16.840.1.113883.19.3.2.1&ISO');
    expect(message.get('PID-3.4.2')).toBe('2.16.840.1.113883.19.3.2.1');
    expect(message.getRaw('PID-5')).toBe('Johnson^Philip');
    expect(message.get('PID-7')).toBe('20070526');
    expect(message.get('OBX-2')).toBe('NM');
    expect(message.get('OBX-3.1')).toBe('10368-9');
    expect(message.get('OBX-3.3')).toBe('LN');
    expect(message.get('OBX-5')).toBe('50');
    expect(message.get('OBX-6.1')).toBe('ug/dL');
    expect(message.get('OBX-7')).toBe('<9 mcg/dL:  Acceptable background lead exposure');
    expect(message.get('OBX-8')).toBe('H');
    expect(message.get('OBX-11')).toBe('F');
    expect(message.get('SPM-4.1')).toBe('122554006');
  });

  it('08 NIST case 6: three ST OBX all with set id 1', () => {
    const { message } = load('hl7v2/08_oru_r01_nist_stool_culture_3obx_st.hl7');
    expect(message.segments).toHaveLength(9);
    const obx = message.getAll('OBX');
    expect(obx.map((segment) => segment.get(1))).toEqual(['1', '1', '1']);
    expect(obx.map((segment) => segment.get(2))).toEqual(['ST', 'ST', 'ST']);
    expect(obx.map((segment) => segment.get(3, 1, 1))).toEqual(['6331-3', '20995-1', '17576-0']);
    expect(obx.map((segment) => segment.get(5))).toEqual(['Isolated', 'Isolated', 'Not Isolated']);
    expect(message.get('OBX[3]-5')).toBe('Not Isolated');
    expect(message.getRaw('PID-5')).toBe('Whiteagle^Adam');
  });

  it('09 OLIS NTE: \\F\\ and \\.br\\ escapes, no trailing CR', () => {
    const { message } = load('hl7v2/09_oru_r01_olis_nte_escapes_F_br.hl7');
    expect(message.segments).toHaveLength(8);
    expect(message.endsWithTerminator).toBe(false);
    expect(message.messageType()).toEqual({ code: 'ORU', trigger: '', structure: '' });
    expect(message.getRaw('PID-5')).toBe('LEIGHTON^RACHEL^DIAMOND');
    expect(message.get('OBR-4.3')).toBe('HL79901 literal');
    const raw = message.getRaw('NTE-3');
    expect(raw.split('\\.br\\').length - 1).toBe(29);
    expect(raw.split('\\F\\').length - 1).toBe(56);
    const text = message.get('NTE-3');
    expect(text).toContain('|  Risk   |');
    expect(text.split('\n').length - 1).toBe(29);
    expect(text.split('|').length - 1).toBe(56);
    expect(text).not.toContain('\\');
    expect(message.get('OBX-2')).toBe('NM');
    expect(message.get('OBX-5')).toBe('2.30');
    expect(message.get('OBX-6')).toBe('mmol/L');
    expect(message.get('OBX[2]-2')).toBe('FT');
    expect(message.get('OBX[2]-5')).toBe('Lab STP');
  });

  it('10 blood gas FT: \\H\\ \\N\\ kept as markers (or stripped), \\S\\ decoded, trailing space kept', () => {
    const { message, text } = load('hl7v2/10_oru_r01_blood_gas_ft_H_N_S_escapes.hl7');
    expect(names(message)).toEqual(['MSH', 'PV1', 'ORC', 'OBR', 'OBX']);
    expect(message.segment('PID')).toBeUndefined();
    expect(text.endsWith('|F ')).toBe(true);
    expect(message.get('OBX-11')).toBe('F ');
    expect(message.get('OBX-2')).toBe('FT');
    expect(message.getRaw('OBX-3')).toBe('GAS^^LN');
    expect(message.get('OBX-8')).toBe('A');
    const kept = message.get('OBX-5');
    expect(kept).toContain('pH : \\H\\ 7.28\\N\\ (7.38-7.43)');
    expect(kept).toContain('37 ^o C');
    expect(kept).toContain('Type Venous\n\n Analysis Date : 16/06/2011');
    const stripped = message.get('OBX-5', { highlight: 'strip' });
    expect(stripped).toContain('pH :  7.28 (7.38-7.43)');
    expect(stripped).not.toContain('\\');
  });

  it('11 two messages in one file; version read from MSH-12.1 even when it has components', () => {
    const { message } = load('hl7v2/11_adt_a08_version_field_with_components.hl7');
    const batch = splitHl7Batch(message);
    expect(batch.envelope).toHaveLength(0);
    expect(batch.messages).toHaveLength(2);
    for (const inner of batch.messages) {
      expect(names(inner)).toEqual(['MSH', 'EVN']);
      expect(inner.getRaw('MSH-9')).toBe('ADT^A08');
      expect(inner.controlId()).toBe('01501');
      expect(inner.version()).toBe('2.2');
    }
    expect(batch.messages[1]?.getRaw('MSH-12')).toBe('2.2^x^x');
  });

  it('13 ORM^O01 v2.3 minimal', () => {
    const { message } = load('hl7v2/13_orm_o01_minimal_v23.hl7');
    expect(names(message)).toEqual(['MSH', 'PID', 'PV1', 'ORC', 'OBR']);
    expect(message.getRaw('PID-3(1)')).toBe('1^^^XXX');
    expect(message.getRaw('PID-3(2)')).toBe('2^^^YYY');
    expect(message.get('PID-5.2')).toBe('FirstName');
    expect(message.get('ORC-1')).toBe('CA');
    expect(message.get('ORC-5')).toBe('CA');
    expect(message.getRaw('OBR-4')).toBe('RX50^ADDOME SUPINO');
  });

  it('15 MLLP frame from python-hl7 de-frames to a one-segment message', () => {
    const decoder = new MllpDecoder();
    const events = [
      ...decoder.push(payloadBytes('hl7v2/15_mllp_frame_python-hl7_client_assert.bin')),
      ...decoder.end(),
    ];
    expect(events).toHaveLength(1);
    const event = events[0];
    expect(event?.type).toBe('message');
    if (event?.type === 'message') {
      const message = parseHl7(decodeHl7(event.bytes));
      expect(message.toString()).toBe('MSH|^~\\&|GHH LAB|ELAB\r');
      expect(message.segments).toHaveLength(1);
      expect(message.get('MSH-4')).toBe('ELAB');
    }
  });

  it('16 OUL^R22 Roche cobas pro LAB-29, LF separated', () => {
    const { message } = load('hl7v2/16_oul_r22_roche_cobas_pro_c503_lab29_lf.hl7');
    expect(message.segments).toHaveLength(19);
    expect(message.charset()).toBe('UNICODE UTF-8');
    const obx = message.getAll('OBX');
    expect(obx.map((segment) => segment.get(1))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(obx.map((segment) => segment.get(2))).toEqual(['NM', 'CE', 'DTM', 'EI', 'EI', 'CE', 'ST', 'ST', 'ST']);
    expect(message.getAll('INV')).toHaveLength(2);
    expect(message.getAll('TCD')).toHaveLength(1);
    expect(message.getAll('SAC')).toHaveLength(1);
    expect(message.get('OBX-5')).toBe('32.2');
    expect(message.getRaw('OBX-6')).toBe('mg/L^^99ROC');
    expect(message.getRaw('OBX-8')).toBe('N^^HL70078');
    expect(message.isNull('OBR-2')).toBe(true);
    expect(message.getRaw('SPM-2')).toBe('022&BARCODE');
    expect(message.get('SPM-2.1.1')).toBe('022');
    expect(message.getRaw('SPM-14')).toBe('~~~~');
    expect(message.segment('SPM')?.repetitionCount(14)).toBe(5);
    expect(message.segment('OBX', 5)?.fieldValues(5)).toEqual([[['62']], [['67']]]);
    expect(message.getRaw('OBX-18')).toBe('c503^ROCHE~^ROCHE~1^ROCHE');
    expect(message.get('OBX-18(3).1')).toBe('1');
    expect(message.get('OBX[4]-3.5')).toBe('Other·Supplemental');
    expect(message.get('OBX[7]-5')).toBe('0.300·-·350');
    expect(message.getRaw('PID-5')).toBe('^^^^^^U');
    expect(message.endsWithTerminator).toBe(false);
  });

  it('18 OUL^R22 with CRLF terminators; its ACK carries MSH and MSA', () => {
    const { message } = load('hl7v2/18_oul_r22_roche_c503_crlf_terminated.hl7');
    expect(message.segments).toHaveLength(8);
    expect(message.get('MSH-3')).toBe('device');
    expect(message.get('OBX-5')).toBe('32.2');
    expect(message.get('OBX-6.1')).toBe('mg/L');
    const ack = buildAck(message, { code: 'AA', controlId: 'ACK-1', timestamp: '20180222150843+0100' });
    expect(names(ack)).toEqual(['MSH', 'MSA']);
    expect(ack.get('MSH-5')).toBe('device');
    expect(ack.getRaw('MSH-9')).toBe('ACK^R22^ACK');
    expect(ack.get('MSA-2')).toBe('97');
  });

  it('19 ACK with trailing field separators kept', () => {
    const { message, text } = load('hl7v2/19_ack_aa_trailing_field_separators.hl7');
    expect(message.segments).toHaveLength(2);
    expect(message.get('MSA-1')).toBe('AA');
    expect(message.get('MSA-2')).toBe('9B38584D');
    expect(message.get('MSA-3')).toBe('Everything was okay dokay!');
    expect(message.segment('MSA')?.fieldCount).toBe(4);
    expect(message.segment('MSH')?.fieldCount).toBe(13);
    expect(message.toString()).toBe(text);
  });

  it('20 ACK with "_" as field separator', () => {
    const { message } = load('hl7v2/20_ack_nonstandard_field_separator_underscore.hl7');
    expect(message.delimiters.field).toBe('_');
    expect(message.get('MSH-1')).toBe('_');
    expect(message.get('MSH-2')).toBe('^~\\&');
    expect(message.get('MSH-3')).toBe('Main');
    expect(message.get('MSA-1')).toBe('AA');
    expect(message.get('MSA-2')).toBe('9B38584D');
    expect(message.get('MSA-3')).toBe('Everything was okay dokay!');
  });

  it('21 ADT^A04 from Epic, LF separated with trailing pipes', () => {
    const { message } = load('hl7v2/21_adt_a04_epic_lf_trailing_pipes.hl7');
    expect(names(message)).toEqual(['MSH', 'PID', 'NK1', 'PV1']);
    expect(message.get('MSH-3')).toBe('EPIC');
    expect(message.get('MSH-4')).toBe('EPICADT');
    expect(message.getRaw('PID-2')).toBe('0493575^^^2^ID 1');
    expect(message.get('PID-2.1')).toBe('0493575');
    expect(message.getRaw('PID-5')).toBe('DOE^JOHN^^^^');
    expect(message.get('NK1-2.1')).toBe('ROE');
    expect(message.get('NK1-2.2')).toBe('MARIE');
    expect(message.get('PV1-2')).toBe('O');
    expect(
      message
        .segment('PV1')
        ?.fieldValues(3)
        .map((rep) => rep[0]?.[0])
    ).toEqual(['168 ', '219', 'C', 'PMA']);
  });

  it('22 classic ADT^A01: the ACK is ACK^A01 and echoes MSG00001', () => {
    const { message } = load('hl7v2/22_adt_a01_classic_spec_example.hl7');
    expect(message.segments).toHaveLength(4);
    expect(message.get('MSH-8')).toBe('SECURITY');
    expect(message.controlId()).toBe('MSG00001');
    expect(message.getRaw('PID-5')).toBe('JONES^WILLIAM^A^III');
    expect(message.get('PID-8')).toBe('M-');
    const ack = buildAck(message, { code: 'AA', controlId: 'X1', timestamp: '198808181127' });
    expect(ack.getRaw('MSH-9')).toBe('ACK^A01');
    expect(ack.get('MSA-2')).toBe('MSG00001');
  });

  it('CI-SIS ORU^R01 CR-BIO transmission (ANS): INS, PRT, MetaDMPMSS flags', () => {
    const { message } = load('hl7v25-oru-r01-cisis-crbio-transmission-dmp-mss.hl7');
    expect(message.messageType()).toEqual({ code: 'ORU', trigger: 'R01', structure: 'ORU_R01' });
    expect(message.charset()).toBe('UNICODE UTF-8');
    expect(message.get('MSH-17')).toBe('FRA');
    expect(message.getRaw('MSH-21')).toBe('2.1^CISIS_CDA_HL7_V2');
    expect(message.get('PID-3.1')).toBe('279035121518989');
    expect(message.get('PID-3.4.2')).toBe('1.2.250.1.213.1.4.10');
    expect(message.get('PID-5.7')).toBe('L');
    expect(message.get('PID-11(2).7')).toBe('BDL');
    expect(message.get('PID-11(2).9')).toBe('63220');
    expect(message.get('PID-32')).toBe('VALI');
    expect(message.getAll('PRT')).toHaveLength(4);
    expect(message.get('PRT[3]-15.4')).toBe('279035121518989@patient.mssante.fr');
    expect(message.get('OBX[3]-3.2')).toBe('Masqué aux professionnels de Santé');
    expect(message.get('OBX[8]-3.1')).toBe('DESTDMP');
    expect(message.get('OBX[8]-5.1')).toBe('Y');
    expect(message.get('OBX-5.5')).toBe('RG9jdW1lbnQgbWVkY2lhbCBhdSBmb3JtYXQgQ0RBIG5pdmVhdSAx');
  });

  it('CI-SIS technical ACK', () => {
    const { message } = load('hl7v25-ack-r01-cisis.hl7');
    expect(names(message)).toEqual(['MSH', 'MSA']);
    expect(message.getRaw('MSH-9')).toBe('ACK^R01^ACK');
    expect(message.get('MSA-1')).toBe('AA');
    expect(message.get('MSA-2')).toBe('015');
  });

  it('Roche cobas pure LAB-29 QC: SPM-11 Q, INV lots, OBX-18 equipment', () => {
    const { message } = load('hl7v251-ihe-law-lab29-oul-r22-roche-cobas-pure-qc.hl7');
    expect(message.getRaw('MSH-21')).toBe('LAB-29^IHE');
    expect(message.get('SPM-11.1')).toBe('Q');
    expect(message.isNull('SPM-4')).toBe(true);
    expect(message.get('SAC-3.1')).toBe('20391');
    expect(message.getAll('INV')).toHaveLength(3);
    expect(message.get('INV[2]-4')).toBe('51193');
    expect(message.get('INV[2]-12')).toBe('20260531');
    expect(message.get('OBX-5')).toBe('9.02');
    expect(message.get('OBX-18(1).1')).toBe('c303');
    expect(message.get('OBX-18(2).1')).toBe('24V5-03');
    expect(message.get('OBX-29')).toBe('RSLT');
    expect(message.get('OBX[5]-3.1')).toBe('QC_TARGET');
    expect(message.get('OBX[5]-5')).toBe('8.78');
    expect(message.get('OBX[6]-5')).toBe('0.361');
  });

  it('CI-SIS ZAM business acks Z01/Z02/Z03 (v2.6), Z01 with ERR DMPClosed', () => {
    const messages = messagesOfCommentedFile(MULTI_MESSAGE_WITH_COMMENTS).map(parseHl7);
    expect(messages.map((m) => m.messageType().trigger)).toEqual(['Z01', 'Z02', 'Z03']);
    expect(messages.map((m) => m.messageType().structure)).toEqual(['ZAM_Z01', 'ZAM_Z01', 'ZAM_Z01']);
    expect(messages.map((m) => m.version())).toEqual(['2.6', '2.6', '2.6']);
    const z01 = messages[0];
    expect(z01?.get('ERR-3.1')).toBe('207');
    expect(z01?.get('ERR-4')).toBe('E');
    expect(z01?.get('ERR-5.1')).toBe('DMPClosed');
    expect(z01?.get('ERR-5.2')).toBe('DMP fermé');
    expect(messages[1]?.get('OBX[2]-5.4')).toBe('adam.hoda@test-ci-sis.mssante.fr');
  });

  it('decodes every capture from bytes to the same text as UTF-8 reading (all are UTF-8 or ASCII)', () => {
    for (const file of hl7Files) {
      const text = sharedFixtures.textWithoutHeader(file);
      expect(decodeHl7(payloadBytes(file))).toBe(text);
    }
  });
});
