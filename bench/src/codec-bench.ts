/**
 * Codec benchmarks of issue 4 ("Performance"): HL7 v2 parsing, ours against `@medplum/core`'s
 * `Hl7Message.parse` on the same ORU/OUL messages (target ≥ 3×), and ASTM E1394/E1381 parsing.
 * CPU-bound and single-threaded: each workload runs after a warm-up in several timed rounds,
 * ours and the peer's interleaved so a noisy neighbour slows both alike; the median round is reported.
 *
 * Fairness. `Hl7Message.parse` of @medplum/core 4.5.2 (src/hl7.ts) is eager but shallow: it splits the
 * text into segments (`/[\r\n]+/`), every segment into fields, every field into repetitions and every
 * repetition into components (`Hl7Field.components: string[][]`, wire text). It does NOT split
 * subcomponents (only `getComponent(c, s)` splits on `&`, when called) and never decodes escape
 * sequences (hl7.ts has no unescape at all: `\F\`, `\S\`, `\X0D\`… stay as on the wire). Ours is lazy,
 * so each of our workloads parses then reads:
 * - "ours" (the issue's target): every field of every segment as `rawComponents` — repetitions ×
 *   components as wire text, exactly what the peer's parse materialises;
 * - "oursFullDecode": every field as `fieldValues` — repetitions × components × subcomponents with
 *   escapes decoded, more work than the peer does;
 * - "oursParseOnly": the lazy parse reading MSH-9 and MSH-10, what a link does before storing the raw
 *   message.
 * Each workload is timed by the wall clock (the figures) and by the process CPU time (`cpu…`
 * figures): on a loaded shared machine the CPU time is the steadier of the two.
 */
import { Hl7Message as MedplumHl7Message } from '@medplum/core';
import { readAstmCapture, tryParseAstmMessages, tryParseHl7 } from '@sillage/core';
import {
  fixtureAstmCorpus,
  fixtureHl7Corpus,
  fixturesAvailable,
  type AstmCorpus,
  type Hl7Corpus,
} from './codec-corpus.js';
import { generatedAstmCapture, generatedAstmText, generatedOru } from './codec-generated.js';

export interface CodecBenchOptions {
  /** Warm-up per workload before the timed rounds (default 1000 ms). */
  readonly warmupMs?: number;
  /** Duration of one timed round (default 400 ms). */
  readonly roundMs?: number;
  /** Timed rounds per workload (default 7); the median is reported. */
  readonly rounds?: number;
}

export interface Throughput {
  /** Median over the rounds, wall-clock time. */
  readonly messagesPerSecond: number;
  /** Median over the rounds, process CPU time (user + system, all threads: GC included). */
  readonly cpuMessagesPerSecond: number;
  /** Median over the rounds, MB = 10^6 bytes of the messages as UTF-8 (or as captured, for frames). */
  readonly megabytesPerSecond: number;
  /** Messages per second of each round, in order. */
  readonly roundsMessagesPerSecond: readonly number[];
}

export interface CorpusDescription {
  readonly source: string;
  readonly files: readonly string[];
  readonly messages: number;
  readonly bytes: number;
  readonly segmentsOrRecords: number;
}

export interface Hl7ComparisonResult {
  readonly corpus: CorpusDescription;
  /** Parse + every field as repetitions × components, wire text: the peer's parse output. */
  readonly ours: Throughput;
  /** Parse + every field as repetitions × components × subcomponents, escapes decoded. */
  readonly oursFullDecode: Throughput;
  readonly oursParseOnly: Throughput;
  readonly medplum: Throughput;
  /** ours ÷ medplum, messages per second (wall clock): the target applies to this one. */
  readonly ratio: number;
  /** ours ÷ medplum by CPU time. */
  readonly ratioCpu: number;
  /** oursFullDecode ÷ medplum (wall clock). */
  readonly ratioFullDecode: number;
  /** oursFullDecode ÷ medplum by CPU time. */
  readonly ratioFullDecodeCpu: number;
  /** oursParseOnly ÷ medplum (wall clock). */
  readonly ratioParseOnly: number;
}

export interface AstmResult {
  readonly corpus: CorpusDescription;
  /** `tryParseAstmMessages` on the record text (every record split into fields, escapes decoded). */
  readonly records: Throughput;
  /** `readAstmCapture` (frames, checksums, numbering) then `tryParseAstmMessages`, on the wire bytes. */
  readonly framedCapture: Throughput;
}

export interface CodecBenchResult {
  readonly settings: { readonly warmupMs: number; readonly roundMs: number; readonly rounds: number };
  readonly peer: { readonly package: '@medplum/core'; readonly version: string; readonly api: 'Hl7Message.parse' };
  readonly hl7: {
    /** Real ORU/OUL captures; null when ../shared/fixtures is absent. */
    readonly fixtures: Hl7ComparisonResult | null;
    /** Generated ORU^R01 with 30 OBX. */
    readonly generatedOru30Obx: Hl7ComparisonResult;
    readonly target: {
      readonly ratio: number;
      /** What is compared: ours reading what the peer's parse materialises, against the peer's parse. */
      readonly comparison: string;
      readonly measuredOn: string;
      /** Wall-clock ratio ("ratio" of the corpus measured on). */
      readonly measured: number;
      readonly met: boolean;
      /** Full decode (subcomponents, escapes) ratio on the same corpus, for the record. */
      readonly measuredFullDecode: number;
    };
  };
  readonly astm: {
    readonly fixtures: AstmResult | null;
    /** Generated result message with 30 R records. */
    readonly generated30Results: AstmResult;
  };
}

const TARGET_RATIO = 3;
const MEDPLUM_VERSION = '4.5.2';

/** Results flow here so the optimiser cannot drop the work. */
let sink = 0;

interface Workload {
  readonly messages: number;
  readonly bytes: number;
  /** Processes the whole corpus once. */
  run(): void;
}

export async function runCodecBench(options: CodecBenchOptions = {}): Promise<CodecBenchResult> {
  const settings = { warmupMs: options.warmupMs ?? 1000, roundMs: options.roundMs ?? 400, rounds: options.rounds ?? 7 };
  const withFixtures = fixturesAvailable();
  const hl7Fixtures = withFixtures ? compareHl7(fixtureHl7Corpus(), settings) : null;
  await yieldToEventLoop();
  const generatedMessages = Array.from({ length: 8 }, (_, i) => generatedOru(30, i + 1));
  const hl7Generated = compareHl7({ source: 'generated', files: [], messages: generatedMessages }, settings);
  await yieldToEventLoop();
  const astmFixtures = withFixtures ? measureAstm(fixtureAstmCorpus(), settings) : null;
  const astmTexts = Array.from({ length: 8 }, (_, i) => generatedAstmText(30, i + 1));
  const astmGenerated = measureAstm(
    { source: 'generated', files: [], texts: astmTexts, captures: astmTexts.map(generatedAstmCapture) },
    settings
  );
  if (sink === Number.MIN_SAFE_INTEGER) {
    console.error(sink);
  }
  const reference = hl7Fixtures ?? hl7Generated;
  return {
    settings,
    peer: { package: '@medplum/core', version: MEDPLUM_VERSION, api: 'Hl7Message.parse' },
    hl7: {
      fixtures: hl7Fixtures,
      generatedOru30Obx: hl7Generated,
      target: {
        ratio: TARGET_RATIO,
        comparison: 'parse + every field as repetitions × components (wire text) vs Hl7Message.parse',
        measuredOn: hl7Fixtures === null ? 'generatedOru30Obx' : 'fixtures',
        measured: reference.ratio,
        met: reference.ratio >= TARGET_RATIO,
        measuredFullDecode: reference.ratioFullDecode,
      },
    },
    astm: { fixtures: astmFixtures, generated30Results: astmGenerated },
  };
}

function compareHl7(corpus: Hl7Corpus, settings: Required<CodecBenchOptions>): Hl7ComparisonResult {
  const bytes = utf8Length(corpus.messages);
  let segments = 0;
  for (const text of corpus.messages) {
    const parsed = tryParseHl7(text);
    if (!parsed.ok) {
      throw new Error(`corpus message not parsed: ${parsed.error.code} ${parsed.error.message}`);
    }
    segments += parsed.message.segments.length;
  }
  const ours: Workload = {
    messages: corpus.messages.length,
    bytes,
    run: () => corpus.messages.forEach(readEveryComponent),
  };
  const oursFullDecode: Workload = {
    messages: corpus.messages.length,
    bytes,
    run: () => corpus.messages.forEach(decodeEveryField),
  };
  const oursParseOnly: Workload = {
    messages: corpus.messages.length,
    bytes,
    run: () => corpus.messages.forEach(parseOnly),
  };
  const medplum: Workload = {
    messages: corpus.messages.length,
    bytes,
    run: () => corpus.messages.forEach(medplumParse),
  };
  const [oursResult, fullDecodeResult, parseOnlyResult, medplumResult] = measureInterleaved(
    [ours, oursFullDecode, oursParseOnly, medplum],
    settings
  );
  return {
    corpus: {
      source: corpus.source,
      files: corpus.files,
      messages: corpus.messages.length,
      bytes,
      segmentsOrRecords: segments,
    },
    ours: oursResult,
    oursFullDecode: fullDecodeResult,
    oursParseOnly: parseOnlyResult,
    medplum: medplumResult,
    ratio: round(oursResult.messagesPerSecond / medplumResult.messagesPerSecond, 2),
    ratioCpu: round(oursResult.cpuMessagesPerSecond / medplumResult.cpuMessagesPerSecond, 2),
    ratioFullDecode: round(fullDecodeResult.messagesPerSecond / medplumResult.messagesPerSecond, 2),
    ratioFullDecodeCpu: round(fullDecodeResult.cpuMessagesPerSecond / medplumResult.cpuMessagesPerSecond, 2),
    ratioParseOnly: round(parseOnlyResult.messagesPerSecond / medplumResult.messagesPerSecond, 2),
  };
}

/** What the peer's parse materialises: every component of every repetition of every field, wire text. */
function readEveryComponent(text: string): void {
  const parsed = tryParseHl7(text);
  if (!parsed.ok) {
    return;
  }
  for (const segment of parsed.message.segments) {
    const count = segment.fieldCount;
    for (let field = 1; field <= count; field++) {
      sink += segment.rawComponents(field).length;
    }
  }
}

/** Every leaf of every field, subcomponents split and escapes decoded: more than the peer does. */
function decodeEveryField(text: string): void {
  const parsed = tryParseHl7(text);
  if (!parsed.ok) {
    return;
  }
  for (const segment of parsed.message.segments) {
    const count = segment.fieldCount;
    for (let field = 1; field <= count; field++) {
      sink += segment.fieldValues(field).length;
    }
  }
}

function parseOnly(text: string): void {
  const parsed = tryParseHl7(text);
  if (parsed.ok) {
    sink += parsed.message.messageType().code.length + parsed.message.controlId().length;
  }
}

function medplumParse(text: string): void {
  const message = MedplumHl7Message.parse(text);
  for (const segment of message.segments) {
    sink += segment.fields.length;
  }
}

function measureAstm(corpus: AstmCorpus, settings: Required<CodecBenchOptions>): AstmResult {
  let records = 0;
  for (const text of corpus.texts) {
    const parsed = tryParseAstmMessages(text);
    records += parsed.messages.reduce((sum, message) => sum + message.records.length, 0);
  }
  const recordsWorkload: Workload = {
    messages: corpus.texts.length,
    bytes: utf8Length(corpus.texts),
    run: () => {
      for (const text of corpus.texts) {
        for (const message of tryParseAstmMessages(text).messages) {
          sink += message.records.length;
        }
      }
    },
  };
  const framedWorkload: Workload = {
    messages: corpus.captures.length,
    bytes: corpus.captures.reduce((sum, capture) => sum + capture.length, 0),
    run: () => {
      for (const bytes of corpus.captures) {
        const capture = readAstmCapture(bytes, { charset: 'windows-1252' });
        sink += capture.frames.length + tryParseAstmMessages(capture.text).messages.length;
      }
    },
  };
  const [recordsResult, framedResult] = measureInterleaved([recordsWorkload, framedWorkload], settings);
  return {
    corpus: {
      source: corpus.source,
      files: corpus.files,
      messages: corpus.texts.length,
      bytes: recordsWorkload.bytes,
      segmentsOrRecords: records,
    },
    records: recordsResult,
    framedCapture: framedResult,
  };
}

/** Warms every workload up, then times them round-robin; the median round is the figure. */
function measureInterleaved<const T extends readonly Workload[]>(
  workloads: T,
  settings: Required<CodecBenchOptions>
): { [K in keyof T]: Throughput } {
  for (const workload of workloads) {
    runFor(workload, settings.warmupMs);
  }
  const perRound = workloads.map((): number[] => []);
  const perRoundCpu = workloads.map((): number[] => []);
  for (let round = 0; round < settings.rounds; round++) {
    workloads.forEach((workload, i) => {
      const { passes, seconds, cpuSeconds } = runFor(workload, settings.roundMs);
      perRound[i]?.push((passes * workload.messages) / seconds);
      perRoundCpu[i]?.push((passes * workload.messages) / cpuSeconds);
    });
  }
  const results = workloads.map((workload, i): Throughput => {
    const rounds = perRound[i] ?? [];
    const messagesPerSecond = median(rounds);
    const megabytesPerSecond = (messagesPerSecond * workload.bytes) / workload.messages / 1e6;
    return {
      messagesPerSecond: Math.round(messagesPerSecond),
      cpuMessagesPerSecond: Math.round(median(perRoundCpu[i] ?? [])),
      megabytesPerSecond: round(megabytesPerSecond, 2),
      roundsMessagesPerSecond: rounds.map((value) => Math.round(value)),
    };
  });
  // One result per workload, in order: the tuple type the caller destructures.
  return results as { [K in keyof T]: Throughput };
}

/** Runs whole passes over the corpus for at least `ms` milliseconds. */
function runFor(workload: Workload, ms: number): { passes: number; seconds: number; cpuSeconds: number } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let passes = 0;
  let elapsed = 0;
  do {
    workload.run();
    passes++;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  const cpu = process.cpuUsage(cpuStart);
  // cpuUsage counts microseconds; at least 1 µs so a ratio never divides by zero.
  return { passes, seconds: elapsed / 1000, cpuSeconds: Math.max(1, cpu.user + cpu.system) / 1e6 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function utf8Length(texts: readonly string[]): number {
  const encoder = new TextEncoder();
  return texts.reduce((sum, text) => sum + encoder.encode(text).length, 0);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
