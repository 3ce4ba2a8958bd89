// Cover: "If a member of staff commits to taking part in the process but their availability
// changes it is their responsibility to find alternative cover and communicate with The QA and
// Safeguarding Team." Spotlight lists who could take their place under the plan's rules; the member
// picks someone; the swap goes into the plan's history, the audit log and a notice to the QA team.
import type { Kysely } from 'kysely';
import { isJobRole, jobRoleNames } from '../../core/job-roles.js';
import { eligibleCover } from '../../core/rota/cover.js';
import type {
  DateRange,
  PlanPerson,
  PlannedSpotlight,
  PlanRules,
} from '../../core/rota/plan.types.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { fromDbBool } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { formatDate } from '../../platform/format.js';
import { newId } from '../../platform/ids.js';
import type { Outbox } from '../../platform/mail/outbox.js';
import { assertCan } from '../../platform/policy.js';
import { queueCoverMail } from './cover.mail.js';
import { londonToday } from './calendar-invite.js';
import {
  bumpSpotlightVersion,
  findPersonName,
  findPlan,
  insertNotice,
  insertPlanChange,
  leadJobRoles,
  listLeave,
  listPlanMembers,
  listPlanningPeople,
  listPlanSpotlights,
  listTeams,
  lockPlan,
  replaceMember,
  type CoverPersonRow,
  type CoverPlanRow,
  type CoverSpotlightRow,
  type CoverTeamRow,
} from './cover.repository.js';
import { findSpotlight, type SpotlightRow } from './my-spotlights.repository.js';
import { dayNameOf } from './my-spotlights.service.js';
import { rangesBy } from './plan-rules.js';
import { listTeamUnavailability } from './plan-rules.repository.js';
import { settingsFromJson } from './plan-settings.js';

export interface CoverOption {
  personId: string;
  name: string;
  jobRoleName: string;
  teamName: string | null;
  /** Spotlights they are already in (as Lead or team member) in this plan. */
  spotlightsThisYear: number;
}

export interface CoverChoice {
  spotlight: { id: string; date: string; dayName: string; teamName: string; version: number };
  /** Everyone who could take the member's place, fairest first. */
  options: CoverOption[];
}

export interface ArrangeCoverInput {
  coverPersonId: string;
  reason: string | undefined;
  version: number;
}

export type CoverService = ReturnType<typeof createCoverService>;

/** The directory as a plan sees it (the same way the plan generator builds its rules). */
export interface PlanningDirectory {
  teams: readonly (CoverTeamRow & { active: number })[];
  people: readonly CoverPersonRow[];
  leave: readonly { person_id: string; from_date: string; to_date: string }[];
  /** Periods when a team cannot have its Spotlight. */
  teamUnavailable?: readonly { team_id: string; from_date: string; to_date: string }[];
}

/**
 * A published plan's rules: its stored settings, the active teams, and the people it may draw on:
 * on the rota and able to review (team members) or senior leaders (Leads), with their leave.
 * Everyone already named in the plan is included, so its Spotlights can be checked as they stand.
 */
export function planRulesForCover(plan: CoverPlanRow, directory: PlanningDirectory): PlanRules {
  const settings = settingsFromJson(plan.settings, plan.from_date, plan.to_date);
  const activeTeams = directory.teams.filter((t) => fromDbBool(t.active));
  const teamsById = new Map(activeTeams.map((t) => [t.id, t]));
  const leave = new Map<string, DateRange[]>();
  for (const row of directory.leave) {
    leave.set(row.person_id, [
      ...(leave.get(row.person_id) ?? []),
      { from: row.from_date, to: row.to_date },
    ]);
  }
  const people = directory.people.map((row): PlanPerson => {
    const active = fromDbBool(row.active);
    const home = row.home_team_id ? teamsById.get(row.home_team_id) : undefined;
    const serviceArea =
      home?.service_area_id ??
      activeTeams.find((t) => t.head_of_service_id === row.id)?.service_area_id;
    return {
      id: row.id,
      ...(home ? { team: home.id } : {}),
      ...(serviceArea ? { serviceArea } : {}),
      role: isJobRole(row.job_role) ? row.job_role : 'practitioner',
      canLead:
        active &&
        fromDbBool(row.slt_member) &&
        (leadJobRoles as readonly string[]).includes(row.job_role),
      canReview: active && fromDbBool(row.on_rota) && fromDbBool(row.can_review),
      unavailable: leave.get(row.id) ?? [],
    };
  });
  const size = (teamId: string) => people.filter((p) => p.team === teamId).length;
  const teamUnavailable = rangesBy(directory.teamUnavailable ?? [], (row) => row.team_id);
  return {
    ...settings,
    teams: activeTeams.map((t) => ({
      id: t.id,
      serviceArea: t.service_area_id,
      unavailable: teamUnavailable.get(t.id) ?? [],
      size: Math.max(1, size(t.id)),
    })),
    people,
  };
}

function plannedSpotlights(
  rows: readonly CoverSpotlightRow[],
  members: readonly { spotlight_id: string; person_id: string }[],
): PlannedSpotlight[] {
  return rows.map((row) => ({
    team: row.team_id,
    date: row.date,
    lead: row.lead_person_id ?? '',
    members: members.filter((m) => m.spotlight_id === row.id).map((m) => m.person_id),
  }));
}

export function createCoverService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  outbox: Outbox;
}) {
  const { db, clock, audit, outbox } = deps;

  /** The Spotlight, if the actor is a team member of it and it is still to come; else 404. */
  async function spotlightToCover(trx: Kysely<Database>, spotlightId: string) {
    const row = await findSpotlight(trx, spotlightId);
    const upcoming = row && row.date >= londonToday(clock.now());
    if (!row?.plan_id || !upcoming || row.plan_status !== 'published' || row.status !== 'planned')
      throw new NotFound('Spotlight');
    return { ...row, plan_id: row.plan_id };
  }

  /** Who could take the leaving member's place, with what the page shows about each. */
  async function options(
    trx: Kysely<Database>,
    row: SpotlightRow & { plan_id: string },
    leavingId: string,
  ) {
    const plan = await findPlan(trx, row.plan_id);
    if (!plan) throw new NotFound('Spotlight');
    const spotlightRows = await listPlanSpotlights(trx, plan.id);
    const members = await listPlanMembers(trx, plan.id);
    if (!members.some((m) => m.spotlight_id === row.id && m.person_id === leavingId))
      throw new NotFound('Spotlight');
    const named = new Set(members.map((m) => m.person_id));
    for (const s of spotlightRows) if (s.lead_person_id) named.add(s.lead_person_id);
    const directory: PlanningDirectory = {
      teams: await listTeams(trx),
      people: await listPlanningPeople(trx, [...named]),
      leave: await listLeave(trx, plan.from_date, plan.to_date),
      teamUnavailable: await listTeamUnavailability(trx, plan.from_date, plan.to_date),
    };
    const spotlights = plannedSpotlights(spotlightRows, members);
    const rules = planRulesForCover(plan, directory);
    const peopleById = new Map(directory.people.map((p) => [p.id, p]));
    const teamNames = new Map(directory.teams.map((t) => [t.id, t.name]));
    const taken = (personId: string) =>
      spotlights.filter((s) => s.lead === personId || s.members.includes(personId)).length;
    const eligible = eligibleCover(rules, spotlights, row.team_id, leavingId);
    return {
      plan,
      peopleById,
      options: eligible.flatMap(({ person }): CoverOption[] => {
        const p = peopleById.get(person);
        if (!p) return [];
        return [
          {
            personId: p.id,
            name: p.name,
            jobRoleName: isJobRole(p.job_role) ? jobRoleNames[p.job_role] : p.job_role,
            teamName: p.home_team_id ? (teamNames.get(p.home_team_id) ?? null) : null,
            spotlightsThisYear: taken(p.id),
          },
        ];
      }),
    };
  }

  const summary = (row: SpotlightRow) => ({
    id: row.id,
    date: row.date,
    dayName: dayNameOf(row.date),
    teamName: row.team_name,
    version: row.version,
  });

  return {
    async coverChoice(ctx: RequestContext, spotlightId: string): Promise<CoverChoice> {
      assertCan(ctx.actor, 'signed-in');
      const row = await spotlightToCover(db, spotlightId);
      const found = await options(db, row, ctx.actor.personId);
      return { spotlight: summary(row), options: found.options };
    },

    /** Replaces the member with the person they chose, if that person may still cover. */
    async arrangeCover(ctx: RequestContext, spotlightId: string, input: ArrangeCoverInput) {
      assertCan(ctx.actor, 'signed-in');
      const actor = ctx.actor;
      return db.transaction().execute(async (trx) => {
        const first = await spotlightToCover(trx, spotlightId);
        await lockPlan(trx, first.plan_id);
        const row = await spotlightToCover(trx, spotlightId);
        if (row.version !== input.version) {
          throw new Conflict(
            'The Spotlight changed while you were choosing cover. Go back to My Spotlights and try again.',
          );
        }
        const found = await options(trx, row, actor.personId);
        const cover = found.options.find((o) => o.personId === input.coverPersonId);
        if (!cover) {
          const name = await findPersonName(trx, input.coverPersonId);
          throw new Invalid(
            'coverPersonId',
            name
              ? `${name} can no longer cover this Spotlight because the timetable has changed. Choose someone else`
              : 'Select who will cover for you',
          );
        }
        const now = clock.now().toISOString();
        if (!(await bumpSpotlightVersion(trx, row.id, row.version, now))) {
          throw new Conflict('The Spotlight changed while you were choosing cover.');
        }
        if (!(await replaceMember(trx, row.id, actor.personId, cover.personId))) {
          throw new Conflict('You are no longer a team member of this Spotlight.');
        }
        const leavingName = found.peopleById.get(actor.personId)?.name ?? actor.name;
        const change = `${leavingName} cannot attend; ${cover.name} will cover`;
        await insertPlanChange(trx, {
          id: newId(),
          plan_id: found.plan.id,
          spotlight_id: row.id,
          at: now,
          actor_account_id: actor.accountId,
          actor_name: actor.name,
          kind: 'cover-arranged',
          summary: change,
          warnings: null,
        });
        const reason = input.reason ? ` Their reason: ${input.reason}` : '';
        await insertNotice(trx, {
          id: newId(),
          spotlight_id: row.id,
          at: now,
          message: `Cover arranged for ${row.team_name} on ${formatDate(row.date)}: ${change}.${reason}`,
          read_at: null,
          read_by_account_id: null,
        });
        await audit.record(
          ctx,
          {
            action: 'timetable.cover-arranged',
            objectType: 'spotlight',
            objectId: row.id,
            details: {
              planId: found.plan.id,
              team: row.team_name,
              date: row.date,
              leavingPersonId: actor.personId,
              coverPersonId: cover.personId,
            },
          },
          trx,
        );
        await queueCoverMail(trx, outbox, {
          spotlightId: row.id,
          teamName: row.team_name,
          date: row.date,
          leadPersonId: row.lead_person_id,
          leavingName,
          coverPersonId: cover.personId,
          coverName: cover.name,
        });
        return { coverName: cover.name, teamName: row.team_name, date: row.date };
      });
    },
  };
}
