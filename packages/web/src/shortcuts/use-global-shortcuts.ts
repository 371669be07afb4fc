import { useEffect, useRef } from 'react';
import { globalShortcuts, type ShortcutId } from './shortcut-definitions.js';
import { createShortcutMatcher, isTypingTarget } from './shortcut-matcher.js';

export type ShortcutHandlers = Record<ShortcutId, () => void>;

/** Listens to keydown on the window and runs the handler of each completed shortcut. */
export function useGlobalShortcuts(handlers: ShortcutHandlers, enabled = true): void {
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    const matcher = createShortcutMatcher(globalShortcuts);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.repeat) {
        return;
      }
      const id = matcher.handle(event, { typing: isTypingTarget(event.target), now: event.timeStamp });
      if (id !== null) {
        event.preventDefault();
        handlersRef.current[id]();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
