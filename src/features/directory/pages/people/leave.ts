// Periods of leave or other unavailability: added with two GOV.UK date inputs, removed after a
// confirmation. Spotlight planning honours them.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Invalid } from '../../../../platform/errors.js';
import {
  addError,
  emptyErrors,
  hasErrors,
  rawValues,
  type FormErrors,
} from '../../../../platform/forms.js';
import {
  dateInputItems,
  readDateRange,
  type DateInputPart,
} from '../../../../platform/date-input.js';
import { formatDate } from '../../../../platform/format.js';
import type { Services } from '../../../../services.js';
import type { Person } from '../../directory.model.js';
import { nameProblem, reasonMessages } from '../../directory.rules.js';
import { asText, contextOf, manage } from '../common.js';

/** The leave form: both dates, then the end not before the start, then the reason. */
export function parseLeaveForm(body: unknown) {
  const values = rawValues(body);
  const errors = emptyErrors();
  const { dates, errorParts } = readDateRange(values, errors);
  if (dates.from && dates.to && dates.to < dates.from) {
    addError(errors, 'to', 'End date must be the same as or after the start date', '#to-day');
  }
  const reason = asText(values.reason);
  const reasonProblem = reason.trim() === '' ? undefined : nameProblem(reason, reasonMessages);
  if (reasonProblem) addError(errors, 'reason', reasonProblem);
  if (hasErrors(errors) || !dates.from || !dates.to)
    return { ok: false as const, errors, errorParts, values };
  return {
    ok: true as const,
    value: { from: dates.from, to: dates.to, reason: reason.trim() === '' ? null : reason },
  };
}

type LeaveParams = { Params: { id: string; leaveId: string } };

export async function leavePages(app: FastifyInstance, services: Services) {
  const { directory } = services;

  async function form(
    reply: FastifyReply,
    person: Person,
    data: {
      values: Record<string, unknown>;
      errors?: FormErrors;
      errorParts?: Record<string, DateInputPart[]>;
    },
    status = 200,
  ) {
    return reply.page(
      'features/directory/pages/people/leave-form.njk',
      {
        person,
        values: data.values,
        errors: data.errors,
        fromItems: dateInputItems(data.errorParts?.from),
        toItems: dateInputItems(data.errorParts?.to),
        backLink: `/directory/people/${person.id}`,
      },
      status,
    );
  }

  app.get<LeaveParams>('/directory/people/:id/leave/new', manage, async (request, reply) => {
    const { person } = await directory.getPerson(contextOf(request), request.params.id);
    return form(reply, person, { values: {} });
  });

  app.post<LeaveParams>('/directory/people/:id/leave/new', manage, async (request, reply) => {
    const ctx = contextOf(request);
    const { person } = await directory.getPerson(ctx, request.params.id);
    const parsed = parseLeaveForm(request.body);
    if (!parsed.ok) return form(reply, person, parsed, 400);
    try {
      await directory.addLeave(ctx, person.id, parsed.value);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      const errors = addError(emptyErrors(), error.field, error.message, `#${error.field}`);
      return form(reply, person, { values: rawValues(request.body), errors }, 400);
    }
    request.session.flash = 'Leave added';
    return reply.redirect(`/directory/people/${person.id}`, 303);
  });

  app.get<LeaveParams>(
    '/directory/people/:id/leave/:leaveId/remove',
    manage,
    async (request, reply) => {
      const ctx = contextOf(request);
      const { person } = await directory.getPerson(ctx, request.params.id);
      const leave = await directory.getLeave(ctx, person.id, request.params.leaveId);
      const href = `/directory/people/${person.id}`;
      const period =
        leave.from === leave.to
          ? `on ${formatDate(leave.from)}`
          : `from ${formatDate(leave.from)} to ${formatDate(leave.to)}`;
      return reply.page('features/directory/pages/confirm.njk', {
        caption: person.name,
        heading: 'Remove this leave?',
        paragraphs: [
          `Leave ${period}${leave.reason ? ` (${leave.reason})` : ''}.`,
          'Spotlight will treat them as available on these dates.',
        ],
        action: `${href}/leave/${leave.id}/remove`,
        button: 'Remove leave',
        warning: true,
        cancelHref: href,
        backLink: href,
      });
    },
  );

  app.post<LeaveParams>(
    '/directory/people/:id/leave/:leaveId/remove',
    manage,
    async (request, reply) => {
      const { id, leaveId } = request.params;
      await directory.removeLeave(contextOf(request), id, leaveId);
      request.session.flash = 'Leave removed';
      return reply.redirect(`/directory/people/${id}`, 303);
    },
  );
}
