/** Segments of HPRIM Santé 2.4 (ORM, ORU, ORA, ADM, FAC, REG, ERR contexts; A = addendum/continuation). */
export const hprimSegmentNames = [
  'H',
  'P',
  'OBR',
  'OBX',
  'C',
  'L',
  'A',
  'AP',
  'AC',
  'FAC',
  'ACT',
  'REG',
  'ERR',
] as const;
export type HprimSegmentName = (typeof hprimSegmentNames)[number];

export function isHprimSegmentName(name: string): name is HprimSegmentName {
  return (hprimSegmentNames as readonly string[]).includes(name);
}

/** A field: repetitions of components, unescaped (subcomponents stay joined by their separator). */
export type HprimField = string[][];

/**
 * One logical HPRIM segment, its `A` continuation lines already merged. Numbering follows the
 * standard: the segment name is field 1 (`fields[0]` is `[['OBX']]`), so OBX.6 (result) is
 * `fields[5]`; in H, field 2 is the separator definition kept verbatim (`[['~^\&']]`).
 */
export interface HprimSegment {
  readonly name: string;
  readonly fields: readonly HprimField[];
  /** 1-based number of the first physical line. */
  readonly line: number;
  /** Physical lines merged into this segment (1 + number of `A` continuations). */
  readonly lineCount: number;
  /** The logical segment text (continuations joined), for logs and subcomponent access. */
  readonly raw: string;
}
