import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import { searchAuditEvents } from './audit.repository.js';
import { writeAuditEvent } from './audit-writer.js';

const auditEventSchema = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  patientId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  address: z.string().nullable(),
  hash: z.string(),
});

const dateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

const querySchema = z.strictObject({
  patientId: z.uuid().optional(),
  userId: z.uuid().optional(),
  action: z
    .string()
    .regex(/^[a-z_.]{1,64}$/)
    .optional(),
  from: dateOrDateTime.optional(),
  to: dateOrDateTime.optional(),
  beforeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/audit/events',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Rechercher dans la piste d’audit (par patient, utilisateur, période)',
        querystring: querySchema,
        response: { 200: z.object({ items: z.array(auditEventSchema), nextBeforeId: z.number().nullable() }) },
      },
    },
    async (request) => {
      const query = request.query;
      // A date-only `to` includes that whole day.
      const to = query.to !== undefined && query.to.length === 10 ? nextDay(query.to) : query.to;
      return services.database.transaction(async (tx) => {
        const items = await searchAuditEvents(tx, { ...query, to });
        // Consulting the trail about a patient is itself an access to that patient's file.
        if (query.patientId !== undefined) {
          await writeAuditEvent(tx, auditContextOf(request), {
            action: 'audit.patient_trail_read',
            entityType: 'patient',
            entityId: query.patientId,
            patientId: query.patientId,
          });
        }
        const last = items.at(-1);
        return { items, nextBeforeId: items.length === query.limit && last !== undefined ? last.id : null };
      });
    }
  );
};

function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
