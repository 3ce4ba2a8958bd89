// What the review and sign-off pages read: where the report stands, the comments, the versions,
// to whom the final report went, and the QA team's list of reports. Writes are in
// report-review.service.ts; both authorise before they read.
import { themeOf } from '../../core/record-themes.js';
import { dueStatus, type DeadlineKey } from '../../core/deadlines.js';
import type { ReportCheck } from '../../core/report/report-checks.js';
import {
  isFlaggedGrade,
  isThemeSection,
  type ContentChange,
  type ReportContent,
} from '../../core/report/report-model.js';
import type { RequestContext } from '../../platform/context.js';
import { fromDbJson } from '../../platform/db/convert.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import { assertCan } from '../../platform/policy.js';
import { dueTagClasses } from '../tasks/task-rules.js';
import { checkId } from '../day/day-input.js';
import type { Spotlight } from '../spotlight/spotlight.service.js';
import {
  checksOf,
  contentOf,
  findReport,
  gradeScaleOf,
  scaleOf,
  type ReportRow,
} from './report-facts.repository.js';
import * as repo from './report-review.repository.js';
import {
  commentPlaces,
  commentProblem,
  placeName,
  ReportStageProblem,
  versionEventName,
} from './report-review.rules.js';
import type { ReportDeps } from './report.deps.js';

export interface DueView {
  due: string;
  /** "due in 3 working days", "2 working days late", or "Done". */
  text: string;
  classes: string;
  met: boolean;
}

export interface CommentView {
  id: string;
  place: string;
  placeName: string;
  text: string;
  authorName: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedByName: string | null;
  resolution: string | null;
  version: number;
}

export interface VersionSummary {
  number: number;
  event: string;
  eventName: string;
  byName: string;
  at: string;
  note: string | null;
  changes: ContentChange[];
}

export interface CirculationView {
  recipientName: string;
  circulatedOn: string;
  recordedByName: string;
}

const qaRoles = ['qa-coordinator', 'hos-qa'];

export const toComment = (row: repo.CommentRow): CommentView => ({
  id: row.id,
  place: row.section_key,
  placeName: placeName(row.section_key),
  text: row.text,
  authorName: row.author_name ?? 'Somebody no longer in the directory',
  createdAt: row.created_at,
  resolvedAt: row.resolved_at,
  resolvedByName: row.resolved_by_name,
  resolution: row.resolution,
  version: row.version,
});

/** By place in report order, then oldest first. */
const placeOrder = (place: string) => {
  const index = (commentPlaces as readonly string[]).indexOf(place);
  return index === -1 ? commentPlaces.length : index;
};

export const toVersion = (row: repo.VersionRow): VersionSummary => ({
  number: row.number,
  event: row.event,
  eventName: versionEventName(row.event),
  byName: row.created_by_name ?? 'Somebody no longer in the directory',
  at: row.created_at,
  note: row.note,
  changes: fromDbJson<ContentChange[]>(row.changes, []),
});

/** The themes graded with the scale's last grade (Inadequate), by name. */
export function flaggedThemes(content: ReportContent, scale: readonly string[]): string[] {
  return content.sections
    .filter((s) => isThemeSection(s.key) && 'grade' in s && isFlaggedGrade(s.grade, scale))
    .map((s) => (isThemeSection(s.key) ? themeOf(s.key).name : s.key));
}

export function createReportReviewQueries(deps: ReportDeps) {
  const { db, audit, spotlights, reportSettings } = deps;

  const authorise = (
    ctx: RequestContext,
    spotlightId: string,
    ...anyOf: Parameters<typeof spotlights.authorise>[2][]
  ) => spotlights.authorise(ctx, checkId(spotlightId, 'Spotlight'), ...anyOf);

  function dueOf(spotlight: Spotlight, key: DeadlineKey, met: boolean): DueView {
    const deadline = spotlight.deadlines.find((d) => d.key === key);
    const due = deadline?.due ?? spotlight.date;
    if (met) return { due, text: 'Done', classes: 'govuk-tag--green', met };
    const status = dueStatus(due, spotlight.today, spotlight.calendar);
    return { due, text: status.text, classes: dueTagClasses(status), met };
  }

  const draftDue = (spotlight: Spotlight, report: ReportRow | undefined) =>
    dueOf(spotlight, 'draftReport', Boolean(report?.first_submitted_on));
  const finalDue = (spotlight: Spotlight, report: ReportRow | undefined) =>
    dueOf(spotlight, 'finalReport', report?.status === 'final');

  async function commentsOf(spotlightId: string): Promise<CommentView[]> {
    const rows = (await repo.listComments(db, spotlightId)).map(toComment);
    return rows.sort((a, b) => placeOrder(a.place) - placeOrder(b.place));
  }

  async function circulationOf(spotlightId: string): Promise<CirculationView[]> {
    return (await repo.listCirculation(db, spotlightId)).map((row) => ({
      recipientName: row.recipient_name ?? 'Somebody no longer in the directory',
      circulatedOn: row.circulated_on,
      recordedByName: row.recorded_by_name ?? 'Somebody no longer in the directory',
    }));
  }

  /** The quality checks on the words now, and the themes flagged Inadequate. */
  async function checksAndFlags(spotlight: Spotlight) {
    const [content, scale] = await Promise.all([
      contentOf(db, spotlight.id),
      gradeScaleOf(db, spotlight.id, reportSettings),
    ]);
    const checks: ReportCheck[] = await checksOf(db, spotlight, reportSettings, content);
    return { content, checks, flagged: flaggedThemes(content, scale) };
  }

  /** Who may record the circulation of the final report: the Lead or the QA team. */
  const mayRecordCirculation = (ctx: RequestContext, spotlight: Spotlight) =>
    spotlights.can(ctx, spotlight, 'spotlight:lead') || qaRoles.includes(ctx.actor?.role ?? '');

  /** The Spotlight, when the signed-in person may record the circulation; refused (audited) otherwise. */
  async function circulating(ctx: RequestContext, spotlightId: string): Promise<Spotlight> {
    const spotlight = await authorise(ctx, spotlightId, 'spotlight:view-report', 'spotlight:lead');
    if (mayRecordCirculation(ctx, spotlight)) return spotlight;
    await audit.record(ctx, {
      action: 'spotlight.access-refused',
      objectType: 'spotlight',
      objectId: spotlight.id,
      details: { needed: ['spotlight:lead', 'qa-team'] },
    });
    throw new Forbidden();
  }

  return {
    authorise,
    circulating,
    draftDue,
    finalDue,
    commentsOf,
    circulationOf,
    checksAndFlags,
    mayRecordCirculation,

    /** Where review and sign-off stand, for anyone who may see the report. */
    async signOff(ctx: RequestContext, spotlightId: string) {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:view-report');
      const report = await findReport(db, spotlight.id);
      const [comments, circulation, finalisedBy] = await Promise.all([
        report ? commentsOf(spotlight.id) : [],
        report ? circulationOf(spotlight.id) : [],
        repo.personName(db, report?.finalised_by_person_id ?? null),
      ]);
      return {
        spotlight,
        report: report ?? null,
        isLead: spotlights.can(ctx, spotlight, 'spotlight:lead'),
        isReviewer: spotlights.can(ctx, spotlight, 'spotlight:review-report'),
        mayRecordCirculation: mayRecordCirculation(ctx, spotlight),
        openComments: comments.filter((c) => c.resolvedAt === null).length,
        resolvedComments: comments.filter((c) => c.resolvedAt !== null).length,
        draftDue: draftDue(spotlight, report),
        finalDue: finalDue(spotlight, report),
        circulation,
        finalisedBy,
      };
    },

    /** Every comment by place, and whether the signed-in person may add one now. */
    async comments(ctx: RequestContext, spotlightId: string) {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:view-report');
      const report = await findReport(db, spotlight.id);
      return {
        spotlight,
        report: report ?? null,
        comments: report ? await commentsOf(spotlight.id) : [],
        isLead: spotlights.can(ctx, spotlight, 'spotlight:lead'),
        isMember: spotlights.can(ctx, spotlight, 'spotlight:comment-report'),
      };
    },

    /** The report, when the signed-in team member may comment on it now. */
    async commenting(ctx: RequestContext, spotlightId: string) {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:comment-report');
      const report = await findReport(db, spotlight.id);
      const problem = commentProblem(report);
      if (problem) throw new ReportStageProblem(problem);
      return { spotlight, report };
    },

    /** One comment, for the Lead to resolve. */
    async comment(ctx: RequestContext, spotlightId: string, commentId: string) {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:lead');
      const row = await repo.findComment(db, spotlight.id, checkId(commentId, 'Comment'));
      if (!row) throw new NotFound('Comment');
      return { spotlight, report: await findReport(db, spotlight.id), comment: toComment(row) };
    },

    /** The Heads of Service's agreement as recorded, for the Lead to record or change. */
    async agreement(ctx: RequestContext, spotlightId: string) {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:lead');
      return { spotlight, report: await findReport(db, spotlight.id) };
    },

    /** Every version, newest first, with what changed. */
    async versions(ctx: RequestContext, spotlightId: string) {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:view-report');
      return { spotlight, versions: (await repo.listVersions(db, spotlight.id)).map(toVersion) };
    },

    /** One version's words, read-only. */
    async version(ctx: RequestContext, spotlightId: string, number: number) {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:view-report');
      if (!Number.isSafeInteger(number) || number < 1) throw new NotFound('Version');
      const row = await repo.findVersion(db, spotlight.id, number);
      if (!row) throw new NotFound('Version');
      const content = fromDbJson<ReportContent>(row.content, { sections: [], recommendations: [] });
      return { spotlight, version: toVersion(row), content };
    },

    /** To whom the final report went, and whether the signed-in person may record more. */
    async circulation(ctx: RequestContext, spotlightId: string) {
      const spotlight = await authorise(
        ctx,
        spotlightId,
        'spotlight:view-report',
        'spotlight:lead',
      );
      const report = await findReport(db, spotlight.id);
      return {
        spotlight,
        report: report ?? null,
        circulation: await circulationOf(spotlight.id),
        mayRecord: mayRecordCirculation(ctx, spotlight),
        recipients: [
          ...spotlight.team.managers.map((p) => ({ ...p, role: 'Team Manager' })),
          ...(spotlight.team.headOfService
            ? [{ ...spotlight.team.headOfService, role: 'Head of Service' }]
            : []),
        ],
      };
    },

    /** For the Spotlight's own page: which report deadlines are met. */
    async overviewStage(spotlight: Spotlight) {
      const [report, submittedRecords] = await Promise.all([
        findReport(db, spotlight.id),
        repo.countSubmittedRecords(db, spotlight.id, spotlight.policy.memberPersonIds),
      ]);
      return {
        status: report?.status ?? null,
        met: {
          draftReport: Boolean(report?.first_submitted_on),
          finalReport: report?.status === 'final',
          memberRecords:
            spotlight.members.length > 0 && submittedRecords >= spotlight.members.length,
        } satisfies Partial<Record<DeadlineKey, boolean>>,
      };
    },

    /** Every Spotlight with a report or whose draft is due, newest first, for the QA team. */
    async reportsList(ctx: RequestContext) {
      assertCan(ctx.actor, 'reports:view');
      if (!qaRoles.includes(ctx.actor.role)) throw new Forbidden();
      const today = spotlights.today();
      const ids = new Set([
        ...(await spotlights.publishedIds('1900-01-01', today)),
        ...(await repo.listReportSpotlightIds(db)),
      ]);
      const found: Spotlight[] = [];
      for (const id of ids) {
        const spotlight = await spotlights.find(id);
        if (spotlight) found.push(spotlight);
      }
      const { reports, grades } = await repo.listReports(db, [...ids]);
      const councilScale = await reportSettings.gradeScale(db);
      const byId = new Map(reports.map((r) => [r.spotlight_id, r as ReportRow]));
      return found
        .sort((a, b) => b.date.localeCompare(a.date) || a.team.name.localeCompare(b.team.name))
        .map((spotlight) => {
          const report = byId.get(spotlight.id);
          const seen = report?.status === 'submitted' || report?.status === 'final';
          return {
            spotlight,
            report: report ?? null,
            due: seen ? finalDue(spotlight, report) : draftDue(spotlight, report),
            flagged:
              seen &&
              grades.some(
                (g) =>
                  g.spotlight_id === spotlight.id &&
                  isFlaggedGrade(g.grade, scaleOf(report, councilScale)),
              ),
          };
        });
    },
  };
}

export type ReportReviewQueries = ReturnType<typeof createReportReviewQueries>;
