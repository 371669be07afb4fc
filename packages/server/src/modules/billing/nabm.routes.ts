/**
 * `POST /api/billing/nabm/import` — imports a CNAM NABM release from the admin screen (issue 5
 * item 1), the same operation as `npm run nabm:import` (src/cli/nabm-import.ts).
 *
 * Body (`application/json`, up to 32 MiB — the only route with that limit):
 *
 * ```json
 * { "actsCsv": "<IR_BIO_R text>", "historyCsv": "<IR_BTF_R text>", "dryRun": true, "source": "IR_BIO_R.csv + IR_BTF_R.csv" }
 * ```
 *
 * - `actsCsv`: the whole text of the CNAM open-data file IR_BIO_R (acts), `;`-separated. The files
 *   are latin1: the client decodes them as such before sending (JSON strings are Unicode).
 * - `historyCsv`: the whole text of IR_BTF_R (coefficient history).
 *   Leading `# ` provenance lines are ignored in both (nabm-file-text.ts).
 * - `dryRun`: `true` computes the differences with the release in force and writes nothing;
 *   `false` replaces the release, all or nothing, audited (`nabm.imported`).
 * - `source` (optional): what was imported, kept with the release (default `import web`).
 *
 * Answer 200: `{ source, actCount, periodCount, added[], removed[], changedCoefficients[{code, from,
 * to}] (hundredths of a coefficient), applied }`. A malformed file: 422 `SIL_NABM_IMPORT_INVALID`
 * with `lineErrors[{line, code, detail}]` (line numbers of the file), nothing imported.
 *
 * Permission `billing.manage` (admin): the tariffs price every invoice of the lab.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import { withoutProvenanceHeader } from './nabm-file-text.js';

/** A CNAM release is a few MB of text; JSON escaping adds little. Other routes keep the global limit. */
const nabmImportBodyLimit = 32 * 1024 * 1024;

export const nabmImportBodySchema = z.strictObject({
  actsCsv: z.string().min(1, 'fichier IR_BIO_R vide'),
  historyCsv: z.string().min(1, 'fichier IR_BTF_R vide'),
  dryRun: z.boolean(),
  source: z.string().trim().min(1).max(300).default('import web'),
});

export const nabmImportSummarySchema = z.object({
  source: z.string(),
  actCount: z.number().int(),
  periodCount: z.number().int(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  /** Coefficients in hundredths (B 26 = 2600); `null` when the act had or has none. */
  changedCoefficients: z.array(z.object({ code: z.string(), from: z.number().nullable(), to: z.number().nullable() })),
  applied: z.boolean(),
});

export const nabmRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/api/billing/nabm/import',
    {
      config: { access: 'billing.manage' },
      bodyLimit: nabmImportBodyLimit,
      schema: {
        tags: ['facturation'],
        summary:
          'Importer une version de la NABM (fichiers CNAM IR_BIO_R et IR_BTF_R) : simulation ou import, tout ou rien',
        body: nabmImportBodySchema,
        response: { 200: nabmImportSummarySchema },
      },
    },
    async (request) =>
      services.billing.importNabm(
        {
          actsCsv: withoutProvenanceHeader(request.body.actsCsv),
          historyCsv: withoutProvenanceHeader(request.body.historyCsv),
          source: request.body.source,
        },
        !request.body.dryRun,
        auditContextOf(request)
      )
  );
};
