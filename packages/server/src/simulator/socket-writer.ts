import type { Socket } from 'node:net';

/**
 * Writes to a socket in order, either at once or one byte at a time (`slowByteMs` apart) to imitate
 * a slow or noisy line. A byte-by-byte write delays every write queued after it, so the order on
 * the wire is always the order of the calls.
 */
export class SocketWriter {
  private tail: Promise<void> = Promise.resolve();
  private queued = 0;

  constructor(private readonly socket: Socket) {}

  /** Resolves once the bytes are handed to the socket (or the socket is gone). */
  write(bytes: Uint8Array, slowByteMs = 0): Promise<void> {
    if (slowByteMs <= 0 && this.queued === 0) {
      this.writeNow(bytes);
      return Promise.resolve();
    }
    this.queued++;
    const turn = this.tail.then(async () => {
      try {
        if (slowByteMs <= 0) {
          this.writeNow(bytes);
          return;
        }
        for (let i = 0; i < bytes.length && this.writable(); i++) {
          this.writeNow(bytes.subarray(i, i + 1));
          // Below a millisecond setTimeout cannot wait: yield to the event loop instead (still one write per byte).
          await new Promise((resolve) => (slowByteMs >= 1 ? setTimeout(resolve, slowByteMs) : setImmediate(resolve)));
        }
      } finally {
        this.queued--;
      }
    });
    this.tail = turn;
    return turn;
  }

  /** Resolves when every queued write was handed to the socket. */
  flushed(): Promise<void> {
    return this.tail;
  }

  private writable(): boolean {
    return !this.socket.destroyed && this.socket.writable;
  }

  private writeNow(bytes: Uint8Array): void {
    if (this.writable()) {
      this.socket.write(bytes);
    }
  }
}
