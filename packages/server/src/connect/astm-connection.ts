/**
 * One ASTM E1381 connection: bytes from the socket feed the pure `AstmLinkMachine`, whose actions
 * are applied here (write, arm and cancel timers). The ACK of a message's final frame is held by
 * the machine (`awaitStorage`) until the message is committed to `inbound_message`: then `stored`
 * releases the ACK; a failed store feeds `storageFailed` (NAK: the instrument sends it again).
 * Processing follows; a host query's answer is queued on the machine, which sends it (ENQ, frames,
 * EOT) once the instrument has ended its session (E1381 §6.2: one sender at a time).
 */
import type { Socket } from 'node:net';
import { AstmLinkMachine, type AstmLinkAction, type AstmLinkEvent, type AstmTimerName } from '@sillage/core';
import { storeInbound } from '../modules/instruments/inbound-store.js';
import { setOutboundStatus } from '../modules/instruments/messages.repository.js';
import { remoteAddressOf, type LinkConnection, type LinkContext } from './link-context.js';

/** Record types present, in order of first appearance (`H,P,O,R,L`, `H,Q,L`): the log's message type. */
function recordTypesOf(text: string): string {
  const types: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const type = line.charAt(0);
    if (/^[A-Z]$/.test(type) && !types.includes(type)) {
      types.push(type);
    }
  }
  return types.join(',').slice(0, 60);
}

export class AstmConnection implements LinkConnection {
  private readonly machine: AstmLinkMachine;
  private readonly timers = new Map<AstmTimerName, NodeJS.Timeout>();
  private readonly outboundIds = new Map<string, number>();
  private readonly remote: string | null;
  private closed = false;

  constructor(
    private readonly socket: Socket,
    private readonly context: LinkContext
  ) {
    this.remote = remoteAddressOf(socket);
    this.machine = new AstmLinkMachine({
      ...context.options.astm,
      role: 'computer',
      charset: context.profile.charset,
      ackAfterStorage: true,
    });
    socket.on('data', (chunk: Buffer) => this.feed({ type: 'bytesReceived', bytes: chunk }));
    socket.on('close', () => this.onClose());
    socket.on('error', (error) => this.context.status.error('SIL_ASTM_LINK_CLOSED', error.message));
  }

  sendOutbound(message: { id: number; text: string }): boolean {
    if (this.closed) {
      return false;
    }
    const messageId = `out-${message.id}`;
    this.outboundIds.set(messageId, message.id);
    this.feed({ type: 'send', messageText: message.text, messageId });
    return true;
  }

  close(): void {
    this.socket.destroy();
  }

  private feed(event: AstmLinkEvent): void {
    if (this.closed && event.type !== 'connectionClosed') {
      return;
    }
    for (const action of this.machine.handle(event, Date.now())) {
      this.apply(action);
    }
  }

  private apply(action: AstmLinkAction): void {
    switch (action.type) {
      case 'write':
        if (!this.socket.destroyed && this.socket.writable) {
          this.socket.write(action.bytes);
        }
        return;
      case 'startTimer': {
        this.clearTimer(action.timer);
        const timer = setTimeout(() => {
          this.timers.delete(action.timer);
          this.feed({ type: 'timeout', timer: action.timer });
        }, action.ms);
        this.timers.set(action.timer, timer);
        return;
      }
      case 'cancelTimer':
        this.clearTimer(action.timer);
        return;
      case 'awaitStorage':
        void this.store(action.storageId, action.textBytes, action.messageText);
        return;
      case 'deliver':
        return; // not produced: the machine runs with ackAfterStorage
      case 'sent':
        this.context.status.messageSent();
        this.settleOutbound(action.messageId, 'acknowledged', null);
        return;
      case 'sendFailed':
        this.context.status.error(action.code, action.detail);
        this.settleOutbound(action.messageId, 'failed', `${action.code}: ${action.detail}`);
        return;
      case 'linkError':
        this.context.status.error(action.code, action.detail);
        return;
    }
  }

  private async store(storageId: number, textBytes: Uint8Array, messageText: string): Promise<void> {
    const { profile, database, options, status } = this.context;
    let storedId: number;
    try {
      const stored = await storeInbound(
        database,
        {
          instrumentId: profile.id,
          protocol: 'astm',
          raw: textBytes,
          remoteAddress: this.remote,
          messageType: recordTypesOf(messageText),
          controlId: null,
        },
        options.dedupeWindowMs
      );
      storedId = stored.id;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      status.error('SIL_CONNECT_STORAGE_FAILED', reason);
      options.logger.error({ instrument: profile.code, err: reason }, 'stockage du message ASTM en échec : NAK');
      this.feed({ type: 'storageFailed', storageId, reason });
      return;
    }
    // Committed: only now may the final frame be acknowledged.
    this.feed({ type: 'stored', storageId });
    status.messageReceived();
    try {
      const result = await this.context.worker.processNow(storedId);
      for (const reply of result.replies) {
        if (reply.protocol === 'astm') {
          this.sendOutbound({ id: reply.outboundId, text: reply.text });
        }
      }
    } catch (error) {
      options.logger.warn(
        { instrument: profile.code, message: storedId, err: error instanceof Error ? error.message : String(error) },
        'traitement différé (file des messages)'
      );
    }
  }

  private settleOutbound(messageId: string, state: 'acknowledged' | 'failed', detail: string | null): void {
    const outboundId = this.outboundIds.get(messageId);
    if (outboundId === undefined) {
      return;
    }
    this.outboundIds.delete(messageId);
    setOutboundStatus(this.context.database, outboundId, state, detail).catch((error: unknown) =>
      this.context.options.logger.warn({ err: String(error) }, 'journal des envois non mis à jour')
    );
  }

  private clearTimer(name: AstmTimerName): void {
    const timer = this.timers.get(name);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.timers.delete(name);
    }
  }

  private onClose(): void {
    if (this.closed) {
      return;
    }
    this.feed({ type: 'connectionClosed' });
    this.closed = true;
    for (const timer of this.timers.values()) {
      clearTimeout(timer);
    }
    this.timers.clear();
  }
}
