// Changing one Spotlight by hand. A change that breaks the rules is shown back with each broken
// rule in words and two choices: "Save anyway" or "Change it" (the form again, as typed).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Invalid } from '../../../../platform/errors.js';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import type { PlanSpotlight } from '../../timetable.model.js';
import { contextOf, dateItems, manage, plansPages, versionOf, type DatePart } from './common.js';
import {
  memberField,
  memberPlaces,
  parseSpotlightForm,
  personItems,
  spotlightValues,
} from './edit-form.js';

type EditParams = { Params: { id: string; spotlightId: string } };

export async function spotlightEditPages(app: FastifyInstance, services: Services) {
  const { timetable } = services;

  async function load(request: FastifyRequest<EditParams>) {
    const { id, spotlightId } = request.params;
    return timetable.spotlightForEdit(contextOf(request), id, spotlightId);
  }
  type Loaded = Awaited<ReturnType<typeof load>>;

  function places(loaded: Loaded): number {
    return memberPlaces(loaded.spotlight, loaded.plan.settings.membersPerSpotlight.max);
  }

  async function form(
    reply: FastifyReply,
    loaded: Loaded,
    data: {
      values: Record<string, unknown>;
      version: number;
      errors?: FormErrors;
      errorParts?: Record<string, DatePart[]>;
    },
    status = 200,
  ) {
    const { plan, spotlight, leads, reviewers } = loaded;
    const members = Array.from({ length: places(loaded) }, (_, i) => {
      const field = memberField(i + 1);
      return {
        field,
        label: `Member ${i + 1}`,
        items: personItems(reviewers, data.values[field], 'Nobody'),
        errorMessage: data.errors?.byField[field],
      };
    });
    return reply.page(
      `${plansPages}/edit.njk`,
      {
        plan,
        spotlight,
        values: data.values,
        version: data.version,
        errors: data.errors,
        dateItems: dateItems(data.errorParts?.date),
        leadItems: personItems(leads, data.values.lead, 'Choose a Lead'),
        members,
        action: actionOf(plan.id, spotlight),
        backLink: `/timetable/plans/${plan.id}`,
      },
      status,
    );
  }

  const actionOf = (planId: string, spotlight: PlanSpotlight) =>
    `/timetable/plans/${planId}/spotlights/${spotlight.id}`;

  app.get<EditParams>(
    '/timetable/plans/:id/spotlights/:spotlightId',
    manage,
    async (request, reply) => {
      const loaded = await load(request);
      return form(reply, loaded, {
        values: spotlightValues(loaded.spotlight),
        version: loaded.spotlight.version,
      });
    },
  );

  app.post<EditParams>(
    '/timetable/plans/:id/spotlights/:spotlightId',
    manage,
    async (request, reply) => {
      const ctx = contextOf(request);
      const loaded = await load(request);
      const version = versionOf(request.body);
      const values = rawValues(request.body);
      // "Change it" on the warning page: the form again, as it was typed.
      if (values.changeIt === 'yes') return form(reply, loaded, { values, version });
      const parsed = parseSpotlightForm(request.body, places(loaded));
      if (!parsed.ok) return form(reply, loaded, { ...parsed, version }, 400);
      try {
        const outcome = await timetable.changeSpotlight(ctx, loaded.plan.id, loaded.spotlight.id, {
          ...parsed.value,
          version,
        });
        const planHref = `/timetable/plans/${loaded.plan.id}`;
        if (outcome.status === 'breaks-rules') {
          const byId = new Map(
            [...loaded.leads, ...loaded.reviewers].map((c) => [c.value, c.text]),
          );
          const kept = Object.entries(values)
            .filter(
              ([key]) => key !== 'confirmRuleBreaks' && key !== 'changeIt' && key !== 'version',
            )
            .map(([name, value]) => ({ name, value: typeof value === 'string' ? value : '' }));
          return reply.page(`${plansPages}/edit-warning.njk`, {
            plan: loaded.plan,
            spotlight: loaded.spotlight,
            breaches: outcome.breaches,
            proposed: {
              date: parsed.value.date,
              lead: byId.get(parsed.value.leadId) ?? '',
              members: parsed.value.memberIds.map((id) => byId.get(id) ?? ''),
            },
            kept,
            version,
            action: actionOf(loaded.plan.id, loaded.spotlight),
            cancelHref: planHref,
            backLink: planHref,
          });
        }
        request.session.flash =
          outcome.status === 'unchanged'
            ? 'You did not change anything'
            : outcome.breaches.length > 0
              ? 'Spotlight changed. The plan’s history records the rules it breaks'
              : 'Spotlight changed';
        return reply.redirect(planHref, 303);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        const href = error.field === 'date' ? '#date-day' : undefined;
        const errors = addError(emptyErrors(), error.field, error.message, href);
        return form(reply, loaded, { values, version, errors }, 400);
      }
    },
  );
}
