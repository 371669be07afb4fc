/**
 * Where the simulator's connections come from: it dials the LIS (the usual set-up: the Sillage
 * link listens, the analyzer connects), or with `--listen` it waits for the LIS to dial it (a link
 * profile in TCP client mode).
 */
import net, { type Socket } from 'node:net';

export interface LinkEndpoint {
  /** `127.0.0.1:5000` or `listen 0.0.0.0:5000`. */
  readonly description: string;
  /** A new connection; rejects when none comes in time or the run is stopped. */
  open(signal?: AbortSignal): Promise<Socket>;
  /** Stops listening (listen mode); open connections are closed by their owners. */
  close(): Promise<void>;
}

export function dialEndpoint(host: string, port: number, connectTimeoutMs = 5_000): LinkEndpoint {
  return {
    description: `${host}:${port}`,
    open(signal) {
      return new Promise((resolve, reject) => {
        const socket = net.connect({ host, port });
        const fail = (error: Error): void => {
          cleanup();
          socket.destroy();
          reject(error);
        };
        const timer = setTimeout(
          () => fail(Object.assign(new Error(`connexion à ${host}:${port} : délai dépassé`), { code: 'ETIMEDOUT' })),
          connectTimeoutMs
        );
        const onAbort = (): void => fail(Object.assign(new Error('simulation arrêtée'), { code: 'ABORTED' }));
        const cleanup = (): void => {
          clearTimeout(timer);
          socket.off('error', fail);
          signal?.removeEventListener('abort', onAbort);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        socket.once('error', fail);
        socket.once('connect', () => {
          cleanup();
          resolve(socket);
        });
      });
    },
    close: () => Promise.resolve(),
  };
}

export interface ListeningEndpoint extends LinkEndpoint {
  /** The port actually bound (useful with port 0). */
  readonly port: number;
}

/** Listens on host:port; each `open()` takes the next connection the LIS makes. */
export async function listenEndpoint(host: string, port: number, acceptTimeoutMs = 60_000): Promise<ListeningEndpoint> {
  const accepted: Socket[] = [];
  const waiting: ((socket: Socket) => void)[] = [];
  const server = net.createServer((socket) => {
    const taker = waiting.shift();
    if (taker === undefined) {
      accepted.push(socket);
    } else {
      taker(socket);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    description: `listen ${host}:${boundPort}`,
    port: boundPort,
    open(signal) {
      const ready = accepted.shift();
      if (ready !== undefined) {
        return Promise.resolve(ready);
      }
      return new Promise((resolve, reject) => {
        const take = (socket: Socket): void => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          resolve(socket);
        };
        const giveUp = (error: Error): void => {
          const at = waiting.indexOf(take);
          if (at >= 0) {
            waiting.splice(at, 1);
          }
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        };
        const timer = setTimeout(
          () => giveUp(Object.assign(new Error('aucune connexion entrante à temps'), { code: 'ETIMEDOUT' })),
          acceptTimeoutMs
        );
        const onAbort = (): void => {
          clearTimeout(timer);
          giveUp(Object.assign(new Error('simulation arrêtée'), { code: 'ABORTED' }));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(take);
      });
    },
    close() {
      for (const socket of accepted.splice(0)) {
        socket.destroy();
      }
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
