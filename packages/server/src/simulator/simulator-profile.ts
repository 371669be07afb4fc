import type { InstrumentCharset } from '@sillage/core';
import type { ValueMix } from './simulated-values.js';
import type {
  MessageContent,
  QcMaterial,
  SimulatedResult,
  SimulatedTest,
  SimulatorProtocol,
} from './simulator-types.js';

/**
 * An analyzer the simulator can imitate: its protocol, tests and controls, and how it lays out a
 * message — taken from a real capture in `shared/fixtures` (named in each profile's header).
 */
export interface SimulatorProfile {
  /** CLI name (`--profile cobas-c311`). */
  readonly name: string;
  readonly protocol: SimulatorProtocol;
  /** One line, French (usage message). */
  readonly description: string;
  /** Sillage bench section whose worklist feeds the simulator (`GET /api/worklists?section=`). */
  readonly section: string;
  readonly tests: readonly SimulatedTest[];
  /** Test codes reported for a synthetic barcode (`--barcodes`, `--count`). */
  readonly defaultPanel: readonly string[];
  readonly qcMaterials: readonly QcMaterial[];
  /**
   * `specimen`: one message per tube with all its results (ASTM analyzers); `test`: one message per
   * result (Roche cobas pro/pure over HL7 send one OUL^R22 per test, as the fixtures show).
   */
  readonly messageGranularity: 'specimen' | 'test';
  /** ASTM text encoding (HL7 profiles declare theirs in MSH-18). */
  readonly charset: InstrumentCharset;
  /** Values for a set of tests, when they depend on each other (a blood count's indices); independent draws otherwise. */
  readonly drawResults?: (
    tests: readonly SimulatedTest[],
    random: () => number,
    options: { qc?: QcMaterial; mix?: ValueMix }
  ) => SimulatedResult[];
  /**
   * The test code as a LIS reads it from the message (ASTM R.3 local code, HL7 OBX-3.1), when it
   * differs from `code`: what a link's code mapping must list (Roche c311 writes `717/`).
   */
  readonly wireCode?: (test: SimulatedTest) => string;
  /** The message text: ASTM records or HL7 segments, each ending with CR. */
  readonly buildMessage: (content: MessageContent) => string;
}
