/**
 * Which messages carry an injected fault (`--fault`, every `--fault-every`-th message) and the
 * bytes a fault writes. Each faulted message is faulted once: its retransmission or resend is clean,
 * so a conforming receiver ends up with every message intact.
 *
 * - checksum (ASTM): the final frame's first transmission carries a wrong checksum → the receiver
 *   must NAK it (E1381 §6.5.1) and take the retransmission.
 * - garbage: line noise before the message — before ENQ in the ASTM neutral state (E1381 §6.2: the
 *   receiver ignores anything but ENQ), between MLLP blocks for HL7 (the receiver resynchronises on VT).
 * - slow: the message is written one byte at a time, `slowByteMs` apart (chunked input).
 * - truncate: half of the final frame (ASTM) or of the MLLP block (HL7) is written, then the
 *   connection is closed; the simulator reconnects and sends the message again, as an analyzer does
 *   with an unacknowledged message. Nothing of the truncated copy may be stored.
 */
export const faultKinds = ['checksum', 'garbage', 'slow', 'truncate'] as const;
export type FaultKind = (typeof faultKinds)[number];

export function isFaultKind(value: string): value is FaultKind {
  return (faultKinds as readonly string[]).includes(value);
}

/** Printable ASCII and high ISO 8859-1 bytes: no byte that means anything to E1381 or MLLP. */
export function garbageBytes(random: () => number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const pick = Math.floor(random() * (95 + 96));
    bytes[i] = pick < 95 ? 0x20 + pick : 0xa0 + (pick - 95);
  }
  return bytes;
}

/** A copy of an E1381 frame (`STX … ETB|ETX C1 C2 CR LF`) whose checksum is wrong. */
export function withWrongChecksum(frame: Uint8Array): Uint8Array {
  const copy = frame.slice();
  const at = copy.length - 4; // C1
  const current = copy[at] ?? 0x30;
  // Still an uppercase hex digit, just a different one.
  copy[at] = current === 0x30 ? 0x31 : 0x30;
  return copy;
}

export class FaultPlan {
  injected = 0;
  private readonly done = new Set<number>();

  constructor(
    readonly kind: FaultKind | undefined,
    readonly every = 10,
    readonly slowByteMs = 20
  ) {}

  /** The fault message `index` must still carry, if any. */
  pending(index: number): FaultKind | undefined {
    if (this.kind === undefined || this.every < 1 || (index + 1) % this.every !== 0 || this.done.has(index)) {
      return undefined;
    }
    return this.kind;
  }

  /** Records that message `index` carried its fault (its next attempt is clean). */
  applied(index: number): void {
    if (!this.done.has(index)) {
      this.done.add(index);
      this.injected++;
    }
  }
}
