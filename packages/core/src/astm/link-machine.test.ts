import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../test-support/shared-fixtures.js';
import { decodeControlNotation, encodeControlNotation } from './control-notation.js';
import { decodeInstrumentText, encodeInstrumentText } from './instrument-charset.js';
import { AstmLinkMachine } from './link-machine.js';
import type { AstmLinkAction, AstmLinkEvent, AstmLinkOptions, AstmTimerName } from './link-types.js';
import { tryParseAstmMessages } from './message-parser.js';

const bytesOf = (notation: string): Uint8Array => encodeInstrumentText(decodeControlNotation(notation), 'iso-8859-1');
const notationOf = (bytes: Uint8Array): string => encodeControlNotation(decodeInstrumentText(bytes, 'iso-8859-1'));

/** Drives a machine with a virtual clock: applies timer actions, records writes, optionally confirms storage. */
class LinkHarness {
  readonly machine: AstmLinkMachine;
  now = 0;
  readonly timers = new Map<AstmTimerName, number>();
  readonly writes: string[] = [];
  readonly actions: AstmLinkAction[] = [];
  readonly stored: string[] = [];
  pendingStorage: number[] = [];

  constructor(
    options: AstmLinkOptions = {},
    private readonly autoStore = true
  ) {
    this.machine = new AstmLinkMachine(options);
  }

  feed(notation: string | Uint8Array): AstmLinkAction[] {
    const bytes = typeof notation === 'string' ? bytesOf(notation) : notation;
    return this.handle({ type: 'bytesReceived', bytes });
  }

  handle(event: AstmLinkEvent): AstmLinkAction[] {
    const actions = this.machine.handle(event, this.now);
    for (const action of actions) {
      this.actions.push(action);
      switch (action.type) {
        case 'write':
          this.writes.push(notationOf(action.bytes));
          break;
        case 'startTimer':
          this.timers.set(action.timer, this.now + action.ms);
          break;
        case 'cancelTimer':
          this.timers.delete(action.timer);
          break;
        case 'awaitStorage':
          if (this.autoStore) {
            this.stored.push(action.messageText);
            this.handle({ type: 'stored', storageId: action.storageId });
          } else {
            this.pendingStorage.push(action.storageId);
          }
          break;
        case 'deliver':
          this.stored.push(action.messageText);
          break;
        default:
          break;
      }
    }
    return actions;
  }

  /** Moves the clock forward, firing due timers in deadline order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.timers].filter(([, at]) => at <= until).sort((a, b) => a[1] - b[1])[0];
      if (due === undefined) {
        break;
      }
      this.now = due[1];
      this.timers.delete(due[0]);
      this.handle({ type: 'timeout', timer: due[0] });
    }
    this.now = until;
  }

  takeWrites(): string[] {
    return this.writes.splice(0);
  }

  codes(): string[] {
    return this.actions.flatMap((a) => (a.type === 'linkError' || a.type === 'sendFailed' ? [a.code] : []));
  }
}

/** A frame of `text` numbered `number`, ending with ETB when `final` is false. */
function frameOf(text: string, number: number, final: boolean): string {
  const bytes = encodeInstrumentText(text, 'iso-8859-1');
  const body = [0x30 + number, ...bytes, final ? 0x03 : 0x17];
  const sum = body.reduce((a, b) => (a + b) & 0xff, 0);
  const checksum = sum.toString(16).toUpperCase().padStart(2, '0');
  return `<STX>${number}${text.replace(/\r/g, '<CR>')}${final ? '<ETX>' : '<ETB>'}${checksum}<CR><LF>`;
}

describe('AstmLinkMachine — receiver', () => {
  it('answers ENQ, acknowledges frames, stores each message before its final ACK, returns to idle on EOT', () => {
    const link = new LinkHarness();
    link.feed('<ENQ>');
    expect(link.takeWrites()).toEqual(['<ACK>']);
    expect(link.machine.snapshot().phase).toBe('receiving');
    link.feed(frameOf('H|\\^&\rP|1\r', 1, false));
    link.feed(frameOf('O|1|SID1\rR|1|^^^GLU|5.2\rL|1|N\r', 2, true));
    expect(link.takeWrites()).toEqual(['<ACK>', '<ACK>']);
    expect(link.stored).toEqual(['H|\\^&\rP|1\rO|1|SID1\rR|1|^^^GLU|5.2\rL|1|N\r']);
    link.feed('<EOT>');
    expect(link.machine.snapshot()).toMatchObject({ phase: 'idle', messagesReceived: 1 });
    expect(link.timers.size).toBe(0);
  });

  it('NAKs a bad checksum, then accepts the retransmitted frame (whole ENQ…EOT session)', () => {
    const link = new LinkHarness();
    const good = frameOf('H|\\^&|||LIS\r', 1, true);
    const corrupted = good.replace('LIS', 'LIZ');
    link.feed('<ENQ>');
    link.feed(corrupted);
    link.feed(good);
    link.feed(frameOf('L|1|N\r', 2, true));
    link.feed('<EOT>');
    expect(link.takeWrites()).toEqual(['<ACK>', '<NAK>', '<ACK>', '<ACK>']);
    expect(link.codes()).toEqual(['SIL_ASTM_FRAME_CHECKSUM']);
    expect(link.stored).toEqual(['H|\\^&|||LIS\r', 'L|1|N\r']);
  });

  it('NAKs an unexpected frame number and re-ACKs a repeated frame without keeping it twice', () => {
    const link = new LinkHarness();
    link.feed('<ENQ>');
    link.feed(frameOf('H|\\^&\r', 2, false)); // first frame must be 1
    link.feed(frameOf('H|\\^&\r', 1, false));
    link.feed(frameOf('H|\\^&\r', 1, false)); // ACK lost, sender repeats
    link.feed(frameOf('L|1\r', 3, true)); // skipped 2
    link.feed(frameOf('L|1\r', 2, true));
    expect(link.takeWrites()).toEqual(['<ACK>', '<NAK>', '<ACK>', '<ACK>', '<NAK>', '<ACK>']);
    expect(link.codes()).toEqual(['SIL_ASTM_FRAME_NUMBER', 'SIL_ASTM_FRAME_NUMBER']);
    expect(link.stored).toEqual(['H|\\^&\rL|1\r']);
  });

  it('numbers frames 1…7, 0, 1 across messages of one session (Pentra-style: one record per ETX frame)', () => {
    const link = new LinkHarness();
    link.feed('<ENQ>');
    for (let i = 0; i < 10; i++) {
      link.feed(frameOf(`R|${i + 1}\r`, (i + 1) % 8, true));
    }
    expect(link.takeWrites()).toEqual(Array(11).fill('<ACK>'));
    expect(link.stored).toHaveLength(10);
  });

  it('answers NAK to ENQ while busy', () => {
    const link = new LinkHarness();
    link.handle({ type: 'setBusy', busy: true });
    link.feed('<ENQ>');
    link.feed(frameOf('H|\\^&\r', 1, true));
    expect(link.takeWrites()).toEqual(['<NAK>']);
    expect(link.machine.snapshot().phase).toBe('idle');
    link.handle({ type: 'setBusy', busy: false });
    link.feed('<ENQ>');
    expect(link.takeWrites()).toEqual(['<ACK>']);
  });

  it('drops a partial message after 30 s without a frame, then accepts a new session', () => {
    const link = new LinkHarness();
    link.feed('<ENQ>');
    link.feed(frameOf('H|\\^&\r', 1, false));
    link.feed('<STX>2P|1'); // a connection that stalls mid-frame
    link.advance(29_999);
    expect(link.machine.snapshot().phase).toBe('receiving');
    link.advance(1);
    expect(link.machine.snapshot().phase).toBe('idle');
    expect(link.codes()).toEqual(['SIL_ASTM_LINK_TIMEOUT', 'SIL_ASTM_LINK_ABORTED']);
    link.takeWrites();
    link.feed('<ENQ>');
    link.feed(frameOf('H|\\^&\rL|1\r', 1, true));
    expect(link.takeWrites()).toEqual(['<ACK>', '<ACK>']);
    expect(link.stored).toEqual(['H|\\^&\rL|1\r']);
  });

  it('a trickle of bytes does not extend the receive timer (one byte a minute)', () => {
    const link = new LinkHarness();
    link.feed('<ENQ>');
    link.advance(20_000);
    link.feed('<STX>');
    link.advance(10_000);
    expect(link.machine.snapshot().phase).toBe('idle');
  });

  it('discards the partial message on EOT or on a new ENQ', () => {
    const link = new LinkHarness();
    link.feed('<ENQ>' + frameOf('H|\\^&\r', 1, false) + '<EOT>');
    link.feed('<ENQ>' + frameOf('H|\\^&\r', 1, false) + '<ENQ>' + frameOf('L|1\r', 1, true));
    expect(link.codes()).toEqual(['SIL_ASTM_LINK_ABORTED', 'SIL_ASTM_LINK_ABORTED']);
    expect(link.stored).toEqual(['L|1\r']);
  });

  it('NAKs a frame larger than maxReceivedFrameText, and a frame without a number', () => {
    const link = new LinkHarness({ maxReceivedFrameText: 8 });
    link.feed('<ENQ>' + frameOf('R|1|0123456789\r', 1, true) + '<STX><ETX>03<CR><LF>' + frameOf('L|1\r', 1, true));
    expect(link.takeWrites()).toEqual(['<ACK>', '<NAK>', '<NAK>', '<ACK>']);
    expect(link.codes()).toEqual(['SIL_ASTM_FRAME_TOO_LONG', 'SIL_ASTM_FRAME_MALFORMED']);
  });

  it('tolerates trailers without CR or LF (Sysmex, c111 captures) and lowercase checksums', () => {
    const link = new LinkHarness();
    const base = frameOf('H|\\^&\r', 1, true);
    link.feed('<ENQ>' + base.replace('<CR><LF>', '<CR>'));
    link.feed(frameOf('P|1\r', 2, true).replace('<CR><LF>', '<LF>'));
    link.feed(frameOf('L|1\r', 3, true).replace(/([0-9A-F]{2})<CR><LF>$/, (_, cs: string) => cs.toLowerCase()));
    expect(link.takeWrites()).toEqual(['<ACK>', '<ACK>', '<ACK>', '<ACK>']);
  });
});

describe('AstmLinkMachine — acknowledgement after storage', () => {
  const session = '<ENQ>' + frameOf('H|\\^&\r', 1, false) + frameOf('R|1|^^^K|4.1\rL|1\r', 2, true);

  it('withholds the final ACK until the caller confirms storage', () => {
    const link = new LinkHarness({}, false);
    link.feed(session);
    expect(link.takeWrites()).toEqual(['<ACK>', '<ACK>']);
    const awaited = link.actions.find((a) => a.type === 'awaitStorage');
    expect(awaited).toMatchObject({ messageText: 'H|\\^&\rR|1|^^^K|4.1\rL|1\r', frameCount: 2 });
    expect(link.machine.snapshot().phase).toBe('awaitingStorage');
    expect(link.timers.has('receiveTimeout')).toBe(false);
    link.handle({ type: 'stored', storageId: 999 }); // unknown id: ignored
    expect(link.takeWrites()).toEqual([]);
    link.handle({ type: 'stored', storageId: link.pendingStorage[0] ?? 0 });
    expect(link.takeWrites()).toEqual(['<ACK>']);
    expect(link.timers.has('receiveTimeout')).toBe(true);
  });

  it('NAKs the final frame when storage fails; the retransmission is offered for storage again', () => {
    const link = new LinkHarness({}, false);
    link.feed(session);
    link.handle({ type: 'storageFailed', storageId: link.pendingStorage[0] ?? 0, reason: 'disk full' });
    link.feed(frameOf('R|1|^^^K|4.1\rL|1\r', 2, true));
    const awaited = link.actions.filter((a) => a.type === 'awaitStorage');
    expect(awaited.map((a) => (a.type === 'awaitStorage' ? a.messageText : ''))).toEqual([
      'H|\\^&\rR|1|^^^K|4.1\rL|1\r',
      'H|\\^&\rR|1|^^^K|4.1\rL|1\r',
    ]);
    link.handle({ type: 'stored', storageId: link.pendingStorage[1] ?? 0 });
    expect(link.takeWrites()).toEqual(['<ACK>', '<ACK>', '<NAK>', '<ACK>']);
    expect(link.codes()).toEqual(['SIL_ASTM_STORAGE_FAILED']);
  });

  it('NAKs before the sender’s 15 s timer when storage takes longer than 10 s; a late confirmation is ignored', () => {
    const link = new LinkHarness({}, false);
    link.feed(session);
    link.takeWrites();
    link.advance(10_000);
    expect(link.takeWrites()).toEqual(['<NAK>']);
    expect(link.codes()).toEqual(['SIL_ASTM_STORAGE_TIMEOUT']);
    link.handle({ type: 'stored', storageId: link.pendingStorage[0] ?? 0 });
    expect(link.takeWrites()).toEqual([]);
  });

  it('never ACKs when the sender gives up (EOT) before storage is confirmed', () => {
    const link = new LinkHarness({}, false);
    link.feed(session);
    link.takeWrites();
    link.feed('<EOT>');
    link.handle({ type: 'stored', storageId: link.pendingStorage[0] ?? 0 });
    expect(link.takeWrites()).toEqual([]);
    expect(link.codes()).toEqual(['SIL_ASTM_LINK_ABORTED']);
    expect(link.machine.snapshot().phase).toBe('idle');
  });

  it('with ackAfterStorage false, delivers and ACKs at once', () => {
    const link = new LinkHarness({ ackAfterStorage: false });
    link.feed(session);
    expect(link.actions.filter((a) => a.type === 'deliver')).toHaveLength(1);
    expect(link.takeWrites()).toEqual(['<ACK>', '<ACK>', '<ACK>']);
  });
});

describe('AstmLinkMachine — sender', () => {
  const longMessage = `H|\\^&\r${'R|1|^^^GLU|5.2\r'.repeat(20)}L|1|N\r`; // 309 bytes → 2 frames

  it('sends ENQ, frames of ≤ 240 bytes (ETB then ETX), EOT, and reports sent', () => {
    const link = new LinkHarness();
    link.handle({ type: 'send', messageText: longMessage, messageId: 'm1' });
    expect(link.takeWrites()).toEqual(['<ENQ>']);
    link.feed('<ACK>');
    link.feed('<ACK>');
    link.feed('<ACK>');
    const writes = link.takeWrites();
    expect(writes).toHaveLength(3);
    expect(writes[0]).toMatch(/^<STX>1H\|.*<ETB>[0-9A-F]{2}<CR><LF>$/);
    expect(writes[1]).toMatch(/^<STX>2.*<ETX>[0-9A-F]{2}<CR><LF>$/);
    expect(writes[2]).toBe('<EOT>');
    expect(link.actions.filter((a) => a.type === 'sent')).toEqual([{ type: 'sent', messageId: 'm1' }]);
    expect(link.timers.size).toBe(0);
  });

  it('retransmits a NAKed frame at most 6 times, then aborts with EOT', () => {
    const link = new LinkHarness();
    link.handle({ type: 'send', messageText: 'H|\\^&\rL|1\r', messageId: 'm1' });
    link.feed('<ACK>');
    for (let i = 0; i < 7; i++) {
      link.feed('<NAK>');
    }
    const writes = link.takeWrites();
    expect(writes.filter((w) => w.startsWith('<STX>1'))).toHaveLength(7); // first + 6 retransmissions
    expect(writes.at(-1)).toBe('<EOT>');
    expect(link.codes()).toEqual(['SIL_ASTM_LINK_RETRIES_EXHAUSTED']);
  });

  it('treats any reply other than ACK/EOT as NAK, and EOT (receiver interrupt) as ACK', () => {
    const link = new LinkHarness();
    link.handle({ type: 'send', messageText: 'H|\\^&\rL|1\r' });
    link.feed('<ACK>X<EOT>');
    expect(link.takeWrites()).toEqual([
      '<ENQ>',
      expect.stringMatching(/^<STX>1/),
      expect.stringMatching(/^<STX>1/),
      '<EOT>',
    ]);
    expect(link.actions.some((a) => a.type === 'sent')).toBe(true);
  });

  it('aborts with EOT when a frame is not answered within 15 s', () => {
    const link = new LinkHarness();
    link.handle({ type: 'send', messageText: 'H|\\^&\rL|1\r', messageId: 'm1' });
    link.feed('<ACK>');
    link.advance(15_000);
    expect(link.takeWrites().at(-1)).toBe('<EOT>');
    expect(link.actions.find((a) => a.type === 'sendFailed')).toMatchObject({
      messageId: 'm1',
      code: 'SIL_ASTM_LINK_TIMEOUT',
    });
    expect(link.machine.snapshot()).toMatchObject({ phase: 'idle', queuedMessages: 0 });
  });

  it('retries ENQ 10 s after a NAK, and gives up after 6 attempts', () => {
    const link = new LinkHarness();
    link.handle({ type: 'send', messageText: 'L|1\r', messageId: 'm1' });
    for (let attempt = 0; attempt < 6; attempt++) {
      link.feed('<NAK>');
      link.advance(9_999);
      link.advance(1);
    }
    expect(link.takeWrites()).toEqual(Array(6).fill('<ENQ>'));
    expect(link.actions.find((a) => a.type === 'sendFailed')).toMatchObject({
      code: 'SIL_ASTM_LINK_ESTABLISHMENT_FAILED',
    });
  });

  it('contention as computer: yields, answers the instrument’s next ENQ, sends ≥ 20 s later', () => {
    const link = new LinkHarness();
    link.handle({ type: 'send', messageText: 'L|1\r', messageId: 'm1' });
    link.feed('<ENQ>'); // the instrument wanted to send too
    expect(link.takeWrites()).toEqual(['<ENQ>']); // the contending ENQ is not answered
    link.advance(1_000);
    link.feed('<ENQ>');
    link.feed(frameOf('H|\\^&\rL|1\r', 1, true));
    link.feed('<EOT>');
    expect(link.takeWrites()).toEqual(['<ACK>', '<ACK>']); // session received, no ENQ yet
    link.advance(18_999);
    expect(link.takeWrites()).toEqual([]);
    link.advance(1);
    expect(link.takeWrites()).toEqual(['<ENQ>']);
    expect(link.stored).toEqual(['H|\\^&\rL|1\r']);
  });

  it('contention as instrument: sends ENQ again after 1 s', () => {
    const link = new LinkHarness({ role: 'instrument' });
    link.handle({ type: 'send', messageText: 'L|1\r' });
    link.feed('<ENQ>');
    link.advance(999);
    expect(link.takeWrites()).toEqual(['<ENQ>']);
    link.advance(1);
    expect(link.takeWrites()).toEqual(['<ENQ>']);
  });

  it('an ENQ from the other side while idle wins over a queued message, which goes after EOT', () => {
    const link = new LinkHarness({}, false);
    link.feed('<ENQ>');
    link.handle({ type: 'send', messageText: 'L|1\r', messageId: 'answer' });
    expect(link.takeWrites()).toEqual(['<ACK>']);
    link.feed('<EOT>');
    expect(link.takeWrites()).toEqual(['<ENQ>']);
  });

  it('refuses a message with restricted or unencodable characters', () => {
    const link = new LinkHarness();
    link.handle({ type: 'send', messageText: 'R|1|a\nb\r', messageId: 'lf' });
    link.handle({ type: 'send', messageText: 'P|1||王\r', messageId: 'han' });
    expect(link.codes()).toEqual(['SIL_ASTM_RESTRICTED_CHARACTER', 'SIL_ASTM_INVALID_BUILD']);
    expect(link.takeWrites()).toEqual([]);
  });

  it('fails queued messages and disarms timers when the connection closes', () => {
    const link = new LinkHarness();
    link.handle({ type: 'send', messageText: 'L|1\r', messageId: 'a' });
    link.handle({ type: 'send', messageText: 'L|1\r', messageId: 'b' });
    link.handle({ type: 'connectionClosed' });
    expect(
      link.actions.filter((a) => a.type === 'sendFailed').map((a) => (a.type === 'sendFailed' ? a.messageId : ''))
    ).toEqual(['a', 'b']);
    expect(link.timers.size).toBe(0);
    expect(link.machine.snapshot().phase).toBe('idle');
  });
});

describe('AstmLinkMachine — two machines wired together', () => {
  it('an instrument sends results, the LIS stores them and answers with orders', () => {
    const lis = new LinkHarness({ role: 'computer' });
    const analyzer = new LinkHarness({ role: 'instrument' });
    const pump = (): void => {
      for (let guard = 0; guard < 1000; guard++) {
        const toLis = analyzer.writes.splice(0);
        const toAnalyzer = lis.writes.splice(0);
        if (toLis.length === 0 && toAnalyzer.length === 0) {
          return;
        }
        toLis.forEach((w) => lis.feed(w));
        toAnalyzer.forEach((w) => analyzer.feed(w));
      }
    };
    const results = `H|\\^&|||ANALYZER\rP|1\rO|1|SID42\r${'R|1|^^^NA|140|mmol/L||N||F\r'.repeat(30)}L|1|N\r`;
    analyzer.handle({ type: 'send', messageText: results, messageId: 'results' });
    pump();
    expect(lis.stored).toEqual([results]);
    lis.handle({ type: 'send', messageText: 'H|\\^&\rO|1|SID42||^^^NA|R\rL|1|F\r', messageId: 'orders' });
    pump();
    expect(analyzer.stored).toEqual(['H|\\^&\rO|1|SID42||^^^NA|R\rL|1|F\r']);
    expect(analyzer.actions.filter((a) => a.type === 'sent')).toHaveLength(1);
    expect(lis.actions.filter((a) => a.type === 'sent')).toHaveLength(1);
    expect([lis.machine.snapshot().phase, analyzer.machine.snapshot().phase]).toEqual(['idle', 'idle']);
  });
});

describe.skipIf(!sharedFixtures.available)(
  'AstmLinkMachine — twgenaux LIS01 session (astm-lis1-framed-session-twgenaux.txt)',
  () => {
    it('answers every instrument line exactly as the LIS line of the transcript', () => {
      const lines = sharedFixtures.textWithoutHeader('astm-lis1-framed-session-twgenaux.txt').split('\n');
      const start = lines.findIndex((line) => line.startsWith('# --- LIS01 session'));
      const end = lines.findIndex((line, i) => i > start && line.startsWith('# ---'));
      const transcript = lines.slice(start + 1, end).map((line) => /^(Instrument|LIS)\s*: (.*)$/.exec(line));
      expect(transcript).toHaveLength(11);
      const link = new LinkHarness();
      const expected: string[] = [];
      for (const match of transcript) {
        if (match?.[1] === 'Instrument') {
          link.feed(match[2] ?? '');
        } else {
          expected.push(match?.[2] ?? '');
        }
      }
      expect(link.takeWrites()).toEqual(expected);
      const parsed = tryParseAstmMessages(link.stored.join(''));
      expect(parsed.messages[0]?.records.map((r) => r.type)).toEqual(['H', 'P', 'O', 'L']);
      expect(link.machine.snapshot()).toMatchObject({ phase: 'idle', messagesReceived: 4 });
    });
  }
);

const garbage = fc.uint8Array({ maxLength: 400 });
const biasedGarbage = fc
  .array(
    fc.oneof(
      fc.constantFrom(0x02, 0x03, 0x04, 0x05, 0x06, 0x0d, 0x0a, 0x15, 0x17, 0x31, 0x7c),
      fc.integer({ min: 0, max: 255 })
    ),
    { maxLength: 400 }
  )
  .map((bytes) => Uint8Array.from(bytes));

describe('AstmLinkMachine — properties', () => {
  it('any byte stream: no exception, the receiver only ever writes ACK or NAK, and a following valid session is stored', () => {
    fc.assert(
      fc.property(fc.oneof(garbage, biasedGarbage), fc.array(fc.nat({ max: 400 }), { maxLength: 5 }), (bytes, cuts) => {
        const link = new LinkHarness();
        let offset = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          link.feed(bytes.subarray(offset, Math.max(offset, cut)));
          offset = Math.max(offset, cut);
        }
        link.feed(bytes.subarray(offset));
        expect(link.writes.every((w) => w === '<ACK>' || w === '<NAK>')).toBe(true);
        link.stored.splice(0);
        link.takeWrites();
        link.feed('<ENQ>' + frameOf('H|\\^&\r', 1, false) + frameOf('L|1|N\r', 2, true));
        link.feed('<EOT>');
        expect(link.takeWrites()).toEqual(['<ACK>', '<ACK>', '<ACK>']);
        expect(link.stored).toEqual(['H|\\^&\rL|1|N\r']);
        expect(link.machine.snapshot().phase).toBe('idle');
      }),
      { numRuns: 300 }
    );
  });

  it('chunking invariance: any split of the input gives the same actions', () => {
    const session = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            '<ENQ>',
            '<EOT>',
            '<CR><LF>',
            frameOf('H|\\^&\r', 1, false),
            frameOf('L|1\r', 2, true),
            frameOf('L|1\r', 2, true).replace('L|1', 'L|2')
          ),
          biasedGarbage.map(notationOf)
        ),
        { maxLength: 12 }
      )
      .map((parts) => bytesOf(parts.join('')));
    fc.assert(
      fc.property(session, fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
        const whole = new AstmLinkMachine({ ackAfterStorage: false }).handle({ type: 'bytesReceived', bytes }, 0);
        const chunked = new AstmLinkMachine({ ackAfterStorage: false });
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const actions: AstmLinkAction[] = [];
        let offset = 0;
        for (const point of [...points, bytes.length]) {
          actions.push(...chunked.handle({ type: 'bytesReceived', bytes: bytes.subarray(offset, point) }, 0));
          offset = point;
        }
        expect(actions).toEqual(whole);
      })
    );
  });

  it('a sender facing any replies and timeouts reports exactly one outcome per message', () => {
    const step = fc.oneof(fc.constantFrom('<ACK>', '<NAK>', '<ENQ>', '<EOT>', 'x'), fc.constant('tick'));
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        fc.constantFrom('computer', 'instrument') as fc.Arbitrary<'computer' | 'instrument'>,
        (steps, role) => {
          const link = new LinkHarness({ role });
          link.handle({ type: 'send', messageText: 'H|\\^&\r' + 'R|1|x\r'.repeat(60) + 'L|1\r', messageId: 'm' });
          for (const s of steps) {
            if (s === 'tick') {
              link.advance(15_000);
            } else {
              link.feed(s);
            }
          }
          for (let i = 0; i < 100 && link.timers.size > 0; i++) {
            link.advance(60_000);
          }
          const outcomes = link.actions.filter(
            (a) => (a.type === 'sent' || a.type === 'sendFailed') && a.messageId === 'm'
          );
          expect(outcomes).toHaveLength(1);
          expect(link.machine.snapshot().queuedMessages).toBe(0);
        }
      )
    );
  });
});
