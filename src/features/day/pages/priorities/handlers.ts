// The priorities agreed with the management group: the Lead records them (with who agreed and the
// practicalities of the day); the Spotlight Team and the QA team read them. A stale save gets a
// conflict page that shows both and loses nothing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf } from '../../../../platform/context.js';
import type { FormErrors } from '../../../../platform/forms.js';
import { versionedSave } from '../../../../platform/versioned-save.js';
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
      const href = prioritiesHref(spotlight.id);
      return versionedSave(request, reply, {
        // The first save is at version 0: nothing was recorded when the form was read.
        version: prioritiesVersionOf,
        parse: parsePrioritiesForm,
        // The form keeps the version it was read at, so that a second try still sees the conflict.
        again: (values, errors, version) =>
          page(reply, { spotlight, saved, canChange: true, version, values, errors }, 400),
        save: (value, version) => day.savePriorities(ctx, spotlight.id, value, version),
        conflict: async (value) => {
          const now = await day.forEditing(ctx, spotlight.id);
          return reply.page(
            `${pages}/conflict.njk`,
            {
              spotlight,
              rows: prioritiesConflictRows(now.saved, value),
              version: now.saved?.version ?? 0,
              yours: prioritiesValues(value),
              action: href,
              backLink: href,
            },
            409,
          );
        },
        done: () => {
          request.session.flash = 'Priorities saved';
          return reply.redirect(dayHref(spotlight.id), 303);
        },
      });
    },
  );
}
