import { describe, expect, it } from 'vitest';
import {
  createShortcutMatcher,
  isFunctionKey,
  isTypingTarget,
  parseShortcut,
  strokeMatches,
  type KeyEventLike,
} from './shortcut-matcher.js';

function key(keyName: string, init: Partial<KeyEventLike> = {}): KeyEventLike {
  return { key: keyName, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...init };
}

describe('parseShortcut', () => {
  it('parses modifiers, named keys and sequences', () => {
    expect(parseShortcut('Alt+N')).toEqual([{ key: 'n', alt: true, ctrl: false, meta: false, shift: false }]);
    expect(parseShortcut('g h').map((stroke) => stroke.key)).toEqual(['g', 'h']);
    expect(parseShortcut('Esc')[0]?.key).toBe('Escape');
    expect(parseShortcut('F2')[0]?.key).toBe('F2');
  });

  it('rejects an empty stroke', () => {
    expect(() => parseShortcut('Alt+')).toThrow();
  });
});

describe('strokeMatches', () => {
  const [altN] = parseShortcut('Alt+N');
  const [question] = parseShortcut('?');
  const [f2] = parseShortcut('F2');

  it('matches Alt+N by character or, when Alt composes a character, by physical key', () => {
    expect(altN && strokeMatches(altN, key('n', { altKey: true }))).toBe(true);
    expect(altN && strokeMatches(altN, key('˜', { altKey: true, code: 'KeyN' }))).toBe(true);
    expect(altN && strokeMatches(altN, key('n'))).toBe(false);
    expect(altN && strokeMatches(altN, key('n', { altKey: true, ctrlKey: true }))).toBe(false);
    expect(altN && strokeMatches(altN, key('N', { altKey: true, shiftKey: true }))).toBe(false);
  });

  it('matches ? whatever Shift state the layout needs (QWERTY Shift+/, AZERTY Shift+,)', () => {
    expect(question && strokeMatches(question, key('?', { shiftKey: true }))).toBe(true);
    expect(question && strokeMatches(question, key('/', { shiftKey: false }))).toBe(false);
    expect(question && strokeMatches(question, key('?', { ctrlKey: true, shiftKey: true }))).toBe(false);
  });

  it('matches function keys without Shift only', () => {
    expect(f2 && strokeMatches(f2, key('F2'))).toBe(true);
    expect(f2 && strokeMatches(f2, key('F2', { shiftKey: true }))).toBe(false);
    expect(f2 && strokeMatches(f2, key('F12'))).toBe(false);
  });
});

describe('createShortcutMatcher', () => {
  const bindings = [
    { id: 'help', keys: ['?'] },
    { id: 'search', keys: ['/', 'F2'] },
    { id: 'newPatient', keys: ['Alt+N'] },
    { id: 'home', keys: ['g h'] },
  ] as const;
  const outside = (now: number) => ({ typing: false, now });
  const inField = (now: number) => ({ typing: true, now });

  it('fires single-stroke shortcuts outside text fields', () => {
    const matcher = createShortcutMatcher(bindings);
    expect(matcher.handle(key('?', { shiftKey: true }), outside(0))).toBe('help');
    expect(matcher.handle(key('/'), outside(10))).toBe('search');
    expect(matcher.handle(key('n', { altKey: true }), outside(20))).toBe('newPatient');
  });

  it('fires a two-stroke sequence only within the timeout', () => {
    const matcher = createShortcutMatcher(bindings, { sequenceTimeoutMs: 1000 });
    expect(matcher.handle(key('g'), outside(0))).toBeNull();
    expect(matcher.handle(key('h'), outside(500))).toBe('home');
    expect(matcher.handle(key('g'), outside(2000))).toBeNull();
    expect(matcher.handle(key('h'), outside(3500))).toBeNull();
  });

  it('ignores modifier keydowns inside a sequence and breaks it on another key', () => {
    const matcher = createShortcutMatcher(bindings);
    expect(matcher.handle(key('g'), outside(0))).toBeNull();
    expect(matcher.handle(key('Shift', { shiftKey: true }), outside(10))).toBeNull();
    expect(matcher.handle(key('h'), outside(20))).toBe('home');
    expect(matcher.handle(key('g'), outside(30))).toBeNull();
    expect(matcher.handle(key('x'), outside(40))).toBeNull();
    expect(matcher.handle(key('h'), outside(50))).toBeNull();
  });

  it('lets only function keys through while typing', () => {
    const matcher = createShortcutMatcher(bindings);
    expect(matcher.handle(key('?', { shiftKey: true }), inField(0))).toBeNull();
    expect(matcher.handle(key('/'), inField(10))).toBeNull();
    expect(matcher.handle(key('n', { altKey: true }), inField(20))).toBeNull();
    expect(matcher.handle(key('g'), inField(30))).toBeNull();
    expect(matcher.handle(key('h'), outside(40))).toBeNull();
    expect(matcher.handle(key('F2'), inField(50))).toBe('search');
  });
});

describe('isFunctionKey', () => {
  it.each([
    ['F1', true],
    ['F12', true],
    ['F24', true],
    ['F25', false],
    ['F', false],
    ['f2', false],
    ['Enter', false],
  ])('%s → %s', (name, expected) => {
    expect(isFunctionKey(name)).toBe(expected);
  });
});

describe('isTypingTarget', () => {
  it('treats text inputs, textareas and contenteditable as typing, not buttons or checkboxes', () => {
    const text = document.createElement('input');
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    const textarea = document.createElement('textarea');
    const button = document.createElement('button');
    expect(isTypingTarget(text)).toBe(true);
    expect(isTypingTarget(textarea)).toBe(true);
    expect(isTypingTarget(checkbox)).toBe(false);
    expect(isTypingTarget(button)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
