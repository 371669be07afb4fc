/**
 * Runs every enabled instrument link and the inbound queue worker. `sync()` brings the running
 * links in line with the profiles (started, restarted after a change, stopped when disabled);
 * the status of each link stays readable whatever happens to its sockets. Runs inside the server
 * (PGlite, and PostgreSQL by default) or in its own process (`npm run connect`, cli/connect.ts).
 */
import type { Database } from '../db/database.js';
import { listInstruments, type InstrumentProfile } from '../modules/instruments/instruments.repository.js';
import type { LinkStatusView } from '../modules/instruments/instruments.schemas.js';
import type { MessageProcessor } from '../modules/instruments/message-processor.js';
import { ProcessingWorker } from '../modules/instruments/processing-worker.js';
import { enqueueWorkOrders } from '../modules/instruments/work-orders.js';
import { resolveConnectOptions, type ConnectOptions, type ResolvedConnectOptions } from './connect-options.js';
import { InstrumentEndpoint } from './instrument-endpoint.js';
import { LinkStatusTracker } from './link-status.js';

interface RunningLink {
  readonly profile: InstrumentProfile;
  readonly endpoint: InstrumentEndpoint;
}

export class LinkManager {
  readonly worker: ProcessingWorker;
  private readonly options: ResolvedConnectOptions;
  private readonly links = new Map<string, RunningLink>();
  private readonly statuses = new Map<string, LinkStatusTracker>();
  private scanTimer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> = Promise.resolve();
  private started = false;

  constructor(
    private readonly database: Database,
    processor: MessageProcessor,
    options: ConnectOptions = {}
  ) {
    this.options = resolveConnectOptions(options);
    this.worker = new ProcessingWorker(database, processor, {
      pollMs: this.options.pollMs,
      onError: (error) =>
        this.options.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'file des messages'),
    });
  }

  get running(): boolean {
    return this.started;
  }

  async start(): Promise<void> {
    if (this.started) {
      return;
    }
    this.started = true;
    this.worker.start();
    await this.sync();
    this.scanTimer = setInterval(() => void this.scanWorkOrders(), this.options.workOrderScanMs);
    this.scanTimer.unref();
  }

  async stop(): Promise<void> {
    if (!this.started) {
      return;
    }
    this.started = false;
    if (this.scanTimer !== undefined) {
      clearInterval(this.scanTimer);
      this.scanTimer = undefined;
    }
    await this.syncing;
    await Promise.all([...this.links.values()].map((link) => link.endpoint.stop()));
    this.links.clear();
    await this.worker.stop();
  }

  /** Aligns the running links with the profiles (serialised: one sync at a time). */
  sync(): Promise<void> {
    const run = this.syncing.then(() => this.syncNow());
    this.syncing = run.catch((error: unknown) =>
      this.options.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'liaisons')
    );
    return run;
  }

  status(instrumentId: string): LinkStatusView | undefined {
    return this.statuses.get(instrumentId)?.snapshot('in-process');
  }

  allStatuses(): Map<string, LinkStatusView> {
    return new Map([...this.statuses].map(([id, tracker]) => [id, tracker.snapshot('in-process')]));
  }

  /** Builds the due LAB-28 work orders of bidirectional HL7 analyzers and sends them on live links. */
  async scanWorkOrders(): Promise<void> {
    for (const link of this.links.values()) {
      if (link.profile.protocol !== 'hl7' || link.profile.direction !== 'bi' || link.endpoint.connectionCount === 0) {
        continue;
      }
      try {
        await enqueueWorkOrders(this.database, link.profile);
        await link.endpoint.flushOutbound();
      } catch (error) {
        this.statusOf(link.profile.id).error('SIL_CONNECT_PROCESSING_FAILED', `ordres de travail : ${String(error)}`);
      }
    }
  }

  private statusOf(id: string): LinkStatusTracker {
    let tracker = this.statuses.get(id);
    if (tracker === undefined) {
      tracker = new LinkStatusTracker();
      this.statuses.set(id, tracker);
    }
    return tracker;
  }

  private async syncNow(): Promise<void> {
    if (!this.started) {
      return;
    }
    const profiles = await listInstruments(this.database);
    const wanted = new Map(profiles.filter((p) => p.enabled).map((p) => [p.id, p]));
    for (const [id, link] of this.links) {
      const profile = wanted.get(id);
      if (profile === undefined || profile.version !== link.profile.version) {
        await link.endpoint.stop();
        this.links.delete(id);
      }
    }
    for (const profile of profiles) {
      this.statusOf(profile.id);
      if (!profile.enabled || this.links.has(profile.id) || !this.started) {
        continue;
      }
      const endpoint = new InstrumentEndpoint({
        profile,
        database: this.database,
        worker: this.worker,
        status: this.statusOf(profile.id),
        options: this.options,
        requestWorkOrders: (barcodes) => void this.pushWorkOrders(profile.id, barcodes),
      });
      this.links.set(profile.id, { profile, endpoint });
      await endpoint.start();
    }
  }

  private async pushWorkOrders(instrumentId: string, barcodes: readonly string[]): Promise<void> {
    const link = this.links.get(instrumentId);
    if (link === undefined) {
      return;
    }
    try {
      await enqueueWorkOrders(this.database, link.profile, barcodes);
      await link.endpoint.flushOutbound();
    } catch (error) {
      this.statusOf(instrumentId).error('SIL_CONNECT_PROCESSING_FAILED', `ordres de travail : ${String(error)}`);
    }
  }
}
