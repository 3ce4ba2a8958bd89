// The allocation pages: each team member's three children, Spotlight's proposal, the Lead's change
// of one child (or a redraw, with a reason), and "how this child was chosen" with its check.
// Addresses carry allocation, draw and person ids, never case numbers.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf } from '../../../../platform/context.js';
import { parseForm } from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import type { AllocationSlotForm } from '../../allocation.service.js';
import type { SlotChangeResult, SlotTarget } from '../../allocation.slots.js';
import {
  allocationHref,
  fieldError,
  slotChangeOf,
  slotPageData,
  slotSchema,
  typedValues,
} from './forms.js';

const pages = 'features/day/pages/allocation';
const signedIn = { config: { permission: 'signed-in' as const } };

type SpotlightRequest = FastifyRequest<{ Params: { spotlightId: string } }>;
type AllocationRequest = FastifyRequest<{ Params: { spotlightId: string; allocationId: string } }>;
type PlaceRequest = FastifyRequest<{
  Params: { spotlightId: string; personId: string; kind: string };
}>;
type DrawRequest = FastifyRequest<{ Params: { spotlightId: string; drawId: string } }>;

/**
 * The version the form was read at. A form without it was tampered with: -1 never matches, so the
 * change is refused as a conflict and the page shows what is allocated now.
 */
function versionField(body: unknown): number {
  const raw =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>).version : '';
  return typeof raw === 'string' && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : -1;
}

function flashFor(result: Extract<SlotChangeResult, { status: 'changed' }>, added: boolean) {
  if (result.redrawn) return `A new child was drawn at random for ${result.memberName}`;
  if (added) return `A child was allocated to ${result.memberName}`;
  return `The child was changed for ${result.memberName}`;
}

export async function allocationPages(app: FastifyInstance, opts: { services: Services }) {
  const { allocation } = opts.services;

  app.get(
    '/spotlights/:spotlightId/day/allocation',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const overview = await allocation.overview(contextOf(request), request.params.spotlightId);
      const base = allocationHref(overview.spotlight.id);
      return reply.page(`${pages}/allocation.njk`, {
        ...overview,
        base,
        backLink: `/spotlights/${overview.spotlight.id}/day`,
        managers: overview.spotlight.team.managers.map((m) => m.name),
      });
    },
  );

  app.post(
    '/spotlights/:spotlightId/day/allocation/propose',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const { spotlightId } = request.params;
      const result = await allocation.propose(contextOf(request), spotlightId);
      request.session.flash =
        result.allocated === 0
          ? 'Spotlight could not allocate any child yet: see what it needs below'
          : result.gaps === 0
            ? 'Spotlight has proposed an allocation: three children for each team member'
            : `Spotlight has proposed an allocation of ${result.allocated} children. Some team members have fewer than three: see why below`;
      return reply.redirect(allocationHref(spotlightId), 303);
    },
  );

  /** The change form again, after a change that did not happen: why, with what was typed. */
  async function notChanged(
    request: FastifyRequest,
    reply: FastifyReply,
    result: Exclude<SlotChangeResult, { status: 'changed' }>,
    form: AllocationSlotForm,
  ) {
    const values = typedValues(request.body);
    switch (result.status) {
      case 'invalid':
        return reply.page(
          `${pages}/change.njk`,
          slotPageData(form, { values, errors: fieldError(result.field, result.message) }),
          400,
        );
      case 'conflict':
        return reply.page(
          `${pages}/change.njk`,
          slotPageData(form, { values, conflict: true }),
          409,
        );
      case 'nothing-to-draw':
        return reply.page(
          `${pages}/change.njk`,
          slotPageData(form, { values, nothingToDraw: true }),
          409,
        );
    }
  }

  async function change(
    request: FastifyRequest,
    reply: FastifyReply,
    spotlightId: string,
    target: SlotTarget,
  ) {
    const ctx = contextOf(request);
    const parsed = parseForm(slotSchema, request.body);
    const version = 'allocationId' in target ? versionField(request.body) : null;
    if (!parsed.ok) {
      const form = await allocation.slotForm(ctx, spotlightId, target);
      return reply.page(
        `${pages}/change.njk`,
        slotPageData(form, { values: typedValues(request.body), errors: parsed.errors }),
        400,
      );
    }
    const result = await allocation.changeSlot(
      ctx,
      spotlightId,
      target,
      slotChangeOf(parsed.value, version),
    );
    if (result.status === 'changed') {
      request.session.flash = flashFor(result, !('allocationId' in target));
      return reply.redirect(allocationHref(spotlightId), 303);
    }
    return notChanged(request, reply, result, await allocation.slotForm(ctx, spotlightId, target));
  }

  app.get(
    '/spotlights/:spotlightId/day/allocation/:allocationId/change',
    signedIn,
    async (request: AllocationRequest, reply) => {
      const { spotlightId, allocationId } = request.params;
      const form = await allocation.slotForm(contextOf(request), spotlightId, { allocationId });
      return reply.page(`${pages}/change.njk`, slotPageData(form));
    },
  );

  app.post(
    '/spotlights/:spotlightId/day/allocation/:allocationId/change',
    signedIn,
    async (request: AllocationRequest, reply) => {
      const { spotlightId, allocationId } = request.params;
      return change(request, reply, spotlightId, { allocationId });
    },
  );

  app.get(
    '/spotlights/:spotlightId/day/allocation/members/:personId/:kind/add',
    signedIn,
    async (request: PlaceRequest, reply) => {
      const { spotlightId, personId, kind } = request.params;
      const target = { memberPersonId: personId, kind };
      const form = await allocation.slotForm(contextOf(request), spotlightId, target);
      // Somebody filled the place meanwhile: changing it is another page.
      if (form.current)
        return reply.redirect(`${allocationHref(spotlightId)}/${form.current.id}/change`, 303);
      return reply.page(`${pages}/change.njk`, slotPageData(form));
    },
  );

  app.post(
    '/spotlights/:spotlightId/day/allocation/members/:personId/:kind/add',
    signedIn,
    async (request: PlaceRequest, reply) => {
      const { spotlightId, personId, kind } = request.params;
      return change(request, reply, spotlightId, { memberPersonId: personId, kind });
    },
  );

  app.get(
    '/spotlights/:spotlightId/day/allocation/draws/:drawId',
    signedIn,
    async (request: DrawRequest, reply) => {
      const { spotlightId, drawId } = request.params;
      const page = await allocation.draw(contextOf(request), spotlightId, drawId);
      return reply.page(`${pages}/draw.njk`, {
        ...page,
        base: allocationHref(spotlightId),
        backLink: allocationHref(spotlightId),
      });
    },
  );

  app.post(
    '/spotlights/:spotlightId/day/allocation/draws/:drawId/check',
    signedIn,
    async (request: DrawRequest, reply) => {
      const { spotlightId, drawId } = request.params;
      const page = await allocation.draw(contextOf(request), spotlightId, drawId, true);
      return reply.page(`${pages}/draw.njk`, {
        ...page,
        base: allocationHref(spotlightId),
        backLink: allocationHref(spotlightId),
      });
    },
  );
}
