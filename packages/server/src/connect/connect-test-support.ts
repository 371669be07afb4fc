/**
 * Test helpers for the instrument links (real sockets): an analyzer side that speaks ASTM E1381 byte
 * by byte (so a test can corrupt a checksum or jump a frame number), an HL7/MLLP sender, and the
 * lab data the links need (a received tube with pending results, a profile, mappings).
 */
import { connect, type Socket } from 'node:net';
import { AstmControl, buildAstmFrames, encodeMllp, MllpDecoder } from '@sillage/core';
import type { TestApp, TestClient } from '../testing/test-app.js';
import { createOrder, createPatient, expectStatus } from '../modules/orders/orders-test-helpers.js';

/** Bytes received on a socket, read in order with timeouts. */
export class ByteReader {
  private buffer: number[] = [];
  private waiters: (() => void)[] = [];
  closed = false;

  constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer.push(...chunk);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) {
      waiter();
    }
  }

  /** The next byte, or undefined after `timeoutMs` (or when the socket closed). */
  async nextByte(timeoutMs = 5000): Promise<number | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (this.buffer.length === 0) {
      if (this.closed || Date.now() >= deadline) {
        return undefined;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.buffer.shift();
  }

  /** Everything received so far (and clears it). */
  take(): number[] {
    return this.buffer.splice(0);
  }
}

export async function openSocket(port: number, host = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host }, () => resolve(socket));
    socket.once('error', reject);
  });
}

export async function closeSocket(socket: Socket): Promise<void> {
  if (socket.destroyed) {
    return;
  }
  await new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    socket.destroy();
  });
}

/** The analyzer side of an E1381 session, one step at a time. */
export class AstmTestInstrument {
  readonly reader: ByteReader;

  private constructor(readonly socket: Socket) {
    this.reader = new ByteReader(socket);
  }

  static async connect(port: number): Promise<AstmTestInstrument> {
    return new AstmTestInstrument(await openSocket(port));
  }

  write(bytes: Uint8Array | number[]): void {
    this.socket.write(Uint8Array.from(bytes));
  }

  /** Writes and returns the one-byte answer (ACK/NAK/EOT…), undefined on timeout. */
  async exchange(bytes: Uint8Array | number[], timeoutMs = 5000): Promise<number | undefined> {
    this.write(bytes);
    return this.reader.nextByte(timeoutMs);
  }

  /** A whole transfer phase: ENQ, every frame ACKed, EOT. Returns false at the first refusal. */
  async sendMessage(text: string, options: { maxText?: number } = {}): Promise<boolean> {
    if ((await this.exchange([AstmControl.ENQ])) !== AstmControl.ACK) {
      return false;
    }
    for (const frame of buildAstmFrames(text, { maxText: options.maxText ?? 240 })) {
      if ((await this.exchange(frame)) !== AstmControl.ACK) {
        return false;
      }
    }
    this.write([AstmControl.EOT]);
    return true;
  }

  /**
   * Receives one message the LIS sends (answers ENQ with ACK, ACKs each frame, stops at EOT) and
   * returns its text (frames' text joined), or undefined on timeout.
   */
  async receiveMessage(timeoutMs = 10_000): Promise<string | undefined> {
    const deadline = Date.now() + timeoutMs;
    let text = '';
    let inFrame = false;
    let frame: number[] = [];
    for (;;) {
      const byte = await this.reader.nextByte(Math.max(1, deadline - Date.now()));
      if (byte === undefined) {
        return undefined;
      }
      if (!inFrame) {
        if (byte === AstmControl.ENQ) {
          this.write([AstmControl.ACK]);
        } else if (byte === AstmControl.STX) {
          inFrame = true;
          frame = [];
        } else if (byte === AstmControl.EOT) {
          return text;
        }
        continue;
      }
      frame.push(byte);
      if (byte === 0x0a) {
        inFrame = false;
        // <FN> text <ETB|ETX> C1 C2 <CR> <LF>: keep the text.
        const end = frame.findIndex((b) => b === AstmControl.ETX || b === AstmControl.ETB);
        text += Buffer.from(frame.slice(1, end)).toString('latin1');
        this.write([AstmControl.ACK]);
      }
    }
  }

  close(): Promise<void> {
    return closeSocket(this.socket);
  }
}

/** An HL7 sender over MLLP collecting the answers. */
export class Hl7TestSender {
  private readonly decoder = new MllpDecoder();
  private readonly answers: string[] = [];
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const event of this.decoder.push(chunk)) {
        if (event.type === 'message') {
          this.answers.push(Buffer.from(event.bytes).toString('utf8'));
        }
      }
      for (const waiter of this.waiters.splice(0)) {
        waiter();
      }
    });
    socket.on('close', () => {
      this.closed = true;
      for (const waiter of this.waiters.splice(0)) {
        waiter();
      }
    });
    socket.on('error', () => undefined);
  }

  static async connect(port: number): Promise<Hl7TestSender> {
    return new Hl7TestSender(await openSocket(port));
  }

  send(message: string | Uint8Array): void {
    const bytes = typeof message === 'string' ? Buffer.from(message, 'utf8') : message;
    this.socket.write(encodeMllp(bytes));
  }

  writeRaw(bytes: Uint8Array | string): void {
    this.socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  }

  /** The next answer (MLLP frame content), or undefined after the timeout. */
  async nextAnswer(timeoutMs = 5000): Promise<string | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (this.answers.length === 0) {
      if (this.closed || Date.now() >= deadline) {
        return undefined;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.answers.shift();
  }

  async request(message: string, timeoutMs = 5000): Promise<string | undefined> {
    this.send(message);
    return this.nextAnswer(timeoutMs);
  }

  close(): Promise<void> {
    return closeSocket(this.socket);
  }
}

/** MSA-1 of an HL7 answer text (`AA`, `AE`, `AR`). */
export function ackCodeOf(answer: string | undefined): string | undefined {
  const msa = answer?.split(/\r|\n/).find((segment) => segment.startsWith('MSA'));
  return msa?.split('|')[1];
}

export const conformReception = {
  accept: true,
  identityMatches: true,
  containerOk: true,
  fillingOk: true,
  temperature: 'ambiante',
  haemolysis: 0,
  lipaemia: 0,
  icterus: 0,
};

export interface ReceivedTube {
  readonly patientId: string;
  readonly orderId: string;
  readonly barcode: string;
}

/** A patient, an order of `analyses`, its (first) tube collected and received: results pending. */
export async function receivedTube(
  desk: TestClient,
  analyses: string[],
  traits: Record<string, unknown> = {}
): Promise<ReceivedTube> {
  const patient = await createPatient(desk, traits);
  const order = await createOrder(desk, patient.id, analyses);
  const barcode = order.specimens[0]?.barcode ?? '';
  expectStatus(await desk.post('/api/specimens/collect', { barcodes: [barcode] }), 200);
  expectStatus(await desk.post(`/api/specimens/${barcode}/receive`, conformReception), 200);
  return { patientId: patient.id, orderId: order.id, barcode };
}

export interface TestInstrument {
  readonly id: string;
  readonly version: number;
}

export async function createInstrument(manager: TestClient, body: Record<string, unknown>): Promise<TestInstrument> {
  const res = await manager.post('/api/instruments', {
    host: '127.0.0.1',
    port: 0,
    role: 'server',
    ...body,
  });
  expectStatus(res, 201);
  return res.json<TestInstrument>();
}

export async function addMappings(
  manager: TestClient,
  instrumentId: string,
  mappings: readonly { instrumentCode: string; analyteCode: string; factor?: number }[]
): Promise<void> {
  for (const mapping of mappings) {
    expectStatus(await manager.post(`/api/instruments/${instrumentId}/mappings`, mapping), 201);
  }
}

/** The port a link listens on (profiles with port 0 take a free one). */
export async function listeningPort(manager: TestClient, instrumentId: string): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const res = await manager.get(`/api/instruments/${instrumentId}`);
    const port = res.json<{ status: { port: number | null; state: string } }>().status.port;
    if (port !== null && port > 0) {
      return port;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`instrument ${instrumentId} is not listening`);
}

export async function count(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await t.db.database.query<{ n: number }>(sql, params as never);
  return Number(row?.n);
}

/** Polls until `check` holds (processing runs in the background), failing after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
