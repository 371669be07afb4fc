/**
 * Turns the pending specimens into the messages an analyzer would send, lazily and in order:
 * results drawn for the tests each tube still needs, a control run every `qcEvery` tubes, and the
 * list replayed from the start when the run must go on (`loop`, for a duration or a message count).
 */
import { seededRandom } from '../demo/patient-generator.js';
import { defaultValueMix, drawResults, type ValueMix } from './simulated-values.js';
import type { SimulatorProfile } from './simulator-profile.js';
import type {
  PlannedMessage,
  QcMaterial,
  SimulatedResult,
  SimulatedSpecimen,
  SimulatedTest,
} from './simulator-types.js';

export interface MessagePlannerOptions {
  readonly profile: SimulatorProfile;
  readonly specimens: readonly SimulatedSpecimen[];
  /** Start again from the first specimen when the list is exhausted. */
  readonly loop: boolean;
  /** A control run after every n specimens (0: none). */
  readonly qcEvery?: number;
  readonly seed?: number;
  readonly mix?: ValueMix;
  /** Prefix of control ids, unique to the run (HL7 MSH-10 allows 20 characters in v2.5.1). */
  readonly runTag?: string;
  readonly clock?: () => Date;
}

export class MessagePlanner {
  /** Barcodes skipped because the profile runs none of the analytes they wait for. */
  readonly skipped: string[] = [];
  private readonly random: () => number;
  private readonly testsByAnalyte = new Map<string, SimulatedTest[]>();
  private readonly testsByCode = new Map<string, SimulatedTest>();
  private readonly ready: PlannedMessage[] = [];
  private readonly runTag: string;
  private readonly clock: () => Date;
  private cursor = 0;
  private specimensPlanned = 0;
  private messageIndex = 0;
  private qcRuns = 0;
  private plannedInPass = 0;
  private exhausted = false;

  constructor(private readonly options: MessagePlannerOptions) {
    this.random = seededRandom(options.seed ?? 1);
    this.runTag = options.runTag ?? Date.now().toString(36).slice(-6);
    this.clock = options.clock ?? (() => new Date());
    for (const test of options.profile.tests) {
      this.testsByCode.set(test.code, test);
      const list = this.testsByAnalyte.get(test.analyte) ?? [];
      list.push(test);
      this.testsByAnalyte.set(test.analyte, list);
    }
  }

  /** The tests the profile would run for a specimen, in the profile's order. */
  testsFor(specimen: SimulatedSpecimen): SimulatedTest[] {
    if (specimen.analytes === undefined) {
      return this.options.profile.defaultPanel.flatMap((code) => this.testsByCode.get(code) ?? []);
    }
    const wanted = new Set(specimen.analytes);
    return this.options.profile.tests.filter((test) => wanted.has(test.analyte));
  }

  /** The next message, or undefined when every specimen was reported and `loop` is off. */
  next(): PlannedMessage | undefined {
    while (this.ready.length === 0 && !this.exhausted) {
      this.planNextSpecimen();
    }
    return this.ready.shift();
  }

  private planNextSpecimen(): void {
    const { specimens, loop } = this.options;
    if (this.cursor >= specimens.length) {
      // A pass that produced nothing would loop forever: stop.
      if (!loop || this.plannedInPass === 0) {
        this.exhausted = true;
        return;
      }
      this.cursor = 0;
      this.plannedInPass = 0;
    }
    const specimen = specimens[this.cursor++];
    if (specimen === undefined) {
      return;
    }
    const tests = this.testsFor(specimen);
    if (tests.length === 0) {
      if (!this.skipped.includes(specimen.barcode)) {
        this.skipped.push(specimen.barcode);
      }
      return;
    }
    this.plannedInPass++;
    this.specimensPlanned++;
    this.enqueue(specimen.barcode, this.draw(tests), undefined);
    const qcEvery = this.options.qcEvery ?? 0;
    if (qcEvery > 0 && this.specimensPlanned % qcEvery === 0) {
      this.planQcRun();
    }
  }

  private planQcRun(): void {
    const { profile } = this.options;
    const material: QcMaterial | undefined = profile.qcMaterials[this.qcRuns++ % profile.qcMaterials.length];
    if (material === undefined) {
      return;
    }
    const tests = profile.defaultPanel.flatMap((code) => this.testsByCode.get(code) ?? []);
    this.enqueue(material.lot, this.draw(tests, material), material);
  }

  private draw(tests: readonly SimulatedTest[], qc?: QcMaterial): SimulatedResult[] {
    const { profile } = this.options;
    const options = { mix: this.options.mix ?? defaultValueMix, ...(qc === undefined ? {} : { qc }) };
    return (profile.drawResults ?? drawResults)(tests, this.random, options);
  }

  private enqueue(barcode: string, results: readonly SimulatedResult[], qc: QcMaterial | undefined): void {
    const { profile } = this.options;
    const groups = profile.messageGranularity === 'test' ? results.map((result) => [result]) : [results];
    const sequence = this.specimensPlanned + this.qcRuns;
    for (const group of groups) {
      const index = this.messageIndex++;
      const controlId = `${this.runTag}${index}`;
      const text = profile.buildMessage({
        barcode,
        results: group,
        ...(qc === undefined ? {} : { qc }),
        sequence,
        measuredAt: this.clock(),
        controlId,
      });
      this.ready.push({ index, controlId, barcode, text, resultCount: group.length, qc: qc !== undefined });
    }
  }
}
