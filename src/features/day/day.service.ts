// The Lead's day page and the priorities agreed with the management group. The Spotlight Team and
// the QA team look; only the Lead records the priorities, protected against lost updates. The page
// also follows the afternoon: records in, triangulation, and the feedback.
import type { Kysely } from 'kysely';
import { deadlineOf, dueStatus, type DeadlineKey, type DueStatus } from '../../core/deadlines.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import {
  fromDbCount,
  fromDbJson,
  isUniqueViolation,
  toDbInstant,
  toDbJson,
} from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Conflict, Invalid } from '../../platform/errors.js';
import type { PackDocumentsService, PreviousSpotlight } from '../preparation/documents.service.js';
import type { ReadinessKey, ReadinessService } from '../preparation/readiness.service.js';
import type { PersonRef, Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import {
  afternoonSteps,
  allRecordsIn,
  recordStates,
  type AfternoonStep,
  type MemberRecordState,
} from './afternoon-steps.js';
import { characters, checkId, cleanLine, cleanText, dayLimits } from './day-input.js';
import * as repo from './day.repository.js';
import { listTargets } from './dip-sampling.repository.js';
import { morningSteps, type MorningStep } from './morning-steps.js';

export interface RecordedPriorities {
  priorities: string[];
  agreedWith: string | null;
  practicalities: string | null;
  recordedBy: string | null;
  /** When they were last saved (an ISO instant). */
  recordedAt: string;
  version: number;
}

export interface PrioritiesInput {
  priorities: string[];
  agreedWith: string;
  practicalities: string | null;
}

export interface PackSummary {
  groups: { name: string; count: number }[];
  total: number;
  performanceData: { id: string; name: string; kindAndSize: string }[];
}

export interface DayDeadline {
  name: string;
  due: string;
  /** Met (for the deadlines Spotlight can tell are met). */
  done: boolean;
  status: DueStatus;
}

export interface DayPage {
  spotlight: Spotlight;
  isLead: boolean;
  practitioners: PersonRef[];
  pack: PackSummary;
  previous: PreviousSpotlight;
  deadlines: DayDeadline[];
  priorities: RecordedPriorities | null;
  morning: MorningStep[];
  afternoon: AfternoonStep[];
}

/** The deadlines the readiness checklist can tell are met (the records' is met when all are in). */
const metBy: Partial<Record<DeadlineKey, ReadinessKey>> = {
  documents: 'documents',
  nominations: 'nominations',
  recordingAccess: 'recordingAccess',
};

function toPriorities(row: repo.RecordedDayRow): RecordedPriorities {
  const list = fromDbJson<unknown>(row.priorities, []);
  return {
    priorities: Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [],
    agreedWith: row.agreed_with,
    practicalities: row.practicalities,
    recordedBy: row.updated_by_name,
    recordedAt: row.updated_at,
    version: row.version,
  };
}

/** The form's input checked again, as the rules say (the form already told the user). */
function checkPriorities(input: PrioritiesInput): PrioritiesInput {
  const priorities = input.priorities.map(cleanLine).filter((p) => p !== '');
  const agreedWith = cleanLine(input.agreedWith);
  const practicalities = cleanText(input.practicalities ?? '');
  if (priorities.length === 0) throw new Invalid('priority1', 'Enter at least one priority');
  if (priorities.length > dayLimits.priorities) {
    throw new Invalid('priority1', `Enter ${dayLimits.priorities} priorities or fewer`);
  }
  if (priorities.some((p) => characters(p) > dayLimits.priority)) {
    throw new Invalid(
      'priority1',
      `Each priority must be ${dayLimits.priority} characters or fewer`,
    );
  }
  if (agreedWith === '' || characters(agreedWith) > dayLimits.agreedWith) {
    throw new Invalid('agreedWith', 'Enter who agreed the priorities');
  }
  if (characters(practicalities) > dayLimits.practicalities) {
    throw new Invalid('practicalities', 'The practicalities of the day are too long');
  }
  return { priorities, agreedWith, practicalities: practicalities || null };
}

const prioritiesConflict = () =>
  new Conflict('Somebody else saved the priorities while you were working on them');

export type DayService = ReturnType<typeof createDayService>;

export function createDayService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
  packDocuments: PackDocumentsService;
  readiness: ReadinessService;
}) {
  const { db, clock, audit, spotlights, packDocuments, readiness } = deps;

  async function prioritiesOf(spotlightId: string): Promise<RecordedPriorities | null> {
    const row = await repo.findSpotlightDay(db, spotlightId);
    return row ? toPriorities(row) : null;
  }

  async function viewable(ctx: RequestContext, spotlightId: string): Promise<Spotlight> {
    return spotlights.authorise(ctx, checkId(spotlightId, 'Spotlight'), 'spotlight:view-day');
  }

  async function morningOf(spotlight: Spotlight, priorities: RecordedPriorities | null) {
    const [allocations, targets] = await Promise.all([
      repo.countAllocationsByMember(db, spotlight.id),
      listTargets(db, spotlight.id),
    ]);
    return morningSteps({
      members: spotlight.members,
      priorities: priorities?.priorities.length ?? null,
      children: new Map(
        allocations.map((row) => [row.member_person_id, fromDbCount(row.children)]),
      ),
      withTargets: new Set(targets.map((row) => row.member_person_id)),
    });
  }

  /** Each member's record: draft or submitted, and whether it was submitted late. */
  async function recordsOf(spotlight: Spotlight): Promise<Map<string, MemberRecordState>> {
    const rows = await repo.listRecordStatuses(db, spotlight.id);
    return recordStates(
      rows.map((row) => ({
        memberPersonId: row.member_person_id,
        status: row.status,
        submittedAt: row.submitted_at,
      })),
      deadlineOf(spotlight.deadlines, 'memberRecords'),
    );
  }

  async function afternoonOf(
    ctx: RequestContext,
    spotlight: Spotlight,
    records: ReadonlyMap<string, MemberRecordState>,
  ): Promise<AfternoonStep[]> {
    const [evidenceItems, keyFindings, feedbackRecorded] = await Promise.all([
      repo.countEvidenceItems(db, spotlight.id),
      repo.countKeyFindings(db, spotlight.id),
      repo.hasFeedback(db, spotlight.id),
    ]);
    const due = deadlineOf(spotlight.deadlines, 'memberRecords');
    return afternoonSteps({
      members: spotlight.members,
      records,
      recordsDue: due,
      recordsDueStatus: dueStatus(due, spotlight.today, spotlight.calendar),
      evidenceItems: fromDbCount(evidenceItems),
      keyFindings: fromDbCount(keyFindings),
      feedbackRecorded,
      viewerPersonId: ctx.actor?.personId ?? null,
    });
  }

  return {
    /**
     * The day page: what to read before the day, who is who, deadlines, the morning's steps and the
     * afternoon's.
     */
    async page(ctx: RequestContext, spotlightId: string): Promise<DayPage> {
      const spotlight = await viewable(ctx, spotlightId);
      // Everyone who may see the day may see the pack (the policy grants both to the same people).
      const [pack, summaries, priorities, records] = await Promise.all([
        packDocuments.page(ctx, spotlight.id),
        readiness.summaries([spotlight]),
        prioritiesOf(spotlight.id),
        recordsOf(spotlight),
      ]);
      const items = summaries.get(spotlight.id) ?? [];
      const met = (key: DeadlineKey) =>
        key === 'memberRecords'
          ? allRecordsIn(spotlight.members, records)
          : items.some((item) => item.key === metBy[key] && item.state === 'done');
      const managerIds = new Set(spotlight.team.managers.map((m) => m.id));
      const performance = pack.groups.find((group) => group.type === 'performance-data');
      return {
        spotlight,
        isLead: spotlights.can(ctx, spotlight, 'spotlight:lead'),
        practitioners: spotlight.team.staff.filter((person) => !managerIds.has(person.id)),
        pack: {
          groups: pack.groups.map((group) => ({
            name: group.name,
            count: group.documents.length,
          })),
          total: pack.groups.reduce((sum, group) => sum + group.documents.length, 0),
          performanceData: (performance?.documents ?? []).map((d) => ({
            id: d.id,
            name: d.name,
            kindAndSize: d.kindAndSize,
          })),
        },
        previous: pack.previous,
        deadlines: spotlight.deadlines.map((deadline) => ({
          name: deadline.name,
          due: deadline.due,
          done: met(deadline.key),
          status: dueStatus(deadline.due, spotlight.today, spotlight.calendar),
        })),
        priorities,
        morning: await morningOf(spotlight, priorities),
        afternoon: await afternoonOf(ctx, spotlight, records),
      };
    },

    /** The priorities as recorded, for anyone who may see the day; `canChange` for the Lead. */
    async priorities(ctx: RequestContext, spotlightId: string) {
      const spotlight = await viewable(ctx, spotlightId);
      return {
        spotlight,
        saved: await prioritiesOf(spotlight.id),
        canChange: spotlights.can(ctx, spotlight, 'spotlight:lead'),
      };
    },

    /** The priorities as recorded, for the Lead to change (anyone else is refused, audited). */
    async forEditing(ctx: RequestContext, spotlightId: string) {
      const spotlight = await spotlights.authorise(
        ctx,
        checkId(spotlightId, 'Spotlight'),
        'spotlight:lead',
      );
      return { spotlight, saved: await prioritiesOf(spotlight.id) };
    },

    /**
     * Records the priorities read at `version` (0: none recorded yet). Conflict when somebody saved
     * first; the audit entry commits with the change.
     */
    async savePriorities(
      ctx: RequestContext,
      spotlightId: string,
      input: PrioritiesInput,
      version: number,
    ): Promise<void> {
      const spotlight = await spotlights.authorise(
        ctx,
        checkId(spotlightId, 'Spotlight'),
        'spotlight:lead',
      );
      const checked = checkPriorities(input);
      const values = {
        priorities: toDbJson(checked.priorities),
        agreed_with: checked.agreedWith,
        practicalities: checked.practicalities,
        updated_by_person_id: ctx.actor?.personId ?? null,
        updated_at: toDbInstant(clock.now()),
      };
      try {
        await db.transaction().execute(async (trx) => {
          const row = await repo.findSpotlightDay(trx, spotlight.id);
          if ((row?.version ?? 0) !== version) throw prioritiesConflict();
          if (!row) {
            await repo.insertSpotlightDay(trx, {
              spotlight_id: spotlight.id,
              ...values,
              version: 1,
            });
          } else if (!(await repo.updateSpotlightDay(trx, spotlight.id, values, version))) {
            throw prioritiesConflict();
          }
          await audit.record(
            ctx,
            {
              action: 'day.priorities-recorded',
              objectType: 'spotlight',
              objectId: spotlight.id,
              details: { priorities: checked.priorities.length, version: version + 1 },
            },
            trx,
          );
        });
      } catch (error) {
        // Two first saves at once: the second finds the row the first inserted.
        if (isUniqueViolation(error)) throw prioritiesConflict();
        throw error;
      }
    },
  };
}
