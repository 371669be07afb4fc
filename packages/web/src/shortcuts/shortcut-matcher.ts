/**
 * Keyboard shortcut matching, kept pure so it can be tested without a DOM.
 * A shortcut spec is a space-separated sequence of strokes, each stroke `Mod+Mod+key`:
 * `?`, `/`, `F2`, `Alt+N`, `g h` (press g, then h within the sequence timeout).
 */

export interface KeyStroke {
  key: string;
  alt: boolean;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
}

/** The members of a KeyboardEvent the matcher reads. */
export interface KeyEventLike {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export interface ShortcutBinding<Id extends string> {
  id: Id;
  /** Alternative specs, any of which triggers the shortcut. */
  keys: readonly string[];
}

const modifierKeys = new Set(['Shift', 'Alt', 'AltGraph', 'Control', 'Meta', 'OS', 'CapsLock']);

function normalizeKeyName(key: string): string {
  const aliases: Record<string, string> = { esc: 'Escape', escape: 'Escape', enter: 'Enter', space: ' ' };
  const alias = aliases[key.toLowerCase()];
  if (alias !== undefined) {
    return alias;
  }
  return key.length === 1 ? key.toLowerCase() : key;
}

export function parseStroke(spec: string): KeyStroke {
  const parts = spec.split('+');
  // A lone "+" key would split into two empty parts; no shortcut uses it.
  const key = parts.pop() ?? '';
  if (key === '') {
    throw new Error(`Invalid shortcut stroke: "${spec}"`);
  }
  const mods = new Set(parts.map((part) => part.toLowerCase()));
  return {
    key: normalizeKeyName(key),
    alt: mods.has('alt'),
    ctrl: mods.has('ctrl') || mods.has('control'),
    meta: mods.has('meta') || mods.has('cmd'),
    shift: mods.has('shift'),
  };
}

export function parseShortcut(spec: string): KeyStroke[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((stroke) => parseStroke(stroke));
}

export function isFunctionKey(key: string): boolean {
  return /^F([1-9]|1[0-9]|2[0-4])$/.test(key);
}

export function isModifierKey(key: string): boolean {
  return modifierKeys.has(key);
}

function isLetter(key: string): boolean {
  return /^[a-z]$/.test(key);
}

export function strokeMatches(stroke: KeyStroke, event: KeyEventLike): boolean {
  if (stroke.alt !== event.altKey || stroke.ctrl !== event.ctrlKey || stroke.meta !== event.metaKey) {
    return false;
  }
  if (isLetter(stroke.key)) {
    if (stroke.shift !== event.shiftKey) {
      return false;
    }
    if (event.key.toLowerCase() === stroke.key) {
      return true;
    }
    // With Alt (macOS Option, AltGr layouts) `key` is a composed character: fall back to the
    // physical key, which is where the letter sits on QWERTY and AZERTY alike for N, G, H.
    return (stroke.alt || stroke.ctrl || stroke.meta) && event.code === `Key${stroke.key.toUpperCase()}`;
  }
  if (stroke.key.length === 1) {
    // Punctuation: `?` and `/` need Shift on some layouts (AZERTY) and not on others, so Shift is
    // not compared; the produced character is.
    return event.key === stroke.key;
  }
  return stroke.shift === event.shiftKey && event.key === stroke.key;
}

export interface ShortcutMatcherOptions {
  /** How long the first stroke of a sequence (`g` of `g h`) waits for the next one. */
  sequenceTimeoutMs?: number;
}

export interface ShortcutMatcher<Id extends string> {
  /**
   * Feeds one keydown. `typing` tells that focus is in a text field: then only function keys
   * (F1–F24) count, so typing a `?` or a `g` in a name never triggers anything.
   * Returns the id of the completed shortcut, or null.
   */
  handle(event: KeyEventLike, context: { typing: boolean; now: number }): Id | null;
  reset(): void;
}

export function createShortcutMatcher<Id extends string>(
  bindings: readonly ShortcutBinding<Id>[],
  options: ShortcutMatcherOptions = {}
): ShortcutMatcher<Id> {
  const timeout = options.sequenceTimeoutMs ?? 1000;
  const compiled = bindings.flatMap((binding) =>
    binding.keys.map((spec) => ({ id: binding.id, strokes: parseShortcut(spec) }))
  );
  const longest = Math.max(1, ...compiled.map((entry) => entry.strokes.length));
  let buffer: KeyEventLike[] = [];
  let lastAt = Number.NEGATIVE_INFINITY;

  return {
    handle(event, { typing, now }) {
      if (isModifierKey(event.key)) {
        return null;
      }
      if (typing && !isFunctionKey(event.key)) {
        buffer = [];
        return null;
      }
      if (now - lastAt > timeout) {
        buffer = [];
      }
      lastAt = now;
      buffer = [...buffer, event].slice(-longest);
      // Longest sequences first, so `g h` wins over a hypothetical single `h`.
      const candidates = [...compiled].sort((a, b) => b.strokes.length - a.strokes.length);
      for (const candidate of candidates) {
        const tail = buffer.slice(-candidate.strokes.length);
        if (
          tail.length === candidate.strokes.length &&
          candidate.strokes.every((stroke, index) => {
            const pressed = tail[index];
            return pressed !== undefined && strokeMatches(stroke, pressed);
          })
        ) {
          buffer = [];
          return candidate.id;
        }
      }
      return null;
    },
    reset() {
      buffer = [];
    },
  };
}

/** Is the keyboard focus in a place where keys type text? */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) {
    return false;
  }
  if (target.isContentEditable) {
    return true;
  }
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
    return true;
  }
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}
