import type { InboundStatus, LinkState, LinkStatus } from './instrument-types.js';

/** How often the list asks the server for the live link status. */
export const linkStatusRefreshMs = 5_000;

export interface LinkBadge {
  state: LinkState;
  color: string;
}

const stateColors: Record<LinkState, string> = {
  connected: 'teal',
  listening: 'blue',
  connecting: 'yellow',
  error: 'red',
  stopped: 'gray',
};

/**
 * The badge of a link. A connected link whose last error is more recent than its last message is
 * still shown connected: the error count beside it tells the story; only the link state decides.
 */
export function linkBadge(status: Pick<LinkStatus, 'state'>): LinkBadge {
  return { state: status.state, color: stateColors[status.state] };
}

const messageColors: Record<InboundStatus, string> = {
  received: 'blue',
  processed: 'teal',
  error: 'red',
  orphan: 'orange',
};

export function messageStatusColor(status: InboundStatus): string {
  return messageColors[status];
}
