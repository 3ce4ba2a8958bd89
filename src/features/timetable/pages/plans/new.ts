// "Plan a new year": the QA coordinator sets the period and the rules; the solver plans every team
// (the request waits; the solver runs in a worker so other requests are served meanwhile).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Invalid } from '../../../../platform/errors.js';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import { contextOf, dateItems, manage, plansPages, type DatePart } from './common.js';
import { newPlanDefaults, parseNewPlanForm } from './new-form.js';

export async function newPlanPages(app: FastifyInstance, services: Services) {
  const { timetable } = services;

  async function form(
    reply: FastifyReply,
    data: {
      values: Record<string, unknown>;
      errors?: FormErrors;
      errorParts?: Record<string, DatePart[]>;
    },
    status = 200,
  ) {
    return reply.page(
      `${plansPages}/new.njk`,
      {
        values: data.values,
        errors: data.errors,
        fromItems: dateItems(data.errorParts?.from),
        toItems: dateItems(data.errorParts?.to),
        backLink: '/timetable',
      },
      status,
    );
  }

  app.get('/timetable/plans/new', manage, async (_request, reply) => {
    // The council's closure days to come, from its settings, as a starting point.
    const today = services.spotlights.today();
    const closures = (await services.councilSettings.closureDays())
      .map((day) => day.date)
      .filter((date) => date >= today);
    return form(reply, { values: { ...newPlanDefaults(), closures: closures.join('\n') } });
  });

  app.post('/timetable/plans/new', manage, async (request, reply) => {
    const parsed = parseNewPlanForm(request.body);
    if (!parsed.ok) return form(reply, parsed, 400);
    try {
      const id = await timetable.generatePlan(contextOf(request), parsed.value);
      request.session.flash = 'Plan generated. It is a draft until you publish it';
      return reply.redirect(`/timetable/plans/${id}`, 303);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      const href =
        error.field === 'from' || error.field === 'to' ? `#${error.field}-day` : undefined;
      const errors = addError(emptyErrors(), error.field, error.message, href);
      return form(reply, { values: rawValues(request.body), errors }, 400);
    }
  });
}
