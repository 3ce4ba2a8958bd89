// Periods when a team cannot have its Spotlight: added with two GOV.UK date inputs (the same form
// as a person's leave), shown on the team's page, removed after a confirmation. The year plan
// keeps the team's Spotlight out of them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Invalid } from '../../../../platform/errors.js';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import { dateInputItems, type DateInputPart } from '../../../../platform/date-input.js';
import { formatDate } from '../../../../platform/format.js';
import type { Services } from '../../../../services.js';
import type { Team } from '../../directory.model.js';
import { contextOf, manage } from '../common.js';
import { parseLeaveForm } from '../people/leave.js';

type PeriodParams = { Params: { id: string; periodId: string } };

const teamHref = (teamId: string) => `/directory/teams/${teamId}`;

/** What the team's page shows of its periods: spread into the page's data. */
export async function teamUnavailabilitySection(
  services: Services,
  request: FastifyRequest,
  teamId: string,
) {
  return {
    unavailability: await services.directory.listTeamUnavailability(contextOf(request), teamId),
    today: services.clock.now().toISOString().slice(0, 10),
  };
}

export async function teamUnavailabilityPages(app: FastifyInstance, services: Services) {
  const { directory } = services;

  async function form(
    reply: FastifyReply,
    team: Team,
    data: {
      values: Record<string, unknown>;
      errors?: FormErrors;
      errorParts?: Record<string, DateInputPart[]>;
    },
    status = 200,
  ) {
    return reply.page(
      'features/directory/pages/teams/unavailability-form.njk',
      {
        team,
        values: data.values,
        errors: data.errors,
        fromItems: dateInputItems(data.errorParts?.from),
        toItems: dateInputItems(data.errorParts?.to),
        backLink: teamHref(team.id),
      },
      status,
    );
  }

  app.get<PeriodParams>(
    '/directory/teams/:id/unavailability/new',
    manage,
    async (request, reply) => {
      const { team } = await directory.getTeam(contextOf(request), request.params.id);
      return form(reply, team, { values: {} });
    },
  );

  app.post<PeriodParams>(
    '/directory/teams/:id/unavailability/new',
    manage,
    async (request, reply) => {
      const ctx = contextOf(request);
      const { team } = await directory.getTeam(ctx, request.params.id);
      const parsed = parseLeaveForm(request.body);
      if (!parsed.ok) return form(reply, team, parsed, 400);
      try {
        await directory.addTeamUnavailability(ctx, team.id, parsed.value);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        const href = error.field === 'to' ? '#to-day' : `#${error.field}`;
        const errors = addError(emptyErrors(), error.field, error.message, href);
        return form(reply, team, { values: rawValues(request.body), errors }, 400);
      }
      request.session.flash = 'Period added';
      return reply.redirect(teamHref(team.id), 303);
    },
  );

  app.get<PeriodParams>(
    '/directory/teams/:id/unavailability/:periodId/remove',
    manage,
    async (request, reply) => {
      const ctx = contextOf(request);
      const { team } = await directory.getTeam(ctx, request.params.id);
      const period = await directory.getTeamUnavailability(ctx, team.id, request.params.periodId);
      const href = teamHref(team.id);
      const dates =
        period.from === period.to
          ? `on ${formatDate(period.from)}`
          : `from ${formatDate(period.from)} to ${formatDate(period.to)}`;
      return reply.page('features/directory/pages/confirm.njk', {
        caption: team.name,
        heading: 'Remove this period?',
        paragraphs: [
          `No Spotlight ${dates}${period.reason ? ` (${period.reason})` : ''}.`,
          'Spotlight may then plan this team’s Spotlight on these dates.',
        ],
        action: `${href}/unavailability/${period.id}/remove`,
        button: 'Remove period',
        warning: true,
        cancelHref: href,
        backLink: href,
      });
    },
  );

  app.post<PeriodParams>(
    '/directory/teams/:id/unavailability/:periodId/remove',
    manage,
    async (request, reply) => {
      const { id, periodId } = request.params;
      await directory.removeTeamUnavailability(contextOf(request), id, periodId);
      request.session.flash = 'Period removed';
      return reply.redirect(teamHref(id), 303);
    },
  );
}
