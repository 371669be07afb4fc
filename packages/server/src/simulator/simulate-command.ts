/**
 * `npm run simulate`: parse, gather the tubes, open the endpoint, run, print the JSON summary.
 * Kept apart from the executable (cli/simulate.ts) so tests drive it with injected I/O.
 */
import { listenEndpoint, dialEndpoint, type LinkEndpoint } from './link-endpoint.js';
import { fetchPendingSpecimens, specimensFromBarcodes, syntheticBarcodes, WorklistError } from './pending-specimens.js';
import { runSimulation } from './run-simulation.js';
import { parseSimulateArguments, SIMULATE_USAGE, type SimulateCommand } from './simulate-options.js';
import type { SimulationSummary } from './simulation-stats.js';
import type { SimulatedSpecimen } from './simulator-types.js';

export interface SimulateIo {
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  readonly env: NodeJS.ProcessEnv;
  /** Aborts the run (Ctrl-C): in-flight messages finish, the summary is still printed. */
  readonly signal?: AbortSignal;
}

async function specimensOf(command: SimulateCommand, io: SimulateIo): Promise<SimulatedSpecimen[]> {
  const source = command.specimens;
  switch (source.kind) {
    case 'barcodes':
      return specimensFromBarcodes(source.barcodes);
    case 'count':
      return specimensFromBarcodes(syntheticBarcodes(source.count));
    case 'worklist': {
      io.writeStderr(`[simulate] liste de travail « ${source.section} » sur ${source.apiUrl}\n`);
      return fetchPendingSpecimens(source);
    }
  }
}

/** Exit status: 0 every message acknowledged, 1 some refused or lost (or nothing to send), 2 usage error. */
export async function runSimulateCommand(argv: readonly string[], io: SimulateIo): Promise<number> {
  const parsed = parseSimulateArguments(argv, io.env);
  if (!parsed.ok) {
    io.writeStderr(`simulate : ${parsed.error}.\n\n${SIMULATE_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.writeStdout(SIMULATE_USAGE);
    return 0;
  }
  const command = parsed.command;
  let specimens: SimulatedSpecimen[];
  try {
    specimens = await specimensOf(command, io);
  } catch (error) {
    const reason = error instanceof WorklistError ? error.message : `API injoignable (${(error as Error).message})`;
    io.writeStderr(`simulate : ${reason}.\n`);
    return 1;
  }
  if (specimens.length === 0) {
    io.writeStderr('simulate : aucun tube en attente de résultats pour ce profil.\n');
    return 1;
  }
  let endpoint: LinkEndpoint;
  try {
    endpoint = command.listen
      ? await listenEndpoint(command.host, command.port)
      : dialEndpoint(command.host, command.port);
  } catch (error) {
    io.writeStderr(`simulate : écoute impossible sur ${command.host}:${command.port} (${(error as Error).message}).\n`);
    return 1;
  }
  const progress = command.quiet ? undefined : (line: string): void => io.writeStderr(`[simulate] ${line}\n`);
  progress?.(
    `${command.profile.name} (${command.profile.protocol.toUpperCase()}) → ${endpoint.description}, ` +
      `${specimens.length} tube(s), ${command.connections} connexion(s)`
  );
  let summary: SimulationSummary;
  try {
    summary = await runSimulation({
      profile: command.profile,
      endpoint,
      specimens,
      connections: command.connections,
      qcEvery: command.qcEvery,
      faultEvery: command.faultEvery,
      slowByteMs: command.slowByteMs,
      seed: command.seed,
      ...(command.ratePerSecond === undefined ? {} : { ratePerSecond: command.ratePerSecond }),
      ...(command.durationMs === undefined ? {} : { durationMs: command.durationMs }),
      ...(command.maxMessages === undefined ? {} : { maxMessages: command.maxMessages }),
      ...(command.fault === undefined ? {} : { fault: command.fault }),
      ...(command.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: command.ackTimeoutMs }),
      ...(command.frameSize === undefined ? {} : { astm: { maxFrameText: command.frameSize } }),
      ...(progress === undefined ? {} : { progress }),
      ...(io.signal === undefined ? {} : { signal: io.signal }),
    });
  } finally {
    await endpoint.close();
  }
  io.writeStdout(`${JSON.stringify(summary, null, 2)}\n`);
  const allAcknowledged = summary.messages.acknowledged === summary.messages.sent && summary.messages.sent > 0;
  return allAcknowledged ? 0 : 1;
}
