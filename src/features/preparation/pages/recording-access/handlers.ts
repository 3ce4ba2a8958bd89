// Access to the visited team's recording system: who in the Spotlight Team has confirmed it, and
// the button with which the Lead or a member confirms their own.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contextOf } from '../../../../platform/context.js';
import { parseForm } from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';

const page = 'features/preparation/pages/recording-access/recording-access.njk';
const signedIn = { config: { permission: 'signed-in' as const } };

type SpotlightRequest = FastifyRequest<{ Params: { spotlightId: string } }>;

const confirmSchema = z.object({ returnTo: z.unknown().optional() });

/** Where to go after confirming: a page of this Spotlight's, never anywhere else. */
export function returnPath(value: unknown, spotlightId: string): string {
  const fallback = `/spotlights/${spotlightId}`;
  if (typeof value !== 'string' || value.length > 500) return fallback;
  if (!/^\/spotlights\/[A-Za-z0-9/_-]*$/.test(value)) return fallback;
  return value;
}

export async function recordingAccessRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { recordingAccess } = opts.services;

  app.get(
    '/spotlights/:spotlightId/recording-access',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const view = await recordingAccess.page(contextOf(request), request.params.spotlightId);
      return reply.page(page, { ...view, backLink: `/spotlights/${view.spotlight.id}` });
    },
  );

  app.post(
    '/spotlights/:spotlightId/recording-access',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const form = parseForm(confirmSchema, request.body);
      const { spotlight, added } = await recordingAccess.confirm(
        contextOf(request),
        request.params.spotlightId,
      );
      const system = spotlight.team.recordingSystem;
      request.session.flash = added
        ? `You have confirmed you have access to ${system}`
        : `You had already confirmed you have access to ${system}`;
      const to = returnPath(form.ok ? form.value.returnTo : undefined, spotlight.id);
      return reply.redirect(to, 303);
    },
  );
}
