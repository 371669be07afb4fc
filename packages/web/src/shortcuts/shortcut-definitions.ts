import type { ShortcutBinding } from './shortcut-matcher.js';

export type ShortcutId = 'help' | 'focusPatientSearch' | 'newPatient' | 'goHome';

/** Global shortcuts. Only function keys work while the cursor is in a text field. */
export const globalShortcuts: readonly ShortcutBinding<ShortcutId>[] = [
  { id: 'help', keys: ['?'] },
  { id: 'focusPatientSearch', keys: ['/', 'F2'] },
  { id: 'newPatient', keys: ['Alt+N'] },
  { id: 'goHome', keys: ['g h'] },
];

/** What the help modal lists: the global shortcuts plus keys handled by components themselves. */
export const documentedShortcuts = [
  { keys: ['?'], descriptionKey: 'shortcuts.help' },
  { keys: ['/', 'F2'], descriptionKey: 'shortcuts.focusPatientSearch' },
  { keys: ['Alt+N'], descriptionKey: 'shortcuts.newPatient' },
  { keys: ['g h'], descriptionKey: 'shortcuts.goHome' },
  { keys: ['↑', '↓'], descriptionKey: 'shortcuts.moveInResults' },
  { keys: ['Enter'], descriptionKey: 'shortcuts.openResult' },
  { keys: ['Esc'], descriptionKey: 'shortcuts.close' },
  { keys: ['Enter'], descriptionKey: 'shortcuts.addAnalysis' },
  { keys: ['Backspace'], descriptionKey: 'shortcuts.removeAnalysis' },
  { keys: ['Enter'], descriptionKey: 'shortcuts.resultNextRow' },
  { keys: ['↑', '↓'], descriptionKey: 'shortcuts.resultMove' },
] as const;
