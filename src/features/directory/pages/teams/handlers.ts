// Team pages: the list (by service area), one team and its people, adding, changing, deactivating.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { jobRoleNames } from '../../../../core/job-roles.js';
import type { RequestContext } from '../../../../platform/context.js';
import { Conflict, Invalid } from '../../../../platform/errors.js';
import {
  errorsFromInvalid,
  parseForm,
  rawValues,
  type FormErrors,
} from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import type { Team } from '../../directory.model.js';
import {
  canManage,
  conflictPage,
  contextOf,
  manage,
  selectItems,
  versionOf,
  view,
} from '../common.js';
import { teamConflictRows, teamFormData, teamSchema, teamValues } from './form.js';
import { teamUnavailabilitySection } from './unavailability.js';

const pages = 'features/directory/pages/teams';
type IdParams = { Params: { id: string } };

export async function teamPages(app: FastifyInstance, services: Services) {
  const { directory } = services;

  async function form(
    reply: FastifyReply,
    ctx: RequestContext,
    data: { team?: Team; values: Record<string, unknown>; errors?: FormErrors; version?: number },
    status = 200,
  ) {
    return reply.page(`${pages}/form.njk`, await teamFormData(directory, ctx, data), status);
  }

  app.get<{ Querystring: { serviceArea?: string } }>(
    '/directory/teams',
    view,
    async (request, reply) => {
      const ctx = contextOf(request);
      const serviceAreaId =
        typeof request.query.serviceArea === 'string' ? request.query.serviceArea : '';
      const serviceAreas = await directory.listServiceAreas(ctx);
      const teams = await directory.listTeams(ctx, serviceAreaId ? { serviceAreaId } : {});
      const area = serviceAreas.find((a) => a.id === serviceAreaId);
      return reply.page(`${pages}/list.njk`, {
        teams,
        area,
        serviceAreaItems: selectItems(
          serviceAreas.map((a) => ({ value: a.id, text: a.name })),
          serviceAreaId,
          'All service areas',
        ),
        canManage: canManage(request),
      });
    },
  );

  app.get<{ Querystring: { serviceArea?: string } }>(
    '/directory/teams/new',
    manage,
    async (request, reply) => {
      const serviceAreaId =
        typeof request.query.serviceArea === 'string' ? request.query.serviceArea : '';
      return form(reply, contextOf(request), { values: { serviceAreaId } });
    },
  );

  app.post('/directory/teams/new', manage, async (request, reply) => {
    const ctx = contextOf(request);
    const parsed = parseForm(teamSchema, request.body);
    if (!parsed.ok) return form(reply, ctx, { values: parsed.values, errors: parsed.errors }, 400);
    try {
      const id = await directory.addTeam(ctx, parsed.value);
      request.session.flash = 'Team added';
      return reply.redirect(`/directory/teams/${id}`, 303);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      return form(
        reply,
        ctx,
        { values: rawValues(request.body), errors: errorsFromInvalid(error) },
        400,
      );
    }
  });

  app.get<IdParams>('/directory/teams/:id', view, async (request, reply) => {
    const { team, people } = await directory.getTeam(contextOf(request), request.params.id);
    return reply.page(`${pages}/view.njk`, {
      team,
      people,
      ...(await teamUnavailabilitySection(services, request, team.id)),
      jobRoleNames,
      canManage: canManage(request),
      backLink: '/directory/teams',
    });
  });

  app.get<IdParams>('/directory/teams/:id/edit', manage, async (request, reply) => {
    const ctx = contextOf(request);
    const { team } = await directory.getTeam(ctx, request.params.id);
    return form(reply, ctx, { team, values: teamValues(team), version: team.version });
  });

  app.post<IdParams>('/directory/teams/:id/edit', manage, async (request, reply) => {
    const ctx = contextOf(request);
    const { team } = await directory.getTeam(ctx, request.params.id);
    const version = versionOf(request.body);
    const parsed = parseForm(teamSchema, request.body);
    if (!parsed.ok)
      return form(reply, ctx, { team, version, values: parsed.values, errors: parsed.errors }, 400);
    try {
      const changed = await directory.changeTeam(ctx, team.id, version, parsed.value);
      request.session.flash = changed.length > 0 ? 'Team updated' : 'You did not change anything';
      return reply.redirect(`/directory/teams/${team.id}`, 303);
    } catch (error) {
      if (error instanceof Invalid) {
        const errors = errorsFromInvalid(error);
        return form(reply, ctx, { team, version, values: rawValues(request.body), errors }, 400);
      }
      if (!(error instanceof Conflict)) throw error;
      const { team: now } = await directory.getTeam(ctx, team.id);
      const { names } = await teamFormData(directory, ctx, { team: now, values: {} });
      return conflictPage(reply, {
        thing: 'team',
        name: now.name,
        href: `/directory/teams/${now.id}`,
        editHref: `/directory/teams/${now.id}/edit`,
        rows: teamConflictRows(now, parsed.value, names),
      });
    }
  });

  for (const active of [false, true]) {
    const verb = active ? 'reactivate' : 'deactivate';
    const confirmPage = async (request: FastifyRequest<IdParams>, reply: FastifyReply) => {
      const { team } = await directory.getTeam(contextOf(request), request.params.id);
      const href = `/directory/teams/${team.id}`;
      if (team.active === active) return reply.redirect(href, 303);
      const people = `${team.people} ${team.people === 1 ? 'person has' : 'people have'} this team as their home team.`;
      return reply.page('features/directory/pages/confirm.njk', {
        caption: team.name,
        heading: `${active ? 'Reactivate' : 'Deactivate'} this team?`,
        paragraphs: active
          ? ['It will be included in the Spotlight timetable again and offered as a home team.']
          : [
              'It will no longer be included in the Spotlight timetable or offered as a home team. Its history is kept, and you can reactivate it later.',
              ...(team.people > 0 ? [`${people} Change their home team if they have moved.`] : []),
            ],
        blocked:
          active && !team.serviceArea.active
            ? `The service area ${team.serviceArea.name} is deactivated. Reactivate it first, or change the team’s service area.`
            : undefined,
        action: `${href}/${verb}`,
        version: team.version,
        button: `${active ? 'Reactivate' : 'Deactivate'} team`,
        warning: !active,
        cancelHref: href,
        backLink: href,
      });
    };
    app.get<IdParams>(`/directory/teams/:id/${verb}`, manage, confirmPage);
    app.post<IdParams>(`/directory/teams/:id/${verb}`, manage, async (request, reply) => {
      const id = request.params.id;
      await directory.setTeamActive(contextOf(request), id, versionOf(request.body), active);
      request.session.flash = active ? 'Team reactivated' : 'Team deactivated';
      return reply.redirect(`/directory/teams/${id}`, 303);
    });
  }
}
