// One Spotlight as every stage after the timetable sees it: who is in it, the team it visits, its
// deadlines, and whether the person asking may do a thing with it. A refusal is written to the
// audit log, since the pages behind these checks hold children's case numbers.
import type { Kysely } from 'kysely';
import { spotlightDeadlines, type Deadline } from '../../core/deadlines.js';
import { isJobRole, jobRoleNames } from '../../core/job-roles.js';
import type { WorkingDayCalendar } from '../../core/working-days.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import {
  canForSpotlight,
  type SpotlightContext,
  type SpotlightPermission,
} from '../../platform/policy.js';
import type { CouncilSettings, CouncilSettingsService } from '../admin/council-settings.service.js';
import { londonToday } from '../timetable/calendar-invite.js';
import * as repo from './spotlight.repository.js';

export interface PersonRef {
  id: string;
  name: string;
  /** "Senior Social Worker", when known. */
  jobRoleName: string | null;
}

export interface Spotlight {
  id: string;
  /** The day, YYYY-MM-DD. */
  date: string;
  team: {
    id: string;
    name: string;
    serviceAreaName: string;
    /** 'LCS' or 'EHM': the recording system the team's children's records are in. */
    recordingSystem: string;
    headOfService: PersonRef | null;
    managers: PersonRef[];
    /** The team's practitioners: each names one child they are proud of, one they found hard. */
    staff: PersonRef[];
  };
  lead: PersonRef | null;
  members: PersonRef[];
  /** For the policy's contextual checks. */
  policy: SpotlightContext;
  deadlines: Deadline[];
  /** Today's date in the UK, YYYY-MM-DD, and the working-day calendar to count from it. */
  today: string;
  calendar: WorkingDayCalendar;
  settings: CouncilSettings;
}

const toPerson = (row: repo.NamedPersonRow): PersonRef => ({
  id: row.id,
  name: row.name,
  jobRoleName: isJobRole(row.job_role) ? jobRoleNames[row.job_role] : null,
});

export type SpotlightService = ReturnType<typeof createSpotlightService>;

export function createSpotlightService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  councilSettings: CouncilSettingsService;
}) {
  const { db, clock, audit, councilSettings } = deps;

  /** Today's date where the council is. */
  const today = () => londonToday(clock.now());

  /** A Spotlight of a published plan that has not been cancelled; undefined otherwise. */
  async function find(
    spotlightId: string,
    trx: Kysely<Database> = db,
  ): Promise<Spotlight | undefined> {
    const row = await repo.findSpotlightFacts(trx, spotlightId);
    if (!row || row.status === 'cancelled' || row.plan_status !== 'published') return undefined;
    const [members, managers, staff, settings, calendar] = await Promise.all([
      repo.listSpotlightMembers(trx, spotlightId),
      repo.listTeamManagers(trx, row.team_id),
      repo.listTeamStaff(trx, row.team_id),
      councilSettings.settings(trx),
      councilSettings.calendar(trx),
    ]);
    const headOfService = row.head_of_service_id
      ? { id: row.head_of_service_id, name: row.head_of_service_name ?? '', jobRoleName: null }
      : null;
    return {
      id: row.id,
      date: row.date,
      team: {
        id: row.team_id,
        name: row.team_name,
        serviceAreaName: row.service_area_name,
        recordingSystem: row.recording_system,
        headOfService,
        managers: managers.map(toPerson),
        staff: staff.map(toPerson),
      },
      lead: row.lead_person_id
        ? { id: row.lead_person_id, name: row.lead_name ?? '', jobRoleName: null }
        : null,
      members: members.map(toPerson),
      policy: {
        leadPersonId: row.lead_person_id,
        memberPersonIds: members.map((m) => m.id),
        visitedTeam: {
          managerPersonIds: managers.map((m) => m.id),
          headOfServicePersonId: row.head_of_service_id,
        },
        // The practitioners who name children: the team's staff other than its managers.
        visitedTeamStaffPersonIds: staff
          .filter((s) => !managers.some((m) => m.id === s.id))
          .map((s) => s.id),
      },
      deadlines: spotlightDeadlines(
        row.date,
        settings.deadlineOffsets,
        calendar,
        row.draft_submitted_on ?? undefined,
      ),
      today: today(),
      calendar,
      settings,
    };
  }

  return {
    find,
    today,

    /** True when the signed-in person may do this with the Spotlight. */
    can(ctx: RequestContext, spotlight: Spotlight, permission: SpotlightPermission): boolean {
      return canForSpotlight(ctx.actor, permission, spotlight.policy);
    },

    /**
     * The Spotlight, when the signed-in person holds at least one of the permissions. Otherwise
     * the refusal is written to the audit log and Forbidden is thrown (NotFound when there is no
     * such Spotlight).
     */
    async authorise(
      ctx: RequestContext,
      spotlightId: string,
      ...anyOf: SpotlightPermission[]
    ): Promise<Spotlight> {
      const spotlight = await find(spotlightId);
      if (!spotlight) throw new NotFound('Spotlight');
      if (anyOf.some((permission) => canForSpotlight(ctx.actor, permission, spotlight.policy))) {
        return spotlight;
      }
      await audit.record(ctx, {
        action: 'spotlight.access-refused',
        objectType: 'spotlight',
        objectId: spotlightId,
        details: { needed: anyOf },
      });
      throw new Forbidden();
    },

    /** The team's Spotlight before this one, if Spotlight holds it. */
    async previousSpotlightId(spotlight: Spotlight): Promise<string | undefined> {
      return repo.findPreviousSpotlightId(db, spotlight.team.id, spotlight.date);
    },

    /** Spotlights between two dates that concern the person (for "Your tasks"). */
    async idsConcerning(personId: string, from: string, to: string): Promise<string[]> {
      return repo.listSpotlightIdsConcerning(db, personId, from, to);
    },

    /** Every published Spotlight between two dates (for the QA team). */
    async publishedIds(from: string, to: string): Promise<string[]> {
      return repo.listPublishedSpotlightIds(db, from, to);
    },
  };
}
