// The priorities agreed with the management group: the Lead records them (with who agreed and the
// practicalities of the day); the Spotlight Team and the QA team read them. A stale save gets a
// conflict page that shows both and loses nothing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf } from '../../../../platform/context.js';
import { Conflict, Invalid } from '../../../../platform/errors.js';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import type { RecordedPriorities } from '../../day.service.js';
import type { Spotlight } from '../../../spotlight/spotlight.service.js';
import { dayLimits } from '../../day-input.js';
import {
  parsePrioritiesForm,
  prioritiesConflictRows,
  prioritiesValues,
  prioritiesVersionOf,
  priorityFields,
} from './form.js';

type SpotlightRequest = FastifyRequest<{ Params: { spotlightId: string } }>;

const pages = 'features/day/pages/priorities';
const signedIn = { config: { permission: 'signed-in' as const } };

export const dayHref = (spotlightId: string) => `/spotlights/${spotlightId}/day`;
const prioritiesHref = (spotlightId: string) => `${dayHref(spotlightId)}/priorities`;

/** The practicalities as paragraphs, for reading. */
export const paragraphsOf = (text: string | null) =>
  (text ?? '').split(/\n\s*\n/).map((p) => p.split('\n'));

export async function prioritiesRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { day } = opts.services;

  function page(
    reply: FastifyReply,
    data: {
      spotlight: Spotlight;
      saved: RecordedPriorities | null;
      canChange: boolean;
      values?: Record<string, unknown>;
      errors?: FormErrors;
      version?: number;
    },
    status = 200,
  ) {
    const values = data.values ?? prioritiesValues(data.saved);
    return reply.page(
      `${pages}/priorities.njk`,
      {
        spotlight: data.spotlight,
        saved: data.saved,
        practicalities: paragraphsOf(data.saved?.practicalities ?? null),
        canChange: data.canChange,
        values,
        errors: data.errors,
        version: data.version ?? data.saved?.version ?? 0,
        priorityFields: priorityFields.map((name, i) => ({ name, label: `Priority ${i + 1}` })),
        limits: dayLimits,
        action: prioritiesHref(data.spotlight.id),
        backLink: dayHref(data.spotlight.id),
      },
      status,
    );
  }

  app.get(
    '/spotlights/:spotlightId/day/priorities',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const view = await day.priorities(contextOf(request), request.params.spotlightId);
      return page(reply, view);
    },
  );

  app.post(
    '/spotlights/:spotlightId/day/priorities',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const ctx = contextOf(request);
      const { spotlight, saved } = await day.forEditing(ctx, request.params.spotlightId);
      const version = prioritiesVersionOf(request.body);
      const form = parsePrioritiesForm(request.body);
      // The form keeps the version it was read at, so that a second try still sees the conflict.
      const asRead = { spotlight, saved, canChange: true, version };
      if (!form.ok) return page(reply, { ...asRead, ...form }, 400);
      try {
        await day.savePriorities(ctx, spotlight.id, form.value, version);
      } catch (error) {
        if (error instanceof Invalid) {
          const errors = addError(emptyErrors(), error.field, error.message);
          return page(reply, { ...asRead, values: rawValues(request.body), errors }, 400);
        }
        if (!(error instanceof Conflict)) throw error;
        const now = await day.forEditing(ctx, spotlight.id);
        return reply.page(
          `${pages}/conflict.njk`,
          {
            spotlight,
            rows: prioritiesConflictRows(now.saved, form.value),
            version: now.saved?.version ?? 0,
            yours: prioritiesValues(form.value),
            action: prioritiesHref(spotlight.id),
            backLink: prioritiesHref(spotlight.id),
          },
          409,
        );
      }
      request.session.flash = 'Priorities saved';
      return reply.redirect(dayHref(spotlight.id), 303);
    },
  );
}
