// Comments on the draft: every comment by place for the Spotlight Team and the QA team; team members
// add one once the Lead has sent the draft; the Lead resolves each, with an optional reply. A
// comment resolved by somebody else meanwhile gets a clear message, and the reply is kept.
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
import {
  CommentAlreadyResolved,
  commentProblem,
  commentPlaces,
  placeName,
  ReportStageProblem,
  reviewLimits,
  type ReviewProblem,
} from '../../report-review.rules.js';
import type { ReportReviewService } from '../../report-review.service.js';
import {
  orStageProblem,
  reportHref,
  signedIn,
  signOffHref,
  type SpotlightRequest,
} from '../sign-off/common.js';
import { commentSchema, placeItems, resolveSchema } from './form.js';

type CommentRequest = FastifyRequest<{ Params: { spotlightId: string; commentId: string } }>;
type Comments = Awaited<ReturnType<ReportReviewService['comments']>>;
type OneComment = Awaited<ReturnType<ReportReviewService['comment']>>;

const pages = 'features/report/pages/comments';

const problemForMembers: Partial<Record<ReviewProblem, string>> = {
  'not-started': 'The Lead has not started the report yet.',
  'not-circulated': 'You can comment once the Lead sends the draft to the team members.',
  'with-qa': 'The report is with the QA team, so comments are closed.',
  final: 'The report is final, so comments are closed.',
};

export async function commentsRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { reportReview } = opts.services;
  const url = '/spotlights/:spotlightId/report/comments';

  function listPage(
    reply: FastifyReply,
    view: Comments,
    form: { values?: Record<string, unknown>; errors?: FormErrors } = {},
    status = 200,
  ) {
    const { spotlight, report, comments } = view;
    const problem = commentProblem(report ?? undefined);
    const values = form.values ?? {};
    const groups = commentPlaces
      .map((place) => ({
        name: placeName(place),
        comments: comments.filter((c) => c.place === place),
      }))
      .filter((group) => group.comments.length > 0);
    return reply.page(
      `${pages}/comments.njk`,
      {
        spotlight,
        report,
        groups,
        openCount: comments.filter((c) => c.resolvedAt === null).length,
        isLead: view.isLead,
        canAdd: view.isMember && !problem,
        memberProblem: view.isMember && problem ? problemForMembers[problem] : undefined,
        canResolve: view.isLead && report?.status !== 'final',
        places: placeItems(values.place),
        values,
        errors: form.errors,
        limit: reviewLimits.comment,
        action: `${reportHref(spotlight.id)}/comments`,
        reportLink: reportHref(spotlight.id),
        backLink: signOffHref(spotlight.id),
      },
      status,
    );
  }

  app.get(url, signedIn, async (request: SpotlightRequest, reply) => {
    return listPage(
      reply,
      await reportReview.comments(contextOf(request), request.params.spotlightId),
    );
  });

  app.post(url, signedIn, async (request: SpotlightRequest, reply) => {
    const ctx = contextOf(request);
    const view = await reportReview.comments(ctx, request.params.spotlightId);
    const { spotlight } = view;
    return orStageProblem(
      reply,
      async () => spotlight,
      async () => {
        // Who may comment, and whether they may now, comes before the words are looked at.
        await reportReview.commenting(ctx, spotlight.id);
        const form = parseForm(commentSchema, request.body);
        if (!form.ok) return listPage(reply, view, form, 400);
        try {
          await reportReview.addComment(ctx, spotlight.id, form.value);
        } catch (error) {
          if (!(error instanceof Invalid)) throw error;
          const errors = errorsFromInvalid(error);
          return listPage(reply, view, { values: rawValues(request.body), errors }, 400);
        }
        request.session.flash = 'Comment added';
        return reply.redirect(`${reportHref(spotlight.id)}/comments`, 303);
      },
    );
  });

  const resolveUrl = `${url}/:commentId/resolve`;

  function resolvePage(
    reply: FastifyReply,
    view: OneComment,
    form: { values?: Record<string, unknown>; errors?: FormErrors; version?: number } = {},
    status = 200,
    resolvedElsewhere = false,
  ) {
    const { spotlight, comment } = view;
    return reply.page(
      `${pages}/resolve.njk`,
      {
        spotlight,
        comment,
        resolvedElsewhere,
        changed: status === 409 && !resolvedElsewhere,
        locked: view.report?.status === 'final',
        values: form.values ?? {},
        errors: form.errors,
        version: form.version ?? comment.version,
        limit: reviewLimits.reply,
        action: `${reportHref(spotlight.id)}/comments/${comment.id}/resolve`,
        commentsLink: `${reportHref(spotlight.id)}/comments`,
        backLink: `${reportHref(spotlight.id)}/comments`,
      },
      status,
    );
  }

  app.get(resolveUrl, signedIn, async (request: CommentRequest, reply) => {
    const { spotlightId, commentId } = request.params;
    return resolvePage(
      reply,
      await reportReview.comment(contextOf(request), spotlightId, commentId),
    );
  });

  app.post(resolveUrl, signedIn, async (request: CommentRequest, reply) => {
    const ctx = contextOf(request);
    const { spotlightId, commentId } = request.params;
    const view = await reportReview.comment(ctx, spotlightId, commentId);
    const version = versionOf(request.body);
    const form = parseForm(resolveSchema, request.body);
    if (!form.ok) return resolvePage(reply, view, { ...form, version }, 400);
    return orStageProblem(
      reply,
      async () => view.spotlight,
      async () => {
        try {
          await reportReview.resolveComment(ctx, spotlightId, commentId, form.value, version);
        } catch (error) {
          if (error instanceof ReportStageProblem || !(error instanceof Conflict)) throw error;
          const now = await reportReview.comment(ctx, spotlightId, commentId);
          const values = { reply: form.value.reply };
          const elsewhere =
            error instanceof CommentAlreadyResolved || now.comment.resolvedAt !== null;
          return resolvePage(reply, now, { values }, 409, elsewhere);
        }
        request.session.flash = 'Comment resolved';
        return reply.redirect(`${reportHref(spotlightId)}/comments`, 303);
      },
    );
  });
}
