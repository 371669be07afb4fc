/**
 * Sampling (scan the drawn tubes), reception (checklist context, accept or reject) and the desk's
 * non-conformity follow-up.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import {
  barcodeParamsSchema,
  collectedTubeSchema,
  collectSchema,
  lateRejectionSchema,
  nonConformityIdParamsSchema,
  nonConformityListQuerySchema,
  nonConformitySchema,
  nonConformityUpdateSchema,
  receptionResultSchema,
  receptionSchema,
  replacementResultSchema,
  specimenContextSchema,
} from './specimens.schemas.js';

const tags = ['specimens'];

export const specimenRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { specimens, reception, nonConformities, replacements, lateRejections } = services.orders;

  app.post(
    '/api/specimens/collect',
    {
      config: { access: 'specimens.collect' },
      schema: {
        tags,
        summary: 'Prélèvement : tubes scannés, heure et préleveur tracés tube par tube',
        body: collectSchema,
        response: { 200: z.object({ items: z.array(collectedTubeSchema) }) },
      },
    },
    async (request) => ({ items: await specimens.collect(request.body, auditContextOf(request)) })
  );

  app.get(
    '/api/specimens/:barcode',
    {
      config: { access: 'specimens.receive' },
      schema: {
        tags,
        summary: 'Réception : contexte de la check-list de conformité du tube scanné (accès tracé)',
        params: barcodeParamsSchema,
        response: { 200: specimenContextSchema },
      },
    },
    async (request) => reception.context(request.params.barcode, auditContextOf(request))
  );

  app.post(
    '/api/specimens/:barcode/receive',
    {
      config: { access: 'specimens.receive' },
      schema: {
        tags,
        summary: 'Réception : accepter (check-list) ou refuser avec un motif codé (non-conformité, rappel patient)',
        params: barcodeParamsSchema,
        body: receptionSchema,
        response: { 200: receptionResultSchema },
      },
    },
    async (request) => reception.receive(request.params.barcode, request.body, auditContextOf(request))
  );

  app.post(
    '/api/specimens/:barcode/replacement',
    {
      // Redrawing a tube is part of registering the request at the desk.
      config: { access: 'orders.write' },
      schema: {
        tags,
        summary: 'Tube de remplacement d’un tube refusé : nouveau numéro, mêmes analyses, étiquette à imprimer',
        params: barcodeParamsSchema,
        response: { 201: replacementResultSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await replacements.replace(request.params.barcode, request.siteId, auditContextOf(request)))
  );

  app.post(
    '/api/specimens/:barcode/reject',
    {
      // Found at the bench (clot, haemolysis after centrifugation): the technician's call.
      config: { access: 'results.enter' },
      schema: {
        tags,
        summary: 'Refus d’un tube déjà accepté (motif codé) : résultats annulés, non-conformité, rappel patient',
        params: barcodeParamsSchema,
        body: lateRejectionSchema,
        response: { 200: receptionResultSchema },
      },
    },
    async (request) => lateRejections.reject(request.params.barcode, request.body, auditContextOf(request))
  );

  app.get(
    '/api/non-conformities',
    {
      config: { access: 'orders.read' },
      schema: {
        tags,
        summary: 'Non-conformités (tubes refusés : patients à rappeler)',
        querystring: nonConformityListQuerySchema,
        response: { 200: z.object({ items: z.array(nonConformitySchema) }) },
      },
    },
    async (request) => ({ items: await nonConformities.list(request.query, auditContextOf(request)) })
  );

  app.patch(
    '/api/non-conformities/:id',
    {
      config: { access: 'orders.write' },
      schema: {
        tags,
        summary: 'Suivi d’une non-conformité (patient rappelé, clôture)',
        params: nonConformityIdParamsSchema,
        body: nonConformityUpdateSchema,
        response: { 200: nonConformitySchema },
      },
    },
    async (request) => nonConformities.update(request.params.id, request.body, auditContextOf(request))
  );
};
