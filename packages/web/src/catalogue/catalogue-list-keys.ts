import { useState, type KeyboardEvent } from 'react';

/**
 * Keyboard of a catalogue list: from the search box, ↑/↓ move the highlighted row and Enter opens
 * it, so a biologist finds and opens an analysis without the mouse (as in the patient search).
 */
export function useListKeyboard<T>(items: readonly T[], open: (item: T) => void) {
  const [activeIndex, setActiveIndex] = useState(0);
  const active = Math.min(activeIndex, Math.max(items.length - 1, 0));
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex(Math.min(Math.max(active + step, 0), Math.max(items.length - 1, 0)));
    } else if (event.key === 'Enter') {
      const item = items[active];
      if (item !== undefined) {
        event.preventDefault();
        open(item);
      }
    }
  };
  return { activeIndex: active, setActiveIndex, onKeyDown };
}
