/**
 * Properties of the HL7 v2 codec: serialize ∘ parse is the identity on generated messages (any text,
 * escaped by the builder), values read back as written, and parsing never throws on arbitrary input.
 * Text is drawn with a bias to delimiters, escape letters, quotes and line breaks, where codecs break.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Hl7Builder } from './hl7-builder.js';
import type { Hl7ComponentInput, Hl7FieldInput, Hl7Leaf, Hl7RepetitionInput } from './hl7-builder.js';
import type { Hl7Delimiters } from './hl7-delimiters.js';
import { tryParseHl7 } from './hl7-parse.js';

const trickyText = fc.string({
  unit: fc.constantFrom(
    '|',
    '^',
    '~',
    '\\',
    '&',
    '#',
    '_',
    '@',
    '!',
    '$',
    '%',
    '\r',
    '\n',
    '"',
    'F',
    'S',
    'X',
    '0',
    'D',
    '.',
    'é',
    'a',
    ' '
  ),
  maxLength: 12,
});

const leafArbitrary: fc.Arbitrary<Hl7Leaf> = fc.oneof(
  trickyText,
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constant(null),
  fc.constant(''),
  fc.constant('""')
);

const componentArbitrary: fc.Arbitrary<Hl7ComponentInput> = fc.oneof(
  leafArbitrary,
  fc.array(leafArbitrary, { minLength: 1, maxLength: 3 })
);

const repetitionArbitrary: fc.Arbitrary<Hl7RepetitionInput> = fc.oneof(
  leafArbitrary,
  fc.array(componentArbitrary, { minLength: 1, maxLength: 4 })
);

const fieldArbitrary: fc.Arbitrary<Hl7FieldInput> = fc.oneof(
  repetitionArbitrary,
  fc.array(repetitionArbitrary, { minLength: 1, maxLength: 3 }).map((repeat) => ({ repeat }))
);

const segmentNameArbitrary = fc
  .stringMatching(/^[A-Z][A-Z0-9]{2}$/)
  .filter((name) => !['MSH', 'FHS', 'BHS'].includes(name));

interface GeneratedMessage {
  readonly delimiters: Hl7Delimiters;
  readonly msh: readonly Hl7FieldInput[];
  readonly segments: readonly { readonly name: string; readonly fields: readonly Hl7FieldInput[] }[];
}

const delimiterSets: readonly Hl7Delimiters[] = [
  { field: '|', component: '^', repetition: '~', escape: '\\', subcomponent: '&', truncation: '' },
  { field: '|', component: '^', repetition: '~', escape: '\\', subcomponent: '&', truncation: '#' },
  { field: '_', component: '@', repetition: '!', escape: '$', subcomponent: '%', truncation: '' },
];

const messageArbitrary: fc.Arbitrary<GeneratedMessage> = fc.record({
  delimiters: fc.constantFrom(...delimiterSets),
  msh: fc.array(fieldArbitrary, { maxLength: 10 }),
  segments: fc.array(fc.record({ name: segmentNameArbitrary, fields: fc.array(fieldArbitrary, { maxLength: 8 }) }), {
    maxLength: 6,
  }),
});

/** The text a leaf reads back as: null is the explicit null `""`, undefined is empty. */
function leafText(leaf: Hl7Leaf): string {
  if (leaf === null) {
    return '""';
  }
  return leaf === undefined ? '' : String(leaf);
}

/** Input field as repetitions → components → subcomponents of expected texts. */
function expectedField(field: Hl7FieldInput): string[][][] {
  const reps: readonly Hl7RepetitionInput[] =
    typeof field === 'object' && field !== null && 'repeat' in field ? field.repeat : [field as Hl7RepetitionInput];
  return reps.map((rep) => {
    const components: readonly Hl7ComponentInput[] = Array.isArray(rep) ? rep : [rep as Hl7Leaf];
    return components.map((component) => {
      const subs: readonly Hl7Leaf[] = Array.isArray(component) ? component : [component as Hl7Leaf];
      return subs.map(leafText);
    });
  });
}

function build(generated: GeneratedMessage): string {
  const builder = new Hl7Builder(generated.delimiters);
  builder.segment('MSH', Object.fromEntries(generated.msh.map((field, i) => [i + 3, field])));
  for (const segment of generated.segments) {
    builder.segment(segment.name, segment.fields);
  }
  return builder.toString();
}

describe('HL7 v2 round trip (fast-check)', () => {
  it('serialize ∘ parse is the identity on built messages, with CR, LF or CRLF terminators', () => {
    fc.assert(
      fc.property(messageArbitrary, fc.constantFrom('\r', '\n', '\r\n'), (generated, terminator) => {
        const text = build(generated);
        const result = tryParseHl7(text.replaceAll('\r', terminator));
        expect(result.ok).toBe(true);
        if (result.ok) {
          expect(result.message.toString()).toBe(text);
          expect(result.message.segments).toHaveLength(1 + generated.segments.length);
        }
      })
    );
  });

  it('every value reads back as written (escapes decoded, "" as the explicit null)', () => {
    fc.assert(
      fc.property(messageArbitrary, (generated) => {
        const result = tryParseHl7(build(generated));
        if (!result.ok) {
          throw new Error(result.error.message);
        }
        const checks: [readonly Hl7FieldInput[], number, number][] = [[generated.msh, 0, 3]];
        generated.segments.forEach((segment, i) => checks.push([segment.fields, i + 1, 1]));
        for (const [fields, segmentIndex, firstField] of checks) {
          const segment = result.message.segments[segmentIndex];
          fields.forEach((field, i) => {
            const number = firstField + i;
            expectedField(field).forEach((rep, r) =>
              rep.forEach((component, c) =>
                component.forEach((text, s) => {
                  expect(segment?.get(number, r + 1, c + 1, s + 1)).toBe(text);
                })
              )
            );
          });
        }
      })
    );
  });

  it('fields re-joined give the segment back (MSH-1/MSH-2 numbering included)', () => {
    fc.assert(
      fc.property(messageArbitrary, (generated) => {
        const result = tryParseHl7(build(generated));
        if (!result.ok) {
          throw new Error(result.error.message);
        }
        for (const segment of result.message.segments) {
          const fs = segment.delimiters.field;
          const numbers = Array.from({ length: segment.fieldCount }, (_, i) => i + 1);
          const rejoined = segment.isHeader
            ? segment.name +
              fs +
              numbers
                .slice(1)
                .map((n) => segment.rawField(n))
                .join(fs)
            : [segment.name, ...numbers.map((n) => segment.rawField(n))].join(fs);
          expect(rejoined).toBe(segment.raw);
        }
      })
    );
  });

  it('parsing arbitrary text never throws; when it parses, the only change is CR terminators and dropped blank lines', () => {
    const unit = fc.constantFrom(...'MSHPID|^~\\&\r\n "1é');
    const fieldsText = fc.string({ unit: fc.constantFrom(...'|^~\\& "1éA'), maxLength: 30 });
    const line = fc.oneof(
      fc.tuple(fc.constantFrom('PID', 'OBX', 'ZZ1', 'MSH'), fieldsText).map(([name, fields]) => `${name}|${fields}`),
      fc.constantFrom('', ' ', ' \t '),
      fc.string({ unit, maxLength: 10 })
    );
    const terminator = fc.constantFrom('\r', '\n', '\r\n', '\r\r', '\n\n', '\n\r');
    const segmented = fc
      .tuple(fc.array(fc.tuple(terminator, line), { maxLength: 8 }), fc.constantFrom('', '\r', '\n', '\r\n'))
      .map(([lines, end]) => `MSH|^~\\&${lines.map(([t, l]) => t + l).join('')}${end}`);
    const text = fc.oneof(segmented, fc.string({ unit, maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }));
    fc.assert(
      fc.property(text, (input) => {
        const result = tryParseHl7(input);
        if (!result.ok) {
          expect(result.error.code).toMatch(/^SIL_HL7_/);
          return;
        }
        const lines = input
          .replace(/^\uFEFF/, '')
          .replace(/\r\n|\n/g, '\r')
          .split('\r')
          .filter((line) => line.trim() !== '');
        const expected = lines.join('\r') + (/[\r\n]$/.test(input) ? '\r' : '');
        expect(result.message.toString()).toBe(expected);
      })
    );
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        expect(typeof tryParseHl7(input).ok).toBe('boolean');
        expect(typeof tryParseHl7(`MSH|^~\\&|${input}`).ok).toBe('boolean');
      })
    );
  });
});
