/**
 * Prescription scan upload and download. Multipart parsing is registered in this plugin only
 * (Fastify encapsulation): no other route accepts multipart bodies.
 */
import fastifyMultipart from '@fastify/multipart';
import { SillageError } from '@sillage/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import { prescriptionDocumentSchema } from './orders.schemas.js';
import { prescriptionMaxBytes } from './prescriptions.service.js';

const tags = ['orders'];

const multipartErrors: Record<string, SillageError['code']> = {
  FST_REQ_FILE_TOO_LARGE: 'SIL_PRESCRIPTION_FILE_TOO_LARGE',
  FST_FILES_LIMIT: 'SIL_VALIDATION',
  FST_PARTS_LIMIT: 'SIL_VALIDATION',
  FST_FIELDS_LIMIT: 'SIL_VALIDATION',
  FST_PROTO_VIOLATION: 'SIL_VALIDATION',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'SIL_PRESCRIPTION_FILE_MISSING',
  FST_MP_PREMATURE_CLOSE: 'SIL_PRESCRIPTION_FILE_MISSING',
};

function asSillageError(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  const mapped = typeof code === 'string' ? multipartErrors[code] : undefined;
  return mapped === undefined ? error : new SillageError(mapped, { cause: error });
}

/** `inline; filename="…"; filename*=UTF-8''…` (RFC 6266 §4.3: ASCII fallback plus the UTF-8 name). */
function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');
  return `inline; filename="${ascii === '' ? 'ordonnance' : ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const prescriptionRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const prescriptions = services.orders.prescriptions;
  await app.register(fastifyMultipart, {
    limits: { fileSize: prescriptionMaxBytes, files: 1, fields: 5, parts: 6, fieldSize: 1024 },
  });

  app.post(
    '/api/orders/:id/prescription',
    {
      config: { access: 'orders.write' },
      schema: {
        tags,
        summary: 'Joindre l’ordonnance numérisée (multipart : PDF, JPEG, PNG ou TIFF, 10 Mo au plus)',
        consumes: ['multipart/form-data'],
        params: z.strictObject({ id: z.uuid() }),
        response: { 201: prescriptionDocumentSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new SillageError('SIL_PRESCRIPTION_FILE_MISSING');
      }
      let upload: { filename: string | undefined; content: Buffer };
      try {
        const file = await request.file();
        if (file === undefined) {
          throw new SillageError('SIL_PRESCRIPTION_FILE_MISSING');
        }
        upload = { filename: file.filename, content: await file.toBuffer() };
      } catch (error) {
        throw asSillageError(error);
      }
      return reply.status(201).send(await prescriptions.attach(request.params.id, upload, auditContextOf(request)));
    }
  );

  app.get(
    '/api/orders/:id/prescription/:docId',
    {
      config: { access: 'orders.read' },
      schema: {
        tags,
        summary: 'Ordonnance numérisée (lecture tracée)',
        params: z.strictObject({ id: z.uuid(), docId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const file = await prescriptions.read(request.params.id, request.params.docId, auditContextOf(request));
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.filename))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    }
  );
};
