/**
 * The whole-field readers walk a field once with `indexOf` instead of nesting `split`: they must give
 * exactly what nested `split` gives (HL7 v2.5 §2.5.5: repetition, then component, then subcomponent),
 * an undeclared ('') separator meaning "no split", on any text, including runs of separators.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hl7Delimiters } from './hl7-delimiters.js';
import { unescapeHl7 } from './hl7-escape.js';
import { tryParseHl7 } from './hl7-parse.js';
import { splitFieldComponents, splitFieldLeaves, splitOn, type FieldSeparators } from './hl7-split.js';

const standard: FieldSeparators = { repetition: '~', component: '^', subcomponent: '&' };

/** Reference: nested native split, '' meaning no split. */
function nestedSplit(text: string, separators: FieldSeparators): string[][][] {
  const split = (part: string, separator: string): string[] => (separator === '' ? [part] : part.split(separator));
  return split(text, separators.repetition).map((repetition) =>
    split(repetition, separators.component).map((component) => split(component, separators.subcomponent))
  );
}

const fieldText = fc.string({
  unit: fc.constantFrom('~', '^', '&', '\\', 'a', 'é', 'T', '1'),
  maxLength: 40,
  size: 'max',
});
const separatorSets: readonly FieldSeparators[] = [
  standard,
  { repetition: '', component: '^', subcomponent: '&' },
  { repetition: '~', component: '^', subcomponent: '' },
  { repetition: '', component: '^', subcomponent: '' },
  { repetition: '&', component: '~', subcomponent: '^' },
];

describe('splitFieldLeaves', () => {
  it.each([
    ['a', [[['a']]]],
    ['', [[['']]]],
    ['~', [[['']], [['']]]],
    ['^', [[[''], ['']]]],
    ['&', [[['', '']]]],
    ['a~', [[['a']], [['']]]],
    ['1^^^A&B~2', [[['1'], [''], [''], ['A', 'B']], [['2']]]],
    [
      'A&B^C~D^E&F&',
      [
        [['A', 'B'], ['C']],
        [['D'], ['E', 'F', '']],
      ],
    ],
    [
      '^&~&^',
      [
        [[''], ['', '']],
        [['', ''], ['']],
      ],
    ],
  ])('splits %j as nested split does', (text, expected) => {
    expect(splitFieldLeaves(text, standard, (leaf) => leaf)).toEqual(expected);
  });

  it('passes every leaf, and only leaves, through the decoder', () => {
    expect(splitFieldLeaves('a^b&c~d', standard, (leaf) => `<${leaf}>`)).toEqual([
      [['<a>'], ['<b>', '<c>']],
      [['<d>']],
    ]);
  });

  it('equals nested split on any text and separator set (fast-check)', () => {
    fc.assert(
      fc.property(fieldText, fc.constantFrom(...separatorSets), (text, separators) => {
        expect(splitFieldLeaves(text, separators, (leaf) => leaf)).toEqual(nestedSplit(text, separators));
      }),
      { numRuns: 500 }
    );
  });
});

describe('splitFieldComponents and splitOn', () => {
  it('equal nested split on any text (fast-check)', () => {
    fc.assert(
      fc.property(fieldText, fc.constantFrom(...separatorSets), (text, separators) => {
        const expected = nestedSplit(text, { ...separators, subcomponent: '' }).map((repetition) =>
          repetition.map((component) => component.join(''))
        );
        expect(splitFieldComponents(text, separators.repetition, separators.component)).toEqual(expected);
        expect(splitOn(text, separators.component)).toEqual(
          nestedSplit(text, { ...separators, repetition: '', subcomponent: '' })[0]?.map((c) => c.join(''))
        );
      }),
      { numRuns: 500 }
    );
  });

  it('splitOn never splits on an undeclared separator', () => {
    expect(splitOn('a^b', '')).toEqual(['a^b']);
    expect(splitOn('', '^')).toEqual(['']);
    expect(splitOn('^', '^')).toEqual(['', '']);
  });
});

describe('Hl7Segment whole-field readers', () => {
  const delimiterSets: readonly Hl7Delimiters[] = [
    { field: '|', component: '^', repetition: '~', escape: '\\', subcomponent: '&', truncation: '' },
    { field: '|', component: '^', repetition: '~', escape: '', subcomponent: '', truncation: '' },
    { field: '|', component: '^', repetition: '', escape: '', subcomponent: '', truncation: '' },
    { field: '_', component: '@', repetition: '!', escape: '$', subcomponent: '%', truncation: '' },
  ];
  const msh2 = (d: Hl7Delimiters): string => d.component + d.repetition + d.escape + d.subcomponent;
  /** Segment bodies over every delimiter of both sets, escape-sequence letters included. */
  const body = fc.string({
    unit: fc.constantFrom('|', '^', '~', '\\', '&', '_', '@', '!', '$', '%', 'F', 'S', 'T', 'X', '4', '1', 'a'),
    maxLength: 60,
    size: 'max',
  });

  it('fieldValues equals nested split + unescape of each leaf, rawComponents re-joins to the field (fast-check)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...delimiterSets), body, body, (delimiters, header, segmentBody) => {
        const text = `MSH${delimiters.field}${msh2(delimiters)}${delimiters.field}${header}\rOBX${delimiters.field}${segmentBody}`;
        const parsed = tryParseHl7(text);
        if (!parsed.ok) {
          return;
        }
        const separators = {
          repetition: delimiters.repetition,
          component: delimiters.component,
          subcomponent: delimiters.subcomponent,
        };
        for (const segment of parsed.message.segments) {
          for (let field = segment.isHeader ? 3 : 1; field <= segment.fieldCount; field++) {
            const raw = segment.rawField(field);
            const expected =
              raw === ''
                ? []
                : nestedSplit(raw, separators).map((repetition) =>
                    repetition.map((component) => component.map((leaf) => unescapeHl7(leaf, delimiters)))
                  );
            expect(segment.fieldValues(field)).toEqual(expected);
            const rejoined = segment
              .rawComponents(field)
              .map((repetition) => repetition.join(delimiters.component))
              .join(delimiters.repetition);
            expect(rejoined).toBe(raw);
          }
        }
      }),
      { numRuns: 500 }
    );
  });

  it('does not take the encoding characters of MSH-2 for separators in use', () => {
    const parsed = tryParseHl7('MSH|^~\\&|A&B|C\\F\\D\rPID|1|E&F');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      const [msh, pid] = parsed.message.segments;
      expect(msh?.fieldValues(3)).toEqual([[['A', 'B']]]);
      expect(msh?.fieldValues(4)).toEqual([[['C|D']]]);
      expect(pid?.fieldValues(2)).toEqual([[['E', 'F']]]);
    }
  });
});
