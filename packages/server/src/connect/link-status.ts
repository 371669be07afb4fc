/**
 * Live status of one instrument link, as the screens show it: connected or not, how many
 * connections, the port listened on, when the last message came, counts, and the recent errors
 * (bad frames, timeouts, storage failures…). Kept in memory by the link manager; a separate
 * connect process publishes snapshots to `instrument_link_status`.
 */
import type { LinkStatusView } from '../modules/instruments/instruments.schemas.js';

type LinkState = LinkStatusView['state'];

const recentErrorLimit = 20;

export class LinkStatusTracker {
  private state: LinkState = 'stopped';
  private connections = 0;
  private port: number | null = null;
  private lastConnectedAt: Date | null = null;
  private lastMessageAt: Date | null = null;
  private messagesReceived = 0;
  private messagesSent = 0;
  private errorCount = 0;
  private readonly recentErrors: { code: string; detail: string; at: string }[] = [];

  setState(state: LinkState, port?: number | null): void {
    this.state = state;
    if (port !== undefined) {
      this.port = port;
    }
  }

  connectionOpened(): void {
    this.connections++;
    this.lastConnectedAt = new Date();
    this.state = 'connected';
  }

  /** `idleState`: what the link is once no connection is left (listening, or connecting again). */
  connectionClosed(idleState: LinkState): void {
    this.connections = Math.max(0, this.connections - 1);
    if (this.connections === 0 && this.state === 'connected') {
      this.state = idleState;
    }
  }

  messageReceived(): void {
    this.messagesReceived++;
    this.lastMessageAt = new Date();
  }

  messageSent(): void {
    this.messagesSent++;
  }

  error(code: string, detail: string): void {
    this.errorCount++;
    this.recentErrors.unshift({ code, detail: detail.slice(0, 500), at: new Date().toISOString() });
    this.recentErrors.length = Math.min(this.recentErrors.length, recentErrorLimit);
  }

  snapshot(source: LinkStatusView['source'] = 'in-process'): LinkStatusView {
    return {
      state: this.state,
      connections: this.connections,
      port: this.port,
      lastConnectedAt: this.lastConnectedAt?.toISOString() ?? null,
      lastMessageAt: this.lastMessageAt?.toISOString() ?? null,
      messagesReceived: this.messagesReceived,
      messagesSent: this.messagesSent,
      errorCount: this.errorCount,
      lastError: this.recentErrors[0] ?? null,
      recentErrors: [...this.recentErrors],
      source,
    };
  }
}

export function stoppedStatus(source: LinkStatusView['source'] = 'none'): LinkStatusView {
  return new LinkStatusTracker().snapshot(source);
}
