/**
 * E1381 §6.3.3 (LIS1-A §8.3.3): the checksum is the sum of every byte from the frame number
 * through ETB or ETX inclusive, modulo 256, sent as two uppercase hexadecimal characters.
 * Computed over the encoded bytes, never over code points (fixture vector: UTF-8 `4B` vs `CF`).
 */
export function computeAstmChecksum(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let sum = 0;
  for (let i = start; i < end; i++) {
    sum = (sum + (bytes[i] ?? 0)) & 0xff;
  }
  return sum.toString(16).toUpperCase().padStart(2, '0');
}
