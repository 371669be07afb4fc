/**
 * Catalogue workflow: reads for the desk and the bench, edits by biologists and admins.
 * An edit never updates a version's values: it closes the current version and inserts the next
 * one with a mandatory reason, in one transaction with its audit event (before/after), so a past
 * result keeps the ranges it was validated with (ISO 15189:2022 §7.3.5, §8.3 document control).
 */
import { SillageError } from '@sillage/core';
import type { Database, Queryable } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import { searchAnalyses } from './analysis-search.js';
import type { AnalysisDefinition, AnalyteDefinition } from './catalogue-definitions.js';
import * as repo from './catalogue.repository.js';
import type {
  AnalysisCreateInput,
  AnalysisDetail,
  AnalysisSummary,
  AnalysisUpdateInput,
  AnalysisView,
  AnalyteCreateInput,
  AnalyteUpdateInput,
  AnalyteView,
  ContainerView,
} from './catalogue.schemas.js';
import { validateAnalysis, validateAnalyte, type CatalogueIssue } from './catalogue-validation.js';

const minimumReasonLength = 3;
const creationReason = 'Création';

function throwIssues(issues: readonly CatalogueIssue[]): void {
  const first = issues[0];
  if (first !== undefined) {
    throw new SillageError(first.code, { issues: issues.map(({ path, message }) => ({ path, message })) });
  }
}

function requireReason(reason: string | undefined): string {
  const trimmed = reason?.trim() ?? '';
  if (trimmed.length < minimumReasonLength) {
    throw new SillageError('SIL_REASON_REQUIRED', { issues: [{ path: 'reason', message: 'motif du changement' }] });
  }
  return trimmed;
}

function analyteDefinitionOf(view: AnalyteView): AnalyteDefinition {
  const {
    id: _id,
    version: _v,
    validFrom: _f,
    validTo: _t,
    changeReason: _r,
    createdBy: _c,
    createdByName: _n,
    ...definition
  } = view;
  return definition;
}

function analysisDefinitionOf(view: AnalysisView): AnalysisDefinition {
  const {
    id: _id,
    version: _v,
    validFrom: _f,
    validTo: _t,
    changeReason: _r,
    createdBy: _c,
    createdByName: _n,
    ...definition
  } = view;
  return definition;
}

/** Canonical JSON (sorted keys, undefined dropped) to tell whether an edit changes anything. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner
  );
}

function toSummary(view: AnalysisView): AnalysisSummary {
  return {
    code: view.code,
    mnemonic: view.mnemonic,
    label: view.label,
    chapter: view.chapter,
    section: view.section,
    containerCode: view.containerCode,
    nabmCodes: view.nabmCodes,
    offNomenclaturePriceCents: view.offNomenclaturePriceCents,
    fastingRequired: view.fastingRequired,
    timeWindowStart: view.timeWindowStart,
    timeWindowEnd: view.timeWindowEnd,
    orderable: view.orderable,
    version: view.version,
  };
}

export class CatalogueService {
  constructor(readonly database: Database) {}

  // ── Reads ─────────────────────────────────────────────────────────────

  async searchAnalyses(query: string, limit: number, includeNotOrderable = false): Promise<AnalysisSummary[]> {
    const analyses = await repo.findCurrentAnalyses(this.database, { orderableOnly: !includeNotOrderable });
    return searchAnalyses(analyses, query, limit).map(toSummary);
  }

  async getAnalysis(key: string): Promise<AnalysisDetail> {
    return this.database.transaction(async (tx) => {
      const analysis = await repo.findCurrentAnalysis(tx, key);
      if (analysis === undefined) {
        throw new SillageError('SIL_CATALOGUE_ANALYSIS_NOT_FOUND', { detail: key });
      }
      const container = await repo.findContainer(tx, analysis.containerCode);
      if (container === undefined) {
        throw new SillageError('SIL_CATALOGUE_CONTAINER_UNKNOWN', { detail: analysis.containerCode });
      }
      const byCode = new Map((await repo.findCurrentAnalytes(tx, analysis.analyteCodes)).map((a) => [a.code, a]));
      const analytes = analysis.analyteCodes
        .map((code) => byCode.get(code))
        .filter((analyte): analyte is AnalyteView => analyte !== undefined);
      return { ...analysis, container, analytes };
    });
  }

  async getAnalyte(code: string, version?: number): Promise<AnalyteView> {
    const analyte =
      version === undefined
        ? await repo.findCurrentAnalyte(this.database, code)
        : await repo.findAnalyteVersion(this.database, code, version);
    if (analyte === undefined) {
      throw new SillageError('SIL_CATALOGUE_ANALYTE_NOT_FOUND', {
        detail: version === undefined ? code : `${code} v${version}`,
      });
    }
    return analyte;
  }

  async listAnalyteVersions(code: string): Promise<AnalyteView[]> {
    const versions = await repo.listAnalyteVersions(this.database, code);
    if (versions.length === 0) {
      throw new SillageError('SIL_CATALOGUE_ANALYTE_NOT_FOUND', { detail: code });
    }
    return versions;
  }

  async listAnalysisVersions(code: string): Promise<AnalysisView[]> {
    const versions = await repo.listAnalysisVersions(this.database, code);
    if (versions.length === 0) {
      throw new SillageError('SIL_CATALOGUE_ANALYSIS_NOT_FOUND', { detail: code });
    }
    return versions;
  }

  async listAnalytes(): Promise<AnalyteView[]> {
    return repo.findCurrentAnalytes(this.database);
  }

  async listContainers(): Promise<ContainerView[]> {
    return repo.listContainers(this.database);
  }

  /** For the orders module: current analyses for codes or mnemonics, unknown ones listed apart. */
  async resolveAnalyses(tx: Queryable, keys: readonly string[]): Promise<{ found: AnalysisView[]; unknown: string[] }> {
    return repo.resolveCurrentAnalyses(tx, keys);
  }

  // ── Analytes ──────────────────────────────────────────────────────────

  async createAnalyte(input: AnalyteCreateInput, context: AuditContext): Promise<AnalyteView> {
    const { reason, ...definition } = input;
    return this.database.transaction(async (tx) => {
      if (await repo.analyteCodeExists(tx, definition.code)) {
        throw new SillageError('SIL_CATALOGUE_CODE_TAKEN', { detail: definition.code });
      }
      const known = await repo.currentAnalyteCodes(tx);
      throwIssues(validateAnalyte(definition, known));
      const created = await repo.insertAnalyteVersion(tx, definition, 1, {
        createdBy: context.actor?.userId ?? null,
        reason: reason?.trim() || creationReason,
      });
      await writeAuditEvent(tx, context, {
        action: 'catalogue.analyte.created',
        entityType: 'analyte',
        entityId: created.id,
        after: created,
        reason: created.changeReason,
      });
      return created;
    });
  }

  async updateAnalyte(code: string, input: AnalyteUpdateInput, context: AuditContext): Promise<AnalyteView> {
    const { reason, version, ...fields } = input;
    const changeReason = requireReason(reason);
    return this.database.transaction(async (tx) => {
      const current = await repo.findCurrentAnalyte(tx, code, true);
      if (current === undefined) {
        throw new SillageError('SIL_CATALOGUE_ANALYTE_NOT_FOUND', { detail: code });
      }
      if (current.version !== version) {
        throw new SillageError('SIL_CONFLICT', { extra: { currentVersion: current.version } });
      }
      const definition: AnalyteDefinition = { ...fields, code };
      throwIssues(validateAnalyte(definition, await repo.currentAnalyteCodes(tx)));
      if (canonical(definition) === canonical(analyteDefinitionOf(current))) {
        throw new SillageError('SIL_CATALOGUE_UNCHANGED');
      }
      await repo.closeAnalyteVersion(tx, current.id);
      const next = await repo.insertAnalyteVersion(tx, definition, current.version + 1, {
        createdBy: context.actor?.userId ?? null,
        reason: changeReason,
      });
      await writeAuditEvent(tx, context, {
        action: 'catalogue.analyte.versioned',
        entityType: 'analyte',
        entityId: next.id,
        before: current,
        after: next,
        reason: changeReason,
      });
      return next;
    });
  }

  // ── Analyses ──────────────────────────────────────────────────────────

  private async checkAnalysis(tx: Queryable, definition: AnalysisDefinition, exceptCode: string | null): Promise<void> {
    const containers = new Map((await repo.listContainers(tx)).map((c) => [c.code, c.capacityMl]));
    throwIssues(validateAnalysis(definition, await repo.currentAnalyteCodes(tx), containers));
    if (await repo.mnemonicTaken(tx, definition.mnemonic, exceptCode)) {
      throw new SillageError('SIL_CATALOGUE_MNEMONIC_TAKEN', { detail: definition.mnemonic });
    }
  }

  async createAnalysis(input: AnalysisCreateInput, context: AuditContext): Promise<AnalysisView> {
    const { reason, ...fields } = input;
    const definition: AnalysisDefinition = { ...fields, mnemonic: fields.mnemonic.toUpperCase() };
    return this.database.transaction(async (tx) => {
      if (await repo.analysisCodeExists(tx, definition.code)) {
        throw new SillageError('SIL_CATALOGUE_CODE_TAKEN', { detail: definition.code });
      }
      await this.checkAnalysis(tx, definition, null);
      const created = await repo.insertAnalysisVersion(tx, definition, 1, {
        createdBy: context.actor?.userId ?? null,
        reason: reason?.trim() || creationReason,
      });
      await writeAuditEvent(tx, context, {
        action: 'catalogue.analysis.created',
        entityType: 'analysis',
        entityId: created.id,
        after: created,
        reason: created.changeReason,
      });
      return created;
    });
  }

  async updateAnalysis(code: string, input: AnalysisUpdateInput, context: AuditContext): Promise<AnalysisView> {
    const { reason, version, ...fields } = input;
    const changeReason = requireReason(reason);
    return this.database.transaction(async (tx) => {
      const current = await repo.findCurrentAnalysis(tx, code, true);
      if (current === undefined || current.code !== code) {
        throw new SillageError('SIL_CATALOGUE_ANALYSIS_NOT_FOUND', { detail: code });
      }
      if (current.version !== version) {
        throw new SillageError('SIL_CONFLICT', { extra: { currentVersion: current.version } });
      }
      const definition: AnalysisDefinition = { ...fields, code, mnemonic: fields.mnemonic.toUpperCase() };
      await this.checkAnalysis(tx, definition, code);
      if (canonical(definition) === canonical(analysisDefinitionOf(current))) {
        throw new SillageError('SIL_CATALOGUE_UNCHANGED');
      }
      await repo.closeAnalysisVersion(tx, current.id);
      const next = await repo.insertAnalysisVersion(tx, definition, current.version + 1, {
        createdBy: context.actor?.userId ?? null,
        reason: changeReason,
      });
      await writeAuditEvent(tx, context, {
        action: 'catalogue.analysis.versioned',
        entityType: 'analysis',
        entityId: next.id,
        before: current,
        after: next,
        reason: changeReason,
      });
      return next;
    });
  }
}
