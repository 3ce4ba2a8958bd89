// The feedback at the end of the day (the guidance: "Feedback to Team Managers and Heads of
// Service, discuss suggested actions that will be covered within the final report"). The Lead
// records it, protected against lost updates; the Spotlight Team, the visited team's managers and
// Head of Service, and the QA team read it. The report reads it through feedbackFor.
import type { Kysely } from 'kysely';
import { isJobRole, jobRoleNames } from '../../core/job-roles.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { fromDbJson, isUniqueViolation, toDbInstant, toDbJson } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Conflict, Invalid } from '../../platform/errors.js';
import { formatDate } from '../../platform/format.js';
import { recordLimits } from '../records/record-limits.js';
import type { Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import { characters, checkId, cleanLine, cleanText } from './day-input.js';
import * as repo from './feedback.repository.js';

/** Somebody the feedback was given to (or may be). */
export interface Recipient {
  id: string;
  name: string;
  /** "Team Manager", "Head of Service"; null when not known. */
  role: string | null;
}

export interface RecordedFeedback {
  /** YYYY-MM-DD. */
  givenOn: string;
  givenTo: Recipient[];
  othersPresent: string | null;
  notes: string;
  /** To be covered in the final report. */
  suggestedActions: string[];
  recordedBy: string | null;
  /** When it was last saved (an ISO instant). */
  recordedAt: string;
  version: number;
}

export interface FeedbackInput {
  givenOn: string;
  /** Person ids. */
  givenTo: string[];
  othersPresent: string | null;
  notes: string;
  suggestedActions: string[];
}

export interface FeedbackView {
  spotlight: Spotlight;
  saved: RecordedFeedback | null;
  /** Who it may be given to: the team's managers and Head of Service, and anyone recorded. */
  recipients: Recipient[];
  /** The signed-in person leads the Spotlight and may record the feedback. */
  canChange: boolean;
  /** The signed-in person may see the day page (the Spotlight Team and the QA team). */
  canSeeDay: boolean;
}

/** What the Lead is told when the feedback is not right (the form and the service share them). */
export const feedbackMessages = {
  givenOnLabel: 'Date the feedback was given',
  givenOnFuture: 'Date the feedback was given must be today or in the past',
  givenOnBeforeDay: (day: string) =>
    `Date the feedback was given must be the same as or after the day of the Spotlight, ${formatDate(day)}`,
  givenToNone: 'Select who the feedback was given to',
  givenToUnknown: 'Select who the feedback was given to from the list',
  othersPresent: `Others present must be ${recordLimits.othersPresent} characters or fewer`,
  notesNone: 'Enter notes on the feedback given',
  notesLength: `Notes must be ${recordLimits.feedbackNotes.toLocaleString('en-GB')} characters or fewer`,
  actionsNone: 'Enter at least one suggested action',
  actionsTooMany: `Enter ${recordLimits.suggestedActions} suggested actions or fewer`,
  action: (n: number) =>
    `Suggested action ${n} must be ${recordLimits.suggestedAction} characters or fewer`,
};

/** The problem with the date the feedback was given, if any: not before the day, not in the future. */
export function givenOnProblem(
  givenOn: string,
  spotlight: Pick<Spotlight, 'date' | 'today'>,
): string | undefined {
  if (givenOn > spotlight.today) return feedbackMessages.givenOnFuture;
  if (givenOn < spotlight.date) return feedbackMessages.givenOnBeforeDay(spotlight.date);
  return undefined;
}

const roleName = (jobRole: string) => (isJobRole(jobRole) ? jobRoleNames[jobRole] : null);

/** The input checked again, as the rules say (the form already told the user). */
function checkFeedback(
  input: FeedbackInput,
  spotlight: Spotlight,
  recipients: readonly Recipient[],
): FeedbackInput {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.givenOn)) {
    throw new Invalid('givenOn', `${feedbackMessages.givenOnLabel} must be a real date`);
  }
  const dateProblem = givenOnProblem(input.givenOn, spotlight);
  if (dateProblem) throw new Invalid('givenOn', dateProblem);
  const givenTo = [...new Set(input.givenTo)];
  if (givenTo.length === 0) throw new Invalid('givenTo', feedbackMessages.givenToNone);
  if (givenTo.some((id) => !recipients.some((r) => r.id === id))) {
    throw new Invalid('givenTo', feedbackMessages.givenToUnknown);
  }
  const othersPresent = cleanLine(input.othersPresent ?? '');
  if (characters(othersPresent) > recordLimits.othersPresent) {
    throw new Invalid('othersPresent', feedbackMessages.othersPresent);
  }
  const notes = cleanText(input.notes);
  if (notes === '') throw new Invalid('notes', feedbackMessages.notesNone);
  if (characters(notes) > recordLimits.feedbackNotes) {
    throw new Invalid('notes', feedbackMessages.notesLength);
  }
  const suggestedActions = input.suggestedActions.map(cleanLine).filter((a) => a !== '');
  if (suggestedActions.length === 0) throw new Invalid('action1', feedbackMessages.actionsNone);
  if (suggestedActions.length > recordLimits.suggestedActions) {
    throw new Invalid('action1', feedbackMessages.actionsTooMany);
  }
  const tooLong = suggestedActions.findIndex((a) => characters(a) > recordLimits.suggestedAction);
  if (tooLong >= 0) throw new Invalid(`action${tooLong + 1}`, feedbackMessages.action(tooLong + 1));
  // Kept in the order of the team's managers and Head of Service on the form.
  const order = (id: string) => recipients.findIndex((r) => r.id === id);
  return {
    givenOn: input.givenOn,
    givenTo: givenTo.sort((a, b) => order(a) - order(b)),
    othersPresent: othersPresent || null,
    notes,
    suggestedActions,
  };
}

const feedbackConflict = () =>
  new Conflict('Somebody else saved the feedback while you were working on it');

export type FeedbackService = ReturnType<typeof createFeedbackService>;

export function createFeedbackService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
}) {
  const { db, clock, audit, spotlights } = deps;

  /** The feedback as recorded, with the names of the people it was given to. */
  async function recorded(
    spotlightId: string,
    trx: Kysely<Database> = db,
  ): Promise<RecordedFeedback | null> {
    const row = await repo.findFeedback(trx, spotlightId);
    if (!row) return null;
    const ids = fromDbJson<unknown>(row.given_to, []);
    const givenToIds = Array.isArray(ids)
      ? ids.filter((id): id is string => typeof id === 'string')
      : [];
    const people = await repo.listPeopleByIds(trx, givenToIds);
    const actions = fromDbJson<unknown>(row.suggested_actions, []);
    return {
      givenOn: row.given_on,
      givenTo: givenToIds.flatMap((id) => {
        const person = people.find((p) => p.id === id);
        return person ? [{ id, name: person.name, role: roleName(person.job_role) }] : [];
      }),
      othersPresent: row.others_present,
      notes: row.notes,
      suggestedActions: Array.isArray(actions)
        ? actions.filter((a): a is string => typeof a === 'string')
        : [],
      recordedBy: row.updated_by_name,
      recordedAt: row.updated_at,
      version: row.version,
    };
  }

  /** The team's managers and Head of Service, then anyone recorded who has since moved on. */
  function recipientsOf(spotlight: Spotlight, saved: RecordedFeedback | null): Recipient[] {
    const list: Recipient[] = spotlight.team.managers.map((m) => ({
      id: m.id,
      name: m.name,
      role: m.jobRoleName ?? 'Team Manager',
    }));
    const head = spotlight.team.headOfService;
    if (head && !list.some((r) => r.id === head.id)) {
      list.push({ id: head.id, name: head.name, role: 'Head of Service' });
    }
    for (const person of saved?.givenTo ?? []) {
      if (!list.some((r) => r.id === person.id)) list.push(person);
    }
    return list;
  }

  async function viewOf(ctx: RequestContext, spotlight: Spotlight): Promise<FeedbackView> {
    const saved = await recorded(spotlight.id);
    return {
      spotlight,
      saved,
      recipients: recipientsOf(spotlight, saved),
      canChange: spotlights.can(ctx, spotlight, 'spotlight:lead'),
      canSeeDay: spotlights.can(ctx, spotlight, 'spotlight:view-day'),
    };
  }

  const leading = (ctx: RequestContext, spotlightId: string) =>
    spotlights.authorise(ctx, checkId(spotlightId, 'Spotlight'), 'spotlight:lead');

  return {
    /** The feedback for anyone who may see it; `canChange` for the Lead. */
    async view(ctx: RequestContext, spotlightId: string): Promise<FeedbackView> {
      const spotlight = await spotlights.authorise(
        ctx,
        checkId(spotlightId, 'Spotlight'),
        'spotlight:view-feedback',
      );
      return viewOf(ctx, spotlight);
    },

    /** The feedback for the Lead to change (anyone else is refused, audited). */
    async forEditing(ctx: RequestContext, spotlightId: string): Promise<FeedbackView> {
      return viewOf(ctx, await leading(ctx, spotlightId));
    },

    /**
     * Records the feedback read at `version` (0: none recorded yet). Conflict when somebody saved
     * first; the audit entry commits with the change.
     */
    async save(
      ctx: RequestContext,
      spotlightId: string,
      input: FeedbackInput,
      version: number,
    ): Promise<void> {
      const spotlight = await leading(ctx, spotlightId);
      try {
        await db.transaction().execute(async (trx) => {
          const saved = await recorded(spotlight.id, trx);
          if ((saved?.version ?? 0) !== version) throw feedbackConflict();
          const checked = checkFeedback(input, spotlight, recipientsOf(spotlight, saved));
          const values = {
            given_on: checked.givenOn,
            given_to: toDbJson(checked.givenTo),
            others_present: checked.othersPresent,
            notes: checked.notes,
            suggested_actions: toDbJson(checked.suggestedActions),
            updated_by_person_id: ctx.actor?.personId ?? null,
            updated_at: toDbInstant(clock.now()),
          };
          if (!saved) {
            await repo.insertFeedback(trx, { spotlight_id: spotlight.id, ...values, version: 1 });
          } else if (!(await repo.updateFeedback(trx, spotlight.id, values, version))) {
            throw feedbackConflict();
          }
          await audit.record(
            ctx,
            {
              action: 'day.feedback-recorded',
              objectType: 'spotlight',
              objectId: spotlight.id,
              details: { version: version + 1, actions: checked.suggestedActions.length },
            },
            trx,
          );
        });
      } catch (error) {
        // Two first saves at once: the second finds the row the first inserted.
        if (isUniqueViolation(error)) throw feedbackConflict();
        throw error;
      }
    },

    /** The feedback as recorded, for the report (no permission check: the report checks). */
    async feedbackFor(spotlightId: string): Promise<RecordedFeedback | null> {
      return recorded(checkId(spotlightId, 'Spotlight'));
    },
  };
}
