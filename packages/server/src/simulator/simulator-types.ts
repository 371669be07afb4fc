/**
 * Shapes shared by the analyzer simulator (issue 4 item 8): what a profile declares about its
 * instrument and what one simulated specimen, result and message are.
 */

export type SimulatorProtocol = 'astm' | 'hl7';

/** The interpretation of a value against its limits, before the instrument writes its own flag. */
export type ResultInterpretation = 'N' | 'L' | 'H' | 'LL' | 'HH';

/**
 * One test the instrument runs. Limits pick realistic values and flags; `analyte` is the Sillage
 * starter-catalogue analyte the test usually maps to, used to pick the tests a pending specimen needs
 * (the reverse of the link's code mapping).
 */
export interface SimulatedTest {
  /** The instrument's own code as it goes on the wire (Roche application code, Sysmex parameter). */
  readonly code: string;
  readonly analyte: string;
  readonly label: string;
  /** As the instrument writes it (`mmol/l`, `10*3/uL`). */
  readonly unit: string;
  readonly decimals: number;
  /** Adult reference interval in `unit`. */
  readonly low: number;
  readonly high: number;
  readonly criticalLow?: number;
  readonly criticalHigh?: number;
  /** Measuring range: values are clamped to it, as the instrument would report `>max`-like limits. */
  readonly min: number;
  readonly max: number;
  /** Enzymes and most markers are right-skewed: their values are drawn on a log scale. */
  readonly skewed?: boolean;
}

/** A control material (QC): level, lot and the target the instrument's values scatter around. */
export interface QcMaterial {
  /** Material id as the instrument names it (Roche `PCCC1`, Sysmex `XN-CHECK L1`). */
  readonly id: string;
  readonly lot: string;
  /** 1 = normal level, 2 = pathological level. */
  readonly level: 1 | 2;
  /** Expiry `YYYYMMDD`. */
  readonly expiry: string;
}

/** A tube to report on: its barcode and the analytes still pending (undefined: the profile's default panel). */
export interface SimulatedSpecimen {
  readonly barcode: string;
  readonly analytes?: readonly string[];
}

export interface SimulatedResult {
  readonly test: SimulatedTest;
  readonly numeric: number;
  /** Formatted with the test's decimals, dot decimal separator (instruments write a dot). */
  readonly value: string;
  readonly interpretation: ResultInterpretation;
  /** An instrument alarm (clot, short sample…) the instrument reports next to the value. */
  readonly instrumentAlarm: boolean;
}

/** Everything a profile needs to write one message. */
export interface MessageContent {
  /** Specimen barcode, or the control lot for a QC run. */
  readonly barcode: string;
  readonly results: readonly SimulatedResult[];
  readonly qc?: QcMaterial;
  /** Instrument sample sequence number (1, 2 …) for this run. */
  readonly sequence: number;
  /** Time of measurement. */
  readonly measuredAt: Date;
  /** Unique per message on this run (HL7 MSH-10, ASTM H.3 when the profile writes it). */
  readonly controlId: string;
}

/** A message ready to send: its text (records or segments ending with CR) and what it carries. */
export interface PlannedMessage {
  /** Global sequence number, 0-based: fault selection and ids key on it. */
  readonly index: number;
  readonly controlId: string;
  readonly barcode: string;
  readonly text: string;
  readonly resultCount: number;
  readonly qc: boolean;
}
