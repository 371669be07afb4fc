import { describe, expect, it } from 'vitest';
import { splitHl7Batch } from './hl7-batch.js';
import { parseHl7 } from './hl7-parse.js';

describe('splitHl7Batch (HL7 v2.5 §2.10.3 batch protocol)', () => {
  it('splits FHS/BHS envelopes from their messages', () => {
    const parsed = parseHl7(
      'FHS|^~\\&|LAB\rBHS|^~\\&|LAB\rMSH|^~\\&|A||||||ORU^R01|1|P|2.5\rPID|1\rMSH|^~\\&|A||||||ORU^R01|2|P|2.5\rOBX|1\rBTS|2\rFTS|1\r'
    );
    const batch = splitHl7Batch(parsed);
    expect(batch.envelope.map((s) => s.name)).toEqual(['FHS', 'BHS', 'BTS', 'FTS']);
    expect(batch.messages.map((m) => m.segments.map((s) => s.name))).toEqual([
      ['MSH', 'PID'],
      ['MSH', 'OBX'],
    ]);
    expect(batch.messages.map((m) => m.toString())).toEqual([
      'MSH|^~\\&|A||||||ORU^R01|1|P|2.5\rPID|1\r',
      'MSH|^~\\&|A||||||ORU^R01|2|P|2.5\rOBX|1\r',
    ]);
  });

  it('reads each message with the encoding characters its own MSH declares', () => {
    const parsed = parseHl7('BHS|^~\\&|LAB\rMSH|@!$%|A||||||ORU@R01|1\rOBX|1|ST|X||a^b@c$S$d\rBTS|1\r');
    const [message] = splitHl7Batch(parsed).messages;
    expect(message?.delimiters.component).toBe('@');
    expect(message?.messageType()).toEqual({ code: 'ORU', trigger: 'R01', structure: '' });
    expect(message?.get('OBX-5.1')).toBe('a^b');
    expect(message?.get('OBX-5.2')).toBe('c@d');
  });

  it('a single message is a batch of one with no envelope', () => {
    const batch = splitHl7Batch(parseHl7('MSH|^~\\&|A\rPID|1'));
    expect(batch.envelope).toEqual([]);
    expect(batch.messages).toHaveLength(1);
  });
});
