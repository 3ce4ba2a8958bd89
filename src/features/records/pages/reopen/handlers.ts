// The Lead reopens a submitted record, with a reason its author sees, so that its author can
// change it again. Anyone else is refused; a record that is not submitted cannot be reopened.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf } from '../../../../platform/context.js';
import { Conflict, Invalid } from '../../../../platform/errors.js';
import {
  errorsFromInvalid,
  parseForm,
  rawValues,
  versionOf,
  type FormErrors,
} from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import type { Spotlight } from '../../../spotlight/spotlight.service.js';
import { recordLimits } from '../../record-limits.js';
import type { MemberRecord } from '../../records.model.js';
import { RecordNotSubmitted } from '../../records.service.js';
import { recordHref, signedIn } from '../record/view.js';
import { reopenSchema } from './form.js';

type RecordRequest = FastifyRequest<{ Params: { spotlightId: string; recordId: string } }>;

interface ReopenView {
  spotlight: Spotlight;
  record: MemberRecord;
  values?: Record<string, unknown>;
  errors?: FormErrors;
  version?: number;
  /** Why it could not be reopened: not submitted, or changed since the page was read. */
  problem?: 'not-submitted' | 'changed';
}

function page(reply: FastifyReply, view: ReopenView, status = 200) {
  const { spotlight, record } = view;
  const href = recordHref(spotlight.id, record.id);
  return reply.page(
    'features/records/pages/reopen/reopen.njk',
    {
      spotlight,
      record,
      notSubmitted: record.status !== 'submitted' || view.problem === 'not-submitted',
      changed: view.problem === 'changed',
      values: view.values ?? {},
      errors: view.errors,
      version: view.version ?? record.version,
      limit: recordLimits.reopenReason,
      action: `${href}/reopen`,
      recordLink: href,
      backLink: href,
    },
    status,
  );
}

export async function reopenRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { records } = opts.services;
  const url = '/spotlights/:spotlightId/records/:recordId/reopen';

  app.get(url, signedIn, async (request: RecordRequest, reply) => {
    const { spotlightId, recordId } = request.params;
    return page(reply, await records.reopening(contextOf(request), spotlightId, recordId));
  });

  app.post(url, signedIn, async (request: RecordRequest, reply) => {
    const ctx = contextOf(request);
    const { spotlightId, recordId } = request.params;
    // Only the Lead gets this far; anyone else is refused before the form is looked at.
    const read = await records.reopening(ctx, spotlightId, recordId);
    if (read.record.status !== 'submitted') return page(reply, read, 409);
    const version = versionOf(request.body);
    const form = parseForm(reopenSchema, request.body);
    if (!form.ok) return page(reply, { ...read, ...form, version }, 400);
    try {
      const record = await records.reopen(ctx, spotlightId, recordId, form.value.reason, version);
      request.session.flash = `Record reopened: ${record.member.name} can change it again`;
      return await reply.redirect(recordHref(spotlightId, recordId), 303);
    } catch (error) {
      if (error instanceof Invalid) {
        const errors = errorsFromInvalid(error);
        return page(reply, { ...read, values: rawValues(request.body), errors, version }, 400);
      }
      if (!(error instanceof Conflict)) throw error;
      const now = await records.reopening(ctx, spotlightId, recordId);
      const problem = error instanceof RecordNotSubmitted ? 'not-submitted' : 'changed';
      return page(reply, { ...now, problem, values: { reason: form.value.reason } }, 409);
    }
  });
}
