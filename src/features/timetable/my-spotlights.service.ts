// "My Spotlights": the Spotlights a person leads or is a team member of, and the calendar invite
// for one of them. Only the Spotlight Team and those who see the whole timetable may have the invite.
import type { Kysely } from 'kysely';
import { isJobRole, jobRoleNames } from '../../core/job-roles.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFound } from '../../platform/errors.js';
import { assertCan, can } from '../../platform/policy.js';
import { buildSpotlightInvite, inviteFileName, londonToday } from './calendar-invite.js';
import {
  findSpotlight,
  listPublishedSpotlightsOf,
  listSpotlightMembers,
  type SpotlightMemberRow,
  type SpotlightRow,
} from './my-spotlights.repository.js';

export type SpotlightPart = 'Lead' | 'Team member';

export interface SpotlightPerson {
  id: string;
  name: string;
  part: SpotlightPart;
  jobRoleName: string | null;
}

export interface MySpotlight {
  id: string;
  date: string;
  /** "Thursday" */
  dayName: string;
  teamName: string;
  serviceAreaName: string;
  /** The signed-in person's part in it. */
  part: SpotlightPart;
  /** Everyone else in the Spotlight Team: the Lead first, then the team members. */
  others: SpotlightPerson[];
  upcoming: boolean;
  /** A team member of an upcoming Spotlight who cannot attend finds cover. */
  canAskForCover: boolean;
}

export interface CalendarFile {
  fileName: string;
  body: string;
}

export type MySpotlightsService = ReturnType<typeof createMySpotlightsService>;

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });
/** "Thursday" from a calendar date (read at noon UTC so it never slips a day). */
export const dayNameOf = (date: string) => weekday.format(new Date(`${date}T12:00:00Z`));

const roleName = (jobRole: string) => (isJobRole(jobRole) ? jobRoleNames[jobRole] : null);

/** The Spotlight Team in order: the Lead, then the team members by name. */
export function spotlightTeam(
  row: SpotlightRow,
  members: readonly SpotlightMemberRow[],
): SpotlightPerson[] {
  const team: SpotlightPerson[] = [];
  if (row.lead_person_id) {
    team.push({
      id: row.lead_person_id,
      name: row.lead_name ?? '',
      part: 'Lead',
      jobRoleName: null,
    });
  }
  for (const m of members.filter((m) => m.spotlight_id === row.id)) {
    team.push({
      id: m.person_id,
      name: m.name,
      part: 'Team member',
      jobRoleName: roleName(m.job_role),
    });
  }
  return team;
}

export function createMySpotlightsService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  return {
    /** Upcoming Spotlights first (soonest first), then past ones (latest first). */
    async list(ctx: RequestContext): Promise<{ upcoming: MySpotlight[]; past: MySpotlight[] }> {
      assertCan(ctx.actor, 'signed-in');
      const personId = ctx.actor.personId;
      const rows = await listPublishedSpotlightsOf(db, personId);
      const members = await listSpotlightMembers(
        db,
        rows.map((r) => r.id),
      );
      const today = londonToday(clock.now());
      const mine = rows.map((row): MySpotlight => {
        const everyone = spotlightTeam(row, members);
        const part: SpotlightPart = row.lead_person_id === personId ? 'Lead' : 'Team member';
        const upcoming = row.date >= today;
        return {
          id: row.id,
          date: row.date,
          dayName: dayNameOf(row.date),
          teamName: row.team_name,
          serviceAreaName: row.service_area_name,
          part,
          others: everyone.filter((p) => p.id !== personId),
          upcoming,
          canAskForCover:
            upcoming && everyone.some((p) => p.id === personId && p.part === 'Team member'),
        };
      });
      return {
        upcoming: mine.filter((s) => s.upcoming),
        past: mine.filter((s) => !s.upcoming).reverse(),
      };
    },

    /** The .ics file; a Spotlight the person may not see is "not found", as if it did not exist. */
    async invite(ctx: RequestContext, spotlightId: string): Promise<CalendarFile> {
      assertCan(ctx.actor, 'signed-in');
      const actor = ctx.actor;
      const row = await findSpotlight(db, spotlightId);
      if (!row || row.status !== 'planned') throw new NotFound('Spotlight');
      const members = await listSpotlightMembers(db, [row.id]);
      const everyone = spotlightTeam(row, members);
      const inIt = row.plan_status === 'published' && everyone.some((p) => p.id === actor.personId);
      if (!inIt && !can(actor, 'timetable:view')) throw new NotFound('Spotlight');
      const body = buildSpotlightInvite(
        {
          spotlightId: row.id,
          date: row.date,
          teamName: row.team_name,
          serviceAreaName: row.service_area_name,
          leadName: row.lead_name,
          memberNames: everyone.filter((p) => p.part === 'Team member').map((p) => p.name),
          sequence: row.version - 1,
        },
        clock.now(),
      );
      return { fileName: inviteFileName(row.date), body };
    },
  };
}
