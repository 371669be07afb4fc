import { SillageError } from '../errors/sillage-error.js';
import type { Hl7Delimiters } from './hl7-delimiters.js';
import type { Hl7UnescapeOptions } from './hl7-escape.js';
import { parseHl7Path, type Hl7Path } from './hl7-path.js';
import type { Hl7Segment } from './hl7-segment.js';

/** MSH-9 (HL7 v2.5 MSG data type): message code, trigger event, message structure. */
export interface Hl7MessageType {
  readonly code: string;
  readonly trigger: string;
  readonly structure: string;
}

const PATH_CACHE_LIMIT = 1024;
const pathCache = new Map<string, Hl7Path>();

/** Parses a path string, throwing `SIL_HL7_INVALID_PATH` (paths come from code or configuration, not the wire). */
export function resolveHl7Path(path: string | Hl7Path): Hl7Path {
  if (typeof path !== 'string') {
    return path;
  }
  const cached = pathCache.get(path);
  if (cached !== undefined) {
    return cached;
  }
  const parsed = parseHl7Path(path);
  if (parsed === undefined) {
    throw new SillageError('SIL_HL7_INVALID_PATH', { detail: `invalid HL7 path ${JSON.stringify(path)}` });
  }
  if (pathCache.size >= PATH_CACHE_LIMIT) {
    pathCache.clear();
  }
  pathCache.set(path, parsed);
  return parsed;
}

/**
 * A parsed HL7 v2 message (or batch file): its segments in wire order, each keeping its exact text.
 * `toString()` gives the message back byte for byte, segment terminators normalised to CR.
 */
export class Hl7Message {
  readonly segments: readonly Hl7Segment[];
  readonly delimiters: Hl7Delimiters;
  /** Whether the last segment was followed by a terminator (HL7 requires one; some senders omit it). */
  readonly endsWithTerminator: boolean;
  private byName: Map<string, Hl7Segment[]> | undefined;

  constructor(segments: readonly Hl7Segment[], delimiters: Hl7Delimiters, endsWithTerminator = true) {
    this.segments = segments;
    this.delimiters = delimiters;
    this.endsWithTerminator = endsWithTerminator;
  }

  /** All segments with this name, in order (empty array when none). */
  getAll(name: string): readonly Hl7Segment[] {
    if (this.byName === undefined) {
      this.byName = new Map();
      for (const segment of this.segments) {
        const list = this.byName.get(segment.name);
        if (list === undefined) {
          this.byName.set(segment.name, [segment]);
        } else {
          list.push(segment);
        }
      }
    }
    return this.byName.get(name) ?? [];
  }

  /** The `occurrence`-th (1-based) segment with this name. */
  segment(name: string, occurrence = 1): Hl7Segment | undefined {
    return this.getAll(name)[occurrence - 1];
  }

  /**
   * Decoded text of one leaf value; omitted levels default to 1 (`OBX-5` reads `OBX-5(1).1.1`).
   * '' when absent, `""` for the explicit null. Throws `SIL_HL7_INVALID_PATH` on a malformed path.
   */
  get(path: string | Hl7Path, options?: Hl7UnescapeOptions): string {
    const p = resolveHl7Path(path);
    const segment = this.segment(p.segment, p.occurrence);
    if (segment === undefined) {
      return '';
    }
    return segment.get(p.field, p.repetition, p.component, p.subcomponent, options);
  }

  /** Wire text of the addressed element; an omitted level means the whole element (`OBX-5` = all repetitions). */
  getRaw(path: string | Hl7Path): string {
    const p = resolveHl7Path(path);
    return this.segment(p.segment, p.occurrence)?.getRaw(p.field, p.repetition, p.component, p.subcomponent) ?? '';
  }

  /** True when the addressed element is the explicit null `""`. */
  isNull(path: string | Hl7Path): boolean {
    const p = resolveHl7Path(path);
    return this.segment(p.segment, p.occurrence)?.isNull(p.field, p.repetition, p.component, p.subcomponent) ?? false;
  }

  /** MSH-9 components (of the first MSH). */
  messageType(): Hl7MessageType {
    const msh = this.segment('MSH');
    return {
      code: msh?.get(9, 1, 1) ?? '',
      trigger: msh?.get(9, 1, 2) ?? '',
      structure: msh?.get(9, 1, 3) ?? '',
    };
  }

  /** MSH-10, the message control id echoed in MSA-2 of the acknowledgement. */
  controlId(): string {
    return this.segment('MSH')?.get(10) ?? '';
  }

  /** MSH-12.1, the version id (`2.2^x^x` reads `2.2`). */
  version(): string {
    return this.segment('MSH')?.get(12) ?? '';
  }

  /** MSH-18 first repetition, the character set of the message (HL7 table 0211, e.g. `UNICODE UTF-8`, `8859/1`). */
  charset(): string {
    return this.segment('MSH')?.get(18) ?? '';
  }

  /** The message text: segments joined by CR (HL7 v2.5 §2.5.2), trailing CR as in the source. */
  toString(): string {
    const body = this.segments.map((segment) => segment.raw).join('\r');
    return this.endsWithTerminator && this.segments.length > 0 ? `${body}\r` : body;
  }
}
