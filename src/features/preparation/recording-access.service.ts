// Each member of the Spotlight Team confirms they can use the visited team's recording system
// before the day; the Lead, the team's managers and the QA team see who has not.
import type { Kysely } from 'kysely';
import { deadlineOf, dueStatus } from '../../core/deadlines.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { toDbInstant } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Forbidden } from '../../platform/errors.js';
import type { Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import * as repo from './recording-access.repository.js';

export interface RecordingAccessStatus {
  personId: string;
  name: string;
  part: 'Lead' | 'Team member';
  /** When they confirmed (an ISO instant), or null when they have not. */
  confirmedAt: string | null;
}

export type RecordingAccessService = ReturnType<typeof createRecordingAccessService>;

export function createRecordingAccessService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
}) {
  const { db, clock, audit, spotlights } = deps;

  /** The Lead then each member, with when they confirmed. */
  async function statusOf(spotlight: Spotlight): Promise<RecordingAccessStatus[]> {
    const confirmed = new Map(
      (await repo.listConfirmations(db, spotlight.id)).map((r) => [r.person_id, r.confirmed_at]),
    );
    const people = [
      ...(spotlight.lead ? [{ person: spotlight.lead, part: 'Lead' as const }] : []),
      ...spotlight.members.map((person) => ({ person, part: 'Team member' as const })),
    ];
    return people.map(({ person, part }) => ({
      personId: person.id,
      name: person.name,
      part,
      confirmedAt: confirmed.get(person.id) ?? null,
    }));
  }

  const canSee = ['spotlight:see-readiness', 'spotlight:confirm-access'] as const;

  return {
    /** The same, for a service that has already checked the person may see it (readiness). */
    statusFor: statusOf,

    /** Who has confirmed access, for the Spotlight page and the readiness checklist. */
    async status(ctx: RequestContext, spotlightId: string): Promise<RecordingAccessStatus[]> {
      return statusOf(await spotlights.authorise(ctx, spotlightId, ...canSee));
    },

    /** The page: everyone's confirmation, the deadline, and whether the reader may confirm. */
    async page(ctx: RequestContext, spotlightId: string) {
      const spotlight = await spotlights.authorise(ctx, spotlightId, ...canSee);
      const people = await statusOf(spotlight);
      const due = deadlineOf(spotlight.deadlines, 'recordingAccess');
      const mine = people.find((p) => p.personId === ctx.actor?.personId);
      return {
        spotlight,
        people,
        due,
        dueStatus: dueStatus(due, spotlight.today, spotlight.calendar),
        confirmedCount: people.filter((p) => p.confirmedAt).length,
        canConfirm:
          mine !== undefined &&
          mine.confirmedAt === null &&
          spotlights.can(ctx, spotlight, 'spotlight:confirm-access'),
      };
    },

    /** Records that the signed-in Lead or member has access; confirming again changes nothing. */
    async confirm(ctx: RequestContext, spotlightId: string) {
      const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:confirm-access');
      const personId = ctx.actor?.personId;
      if (!personId) throw new Forbidden();
      const added = await db.transaction().execute(async (trx) => {
        const inserted = await repo.insertConfirmation(
          trx,
          spotlight.id,
          personId,
          toDbInstant(clock.now()),
        );
        if (inserted) {
          await audit.record(
            ctx,
            {
              action: 'preparation.recording-access-confirmed',
              objectType: 'spotlight',
              objectId: spotlight.id,
              details: { recordingSystem: spotlight.team.recordingSystem },
            },
            trx,
          );
        }
        return inserted;
      });
      return { spotlight, added };
    },
  };
}
