import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContextOf } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import {
  amendmentAnswerSchema,
  amendmentSchema,
  barcodeParamsSchema,
  commentCodeListSchema,
  entryAnswerSchema,
  historyQuerySchema,
  historySchema,
  idParamsSchema,
  resultEntrySchema,
  specimenEntryAnswerSchema,
  specimenEntrySchema,
} from './results.schemas.js';

const tags = ['résultats'];

/** Result entry (one value or a tube's grid), amendment after validation, patient history. */
export const resultEntryRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const results = services.results;

  app.put(
    '/api/results/:id',
    {
      config: { access: 'results.enter' },
      schema: {
        tags,
        summary: 'Saisir un résultat (virgule ou point décimal, liste codée, texte) : drapeaux, delta, calculs',
        params: idParamsSchema,
        body: resultEntrySchema,
        response: { 200: entryAnswerSchema },
      },
    },
    async (request) => {
      const outcome = await results.entry.enterOne(request.params.id, request.body, auditContextOf(request));
      return { result: outcome.saved[0] as (typeof outcome.saved)[number], recalculated: outcome.recalculated };
    }
  );

  app.put(
    '/api/specimens/:barcode/results',
    {
      config: { access: 'results.enter' },
      schema: {
        tags,
        summary: 'Saisir la grille d’un tube (tout ou rien)',
        params: barcodeParamsSchema,
        body: specimenEntrySchema,
        response: { 200: specimenEntryAnswerSchema },
      },
    },
    async (request) => {
      const outcome = await results.entry.enterForSpecimen(
        request.params.barcode,
        request.body,
        auditContextOf(request)
      );
      return { results: outcome.saved, recalculated: outcome.recalculated };
    }
  );

  app.post(
    '/api/results/:id/amend',
    {
      config: { access: 'results.validate_biological' },
      schema: {
        tags,
        summary: 'Corriger un résultat validé : nouvelle version, motif obligatoire, compte rendu amendé',
        params: idParamsSchema,
        body: amendmentSchema,
        response: { 200: amendmentAnswerSchema },
      },
    },
    async (request) => results.amendments.amend(request.params.id, request.body, auditContextOf(request))
  );

  app.get(
    '/api/results/comment-codes',
    {
      // Whoever reads results sees the comments' labels; the bench picks from them.
      config: { access: 'results.read' },
      schema: {
        tags,
        summary: 'Commentaires codés actifs du laboratoire (HEMOLYSE, CONTROLE_FAIT…) avec leur libellé',
        response: { 200: commentCodeListSchema },
      },
    },
    async () => ({ items: await results.commentCodes() })
  );

  app.get(
    '/api/results/history',
    {
      config: { access: 'results.read' },
      schema: {
        tags,
        summary: 'Antériorités validées d’un patient (accès tracé)',
        querystring: historyQuerySchema,
        response: { 200: historySchema },
      },
    },
    async (request) => ({ items: await results.history.history(request.query, auditContextOf(request)) })
  );
};
