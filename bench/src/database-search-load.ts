/**
 * The same searches without HTTP, at the same concurrency, to split the cost:
 * - `repositorySql`: the repository's search SQL alone, on the root handle (no transaction);
 * - `service`: PatientService.search — transaction + SQL + the audit event every search writes
 *   (who looked for whom), i.e. everything but HTTP, session lookup and JSON.
 */
import type { Database } from '../../packages/server/dist/db/database.js';
import type { AuditContext } from '../../packages/server/dist/modules/audit/audit-writer.js';
import {
  searchByIns,
  searchByNumber,
  searchByTraits,
} from '../../packages/server/dist/modules/patients/patients.repository.js';
import type { PatientService } from '../../packages/server/dist/modules/patients/patients.service.js';
import { runClosedLoop, summarizeLoop, type LoopSummary } from './closed-loop.js';
import type { RepositorySearch, SearchCase } from './search-queries.js';

export interface LoadShape {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  limit: number;
}

function runRepositorySearch(database: Database, search: RepositorySearch, limit: number): Promise<unknown[]> {
  switch (search.by) {
    case 'traits':
      return searchByTraits(database, {
        nameKey: search.nameKey,
        otherKeys: search.otherKeys,
        birthDate: search.birthDate,
        birthYear: null,
        limit,
      });
    case 'ins':
      return searchByIns(database, search.insNumber);
    case 'number':
      return searchByNumber(database, search.patientNumber);
  }
}

async function loop(
  cases: readonly SearchCase[],
  shape: LoadShape,
  search: (searchCase: SearchCase) => Promise<unknown[]>
): Promise<LoopSummary & { hitsByKind: Record<string, { answered: number; withResults: number }> }> {
  const hitsByKind: Record<string, { answered: number; withResults: number }> = {};
  let next = 0;
  const result = await runClosedLoop({
    concurrency: shape.concurrency,
    warmupMs: shape.warmupMs,
    durationMs: shape.durationMs,
    nextTask: () => {
      const searchCase = cases[next++ % cases.length] as SearchCase;
      return {
        kind: searchCase.kind,
        run: async () => {
          const items = await search(searchCase);
          const hits = (hitsByKind[searchCase.kind] ??= { answered: 0, withResults: 0 });
          hits.answered++;
          if (items.length > 0) {
            hits.withResults++;
          }
        },
      };
    },
  });
  return { ...summarizeLoop(result), hitsByKind };
}

export function loadRepositorySql(database: Database, cases: readonly SearchCase[], shape: LoadShape) {
  return loop(cases, shape, (c) => runRepositorySearch(database, c.repository, shape.limit));
}

export function loadPatientService(
  patients: PatientService,
  context: AuditContext,
  cases: readonly SearchCase[],
  shape: LoadShape
) {
  return loop(cases, shape, (c) => patients.search(c.text, shape.limit, context));
}
