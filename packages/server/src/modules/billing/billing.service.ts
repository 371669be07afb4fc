/**
 * Billing: NABM releases (import with differences) and the desk quote. The tariff index is built
 * once from the database and kept in memory until the next import (a quote must answer in a few
 * milliseconds: issue 5 targets p95 ≤ 5 ms for 20 acts). Coverage, invoices, the cash desk and
 * disputes are the sub-services below (issue 5 items 3, 5, 6, 7); invoices price with this index.
 */
import {
  billingIssuesToError,
  buildTariffIndex,
  computeQuote,
  diffNabmReleases,
  parseCoefficientHistory,
  parseNabmActs,
  SillageError,
  type CatalogueBilling,
  type QuoteRequest,
  type QuoteResponse,
  type TariffIndex,
} from '@sillage/core';
import type { Database } from '../../db/database.js';
import { AccessEventWriter, writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import { CashDeskService } from './cash.service.js';
import { CoverageService } from './coverage.service.js';
import { DisputeService } from './disputes.service.js';
import { InvoiceService } from './invoices.service.js';
import * as repo from './nabm.repository.js';

export interface NabmImportSummary {
  source: string;
  actCount: number;
  periodCount: number;
  added: string[];
  removed: string[];
  changedCoefficients: { code: string; from: number | null; to: number | null }[];
  applied: boolean;
}

export class BillingService {
  private tariffs: Promise<TariffIndex> | undefined;
  readonly coverage: CoverageService;
  readonly invoices: InvoiceService;
  readonly cash: CashDeskService;
  readonly disputes: DisputeService;

  constructor(private readonly database: Database) {
    // Reads of billing data (patient data) are access events; this module keeps its own
    // group-commit writer so services.ts stays as it is.
    const accessEvents = new AccessEventWriter(database);
    this.coverage = new CoverageService(database, accessEvents);
    this.invoices = new InvoiceService(database, accessEvents, () => this.tariffIndex());
    this.cash = new CashDeskService(database);
    this.disputes = new DisputeService(database, accessEvents);
  }

  tariffIndex(): Promise<TariffIndex> {
    this.tariffs ??= (async () => {
      const acts = await repo.loadNabmActs(this.database);
      const history = await repo.loadCoefficientHistory(this.database);
      return buildTariffIndex(acts, history);
    })();
    this.tariffs.catch(() => {
      this.tariffs = undefined;
    });
    return this.tariffs;
  }

  /** `siteId`: the desk's site, whose Alsace-Moselle holidays change the urgent supplements. */
  async quote(request: QuoteRequest, siteId: string | null = null): Promise<QuoteResponse> {
    const tariffs = await this.tariffIndex();
    const nonNabm = request.acts.filter((act) => !/^\d{4}$/.test(act));
    const catalogue = new Map<string, CatalogueBilling>();
    if (nonNabm.length > 0) {
      for (const [code, billing] of await repo.catalogueBilling(this.database, nonNabm)) {
        catalogue.set(code, billing);
      }
    }
    const outcome = computeQuote(
      { ...request, acts: request.acts.map((act) => (/^\d{4}$/.test(act) ? act : act.toUpperCase())) },
      tariffs,
      { catalogue, siteInAlsaceMoselle: siteId !== null && (await repo.siteInAlsaceMoselle(this.database, siteId)) }
    );
    if (!outcome.ok) {
      throw billingIssuesToError(outcome.errors);
    }
    return outcome.quote;
  }

  /**
   * Imports a CNAM release (IR_BIO_R + IR_BTF_R text). All or nothing: any malformed line refuses
   * the whole file with the list of lines. With `apply: false`, only the differences are returned.
   */
  async importNabm(
    files: { actsCsv: string; historyCsv: string; source: string },
    apply: boolean,
    context: AuditContext
  ): Promise<NabmImportSummary> {
    const acts = parseNabmActs(files.actsCsv);
    const history = parseCoefficientHistory(files.historyCsv);
    if (!acts.ok || !history.ok) {
      const issues = [...(acts.ok ? [] : acts.errors), ...(history.ok ? [] : history.errors)];
      throw new SillageError('SIL_NABM_IMPORT_INVALID', {
        detail: issues
          .slice(0, 20)
          .map((i) => `ligne ${i.line} : ${i.code} ${i.detail}`)
          .join(' ; '),
        extra: { lineErrors: issues.slice(0, 200) },
      });
    }
    const previous = await repo.loadNabmActs(this.database);
    const diff = diffNabmReleases(previous, acts.rows);
    const summary: NabmImportSummary = {
      source: files.source,
      actCount: acts.rows.length,
      periodCount: history.rows.length,
      added: diff.added.map((a) => a.code),
      removed: diff.removed.map((r) => r.act.code),
      changedCoefficients: diff.changedCoefficients.map((c) => ({
        code: c.code,
        from: c.coefficientHundredthsBefore,
        to: c.coefficientHundredthsAfter,
      })),
      applied: apply,
    };
    if (apply) {
      await this.database.transaction(async (tx) => {
        await repo.replaceNabmRelease(tx, acts.rows, history.rows);
        await repo.recordRelease(tx, {
          source: files.source,
          importedBy: context.actor?.name ?? null,
          actCount: summary.actCount,
          periodCount: summary.periodCount,
          diff: summary,
        });
        await writeAuditEvent(tx, context, {
          action: 'nabm.imported',
          entityType: 'nabm_release',
          after: { ...summary, added: summary.added.length, removed: summary.removed.length },
        });
      });
      this.tariffs = undefined;
    }
    return summary;
  }
}
