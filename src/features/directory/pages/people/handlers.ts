// Person pages: adding, seeing, changing, deactivating and reactivating someone.
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
import type { Person } from '../../directory.model.js';
import { canManage, conflictPage, contextOf, manage, versionOf, view } from '../common.js';
import { personConflictRows, personFormData, personSchema, personValues } from './form.js';

const pages = 'features/directory/pages/people';
type IdParams = { Params: { id: string } };

export async function personPages(app: FastifyInstance, services: Services) {
  const { directory } = services;

  async function form(
    reply: FastifyReply,
    ctx: RequestContext,
    data: {
      person?: Person;
      values: Record<string, unknown>;
      errors?: FormErrors;
      version?: number;
    },
    status = 200,
  ) {
    return reply.page(`${pages}/form.njk`, await personFormData(directory, ctx, data), status);
  }

  app.get<{ Querystring: { team?: string } }>(
    '/directory/people/new',
    manage,
    async (request, reply) => {
      const homeTeamId = typeof request.query.team === 'string' ? request.query.team : '';
      return form(reply, contextOf(request), { values: { homeTeamId } });
    },
  );

  app.post('/directory/people/new', manage, async (request, reply) => {
    const ctx = contextOf(request);
    const parsed = parseForm(personSchema, request.body);
    if (!parsed.ok) return form(reply, ctx, { values: parsed.values, errors: parsed.errors }, 400);
    try {
      const id = await directory.addPerson(ctx, parsed.value);
      request.session.flash = 'Person added';
      return reply.redirect(`/directory/people/${id}`, 303);
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

  app.get<IdParams>('/directory/people/:id', view, async (request, reply) => {
    const details = await directory.getPerson(contextOf(request), request.params.id);
    return reply.page(`${pages}/view.njk`, {
      ...details,
      jobRoleName: jobRoleNames[details.person.jobRole],
      today: services.clock.now().toISOString().slice(0, 10),
      canManage: canManage(request),
      backLink: '/directory/people',
    });
  });

  app.get<IdParams>('/directory/people/:id/edit', manage, async (request, reply) => {
    const ctx = contextOf(request);
    const { person } = await directory.getPerson(ctx, request.params.id);
    return form(reply, ctx, { person, values: personValues(person), version: person.version });
  });

  app.post<IdParams>('/directory/people/:id/edit', manage, async (request, reply) => {
    const ctx = contextOf(request);
    const { person } = await directory.getPerson(ctx, request.params.id);
    const version = versionOf(request.body);
    const parsed = parseForm(personSchema, request.body);
    if (!parsed.ok)
      return form(
        reply,
        ctx,
        { person, version, values: parsed.values, errors: parsed.errors },
        400,
      );
    try {
      const changed = await directory.changePerson(ctx, person.id, version, parsed.value);
      request.session.flash = changed.length > 0 ? 'Person updated' : 'You did not change anything';
      return reply.redirect(`/directory/people/${person.id}`, 303);
    } catch (error) {
      if (error instanceof Invalid) {
        const errors = errorsFromInvalid(error);
        return form(reply, ctx, { person, version, values: rawValues(request.body), errors }, 400);
      }
      if (!(error instanceof Conflict)) throw error;
      const { person: now } = await directory.getPerson(ctx, person.id);
      const { teamNames } = await personFormData(directory, ctx, { person: now, values: {} });
      return conflictPage(reply, {
        thing: 'person',
        name: now.name,
        href: `/directory/people/${now.id}`,
        editHref: `/directory/people/${now.id}/edit`,
        rows: personConflictRows(now, parsed.value, teamNames),
      });
    }
  });

  for (const active of [false, true]) {
    const verb = active ? 'reactivate' : 'deactivate';
    const confirmPage = async (request: FastifyRequest<IdParams>, reply: FastifyReply) => {
      const { person, manages, headOf } = await directory.getPerson(
        contextOf(request),
        request.params.id,
      );
      const href = `/directory/people/${person.id}`;
      if (person.active === active) return reply.redirect(href, 303);
      const leads = manages.length + headOf.length;
      return reply.page('features/directory/pages/confirm.njk', {
        caption: person.name,
        heading: `${active ? 'Reactivate' : 'Deactivate'} this person?`,
        paragraphs: active
          ? [
              'They will be included in Spotlight planning again. If they have an account, they can sign in again.',
            ]
          : [
              'They will no longer be included in Spotlight planning and, if they have an account, they will not be able to sign in. Their history is kept, and you can reactivate them later.',
              ...(leads > 0
                ? [
                    'They still lead teams in the directory. Choose new Team Managers or Heads of Service for those teams.',
                  ]
                : []),
            ],
        blocked:
          !active && request.actor?.personId === person.id
            ? 'You cannot deactivate yourself. Ask another QA coordinator to do it.'
            : undefined,
        action: `${href}/${verb}`,
        version: person.version,
        button: `${active ? 'Reactivate' : 'Deactivate'} person`,
        warning: !active,
        cancelHref: href,
        backLink: href,
      });
    };
    app.get<IdParams>(`/directory/people/:id/${verb}`, manage, confirmPage);
    app.post<IdParams>(`/directory/people/:id/${verb}`, manage, async (request, reply) => {
      const id = request.params.id;
      await directory.setPersonActive(contextOf(request), id, versionOf(request.body), active);
      request.session.flash = active ? 'Person reactivated' : 'Person deactivated';
      return reply.redirect(`/directory/people/${id}`, 303);
    });
  }
}
