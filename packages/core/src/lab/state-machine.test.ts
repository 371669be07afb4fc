import { describe, expect, it } from 'vitest';
import { findTransition, firstFailingGuard, type GuardDefinition, type TransitionDefinition } from './state-machine.js';

type Light = 'red' | 'green';
interface Context {
  readonly powered: boolean;
  readonly authorised: boolean;
}
const guards: Record<'powered' | 'authorised', GuardDefinition<Context, 'E_POWER' | 'E_AUTH'>> = {
  powered: { descriptionFr: 'sous tension', errorCode: 'E_POWER', check: (context) => context.powered },
  authorised: { descriptionFr: 'autorisé', errorCode: 'E_AUTH', check: (context) => context.authorised },
};
const transitions: TransitionDefinition<Light, 'powered' | 'authorised', 'log'>[] = [
  { from: 'red', to: 'green', guards: ['authorised', 'powered'], effects: ['log'] },
];

describe('state machine helpers', () => {
  it('finds a transition by its ends', () => {
    expect(findTransition(transitions, 'red', 'green')).toBe(transitions[0]);
    expect(findTransition(transitions, 'green', 'red')).toBeNull();
  });

  it.each([
    [{ powered: true, authorised: true }, null],
    [{ powered: false, authorised: true }, 'E_POWER'],
    [{ powered: false, authorised: false }, 'E_AUTH'], // guards are checked in the listed order
  ])('%o → %s', (context, code) => {
    expect(firstFailingGuard(transitions[0]?.guards ?? [], guards, context)).toBe(code);
  });
});
