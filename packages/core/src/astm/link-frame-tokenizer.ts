import { AstmControl } from './astm-control-characters.js';

export type AstmLinkToken =
  /** ENQ, EOT, ACK or NAK seen outside a frame (or ending a broken one). */
  | { readonly kind: 'control'; readonly byte: number }
  | {
      readonly kind: 'frame';
      /** 0–7, or undefined when the byte after STX was not a digit 0–7. */
      readonly number: number | undefined;
      readonly final: boolean;
      readonly text: Uint8Array;
      readonly checksumOk: boolean;
      /** The text exceeded the accepted size; it was not kept. */
      readonly oversized: boolean;
    };

type TokenizerState = 'outside' | 'number' | 'text' | 'checksum';

/**
 * Byte-at-a-time frame recogniser for the receiving side of an E1381 link, so any chunking of
 * the input gives the same tokens. A frame is complete once its two checksum characters arrived;
 * the CR LF trailer (often truncated by instruments) is then skipped as bytes outside a frame.
 * STX inside a frame restarts a frame; ENQ or EOT inside a frame abandons it (E1381 §6.6: both
 * are restricted characters, so they are link events, never text).
 */
export class AstmLinkFrameTokenizer {
  private state: TokenizerState = 'outside';
  private number: number | undefined;
  private sum = 0;
  private final = false;
  private checksumChars = '';
  private text: Uint8Array;
  private length = 0;
  private oversized = false;

  constructor(private readonly maxText: number) {
    this.text = new Uint8Array(Math.min(maxText, 256));
  }

  reset(): void {
    this.state = 'outside';
  }

  push(byte: number): AstmLinkToken | undefined {
    if (byte === AstmControl.STX) {
      this.startFrame();
      return undefined;
    }
    if (byte === AstmControl.ENQ || byte === AstmControl.EOT) {
      this.state = 'outside';
      return { kind: 'control', byte };
    }
    switch (this.state) {
      case 'outside':
        return byte === AstmControl.ACK || byte === AstmControl.NAK ? { kind: 'control', byte } : undefined;
      case 'number':
        if (byte === AstmControl.ETX || byte === AstmControl.ETB) {
          this.number = undefined;
          this.endText(byte);
          return undefined;
        }
        this.number = byte >= 0x30 && byte <= 0x37 ? byte - 0x30 : undefined;
        this.sum = byte;
        this.state = 'text';
        return undefined;
      case 'text':
        if (byte === AstmControl.ETX || byte === AstmControl.ETB) {
          this.endText(byte);
        } else {
          this.sum = (this.sum + byte) & 0xff;
          this.append(byte);
        }
        return undefined;
      case 'checksum':
        this.checksumChars += String.fromCharCode(byte);
        return this.checksumChars.length === 2 ? this.finishFrame() : undefined;
    }
  }

  private startFrame(): void {
    this.state = 'number';
    this.number = undefined;
    this.sum = 0;
    this.length = 0;
    this.oversized = false;
    this.checksumChars = '';
  }

  private endText(terminator: number): void {
    this.sum = (this.sum + terminator) & 0xff;
    this.final = terminator === AstmControl.ETX;
    this.state = 'checksum';
  }

  private append(byte: number): void {
    if (this.length >= this.maxText) {
      this.oversized = true;
      return;
    }
    if (this.length === this.text.length) {
      const grown = new Uint8Array(Math.min(this.maxText, this.text.length * 2));
      grown.set(this.text);
      this.text = grown;
    }
    this.text[this.length++] = byte;
  }

  private finishFrame(): AstmLinkToken {
    this.state = 'outside';
    const expected = this.sum.toString(16).toUpperCase().padStart(2, '0');
    return {
      kind: 'frame',
      number: this.number,
      final: this.final,
      text: this.text.slice(0, this.length),
      checksumOk: this.checksumChars.toUpperCase() === expected,
      oversized: this.oversized,
    };
  }
}
