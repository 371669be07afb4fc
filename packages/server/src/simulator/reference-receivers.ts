/**
 * Minimal LIS-side receivers built only from core's codecs, for the simulator's tests and for the
 * link bench's load-generator ceiling: an ASTM E1381 receiver (`AstmLinkMachine`, computer role,
 * ACK of a final frame withheld until "stored") and an MLLP receiver answering each message with an
 * HL7 ACK. They are NOT Sillage's links (packages/server/src/connect): they store in memory.
 */
import net, { type Socket } from 'node:net';
import {
  AstmControl,
  AstmLinkMachine,
  buildAck,
  decodeHl7,
  encodeMllp,
  MllpDecoder,
  tryParseHl7,
  type AstmLinkEvent,
  type AstmTimerName,
  type Hl7AckCode,
  type Hl7Message,
} from '@sillage/core';

export interface ReceivedMessage {
  readonly text: string;
  readonly connection: number;
}

export interface ReferenceReceiver {
  readonly port: number;
  /** Messages stored, in order (ASTM: acknowledged; HL7: answered). */
  readonly messages: ReceivedMessage[];
  /** Link errors seen (checksum, truncated frame, garbage…), as `code: detail`. */
  readonly errors: string[];
  /** Connections accepted so far. */
  connectionCount(): number;
  /** Connections still open. */
  openConnections(): number;
  /** NAK bytes written (ASTM). */
  naksSent(): number;
  /** Socket reads so far: a byte-by-byte sender shows as many small reads. */
  dataEvents(): number;
  /** Sends a message from the LIS to every open connection (ASTM orders, HL7 work orders). */
  push(text: string): void;
  close(): Promise<void>;
}

async function listen(server: net.Server, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : 0;
}

function closeServer(server: net.Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) {
    socket.destroy();
  }
  return new Promise((resolve) => server.close(() => resolve()));
}

export interface AstmReceiverOptions {
  readonly host?: string;
  /** Simulated durable-storage time before the final frame's ACK. */
  readonly storeDelayMs?: number;
  /** Corrupt the first text byte of every n-th frame received, so the machine NAKs it (line noise). */
  readonly corruptEveryNthFrame?: number;
  readonly receiveTimeoutMs?: number;
}

export async function startAstmReceiver(options: AstmReceiverOptions = {}): Promise<ReferenceReceiver> {
  const messages: ReceivedMessage[] = [];
  const errors: string[] = [];
  const sockets = new Set<Socket>();
  const machines = new Set<AstmLinkMachine>();
  const feeders = new Map<AstmLinkMachine, (event: AstmLinkEvent) => void>();
  let connections = 0;
  let naks = 0;
  let framesSeen = 0;
  let reads = 0;

  const server = net.createServer((socket) => {
    const connection = ++connections;
    sockets.add(socket);
    socket.setNoDelay(true);
    const machine = new AstmLinkMachine({
      role: 'computer',
      ...(options.receiveTimeoutMs === undefined ? {} : { receiveTimeoutMs: options.receiveTimeoutMs }),
    });
    machines.add(machine);
    const timers = new Map<AstmTimerName, NodeJS.Timeout>();
    let corruptAt = -1; // offset in the current frame of the byte to corrupt
    let frameOffset = -1;
    const feed = (event: AstmLinkEvent): void => {
      for (const action of machine.handle(event, performance.now())) {
        switch (action.type) {
          case 'write':
            if (action.label === 'NAK') {
              naks++;
            }
            if (!socket.destroyed) {
              socket.write(action.bytes);
            }
            break;
          case 'startTimer':
            clearTimeout(timers.get(action.timer));
            timers.set(
              action.timer,
              setTimeout(() => feed({ type: 'timeout', timer: action.timer }), action.ms)
            );
            break;
          case 'cancelTimer':
            clearTimeout(timers.get(action.timer));
            timers.delete(action.timer);
            break;
          case 'awaitStorage': {
            const store = (): void => {
              messages.push({ text: action.messageText, connection });
              feed({ type: 'stored', storageId: action.storageId });
            };
            if ((options.storeDelayMs ?? 0) > 0) {
              setTimeout(store, options.storeDelayMs);
            } else {
              store();
            }
            break;
          }
          case 'linkError':
            errors.push(`${action.code}: ${action.detail}`);
            break;
          default:
            break;
        }
      }
    };
    feeders.set(machine, feed);
    socket.on('data', (chunk: Buffer) => {
      reads++;
      const every = options.corruptEveryNthFrame ?? 0;
      let bytes: Uint8Array = chunk;
      if (every > 0) {
        bytes = Uint8Array.from(chunk);
        for (let i = 0; i < bytes.length; i++) {
          if (bytes[i] === AstmControl.STX) {
            framesSeen++;
            frameOffset = 0;
            corruptAt = framesSeen % every === 0 ? 2 : -1; // STX, frame number, then the first text byte
          } else if (frameOffset >= 0) {
            frameOffset++;
            if (frameOffset === corruptAt) {
              bytes[i] = bytes[i] === 0x41 ? 0x42 : 0x41;
              corruptAt = -1;
            }
          }
        }
      }
      feed({ type: 'bytesReceived', bytes });
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      feed({ type: 'connectionClosed' });
      for (const timer of timers.values()) {
        clearTimeout(timer);
      }
      machines.delete(machine);
      feeders.delete(machine);
    });
  });
  const port = await listen(server, options.host ?? '127.0.0.1');
  return {
    port,
    messages,
    errors,
    connectionCount: () => connections,
    openConnections: () => sockets.size,
    naksSent: () => naks,
    dataEvents: () => reads,
    push(text) {
      for (const machine of machines) {
        feeders.get(machine)?.({ type: 'send', messageText: text });
      }
    },
    close: () => closeServer(server, sockets),
  };
}

export interface MllpReceiverOptions {
  readonly host?: string;
  /** Delay before each ACK (simulated storage). */
  readonly ackDelayMs?: number;
  /** The acknowledgement code for the n-th message (0-based), default AA. */
  readonly ackCode?: (message: Hl7Message, index: number) => Hl7AckCode;
}

export async function startMllpReceiver(options: MllpReceiverOptions = {}): Promise<ReferenceReceiver> {
  const messages: ReceivedMessage[] = [];
  const errors: string[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  let answered = 0;
  let reads = 0;
  const server = net.createServer((socket) => {
    const connection = ++connections;
    sockets.add(socket);
    socket.setNoDelay(true);
    const decoder = new MllpDecoder();
    const report = (events: ReturnType<MllpDecoder['push']>): void => {
      for (const event of events) {
        if (event.type === 'error') {
          errors.push(`${event.reason}: offset ${event.offset}`);
          continue;
        }
        const text = decodeHl7(event.bytes);
        const parsed = tryParseHl7(text);
        if (!parsed.ok) {
          errors.push(`${parsed.error.code}: ${parsed.error.message}`);
          continue;
        }
        if (parsed.message.segment('MSA') !== undefined) {
          continue; // the analyzer's ACK of a message we pushed
        }
        const index = answered++;
        const code = options.ackCode?.(parsed.message, index) ?? 'AA';
        const answer = (): void => {
          if (code === 'AA' || code === 'CA') {
            messages.push({ text, connection });
          }
          const ack =
            code === 'AA' || code === 'CA'
              ? buildAck(parsed.message, { code, controlId: `ACK${index}`, timestamp: new Date() })
              : buildAck(parsed.message, {
                  code,
                  controlId: `ACK${index}`,
                  timestamp: new Date(),
                  error: { code: '207', severity: 'E', message: 'refus simulé' },
                });
          if (!socket.destroyed) {
            socket.write(encodeMllp(new TextEncoder().encode(ack.toString())));
          }
        };
        if ((options.ackDelayMs ?? 0) > 0) {
          setTimeout(answer, options.ackDelayMs);
        } else {
          answer();
        }
      }
    };
    socket.on('data', (chunk: Buffer) => {
      reads++;
      report(decoder.push(chunk));
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      report(decoder.end());
    });
  });
  const port = await listen(server, options.host ?? '127.0.0.1');
  return {
    port,
    messages,
    errors,
    connectionCount: () => connections,
    openConnections: () => sockets.size,
    naksSent: () => 0,
    dataEvents: () => reads,
    push(text) {
      for (const socket of sockets) {
        socket.write(encodeMllp(new TextEncoder().encode(text)));
      }
    },
    close: () => closeServer(server, sockets),
  };
}
