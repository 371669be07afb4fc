import { describe, expect, it } from 'vitest';
import { MessagePlanner, type MessagePlannerOptions } from './message-planner.js';
import { cobasC311Profile } from './profiles/cobas-c311.js';
import { cobasPureHl7Profile } from './profiles/cobas-pure-hl7.js';
import { sysmexXnProfile } from './profiles/sysmex-xn.js';
import type { PlannedMessage } from './simulator-types.js';

function drain(options: Omit<MessagePlannerOptions, 'loop'> & { loop?: boolean }, limit = 1_000): PlannedMessage[] {
  const planner = new MessagePlanner({ loop: false, ...options });
  const messages: PlannedMessage[] = [];
  for (let message = planner.next(); message !== undefined && messages.length < limit; message = planner.next()) {
    messages.push(message);
  }
  return messages;
}

describe('MessagePlanner', () => {
  it('reports only the pending analytes the profile runs, and skips tubes it runs none of', () => {
    const planner = new MessagePlanner({
      profile: cobasC311Profile,
      loop: false,
      specimens: [
        { barcode: 'A', analytes: ['POTASSIUM', 'LEUCOCYTES', 'GLUCOSE'] },
        { barcode: 'B', analytes: ['HEMOGLOBINE'] },
      ],
    });
    const first = planner.next();
    expect(first?.barcode).toBe('A');
    expect(first?.resultCount).toBe(2);
    expect(first?.text).toContain('^^^717/');
    expect(first?.text).toContain('^^^990/');
    expect(planner.next()).toBeUndefined();
    expect(planner.skipped).toEqual(['B']);
  });

  it('sends one message per result for a per-test profile (cobas pure), one per tube otherwise', () => {
    const specimens = [{ barcode: 'A' }, { barcode: 'B' }];
    expect(drain({ profile: cobasPureHl7Profile, specimens })).toHaveLength(12);
    expect(drain({ profile: sysmexXnProfile, specimens })).toHaveLength(2);
  });

  it('numbers messages from 0 with unique control ids and interleaves a control run every n tubes', () => {
    const messages = drain({
      profile: cobasC311Profile,
      specimens: ['A', 'B', 'C', 'D'].map((barcode) => ({ barcode })),
      qcEvery: 2,
      runTag: 'R',
    });
    expect(messages.map((message) => message.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(messages.map((message) => message.controlId)).toEqual(['R0', 'R1', 'R2', 'R3', 'R4', 'R5']);
    expect(messages.map((message) => (message.qc ? `QC:${message.barcode}` : message.barcode))).toEqual([
      'A',
      'B',
      'QC:20391',
      'C',
      'D',
      'QC:20392',
    ]);
  });

  it('replays the list when looping, and stops when no tube can ever be reported', () => {
    const looped = drain({ profile: cobasC311Profile, specimens: [{ barcode: 'A' }], loop: true }, 5);
    expect(looped.map((message) => message.barcode)).toEqual(['A', 'A', 'A', 'A', 'A']);
    expect(new Set(looped.map((message) => message.text)).size).toBeGreaterThan(1);
    const none = drain({ profile: cobasC311Profile, specimens: [{ barcode: 'X', analytes: ['VS_1H'] }], loop: true });
    expect(none).toEqual([]);
  });

  it('draws the same values for the same seed', () => {
    const options = {
      profile: sysmexXnProfile,
      specimens: [{ barcode: 'A' }],
      seed: 9,
      runTag: 'S',
      clock: () => new Date(2026, 0, 1),
    };
    expect(drain(options)).toEqual(drain(options));
  });
});
