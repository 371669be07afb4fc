/**
 * Allocation-light splitting helpers: the accessors read one part of a delimited text without
 * building the whole `split()` array (the parser is lazy, see hl7-parse.ts), and the whole-field
 * readers walk the field once with `indexOf` (measured ~3× faster than nested `String.prototype.split`
 * on V8, which also allocates every intermediate repetition and component text).
 */

/** The `index`-th (1-based) part of `text` split on the one-character `separator`; '' when absent. */
export function nthPart(text: string, separator: string, index: number): string {
  if (separator === '') {
    return index === 1 ? text : '';
  }
  let start = 0;
  for (let i = 1; i < index; i++) {
    const next = text.indexOf(separator, start);
    if (next === -1) {
      return '';
    }
    start = next + 1;
  }
  const end = text.indexOf(separator, start);
  return end === -1 ? text.slice(start) : text.slice(start, end);
}

/** Number of parts of `text` split on `separator` (an empty text has one empty part, as in `split`). */
export function countParts(text: string, separator: string): number {
  if (separator === '') {
    return 1;
  }
  let count = 1;
  let at = text.indexOf(separator);
  while (at !== -1) {
    count++;
    at = text.indexOf(separator, at + 1);
  }
  return count;
}

/** `text.split(separator)`, with an undeclared ('') separator meaning "no split". */
export function splitOn(text: string, separator: string): string[] {
  if (separator === '') {
    return [text];
  }
  let at = text.indexOf(separator);
  if (at === -1) {
    return [text];
  }
  const parts: string[] = [];
  let start = 0;
  while (at !== -1) {
    parts.push(text.slice(start, at));
    start = at + 1;
    at = text.indexOf(separator, start);
  }
  parts.push(text.slice(start));
  return parts;
}

/** The separators of a field, outermost first; '' for an undeclared one (never split on). */
export interface FieldSeparators {
  readonly repetition: string;
  readonly component: string;
  readonly subcomponent: string;
}

/**
 * Splits a field into repetitions → components → subcomponents, passing every leaf through `leaf`
 * (`text.split` semantics at each level: `a~` has two repetitions, the second `''`).
 * One forward walk: the position of the next separator of each level is kept and only searched again
 * once passed, so a field is scanned at most once per separator kind, whatever its shape; a level
 * whose separator is undeclared ('') is not searched at all. A level with a single part is built as a
 * one-element literal: a `push` onto `[]` would reserve room for 17 elements.
 */
export function splitFieldLeaves(
  text: string,
  separators: FieldSeparators,
  leaf: (text: string) => string
): string[][][] {
  const { repetition, component, subcomponent } = separators;
  const length = text.length;
  let nextRepetition = indexOfDeclared(text, repetition);
  let nextComponent = indexOfDeclared(text, component);
  let nextSubcomponent = indexOfDeclared(text, subcomponent);
  if (nextRepetition === -1 && nextComponent === -1 && nextSubcomponent === -1) {
    return [[[leaf(text)]]];
  }
  let repetitions: string[][][] | undefined;
  let start = 0;
  for (;;) {
    if (nextRepetition !== -1 && nextRepetition < start) {
      nextRepetition = text.indexOf(repetition, start);
    }
    const repetitionEnd = nextRepetition === -1 ? length : nextRepetition;
    let components: string[][] | undefined;
    for (;;) {
      if (nextComponent !== -1 && nextComponent < start) {
        nextComponent = text.indexOf(component, start);
      }
      const componentEnd = nextComponent === -1 || nextComponent > repetitionEnd ? repetitionEnd : nextComponent;
      if (nextSubcomponent !== -1 && nextSubcomponent < start) {
        nextSubcomponent = text.indexOf(subcomponent, start);
      }
      let subcomponents: string[];
      if (nextSubcomponent === -1 || nextSubcomponent > componentEnd) {
        subcomponents = [leaf(text.slice(start, componentEnd))];
      } else {
        subcomponents = [];
        let end = nextSubcomponent;
        for (;;) {
          subcomponents.push(leaf(text.slice(start, end)));
          start = end + 1;
          if (end === componentEnd) {
            break;
          }
          nextSubcomponent = text.indexOf(subcomponent, start);
          end = nextSubcomponent === -1 || nextSubcomponent > componentEnd ? componentEnd : nextSubcomponent;
        }
      }
      start = componentEnd + 1;
      if (components === undefined) {
        if (componentEnd === repetitionEnd) {
          components = [subcomponents];
          break;
        }
        components = [];
      }
      components.push(subcomponents);
      if (componentEnd === repetitionEnd) {
        break;
      }
    }
    if (repetitions === undefined) {
      if (repetitionEnd === length) {
        return [components];
      }
      repetitions = [];
    }
    repetitions.push(components);
    if (repetitionEnd === length) {
      return repetitions;
    }
  }
}

/**
 * Splits a field into repetitions → components, wire text kept (subcomponents not split, escapes not
 * decoded), with the same single walk and one-element literals as {@link splitFieldLeaves}.
 */
export function splitFieldComponents(text: string, repetition: string, component: string): string[][] {
  const length = text.length;
  let nextRepetition = indexOfDeclared(text, repetition);
  let nextComponent = indexOfDeclared(text, component);
  if (nextRepetition === -1 && nextComponent === -1) {
    return [[text]];
  }
  let repetitions: string[][] | undefined;
  let start = 0;
  for (;;) {
    if (nextRepetition !== -1 && nextRepetition < start) {
      nextRepetition = text.indexOf(repetition, start);
    }
    const repetitionEnd = nextRepetition === -1 ? length : nextRepetition;
    if (nextComponent !== -1 && nextComponent < start) {
      nextComponent = text.indexOf(component, start);
    }
    let components: string[];
    if (nextComponent === -1 || nextComponent > repetitionEnd) {
      components = [text.slice(start, repetitionEnd)];
    } else {
      components = [];
      let end = nextComponent;
      for (;;) {
        components.push(text.slice(start, end));
        start = end + 1;
        if (end === repetitionEnd) {
          break;
        }
        nextComponent = text.indexOf(component, start);
        end = nextComponent === -1 || nextComponent > repetitionEnd ? repetitionEnd : nextComponent;
      }
    }
    start = repetitionEnd + 1;
    if (repetitions === undefined) {
      if (repetitionEnd === length) {
        return [components];
      }
      repetitions = [];
    }
    repetitions.push(components);
    if (repetitionEnd === length) {
      return repetitions;
    }
  }
}

/** `text.indexOf(separator)`, -1 for an undeclared ('') separator instead of a match everywhere. */
function indexOfDeclared(text: string, separator: string): number {
  return separator === '' ? -1 : text.indexOf(separator);
}
