/**
 * The TCP side of one instrument link (node:net): as `server`, Sillage listens and each instrument
 * connection gets its own protocol handler; as `client`, Sillage connects to the instrument and
 * reconnects with a growing delay when the connection drops. Errors of one connection never stop
 * the listener nor the other connections.
 */
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { pendingWorkOrders, setOutboundStatus } from '../modules/instruments/messages.repository.js';
import { AstmConnection } from './astm-connection.js';
import { Hl7Connection } from './hl7-connection.js';
import type { LinkConnection, LinkContext } from './link-context.js';

export class InstrumentEndpoint {
  private server: Server | undefined;
  private readonly connections = new Set<LinkConnection>();
  private readonly sockets = new Set<Socket>();
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectDelay: number;
  private stopped = false;
  private flushing = false;

  constructor(private readonly context: LinkContext) {
    this.reconnectDelay = context.options.reconnectMinMs;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  async start(): Promise<void> {
    if (this.context.profile.role === 'server') {
      await this.listen();
    } else {
      this.connectOnce();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer !== undefined) {
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = undefined;
    }
    for (const socket of this.sockets) {
      socket.destroy();
    }
    const server = this.server;
    this.server = undefined;
    if (server !== undefined) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    this.context.status.setState('stopped');
  }

  /** Sends the logged pending LAB-28 work orders on a live connection. */
  async flushOutbound(): Promise<number> {
    const connection = [...this.connections][0];
    if (connection === undefined || this.flushing) {
      return 0;
    }
    this.flushing = true;
    try {
      let sent = 0;
      for (const message of await pendingWorkOrders(this.context.database, this.context.profile.id, 50)) {
        if (!connection.sendOutbound({ id: message.id, raw: message.raw, text: '' })) {
          break;
        }
        await setOutboundStatus(this.context.database, message.id, 'sent');
        sent++;
      }
      return sent;
    } finally {
      this.flushing = false;
    }
  }

  private listen(): Promise<void> {
    const { profile, status, options } = this.context;
    const server = createServer({ noDelay: true }, (socket) => this.accept(socket));
    server.maxConnections = options.maxConnections;
    this.server = server;
    server.on('error', (error) => {
      status.setState('error');
      status.error('SIL_CONNECT_LISTEN_FAILED', error.message);
      options.logger.error({ instrument: profile.code, err: error.message }, 'écoute impossible');
    });
    return new Promise((resolve) => {
      const onError = (): void => resolve();
      server.once('error', onError);
      server.listen({ port: profile.port, host: profile.host }, () => {
        server.off('error', onError);
        const address = server.address();
        const port = typeof address === 'object' && address !== null ? address.port : profile.port;
        status.setState('listening', port);
        options.logger.info({ instrument: profile.code, port }, 'liaison en écoute');
        resolve();
      });
    });
  }

  private connectOnce(): void {
    const { profile, status } = this.context;
    if (this.stopped) {
      return;
    }
    status.setState('connecting');
    const socket = tcpConnect({ host: profile.host, port: profile.port, noDelay: true });
    socket.once('connect', () => {
      this.reconnectDelay = this.context.options.reconnectMinMs;
    });
    socket.on('error', (error) => status.error('SIL_CONNECT_CONNECT_FAILED', error.message));
    socket.once('close', () => {
      if (!this.stopped) {
        this.reconnectTimer = setTimeout(() => {
          this.reconnectTimer = undefined;
          this.connectOnce();
        }, this.reconnectDelay);
        this.reconnectDelay = Math.min(this.reconnectDelay * 2, this.context.options.reconnectMaxMs);
      }
    });
    socket.once('connect', () => this.accept(socket));
  }

  private accept(socket: Socket): void {
    const { profile, status } = this.context;
    if (this.stopped) {
      socket.destroy();
      return;
    }
    // Instruments keep their connection open for hours: let TCP detect a dead peer.
    socket.setKeepAlive(true, 60_000);
    const connection: LinkConnection =
      profile.protocol === 'astm' ? new AstmConnection(socket, this.context) : new Hl7Connection(socket, this.context);
    this.sockets.add(socket);
    this.connections.add(connection);
    status.connectionOpened();
    socket.once('close', () => {
      this.sockets.delete(socket);
      this.connections.delete(connection);
      status.connectionClosed(profile.role === 'server' ? 'listening' : 'connecting');
    });
    if (profile.protocol === 'hl7' && profile.direction === 'bi') {
      void this.flushOutbound().catch(() => undefined);
    }
  }
}
