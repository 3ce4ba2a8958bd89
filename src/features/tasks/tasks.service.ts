// "Your tasks": what the signed-in person must do next for each Spotlight around them, overdue
// first. The rules live in task-rules.ts; this gathers the Spotlights and what is in for each.
import type { Kysely } from 'kysely';
import {
  isFlaggedGrade,
  reportStatuses,
  type ReportStatus,
} from '../../core/report/report-model.js';
import { addCalendarDays } from '../../core/working-days.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { fromDbCount, fromDbJson } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { assertCan } from '../../platform/policy.js';
import type { ReportSettingsService } from '../admin/report-settings.service.js';
import { scaleOf } from '../report/report-facts.repository.js';
import type { Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import {
  practitionersOf,
  readinessItems,
  type ReadinessService,
} from '../preparation/readiness.service.js';
import * as dayRepo from './day-facts.repository.js';
import {
  chaseWindowDays,
  sortTasks,
  tasksFor,
  type DayFacts,
  type ReportFacts,
  type Task,
  type TaskSpotlight,
} from './task-rules.js';

/** How far back and ahead "Your tasks" looks, in calendar days. */
export const taskWindow = { daysBack: 30, daysAhead: 120 };

export function taskSpotlightOf(spotlight: Spotlight): TaskSpotlight {
  return {
    id: spotlight.id,
    date: spotlight.date,
    teamName: spotlight.team.name,
    recordingSystem: spotlight.team.recordingSystem,
    leadPersonId: spotlight.lead?.id ?? null,
    memberPersonIds: spotlight.members.map((m) => m.id),
    memberNames: new Map(spotlight.members.map((m) => [m.id, m.name])),
    managerPersonIds: spotlight.team.managers.map((m) => m.id),
    headOfServicePersonId: spotlight.team.headOfService?.id ?? null,
    practitionerPersonIds: practitionersOf(spotlight).map((p) => p.id),
    deadlines: spotlight.deadlines,
  };
}

/** What is done of each Spotlight's day, in five queries for them all. */
async function dayFactsOf(
  db: Kysely<Database>,
  spotlightIds: readonly string[],
): Promise<Map<string, DayFacts>> {
  const [days, children, targets, submitted, feedback] = await Promise.all([
    dayRepo.listDayPriorities(db, spotlightIds),
    dayRepo.countChildrenByMember(db, spotlightIds),
    dayRepo.listDayTargets(db, spotlightIds),
    dayRepo.listSubmittedRecords(db, spotlightIds),
    dayRepo.listRecordedFeedback(db, spotlightIds),
  ]);
  const withFeedback = new Set(feedback);
  const facts = new Map<string, DayFacts>();
  for (const id of spotlightIds) {
    const day = days.find((row) => row.spotlight_id === id);
    const priorities = day ? fromDbJson<unknown>(day.priorities, []) : null;
    facts.set(id, {
      priorities: priorities === null ? null : Array.isArray(priorities) ? priorities.length : 0,
      children: new Map(
        children
          .filter((row) => row.spotlight_id === id)
          .map((row) => [row.member_person_id, fromDbCount(row.children)]),
      ),
      targets: targets
        .filter((row) => row.spotlight_id === id)
        .map((row) => ({
          memberPersonId: row.member_person_id,
          howMany: Number(row.how_many),
          ofWhat: row.of_what,
          done: Number(row.done),
        })),
      submitted: new Set(
        submitted.filter((row) => row.spotlight_id === id).map((row) => row.member_person_id),
      ),
      feedbackRecorded: withFeedback.has(id),
    });
  }
  return facts;
}

/** How far each Spotlight's report has gone, in five queries for them all. */
async function reportFactsOf(
  db: Kysely<Database>,
  spotlightIds: readonly string[],
  /** The council's scale, for reports that did not keep their own. */
  gradeScale: readonly string[],
): Promise<Map<string, ReportFacts>> {
  const [reports, grades, commenters, circulated] = await Promise.all([
    dayRepo.listReports(db, spotlightIds),
    dayRepo.listReportGrades(db, spotlightIds),
    dayRepo.listReportCommenters(db, spotlightIds),
    dayRepo.listCirculatedReports(db, spotlightIds),
  ]);
  const facts = new Map<string, ReportFacts>();
  for (const report of reports) {
    const id = report.spotlight_id;
    const status = (reportStatuses as readonly string[]).includes(report.status)
      ? (report.status as ReportStatus)
      : 'draft';
    facts.set(id, {
      status,
      circulatedToMembers: report.circulated_at !== null,
      commented: new Set(
        commenters.filter((row) => row.spotlight_id === id).map((row) => row.author_person_id),
      ),
      flagged: grades.some(
        (row) => row.spotlight_id === id && isFlaggedGrade(row.grade, scaleOf(report, gradeScale)),
      ),
      circulatedToTeam: circulated.includes(id),
    });
  }
  return facts;
}

export type TasksService = ReturnType<typeof createTasksService>;

export function createTasksService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
  readiness: ReadinessService;
  reportSettings: ReportSettingsService;
}) {
  const { db, spotlights, readiness, reportSettings } = deps;

  return {
    /** The signed-in person's tasks, overdue first, then by due date. */
    async forPerson(ctx: RequestContext): Promise<Task[]> {
      assertCan(ctx.actor, 'signed-in');
      const actor = ctx.actor;
      const today = spotlights.today();
      const ids = new Set(
        await spotlights.idsConcerning(
          actor.personId,
          addCalendarDays(today, -taskWindow.daysBack),
          addCalendarDays(today, taskWindow.daysAhead),
        ),
      );
      // The QA team chases every Spotlight coming up soon.
      if (actor.role === 'qa-coordinator' || actor.role === 'hos-qa') {
        const soon = await spotlights.publishedIds(today, addCalendarDays(today, chaseWindowDays));
        for (const id of soon) ids.add(id);
      }
      // The Head of Service QA and Safeguarding finalises every report sent to the QA team.
      if (actor.role === 'hos-qa') {
        for (const id of await dayRepo.listSpotlightsWithReportSubmitted(db)) ids.add(id);
      }
      const found = await Promise.all([...ids].map((id) => spotlights.find(id)));
      const list = found.filter((s): s is Spotlight => s !== undefined);
      const listIds = list.map((s) => s.id);
      const [facts, dayFacts, reportFacts] = await Promise.all([
        readiness.facts(list),
        dayFactsOf(db, listIds),
        reportSettings.gradeScale().then((scale) => reportFactsOf(db, listIds, scale)),
      ]);
      const tasks = list.flatMap((spotlight) => {
        const spotlightFacts = facts.get(spotlight.id);
        const day = dayFacts.get(spotlight.id);
        if (!spotlightFacts || !day) return [];
        return tasksFor({
          personId: actor.personId,
          role: actor.role,
          spotlight: taskSpotlightOf(spotlight),
          facts: spotlightFacts,
          day,
          report: reportFacts.get(spotlight.id),
          readiness: readinessItems(spotlight, spotlightFacts),
          today,
          calendar: spotlight.calendar,
        });
      });
      return sortTasks(tasks);
    },
  };
}
