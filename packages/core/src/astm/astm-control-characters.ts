/**
 * ASCII control characters of the ASTM E1381 (CLSI LIS1-A) low-level protocol.
 * E1381 §6.3.1: a frame is `<STX> FN text <ETB|ETX> C1 C2 <CR> <LF>`; §6.2: ENQ/ACK/NAK/EOT
 * drive establishment, acknowledgement and termination.
 */
export const AstmControl = {
  STX: 0x02,
  ETX: 0x03,
  EOT: 0x04,
  ENQ: 0x05,
  ACK: 0x06,
  LF: 0x0a,
  CR: 0x0d,
  NAK: 0x15,
  ETB: 0x17,
} as const;

/**
 * E1381 §6.6 "restricted message characters": they must not appear in frame text because the
 * link layer uses them (SOH STX ETX EOT ENQ ACK DLE NAK SYN ETB LF DC1–DC4). CR is allowed: it
 * ends each E1394 record.
 */
const restrictedInFrameText = new Set([
  0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x10, 0x15, 0x16, 0x17, 0x0a, 0x11, 0x12, 0x13, 0x14,
]);

export function isRestrictedInAstmFrameText(byte: number): boolean {
  return restrictedInFrameText.has(byte);
}
