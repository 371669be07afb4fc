import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHl7Path, parseHl7Path, type Hl7Path } from './hl7-path.js';

describe('parseHl7Path', () => {
  it.each<[string, Hl7Path]>([
    ['MSH-9', { segment: 'MSH', occurrence: 1, field: 9 }],
    ['OBX-5.1', { segment: 'OBX', occurrence: 1, field: 5, component: 1 }],
    ['OBX[2]-5', { segment: 'OBX', occurrence: 2, field: 5 }],
    ['PID-3(2).1', { segment: 'PID', occurrence: 1, field: 3, repetition: 2, component: 1 }],
    ['PID-3.4.2', { segment: 'PID', occurrence: 1, field: 3, component: 4, subcomponent: 2 }],
    ['ZB1[10]-12(3).4.5', { segment: 'ZB1', occurrence: 10, field: 12, repetition: 3, component: 4, subcomponent: 5 }],
  ])('%s', (text, expected) => {
    expect(parseHl7Path(text)).toEqual(expected);
  });

  it.each([
    '',
    'OBX',
    'OBX-',
    'obx-5',
    'OB-5',
    'OBXX-5',
    'OBX-0',
    'OBX[0]-5',
    'OBX-5(0)',
    'OBX-5.0',
    'OBX-5.1.1.1',
    'OBX-5..1',
    'OBX-a',
    ' OBX-5',
    'OBX-5 ',
    '1BX-5',
    'OBX-5(1',
    'OBX[-1]-5',
  ])('rejects %j', (text) => {
    expect(parseHl7Path(text)).toBeUndefined();
  });

  it('format ∘ parse is the identity on canonical paths', () => {
    const segment = fc.stringMatching(/^[A-Z][A-Z0-9]{2}$/);
    const n = fc.integer({ min: 1, max: 999 });
    fc.assert(
      fc.property(
        segment,
        n,
        n,
        fc.option(n, { nil: undefined }),
        fc.option(fc.tuple(n, fc.option(n, { nil: undefined })), { nil: undefined }),
        (seg, occurrence, field, repetition, comp) => {
          const path: Hl7Path = {
            segment: seg,
            occurrence,
            field,
            ...(repetition === undefined ? {} : { repetition }),
            ...(comp === undefined ? {} : { component: comp[0] }),
            ...(comp?.[1] === undefined ? {} : { subcomponent: comp[1] }),
          };
          expect(parseHl7Path(formatHl7Path(path))).toEqual(path);
        }
      )
    );
  });
});
