// The home page: the signed-in person's tasks in Spotlight, overdue first, then what they can do.
import type { FastifyInstance } from 'fastify';
import { contextOf } from '../../platform/context.js';
import { can } from '../../platform/policy.js';
import type { Services } from '../../services.js';
import { dueTagClasses } from '../tasks/task-rules.js';

export async function homeRoutes(app: FastifyInstance, opts: { services: Services }) {
  app.get('/', { config: { permission: 'public' } }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/sign-in', 303);
    const actor = request.actor;
    const ctx = contextOf(request);
    const canManageTimetable = can(actor, 'timetable:manage');
    const tasks = await opts.services.tasks.forPerson(ctx);
    const finalReports = await opts.services.reportDocuments.finalReportsAboutMyTeams(ctx);
    return reply.page('features/home/home.njk', {
      tasks: tasks.map((task) => ({ ...task, tagClasses: dueTagClasses(task) })),
      finalReports,
      canViewTimetable: can(actor, 'timetable:view'),
      canManageTimetable,
      canNominate: can(actor, 'rota:nominate'),
      unreadNotices: canManageTimetable ? await opts.services.timetableNotices.unreadCount(ctx) : 0,
      canViewDirectory: can(actor, 'directory:view'),
      canManageDirectory: can(actor, 'directory:manage'),
      canManageAccounts: can(actor, 'accounts:manage'),
      canViewAudit: can(actor, 'audit:view'),
      canManageSettings: can(actor, 'settings:manage'),
    });
  });
}
