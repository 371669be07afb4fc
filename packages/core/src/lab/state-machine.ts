/**
 * State machines as data (DESIGN.md § Domain model): a table of transitions, each with named guards
 * (checked in order; the first that fails gives its stable error code) and named after-effects the
 * service performs in the same transaction (audit, validation log, report…).
 */

export interface GuardDefinition<Context, Code extends string> {
  /** What the guard requires, in French (shown in the workflow documentation and tooltips). */
  readonly descriptionFr: string;
  readonly errorCode: Code;
  readonly check: (context: Context) => boolean;
}

export interface TransitionDefinition<Status extends string, Guard extends string, Effect extends string> {
  readonly from: Status;
  readonly to: Status;
  readonly guards: readonly Guard[];
  readonly effects: readonly Effect[];
}

export function findTransition<Status extends string, Guard extends string, Effect extends string>(
  transitions: readonly TransitionDefinition<Status, Guard, Effect>[],
  from: Status,
  to: Status
): TransitionDefinition<Status, Guard, Effect> | null {
  return transitions.find((transition) => transition.from === from && transition.to === to) ?? null;
}

/** The first failing guard's code, or `null` when every guard passes. */
export function firstFailingGuard<Guard extends string, Context, Code extends string>(
  guards: readonly Guard[],
  definitions: Readonly<Record<Guard, GuardDefinition<Context, Code>>>,
  context: Context
): Code | null {
  for (const guard of guards) {
    const definition = definitions[guard];
    if (!definition.check(context)) {
      return definition.errorCode;
    }
  }
  return null;
}
