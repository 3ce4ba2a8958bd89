// The audit log: who did what and when, filtered and paged. Nothing here changes or deletes an
// entry. Because the page can show children's case numbers, showing them is itself recorded.
import type { FastifyInstance } from 'fastify';
import type { AuditEvent } from '../../platform/audit/audit.service.js';
import { hasErrors } from '../../platform/forms.js';
import type { Services } from '../../services.js';
import { actionLabel, objectTypeLabel } from './audit-log.labels.js';
import { auditLogHref, dateItems, pagination, readAuditLogQuery } from './audit-log.filter.js';
import { contextOf } from './common.js';

const pageSize = 50;

export async function auditLogRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { audit, accounts } = opts.services;

  app.get('/admin/audit', { config: { permission: 'audit:view' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const query = readAuditLogQuery(request.query as Record<string, unknown>);
    const [actions, people] = await Promise.all([audit.actions(ctx), accounts.list(ctx)]);
    const form = {
      values: query.values,
      fromItems: dateItems(query.values.from),
      toItems: dateItems(query.values.to),
      actionItems: [
        { value: '', text: 'Any action', selected: !query.values.action },
        ...actions.map((action) => ({
          value: action,
          text: actionLabel(action),
          selected: action === query.values.action,
        })),
      ],
      actorItems: [
        { value: '', text: 'Anyone', selected: !query.values.actor },
        ...people.map((account) => ({
          value: account.id,
          text: account.name,
          selected: account.id === query.values.actor,
        })),
      ],
    };
    if (hasErrors(query.errors))
      return reply.page(
        'features/admin/pages/audit/log.njk',
        { ...form, errors: query.errors },
        400,
      );

    const result = await audit.list(ctx, query.filter, query.page, pageSize);
    const caseNumbers = [...new Set(result.events.flatMap((event) => event.caseNumbers))];
    if (caseNumbers.length > 0) {
      await audit.record(ctx, {
        action: 'audit-log.viewed',
        objectType: 'audit-log',
        caseNumbers,
        details: { page: query.page, filter: query.filter },
      });
    }
    const totalPages = Math.ceil(result.total / pageSize);
    return reply.page('features/admin/pages/audit/log.njk', {
      ...form,
      entries: result.events.map(entryView),
      total: result.total,
      first: (query.page - 1) * pageSize + 1,
      last: (query.page - 1) * pageSize + result.events.length,
      filtered: Object.values(query.filter).some((value) => value !== undefined),
      pagination: pagination(query.page, totalPages, (n) => auditLogHref(query.values, n)),
    });
  });
}

function entryView(event: AuditEvent) {
  return {
    at: event.at,
    who: event.actorName,
    what: actionLabel(event.action),
    action: event.action,
    objectType: objectTypeLabel(event.objectType),
    objectId: event.objectId,
    objectHref:
      event.objectType === 'account' && event.objectId
        ? `/admin/users/${event.objectId}`
        : undefined,
    caseNumbers: event.caseNumbers,
    requestId: event.requestId,
  };
}
