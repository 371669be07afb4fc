/**
 * Maps every error to application/problem+json (RFC 9457) with a stable SIL_ code and a French
 * (or English) title. Internal errors are logged with the request id only — never the body,
 * which may hold patient data.
 */
import { SillageError, toProblem, type ErrorCode, type FieldIssue } from '@sillage/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { requestLocale } from './request-context.js';

const fastifyCodeMap: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'SIL_MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'SIL_MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'SIL_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'SIL_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'SIL_VALIDATION',
};

export function toSillageError(error: unknown): SillageError {
  if (error instanceof SillageError) {
    return error;
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: FieldIssue[] = error.validation.map((v) => ({
      path: `${error.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`,
      message: v.message ?? 'invalide',
    }));
    return new SillageError('SIL_VALIDATION', { issues });
  }
  const fastifyError = error as Partial<FastifyError>;
  if (typeof fastifyError.code === 'string') {
    const mapped = fastifyCodeMap[fastifyError.code];
    if (mapped !== undefined) {
      return new SillageError(mapped);
    }
    if (fastifyError.code === 'FST_ERR_VALIDATION') {
      return new SillageError('SIL_VALIDATION', { detail: fastifyError.message });
    }
  }
  if (fastifyError.statusCode === 400 && error instanceof SyntaxError) {
    return new SillageError('SIL_MALFORMED_JSON');
  }
  if (fastifyError.statusCode === 413) {
    return new SillageError('SIL_BODY_TOO_LARGE');
  }
  return new SillageError('SIL_INTERNAL', { cause: error });
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: SillageError): FastifyReply {
  return reply
    .status(error.status)
    .type('application/problem+json; charset=utf-8')
    .send(toProblem(error, requestLocale(request)));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const sillageError = toSillageError(error);
    if (sillageError.code === 'SIL_INTERNAL') {
      request.log.error({ err: error, reqId: request.id }, 'erreur interne');
    }
    return sendProblem(request, reply, sillageError);
  });
}
