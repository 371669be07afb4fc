import type { Socket } from 'node:net';

/** Resolves when the socket has fully closed (at once if it already has). */
export function waitForClose(socket: Socket): Promise<void> {
  if (socket.closed) {
    return Promise.resolve();
  }
  return new Promise((resolve) => socket.once('close', () => resolve()));
}
