// The feedback to the visited team's managers and Head of Service: the Lead records it (when, to
// whom, the notes and the suggested actions for the final report); the Spotlight Team, the team's
// managers and Head of Service and the QA team read it. A stale save gets a conflict page that shows
// both and loses nothing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf } from '../../../../platform/context.js';
import { dateInputItems, type DateInputPart } from '../../../../platform/date-input.js';
import { Conflict, Invalid } from '../../../../platform/errors.js';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import { recordLimits } from '../../../records/record-limits.js';
import type { FeedbackView, Recipient } from '../../feedback.service.js';
import { dayHref, paragraphsOf } from '../priorities/handlers.js';
import { prioritiesVersionOf as versionOf } from '../priorities/form.js';
import {
  actionFields,
  feedbackConflictRows,
  feedbackValues,
  givenToOf,
  hiddenFields,
  parseFeedbackForm,
} from './form.js';

type SpotlightRequest = FastifyRequest<{ Params: { spotlightId: string } }>;

const pages = 'features/day/pages/feedback';
const signedIn = { config: { permission: 'signed-in' as const } };

export const feedbackHref = (spotlightId: string) => `${dayHref(spotlightId)}/feedback`;

const recipientLabel = (r: Recipient) => (r.role ? `${r.name} (${r.role})` : r.name);

/** Text kept as lines, for a table cell. */
const linesOf = (text: string) => text.split('\n');

export async function feedbackRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { feedback } = opts.services;

  function page(
    reply: FastifyReply,
    view: FeedbackView,
    form: {
      values?: Record<string, unknown>;
      errors?: FormErrors;
      dateParts?: DateInputPart[];
      version?: number;
    } = {},
    status = 200,
  ) {
    const { spotlight, saved } = view;
    const values = form.values ?? feedbackValues(saved, spotlight.date);
    const ticked = new Set(givenToOf(values));
    return reply.page(
      `${pages}/feedback.njk`,
      {
        spotlight,
        saved,
        canChange: view.canChange,
        givenTo: (saved?.givenTo ?? []).map(recipientLabel),
        notes: paragraphsOf(saved?.notes ?? null),
        values,
        errors: form.errors,
        version: form.version ?? saved?.version ?? 0,
        dateItems: dateInputItems(form.dateParts),
        dateExample: spotlight.date
          .split('-')
          .reverse()
          .map((part) => String(Number(part)))
          .join(' '),
        recipientItems: view.recipients.map((r) => ({
          value: r.id,
          text: recipientLabel(r),
          checked: ticked.has(r.id),
        })),
        actionFields: actionFields.map((name, i) => ({ name, label: `Suggested action ${i + 1}` })),
        limits: recordLimits,
        notesLimit: recordLimits.feedbackNotes.toLocaleString('en-GB'),
        action: feedbackHref(spotlight.id),
        backLink: view.canSeeDay ? dayHref(spotlight.id) : `/spotlights/${spotlight.id}`,
        backText: view.canSeeDay ? 'Back to the day' : 'Back to the Spotlight',
      },
      status,
    );
  }

  app.get(
    '/spotlights/:spotlightId/day/feedback',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const view = await feedback.view(contextOf(request), request.params.spotlightId);
      return page(reply, view);
    },
  );

  app.post(
    '/spotlights/:spotlightId/day/feedback',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const ctx = contextOf(request);
      const view = await feedback.forEditing(ctx, request.params.spotlightId);
      const { spotlight } = view;
      const version = versionOf(request.body);
      const form = parseFeedbackForm(request.body, view);
      // The form keeps the version it was read at, so that a second try still sees the conflict.
      if (!form.ok) return page(reply, view, { ...form, version }, 400);
      try {
        await feedback.save(ctx, spotlight.id, form.value, version);
      } catch (error) {
        if (error instanceof Invalid) {
          const href = error.field === 'givenOn' ? '#givenOn-day' : `#${error.field}`;
          const errors = addError(emptyErrors(), error.field, error.message, href);
          return page(reply, view, { values: rawValues(request.body), errors, version }, 400);
        }
        if (!(error instanceof Conflict)) throw error;
        const now = await feedback.forEditing(ctx, spotlight.id);
        const rows = feedbackConflictRows(now.saved, form.value, now.recipients).map((row) => ({
          label: row.label,
          saved: linesOf(row.saved),
          yours: linesOf(row.yours),
          different: row.saved !== row.yours,
        }));
        return reply.page(
          `${pages}/conflict.njk`,
          {
            spotlight,
            rows,
            version: now.saved?.version ?? 0,
            hidden: hiddenFields(feedbackValues(form.value, spotlight.date)),
            action: feedbackHref(spotlight.id),
            backLink: feedbackHref(spotlight.id),
          },
          409,
        );
      }
      request.session.flash = 'Feedback recorded';
      return reply.redirect(dayHref(spotlight.id), 303);
    },
  );
}
