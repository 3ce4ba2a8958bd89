// Submitting a record to the Lead: a check page that warns about anything missing (submitting is
// still allowed), says when it is due and whether it is late; then the record becomes read-only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { childKindNames } from '../../../../core/record-themes.js';
import { contextOf } from '../../../../platform/context.js';
import { Conflict } from '../../../../platform/errors.js';
import { versionOf } from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import { RecordSubmitted } from '../../record-access.js';
import type { Submission } from '../../records.service.js';
import { submittedPage } from '../record/submitted.js';
import { caseNumberOf, dueTag, recordHref, signedIn } from '../record/view.js';

type RecordRequest = FastifyRequest<{ Params: { spotlightId: string; recordId: string } }>;

function submitView(view: Submission, changed = false) {
  const { spotlight, record } = view;
  const href = recordHref(spotlight.id, record.id);
  const { missing } = view;
  return {
    spotlight,
    record,
    changed,
    due: view.deadline.due,
    dueTag: dueTag(view.deadline.status),
    lateNow: view.lateNow,
    missingThemes: missing.themes.map((theme) => theme.name),
    missingChildren: missing.children.map((child) => ({
      caseNumber: caseNumberOf(child),
      why: childKindNames[child.kind].toLowerCase(),
      href: `${href}/children/${child.id}`,
    })),
    missingEvidence: missing.evidence,
    anythingMissing: missing.themes.length > 0 || missing.children.length > 0 || missing.evidence,
    themesHref: `${href}/themes`,
    evidenceHref: `${href}/evidence/new`,
    action: `${href}/submit`,
    recordLink: href,
    backLink: href,
  };
}

export async function submitRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { records } = opts.services;
  const template = 'features/records/pages/submit/submit.njk';
  const url = '/spotlights/:spotlightId/records/:recordId/submit';

  app.get(url, signedIn, async (request: RecordRequest, reply) => {
    const { spotlightId, recordId } = request.params;
    try {
      const view = await records.submission(contextOf(request), spotlightId, recordId);
      return await reply.page(template, submitView(view));
    } catch (error) {
      if (error instanceof RecordSubmitted) {
        return reply.redirect(recordHref(spotlightId, recordId), 303);
      }
      throw error;
    }
  });

  async function submit(request: RecordRequest, reply: FastifyReply) {
    const ctx = contextOf(request);
    const { spotlightId, recordId } = request.params;
    // Whose record, and whether it may change, is checked before the form is looked at.
    await records.ownDraft(ctx, spotlightId, recordId);
    const version = versionOf(request.body);
    try {
      const { late } = await records.submit(ctx, spotlightId, recordId, version);
      request.session.flash = late ? 'Record submitted late' : 'Record submitted';
    } catch (error) {
      if (!(error instanceof Conflict) || error instanceof RecordSubmitted) throw error;
      // Saved elsewhere since this page was read: check again with what is saved now.
      const view = await records.submission(ctx, spotlightId, recordId);
      return reply.page(template, submitView(view, true), 409);
    }
    return reply.redirect(recordHref(spotlightId, recordId), 303);
  }

  app.post(url, signedIn, async (request: RecordRequest, reply) => {
    try {
      return await submit(request, reply);
    } catch (error) {
      if (error instanceof RecordSubmitted) return submittedPage(reply, request.params);
      throw error;
    }
  });
}
