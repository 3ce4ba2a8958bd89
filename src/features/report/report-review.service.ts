// Review and sign-off: sending the draft to the team members, their comments, the Heads of
// Service's agreement, submission, return or finalisation, versions, and circulation when final.
// The guidance: the Lead sends the draft to the team members for comment and discusses the actions
// with the Heads of Service; sends it to the QA team within 15 working days; the Head of Service QA
// and Safeguarding returns it or finalises it within 5; the final report goes to the Team Manager.
// Every change is authorised before its transaction opens (SQLite has one connection), checked
// again inside it, made at the version it was read at, and audited in the same transaction.
import type { Kysely } from 'kysely';
import { spotlightDeadlines } from '../../core/deadlines.js';
import { diffContent } from '../../core/report/report-diff.js';
import type { ReportStatus } from '../../core/report/report-model.js';
import type { RequestContext } from '../../platform/context.js';
import { fromDbJson, toDbInstant, toDbJson } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { checkId } from '../day/day-input.js';
import type { Spotlight } from '../spotlight/spotlight.service.js';
import { contentOf, findReport, type ReportRow } from './report-facts.repository.js';
import { createReportMail } from './report-mail.js';
import * as repo from './report-review.repository.js';
import { createReportReviewQueries } from './report-review.queries.js';
import {
  CommentAlreadyResolved,
  ReportChanged,
  ReportStageProblem,
  checkLongText,
  commentProblem,
  datePassedProblem,
  editableProblem,
  isCommentPlace,
  reviewLimits,
  reviewMessages,
  type ReviewProblem,
  type VersionEvent,
} from './report-review.rules.js';
import type { ReportDeps } from './report.deps.js';

export type { CommentView, DueView, VersionSummary } from './report-review.queries.js';

export type ReportReviewService = ReturnType<typeof createReportReviewService>;

export function createReportReviewService(deps: ReportDeps) {
  const { db, clock, audit } = deps;
  const queries = createReportReviewQueries(deps);
  const { authorise } = queries;
  // Each step's email is queued in its transaction: sent only if the step is kept (ADR 0012).
  const mail = createReportMail(deps.outbox);

  /** The report inside a transaction, at a stage where `problemOf` finds nothing. */
  async function reportAt(
    trx: Kysely<Database>,
    spotlightId: string,
    problemOf: (report: ReportRow | undefined) => ReviewProblem | undefined,
  ): Promise<ReportRow> {
    const report = await findReport(trx, spotlightId);
    const problem = problemOf(report);
    if (problem || !report) throw new ReportStageProblem(problem ?? 'not-started');
    return report;
  }

  const withQa = (report: ReportRow | undefined): ReviewProblem | undefined =>
    !report ? 'not-started' : report.status === 'submitted' ? undefined : 'not-with-qa';
  const editable = (report: ReportRow | undefined) => editableProblem(report?.status);
  const notFinal = (report: ReportRow | undefined) =>
    !report ? 'not-started' : report.status === 'final' ? 'final' : undefined;

  /** Moves the report on from `version`; ReportChanged when somebody moved it first. */
  async function move(
    trx: Kysely<Database>,
    spotlightId: string,
    values: Parameters<typeof repo.updateReport>[2],
    version: number,
  ): Promise<void> {
    const now = toDbInstant(clock.now());
    if (!(await repo.updateReport(trx, spotlightId, { ...values, updated_at: now }, version))) {
      throw new ReportChanged();
    }
  }

  /** Keeps the whole report as a new version, with what changed since the one before. */
  async function keepVersion(
    ctx: RequestContext,
    trx: Kysely<Database>,
    spotlightId: string,
    event: VersionEvent,
    note: string | null,
  ): Promise<number> {
    const [content, previous] = await Promise.all([
      contentOf(trx, spotlightId),
      repo.latestVersion(trx, spotlightId),
    ]);
    const before = previous ? fromDbJson(previous.content, null) : null;
    const number = (previous?.number ?? 0) + 1;
    await repo.insertVersion(trx, {
      id: newId(),
      spotlight_id: spotlightId,
      number,
      event,
      content: toDbJson(content),
      // The first version has nothing to compare with: the page says it is the first.
      changes: toDbJson(previous ? diffContent(before, content) : []),
      note,
      created_by_person_id: ctx.actor?.personId ?? null,
      created_at: toDbInstant(clock.now()),
    });
    return number;
  }

  const record = (
    ctx: RequestContext,
    trx: Kysely<Database>,
    action: string,
    spotlight: Spotlight,
    details: Record<string, unknown>,
  ) => audit.record(ctx, { action, objectType: 'spotlight', objectId: spotlight.id, details }, trx);

  return {
    ...queries,

    /** The Lead sends the draft to the team members for comment (again, after changes). */
    async circulateToMembers(ctx: RequestContext, spotlightId: string): Promise<void> {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:lead');
      await db.transaction().execute(async (trx) => {
        const report = await reportAt(trx, spotlight.id, editable);
        await move(trx, spotlight.id, { circulated_at: toDbInstant(clock.now()) }, report.version);
        const number = await keepVersion(ctx, trx, spotlight.id, 'circulated', null);
        await record(ctx, trx, 'report.circulated-to-members', spotlight, { version: number });
        await mail.draftToMembers(trx, spotlight);
      });
    },

    /** A team member comments on a place in the draft, once the Lead has sent it for comment. */
    async addComment(
      ctx: RequestContext,
      spotlightId: string,
      input: { place: string; text: string },
    ): Promise<void> {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:comment-report');
      const before = await findReport(db, spotlight.id);
      const problem = commentProblem(before);
      if (problem) throw new ReportStageProblem(problem);
      if (!isCommentPlace(input.place)) throw new Invalid('place', reviewMessages.place);
      const text = checkLongText('text', input.text, reviewLimits.comment, {
        none: reviewMessages.commentNone,
        length: reviewMessages.commentLength,
      });
      await db.transaction().execute(async (trx) => {
        await reportAt(trx, spotlight.id, commentProblem);
        await repo.insertComment(trx, {
          id: newId(),
          spotlight_id: spotlight.id,
          section_key: input.place,
          author_person_id: ctx.actor?.personId ?? '',
          text,
          created_at: toDbInstant(clock.now()),
          resolved_at: null,
          resolved_by_person_id: null,
          resolution: null,
          version: 1,
        });
        await record(ctx, trx, 'report.comment-added', spotlight, { place: input.place });
      });
    },

    /** The Lead resolves a comment read at `version`, with an optional reply. */
    async resolveComment(
      ctx: RequestContext,
      spotlightId: string,
      commentId: string,
      input: { reply: string },
      version: number,
    ): Promise<void> {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:lead');
      const id = checkId(commentId, 'Comment');
      const reply = checkLongText('reply', input.reply, reviewLimits.reply, {
        length: reviewMessages.replyLength,
      });
      await db.transaction().execute(async (trx) => {
        await reportAt(trx, spotlight.id, notFinal);
        const comment = await repo.findComment(trx, spotlight.id, id);
        if (!comment) throw new NotFound('Comment');
        if (comment.resolved_at) throw new CommentAlreadyResolved();
        const values = {
          resolved_at: toDbInstant(clock.now()),
          resolved_by_person_id: ctx.actor?.personId ?? null,
          resolution: reply === '' ? null : reply,
        };
        if (!(await repo.resolveComment(trx, id, values, version))) {
          throw new Conflict('The comment changed while you were looking at it');
        }
        await record(ctx, trx, 'report.comment-resolved', spotlight, {
          place: comment.section_key,
          replied: reply !== '',
        });
      });
    },

    /** The Lead records when the Heads of Service agreed the actions are realistic. */
    async recordAgreement(
      ctx: RequestContext,
      spotlightId: string,
      input: { agreedOn: string; note: string },
      version: number,
    ): Promise<void> {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:lead');
      const dateProblem = datePassedProblem(input.agreedOn, spotlight.today, spotlight.date, {
        future: reviewMessages.agreedOnFuture,
        tooEarly: reviewMessages.agreedOnBeforeDay(spotlight.date),
      });
      if (dateProblem) throw new Invalid('agreedOn', dateProblem);
      const note = checkLongText('note', input.note, reviewLimits.agreementNote, {
        none: reviewMessages.noteNone,
        length: reviewMessages.noteLength,
      });
      await db.transaction().execute(async (trx) => {
        await reportAt(trx, spotlight.id, notFinal);
        await move(
          trx,
          spotlight.id,
          { actions_agreed_on: input.agreedOn, actions_agreed_note: note },
          version,
        );
        await record(ctx, trx, 'report.actions-agreed', spotlight, { agreedOn: input.agreedOn });
      });
    },

    /** What is still open before the Lead sends the draft to the QA team (none of it blocks). */
    async submission(ctx: RequestContext, spotlightId: string) {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:lead');
      const report = await findReport(db, spotlight.id);
      const problem = editable(report);
      if (problem || !report) throw new ReportStageProblem(problem ?? 'not-started');
      const [{ checks, flagged }, comments] = await Promise.all([
        queries.checksAndFlags(spotlight),
        queries.commentsOf(spotlight.id),
      ]);
      return {
        spotlight,
        report,
        checks,
        flagged,
        openComments: comments.filter((c) => c.resolvedAt === null),
        draftDue: queries.draftDue(spotlight, report),
      };
    },

    /** The Lead sends the report read at `version` to the QA team. */
    async submit(
      ctx: RequestContext,
      spotlightId: string,
      version: number,
    ): Promise<{ openChecks: number; flagged: boolean }> {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:lead');
      const { checks, flagged } = await queries.checksAndFlags(spotlight);
      const openChecks = checks.length;
      const note =
        openChecks === 0
          ? 'No quality checks were still open.'
          : `${openChecks} quality ${openChecks === 1 ? 'check was' : 'checks were'} still open.`;
      await db.transaction().execute(async (trx) => {
        const report = await reportAt(trx, spotlight.id, editable);
        const now = toDbInstant(clock.now());
        // The final report's deadline counts from the first time it reached the QA team.
        const firstSubmittedOn = report.first_submitted_on ?? spotlight.today;
        await move(
          trx,
          spotlight.id,
          {
            status: 'submitted' satisfies ReportStatus,
            submitted_at: now,
            first_submitted_on: firstSubmittedOn,
          },
          version,
        );
        await keepVersion(ctx, trx, spotlight.id, 'submitted', note);
        await record(ctx, trx, 'report.submitted', spotlight, {
          openChecks,
          flagged: flagged.length > 0,
        });
        const deadlines = spotlightDeadlines(
          spotlight.date,
          spotlight.settings.deadlineOffsets,
          spotlight.calendar,
          firstSubmittedOn,
        );
        await mail.submitted(trx, spotlight, {
          finalDue: deadlines.find((d) => d.key === 'finalReport')?.due ?? null,
          flagged: flagged.length > 0,
        });
      });
      return { openChecks, flagged: flagged.length > 0 };
    },

    /** What the Head of Service QA and Safeguarding needs to decide. */
    async review(ctx: RequestContext, spotlightId: string) {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:review-report');
      const report = await findReport(db, spotlight.id);
      const { checks, flagged } = report
        ? await queries.checksAndFlags(spotlight)
        : { checks: [], flagged: [] };
      return {
        spotlight,
        report: report ?? null,
        checks,
        flagged,
        finalDue: queries.finalDue(spotlight, report),
      };
    },

    /** The Head of Service QA and Safeguarding returns the report to the Lead with comments. */
    async returnToLead(
      ctx: RequestContext,
      spotlightId: string,
      input: { comments: string },
      version: number,
    ): Promise<void> {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:review-report');
      const comments = checkLongText('comments', input.comments, reviewLimits.returnComments, {
        none: reviewMessages.returnNone,
        length: reviewMessages.returnLength,
      });
      await db.transaction().execute(async (trx) => {
        await reportAt(trx, spotlight.id, withQa);
        const now = toDbInstant(clock.now());
        const values = { status: 'returned', returned_at: now, return_comments: comments };
        await move(trx, spotlight.id, values, version);
        await keepVersion(ctx, trx, spotlight.id, 'returned', null);
        await record(ctx, trx, 'report.returned', spotlight, {});
        await mail.returned(trx, spotlight);
      });
    },

    /** The Head of Service QA and Safeguarding finalises the report: then it is locked. */
    async finalise(ctx: RequestContext, spotlightId: string, version: number): Promise<void> {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:review-report');
      await db.transaction().execute(async (trx) => {
        await reportAt(trx, spotlight.id, withQa);
        const values = {
          status: 'final',
          finalised_at: toDbInstant(clock.now()),
          finalised_by_person_id: ctx.actor?.personId ?? null,
        };
        await move(trx, spotlight.id, values, version);
        await keepVersion(ctx, trx, spotlight.id, 'finalised', null);
        await record(ctx, trx, 'report.finalised', spotlight, {});
        await mail.finalised(trx, spotlight);
      });
    },

    /** The Lead or the QA team records to whom the final report was circulated, and when. */
    async recordCirculation(
      ctx: RequestContext,
      spotlightId: string,
      input: { recipientIds: string[]; circulatedOn: string },
    ): Promise<void> {
      const spotlight = await queries.circulating(ctx, spotlightId);
      const before = await findReport(db, spotlight.id);
      if (before?.status !== 'final')
        throw new ReportStageProblem(before ? 'not-final' : 'not-started');
      const managers = new Set(spotlight.team.managers.map((m) => m.id));
      const allowed = new Set([...managers, spotlight.team.headOfService?.id ?? '']);
      const recipientIds = [...new Set(input.recipientIds)];
      if (recipientIds.some((id) => !allowed.has(id) || id === '')) {
        throw new Invalid('recipients', reviewMessages.recipientsUnknown);
      }
      if (!recipientIds.some((id) => managers.has(id))) {
        throw new Invalid('recipients', reviewMessages.recipientsNoManager);
      }
      const finalisedOn = (before.finalised_at ?? '').slice(0, 10);
      const dateProblem = datePassedProblem(input.circulatedOn, spotlight.today, finalisedOn, {
        future: reviewMessages.circulatedOnFuture,
        tooEarly: reviewMessages.circulatedOnBeforeFinal(finalisedOn),
      });
      if (dateProblem) throw new Invalid('circulatedOn', dateProblem);
      await db.transaction().execute(async (trx) => {
        await reportAt(trx, spotlight.id, (r) => (r?.status === 'final' ? undefined : 'not-final'));
        const now = toDbInstant(clock.now());
        for (const recipientId of recipientIds) {
          await repo.upsertCirculation(trx, {
            id: newId(),
            spotlight_id: spotlight.id,
            recipient_person_id: recipientId,
            circulated_on: input.circulatedOn,
            recorded_by_person_id: ctx.actor?.personId ?? null,
            recorded_at: now,
          });
        }
        await record(ctx, trx, 'report.circulated-to-team', spotlight, {
          recipients: recipientIds.length,
          circulatedOn: input.circulatedOn,
        });
        await mail.circulated(trx, spotlight, recipientIds);
      });
    },
  };
}
