// The home page: what the signed-in person can do in Spotlight, by role.
import type { FastifyInstance } from 'fastify';
import { can } from '../../platform/policy.js';
import type { Services } from '../../services.js';

export async function homeRoutes(app: FastifyInstance, opts: { services: Services }) {
  app.get('/', { config: { permission: 'public' } }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/sign-in', 303);
    const actor = request.actor;
    const canManageTimetable = can(actor, 'timetable:manage');
    return reply.page('features/home/home.njk', {
      canViewTimetable: can(actor, 'timetable:view'),
      canManageTimetable,
      canNominate: can(actor, 'rota:nominate'),
      unreadNotices: canManageTimetable
        ? await opts.services.timetableNotices.unreadCount({ actor, requestId: request.id })
        : 0,
      canViewDirectory: can(actor, 'directory:view'),
      canManageDirectory: can(actor, 'directory:manage'),
      canManageAccounts: can(actor, 'accounts:manage'),
      canViewAudit: can(actor, 'audit:view'),
    });
  });
}
