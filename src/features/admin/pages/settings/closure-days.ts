// The council's own closure days (days between Christmas and New Year, for example): listed, added
// with a GOV.UK date input, and removed after a confirmation. They are not working days.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  dateInputItems,
  parseDateInput,
  type DateInputPart,
} from '../../../../platform/date-input.js';
import { Invalid } from '../../../../platform/errors.js';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import { formatDate } from '../../../../platform/format.js';
import type { Services } from '../../../../services.js';
import type { ClosureDayInput } from '../../council-settings.service.js';
import { maxClosureReasonLength } from '../../council-settings.rules.js';
import { contextOf } from '../../common.js';
import { manageSettings } from './settings.js';

const pages = 'features/admin/pages/settings';
const listHref = '/admin/closure-days';
type DateParams = { Params: { date: string } };

const reasonSchema = z.object({
  reason: z
    .string()
    .optional()
    .transform((text) => (text ?? '').trim())
    .refine(
      (text) => [...text].length <= maxClosureReasonLength,
      `Reason must be ${maxClosureReasonLength} characters or fewer`,
    )
    .refine(
      // eslint-disable-next-line no-control-regex
      (text) => !/[\u0000-\u001f\u007f]/.test(text),
      'Reason must not include tabs, line breaks or other hidden characters',
    )
    .transform((text) => (text === '' ? null : text)),
});

type ClosureDayForm =
  | { ok: true; value: ClosureDayInput }
  | {
      ok: false;
      errors: FormErrors;
      errorParts: DateInputPart[];
      values: Record<string, unknown>;
    };

/** The date (three boxes) and the optional reason. */
export function parseClosureDayForm(body: unknown): ClosureDayForm {
  const values = rawValues(body);
  const errors = emptyErrors();
  const date = parseDateInput(values, 'date', 'Closure day');
  let errorParts: DateInputPart[] = [];
  if ('message' in date) {
    addError(errors, 'date', date.message, `#date-${date.parts[0] ?? 'day'}`);
    errorParts = date.parts;
  }
  const reason = reasonSchema.safeParse(values);
  if (!reason.success) addError(errors, 'reason', reason.error.issues[0]?.message ?? '');
  if (!('date' in date) || !reason.success) return { ok: false, errors, errorParts, values };
  return { ok: true, value: { date: date.date, reason: reason.data.reason } };
}

export async function closureDayPages(app: FastifyInstance, services: Services) {
  const { councilSettings } = services;

  async function list(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: Record<string, unknown>; errors?: FormErrors; errorParts?: DateInputPart[] },
    status = 200,
  ) {
    const closureDays = await councilSettings.listClosureDays(contextOf(request));
    const today = services.spotlights.today();
    return reply.page(
      `${pages}/closure-days.njk`,
      {
        upcoming: closureDays.filter((day) => day.date >= today),
        past: closureDays.filter((day) => day.date < today).reverse(),
        values: form.values,
        errors: form.errors,
        dateItems: dateInputItems(form.errorParts),
        backLink: '/admin/settings',
      },
      status,
    );
  }

  app.get(listHref, manageSettings, async (request, reply) => list(request, reply, { values: {} }));

  app.post(listHref, manageSettings, async (request, reply) => {
    const parsed = parseClosureDayForm(request.body);
    if (!parsed.ok) return list(request, reply, parsed, 400);
    try {
      await councilSettings.addClosureDay(contextOf(request), parsed.value);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      const href = error.field === 'date' ? '#date-day' : `#${error.field}`;
      const errors = addError(emptyErrors(), error.field, error.message, href);
      return list(request, reply, { values: rawValues(request.body), errors }, 400);
    }
    request.session.flash = `${formatDate(parsed.value.date)} added as a closure day`;
    return reply.redirect(listHref, 303);
  });

  app.get<DateParams>(`${listHref}/:date/remove`, manageSettings, async (request, reply) => {
    const day = await councilSettings.closureDay(contextOf(request), request.params.date);
    return reply.page(`${pages}/remove.njk`, {
      day,
      action: `${listHref}/${day.date}/remove`,
      backLink: listHref,
    });
  });

  app.post<DateParams>(`${listHref}/:date/remove`, manageSettings, async (request, reply) => {
    const { date } = request.params;
    await councilSettings.removeClosureDay(contextOf(request), date);
    request.session.flash = `${formatDate(date)} is no longer a closure day`;
    return reply.redirect(listHref, 303);
  });
}
