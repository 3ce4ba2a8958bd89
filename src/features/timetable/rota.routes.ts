// The rota pages: managers tick which of their staff are on the Spotlight rota, team by team; the
// QA coordinator sees every team's counts and can open any team.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contextOf } from '../../platform/context.js';
import { Invalid } from '../../platform/errors.js';
import { errorsFromInvalid, parseForm, type FormErrors } from '../../platform/forms.js';
import type { Services } from '../../services.js';

const pages = 'features/timetable/pages/rota';

const nominationsSchema = z.object({
  onRota: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
});

type TeamRequest = FastifyRequest<{ Params: { teamId: string } }>;

export async function rotaRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { rota } = opts.services;

  app.get('/rota', { config: { permission: 'rota:nominate' } }, async (request, reply) => {
    const overview = await rota.overview(contextOf(request));
    return reply.page(`${pages}/overview.njk`, { ...overview });
  });

  app.get(
    '/rota/teams/:teamId',
    { config: { permission: 'rota:nominate' } },
    async (request: TeamRequest, reply) => {
      const team = await rota.team(contextOf(request), request.params.teamId);
      return reply.page(`${pages}/team.njk`, { team, backLink: '/rota' });
    },
  );

  app.post(
    '/rota/teams/:teamId',
    { config: { permission: 'rota:nominate' } },
    async (request: TeamRequest, reply) => {
      const ctx = contextOf(request);
      const again = async (errors: FormErrors, chosen: readonly string[]) => {
        const team = await rota.team(ctx, request.params.teamId);
        return reply.page(`${pages}/team.njk`, { team, chosen, errors, backLink: '/rota' }, 400);
      };
      const form = parseForm(nominationsSchema, request.body);
      if (!form.ok) return again(form.errors, []);
      try {
        const team = await rota.saveNominations(ctx, request.params.teamId, form.value.onRota);
        request.session.flash = `Rota saved for ${team.name}: ${String(team.counts.onRota)} of ${String(team.counts.staff)} staff on the rota`;
      } catch (error) {
        if (error instanceof Invalid) return again(errorsFromInvalid(error), form.value.onRota);
        throw error;
      }
      return reply.redirect('/rota', 303);
    },
  );
}
