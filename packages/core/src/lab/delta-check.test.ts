import { describe, expect, it } from 'vitest';
import { checkDelta, selectPreviousResult, type DeltaCheckRule } from './delta-check.js';

const creatinineRule: DeltaCheckRule = { kind: 'absolute', threshold: 50, maxAgeDays: 30 };
const haemoglobinRule: DeltaCheckRule = { kind: 'percent', threshold: 20, maxAgeDays: 7 };
const at = '2026-03-10T08:00:00+01:00';

describe('checkDelta', () => {
  it.each([
    // [current, previous value, previous at, rule, delta, deltaPercent, exceeded, why]
    [160, 100, '2026-03-01T08:00:00+01:00', creatinineRule, 60, 60, true, '+60 µmol/L > 50'],
    [150, 100, '2026-03-01T08:00:00+01:00', creatinineRule, 50, 50, false, '+50 is not strictly above 50'],
    [40, 100, '2026-03-01T08:00:00+01:00', creatinineRule, -60, -60, true, 'a fall counts too'],
    [9.5, 12.5, '2026-03-08T08:00:00+01:00', haemoglobinRule, -3, -24, true, 'Hb −24 % in 2 days'],
    [10, 12.5, '2026-03-08T08:00:00+01:00', haemoglobinRule, -2.5, -20, false, '−20 % exactly'],
    [
      -2,
      -4,
      '2026-03-09T08:00:00+01:00',
      { kind: 'percent', threshold: 40, maxAgeDays: 7 },
      2,
      50,
      true,
      'relative to |previous|',
    ],
  ] as const)('%d vs %d (%s)', (current, previousValue, previousAt, rule, delta, deltaPercent, exceeded, _why) => {
    const outcome = checkDelta(current, { value: previousValue, at: previousAt }, rule, at);
    expect(outcome).not.toBeNull();
    expect(outcome?.previousValue).toBe(previousValue);
    expect(outcome?.previousAt).toBe(previousAt);
    expect(outcome?.delta).toBeCloseTo(delta, 10);
    expect(outcome?.deltaPercent).toBeCloseTo(deltaPercent, 10);
    expect(outcome?.exceeded).toBe(exceeded);
  });

  it.each([
    ['no previous result', null],
    ['older than maxAgeDays (30 days + 1 minute)', { value: 100, at: '2026-02-08T07:59:00+01:00' }],
    ['collected after the current one', { value: 100, at: '2026-03-11T08:00:00+01:00' }],
    ['same instant', { value: 100, at: '2026-03-10T07:00:00Z' }],
  ] as const)('%s → null', (_why, previous) => {
    expect(checkDelta(200, previous, creatinineRule, at)).toBeNull();
  });

  it('exactly maxAgeDays old is still compared', () => {
    expect(checkDelta(200, { value: 100, at: '2026-02-08T08:00:00+01:00' }, creatinineRule, at)?.exceeded).toBe(true);
  });

  it('previous value 0: no percentage; any change exceeds a percent rule', () => {
    expect(checkDelta(1, { value: 0, at: '2026-03-09T08:00:00+01:00' }, haemoglobinRule, at)).toMatchObject({
      deltaPercent: null,
      exceeded: true,
    });
    expect(checkDelta(0, { value: 0, at: '2026-03-09T08:00:00+01:00' }, haemoglobinRule, at)?.exceeded).toBe(false);
  });

  it('refuses an instant without offset', () => {
    expect(() => checkDelta(1, { value: 1, at: '2026-03-09T08:00:00' }, creatinineRule, at)).toThrowError(
      expect.objectContaining({ code: 'SIL_LAB_INSTANT_INVALID' })
    );
  });
});

describe('selectPreviousResult', () => {
  const history = [
    { id: 'a', value: 90, at: '2026-01-05T08:00:00+01:00' },
    { id: 'c', value: 120, at: '2026-03-12T08:00:00+01:00' },
    { id: 'b', value: 100, at: '2026-03-01T08:00:00+01:00' },
  ];

  it('latest strictly before the collection, whatever the order', () => {
    expect(selectPreviousResult(history, at)?.id).toBe('b');
    expect(selectPreviousResult(history, '2026-03-01T08:00:00+01:00')?.id).toBe('a');
    expect(selectPreviousResult(history, '2026-01-01T08:00:00+01:00')).toBeNull();
  });
});
