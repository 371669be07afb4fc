import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import {
  analysisCreateSchema,
  analysisDetailSchema,
  analysisSchema,
  analysisSearchQuerySchema,
  analysisSummarySchema,
  analysisUpdateSchema,
  analyteCreateSchema,
  analyteQuerySchema,
  analyteSchema,
  analyteUpdateSchema,
  codeParamsSchema,
  containerSchema,
} from './catalogue.schemas.js';

const tags = ['catalogue'];

export const catalogueRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const catalogue = services.catalogue;

  app.get(
    '/api/catalogue/analyses',
    {
      config: { access: 'catalogue.read' },
      schema: {
        tags,
        summary: 'Analyses en vigueur ; « q » : code, mnémonique ou libellé (sans accents), pour l’autocomplétion',
        querystring: analysisSearchQuerySchema,
        response: { 200: z.object({ items: z.array(analysisSummarySchema) }) },
      },
    },
    async (request) => ({
      items: await catalogue.searchAnalyses(request.query.q, request.query.limit, request.query.all),
    })
  );

  app.get(
    '/api/catalogue/analyses/:code',
    {
      config: { access: 'catalogue.read' },
      schema: {
        tags,
        summary: 'Analyse en vigueur (par code ou mnémonique) avec ses paramètres et son contenant',
        params: codeParamsSchema,
        response: { 200: analysisDetailSchema },
      },
    },
    async (request) => catalogue.getAnalysis(request.params.code)
  );

  app.post(
    '/api/catalogue/analyses',
    {
      config: { access: 'catalogue.manage' },
      schema: {
        tags,
        summary: 'Créer une analyse (version 1)',
        body: analysisCreateSchema,
        response: { 201: analysisSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await catalogue.createAnalysis(request.body, auditContextOf(request)))
  );

  app.put(
    '/api/catalogue/analyses/:code',
    {
      config: { access: 'catalogue.manage' },
      schema: {
        tags,
        summary: 'Nouvelle version d’une analyse (motif obligatoire ; la version précédente est close)',
        params: codeParamsSchema,
        body: analysisUpdateSchema,
        response: { 200: analysisSchema },
      },
    },
    async (request) => catalogue.updateAnalysis(request.params.code, request.body, auditContextOf(request))
  );

  app.get(
    '/api/catalogue/analytes',
    {
      config: { access: 'catalogue.read' },
      schema: {
        tags,
        summary: 'Paramètres (analytes) en vigueur',
        response: { 200: z.object({ items: z.array(analyteSchema) }) },
      },
    },
    async () => ({ items: await catalogue.listAnalytes() })
  );

  app.get(
    '/api/catalogue/analytes/:code',
    {
      config: { access: 'catalogue.read' },
      schema: {
        tags,
        summary: 'Paramètre en vigueur, ou une version passée avec « version »',
        params: codeParamsSchema,
        querystring: analyteQuerySchema,
        response: { 200: analyteSchema },
      },
    },
    async (request) => catalogue.getAnalyte(request.params.code, request.query.version)
  );

  app.get(
    '/api/catalogue/analyses/:code/versions',
    {
      config: { access: 'catalogue.read' },
      schema: {
        tags,
        summary: 'Historique des versions d’une analyse (qui, quand, pourquoi)',
        params: codeParamsSchema,
        response: { 200: z.object({ items: z.array(analysisSchema) }) },
      },
    },
    async (request) => ({ items: await catalogue.listAnalysisVersions(request.params.code) })
  );

  app.get(
    '/api/catalogue/analytes/:code/versions',
    {
      config: { access: 'catalogue.read' },
      schema: {
        tags,
        summary: 'Historique des versions d’un paramètre',
        params: codeParamsSchema,
        response: { 200: z.object({ items: z.array(analyteSchema) }) },
      },
    },
    async (request) => ({ items: await catalogue.listAnalyteVersions(request.params.code) })
  );

  app.post(
    '/api/catalogue/analytes',
    {
      config: { access: 'catalogue.manage' },
      schema: {
        tags,
        summary: 'Créer un paramètre (version 1)',
        body: analyteCreateSchema,
        response: { 201: analyteSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await catalogue.createAnalyte(request.body, auditContextOf(request)))
  );

  app.put(
    '/api/catalogue/analytes/:code',
    {
      config: { access: 'catalogue.manage' },
      schema: {
        tags,
        summary: 'Nouvelle version d’un paramètre (motif obligatoire ; les résultats passés gardent leur version)',
        params: codeParamsSchema,
        body: analyteUpdateSchema,
        response: { 200: analyteSchema },
      },
    },
    async (request) => catalogue.updateAnalyte(request.params.code, request.body, auditContextOf(request))
  );

  app.get(
    '/api/catalogue/containers',
    {
      config: { access: 'catalogue.read' },
      schema: {
        tags,
        summary: 'Contenants (tubes) dans l’ordre de prélèvement',
        response: { 200: z.object({ items: z.array(containerSchema) }) },
      },
    },
    async () => ({ items: await catalogue.listContainers() })
  );
};
