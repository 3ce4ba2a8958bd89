// Practitioners' nominations: each practitioner's own form, the Team Manager's view of the whole
// team (adding for anyone, forwarding the list), and the forwarded list for the Spotlight Team.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf } from '../../../../platform/context.js';
import type { Services } from '../../../../services.js';
import type { SaveResult } from '../../nominations.model.js';
import { nominationKindNames } from '../../nominations.rules.js';
import {
  errorsOf,
  formPageData,
  readNominationsForm,
  typedValues,
  type NominationsPage,
} from './form.js';

const pages = 'features/preparation/pages/nominations';
const signedIn = { config: { permission: 'signed-in' as const } };

type SpotlightRequest = FastifyRequest<{ Params: { spotlightId: string } }>;
type PractitionerRequest = FastifyRequest<{ Params: { spotlightId: string; personId: string } }>;

const nominationsHref = (spotlightId: string) => `/spotlights/${spotlightId}/nominations`;

export async function nominationsRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { nominations } = opts.services;

  /** The form again after a save that did not happen: why, with what was typed. */
  function notSaved(
    reply: FastifyReply,
    request: FastifyRequest,
    page: NominationsPage,
    result: Exclude<SaveResult, { status: 'saved' }>,
    options: { action: string; byManager: boolean },
  ) {
    const typed = typedValues(request.body);
    switch (result.status) {
      case 'invalid':
        return reply.page(
          `${pages}/form.njk`,
          formPageData(page, { ...options, values: typed, errors: errorsOf(result.problems) }),
          400,
        );
      case 'conflict':
        return reply.page(
          `${pages}/form.njk`,
          formPageData(
            { ...page, current: result.current },
            { ...options, values: typed, conflict: true },
          ),
          409,
        );
      case 'forwarded':
        return reply.page(
          `${pages}/form.njk`,
          formPageData(
            { ...page, current: result.current, forwarding: result.forwarding },
            { ...options, readOnly: true },
          ),
          403,
        );
    }
  }

  app.get(
    '/spotlights/:spotlightId/nominations',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const overview = await nominations.overview(contextOf(request), request.params.spotlightId);
      const backLink = `/spotlights/${overview.spotlight.id}`;
      switch (overview.view) {
        case 'practitioner':
          return reply.redirect(`${nominationsHref(overview.spotlight.id)}/mine`, 303);
        case 'manager':
          return reply.page(`${pages}/manager.njk`, { ...overview, backLink });
        case 'spotlight-team':
          return reply.page(`${pages}/spotlight-team.njk`, {
            ...overview,
            kindNames: nominationKindNames,
            backLink,
          });
      }
    },
  );

  app.get(
    '/spotlights/:spotlightId/nominations/mine',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const { spotlightId } = request.params;
      const mine = await nominations.mine(contextOf(request), spotlightId);
      if (!mine) return reply.redirect(nominationsHref(spotlightId), 303);
      return reply.page(
        `${pages}/form.njk`,
        formPageData(mine, {
          action: `${nominationsHref(spotlightId)}/mine`,
          byManager: false,
          readOnly: mine.forwarding !== null,
        }),
      );
    },
  );

  app.post(
    '/spotlights/:spotlightId/nominations/mine',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const ctx = contextOf(request);
      const { spotlightId } = request.params;
      const result = await nominations.saveMine(
        ctx,
        spotlightId,
        readNominationsForm(request.body),
      );
      if (result.status === 'saved') {
        request.session.flash = result.changed
          ? 'Your nominations have been saved'
          : 'Your nominations are saved';
        return reply.redirect(`${nominationsHref(spotlightId)}/mine`, 303);
      }
      const page = await nominations.mine(ctx, spotlightId, false);
      if (!page) return reply.redirect(nominationsHref(spotlightId), 303);
      const action = `${nominationsHref(spotlightId)}/mine`;
      return notSaved(reply, request, page, result, { action, byManager: false });
    },
  );

  app.get(
    '/spotlights/:spotlightId/nominations/practitioners/:personId',
    signedIn,
    async (request: PractitionerRequest, reply) => {
      const { spotlightId, personId } = request.params;
      const page = await nominations.forPractitioner(contextOf(request), spotlightId, personId);
      return reply.page(
        `${pages}/form.njk`,
        formPageData(page, {
          action: `${nominationsHref(spotlightId)}/practitioners/${page.practitioner.id}`,
          byManager: true,
        }),
      );
    },
  );

  app.post(
    '/spotlights/:spotlightId/nominations/practitioners/:personId',
    signedIn,
    async (request: PractitionerRequest, reply) => {
      const ctx = contextOf(request);
      const { spotlightId, personId } = request.params;
      const input = readNominationsForm(request.body);
      const result = await nominations.saveFor(ctx, spotlightId, personId, input);
      if (result.status === 'saved') {
        request.session.flash = `Nominations saved for ${result.practitioner.name}`;
        return reply.redirect(nominationsHref(spotlightId), 303);
      }
      const page = await nominations.forPractitioner(ctx, spotlightId, personId, false);
      const action = `${nominationsHref(spotlightId)}/practitioners/${page.practitioner.id}`;
      return notSaved(reply, request, page, result, { action, byManager: true });
    },
  );

  app.get(
    '/spotlights/:spotlightId/nominations/forward',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const summary = await nominations.forwardSummary(
        contextOf(request),
        request.params.spotlightId,
      );
      return reply.page(`${pages}/forward.njk`, {
        ...summary,
        backLink: nominationsHref(summary.spotlight.id),
      });
    },
  );

  app.post(
    '/spotlights/:spotlightId/nominations/forward',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const { spotlightId } = request.params;
      const result = await nominations.forward(contextOf(request), spotlightId);
      request.session.flash =
        result.status === 'forwarded'
          ? 'Nominations forwarded to the Spotlight Team'
          : 'You had already forwarded the nominations';
      return reply.redirect(nominationsHref(spotlightId), 303);
    },
  );
}
