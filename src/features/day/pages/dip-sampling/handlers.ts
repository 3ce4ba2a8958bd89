// Dip-sampling targets: the Lead adds and removes targets for team members and sees everyone's
// progress; each member records how many of their own they have done. A stale progress save gets
// a clear conflict page that keeps what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf } from '../../../../platform/context.js';
import { Conflict, Invalid, unlessGone } from '../../../../platform/errors.js';
import {
  addError,
  emptyErrors,
  parseForm,
  rawValues,
  versionOf,
  type FormErrors,
} from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import type { DipSamplingPage, DipSampleTarget } from '../../dip-sampling.service.js';
import { dayLimits } from '../../day-input.js';
import { doneField, progressSchema, targetSchema } from './form.js';

type SpotlightRequest = FastifyRequest<{ Params: { spotlightId: string } }>;
type TargetRequest = FastifyRequest<{ Params: { spotlightId: string; targetId: string } }>;

const pages = 'features/day/pages/dip-sampling';
const signedIn = { config: { permission: 'signed-in' as const } };

const samplingHref = (spotlightId: string) => `/spotlights/${spotlightId}/day/dip-sampling`;

/** "5 supervision records" */
export const targetText = (target: Pick<DipSampleTarget, 'howMany' | 'ofWhat'>) =>
  `${target.howMany} ${target.ofWhat}`;

export async function dipSamplingRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { dipSampling } = opts.services;

  function page(
    reply: FastifyReply,
    view: DipSamplingPage,
    form: { values?: Record<string, unknown>; errors?: FormErrors } = {},
    status = 200,
  ) {
    const values = form.values ?? {};
    const href = samplingHref(view.spotlight.id);
    return reply.page(
      `${pages}/dip-sampling.njk`,
      {
        ...view,
        showMine: view.mine !== null,
        showEveryone: view.everyone !== null,
        values,
        errors: form.errors,
        mine: view.mine?.map((target) => ({
          ...target,
          field: doneField(target.id),
          typed: values[doneField(target.id)] ?? String(target.done),
        })),
        memberItems: [
          { value: '', text: 'Select a team member' },
          ...view.spotlight.members.map((member) => ({
            value: member.id,
            text: member.jobRoleName ? `${member.name} (${member.jobRoleName})` : member.name,
            selected: values.member === member.id,
          })),
        ],
        limits: dayLimits,
        href,
        backLink: `/spotlights/${view.spotlight.id}/day`,
      },
      status,
    );
  }

  app.get(
    '/spotlights/:spotlightId/day/dip-sampling',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      return page(reply, await dipSampling.page(contextOf(request), request.params.spotlightId));
    },
  );

  app.post(
    '/spotlights/:spotlightId/day/dip-sampling',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const ctx = contextOf(request);
      const { spotlightId } = request.params;
      const form = parseForm(targetSchema, request.body);
      if (!form.ok) {
        // The Lead's form: anyone else is refused before seeing what they typed.
        await dipSampling.toAdd(ctx, spotlightId);
        return page(reply, await dipSampling.page(ctx, spotlightId), form, 400);
      }
      try {
        const { spotlight, memberName } = await dipSampling.addTarget(ctx, spotlightId, form.value);
        request.session.flash = `Target added for ${memberName}`;
        return await reply.redirect(samplingHref(spotlight.id), 303);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        const errors = addError(emptyErrors(), error.field, error.message);
        const values = rawValues(request.body);
        return page(reply, await dipSampling.page(ctx, spotlightId), { values, errors }, 400);
      }
    },
  );

  app.get(
    '/spotlights/:spotlightId/day/dip-sampling/:targetId/remove',
    signedIn,
    async (request: TargetRequest, reply) => {
      const { spotlightId, targetId } = request.params;
      const { spotlight, target } = await dipSampling.toRemove(
        contextOf(request),
        spotlightId,
        targetId,
      );
      const href = samplingHref(spotlight.id);
      return reply.page(`${pages}/remove.njk`, {
        spotlight,
        target,
        targetText: targetText(target),
        action: `${href}/${target.id}/remove`,
        cancelHref: href,
        backLink: href,
      });
    },
  );

  app.post(
    '/spotlights/:spotlightId/day/dip-sampling/:targetId/remove',
    signedIn,
    async (request: TargetRequest, reply) => {
      const { spotlightId, targetId } = request.params;
      const target = await dipSampling.removeTarget(contextOf(request), spotlightId, targetId);
      request.session.flash = `Target removed for ${target.memberName}`;
      return reply.redirect(samplingHref(spotlightId), 303);
    },
  );

  app.post(
    '/spotlights/:spotlightId/day/dip-sampling/:targetId/progress',
    signedIn,
    async (request: TargetRequest, reply) => {
      const ctx = contextOf(request);
      const { spotlightId, targetId } = request.params;
      // Whose target, and whether it exists, is checked before anything typed is looked at.
      const { spotlight, target } = await dipSampling.ownTarget(ctx, spotlightId, targetId);
      const field = doneField(target.id);
      const version = versionOf(request.body);
      const form = parseForm(progressSchema, request.body);
      const typed = rawValues(request.body).done;
      const again = async (message: string) => {
        const errors = addError(emptyErrors(), field, message);
        const view = await dipSampling.page(ctx, spotlight.id);
        return page(reply, view, { values: { [field]: typed }, errors }, 400);
      };
      if (!form.ok) return again(form.errors.list[0]?.text ?? 'Enter how many you have done');
      try {
        await dipSampling.recordProgress(ctx, spotlight.id, target.id, form.value.done, version);
      } catch (error) {
        if (error instanceof Invalid) return again(error.message);
        if (!(error instanceof Conflict)) throw error;
        const now =
          (await unlessGone(dipSampling.target(ctx, spotlight.id, target.id)))?.target ?? null;
        return reply.page(
          `${pages}/conflict.njk`,
          {
            spotlight,
            target: now ?? target,
            removed: now === null,
            targetText: targetText(target),
            yours: form.value.done,
            action: `${samplingHref(spotlight.id)}/${target.id}/progress`,
            backLink: samplingHref(spotlight.id),
          },
          409,
        );
      }
      request.session.flash = `Progress saved: ${form.value.done} of ${targetText(target)} done`;
      return reply.redirect(samplingHref(spotlight.id), 303);
    },
  );
}
