// Builds the solver's and the checker's PlanRules from the directory: the active teams with their
// last Spotlight and the periods when they cannot have one, the people on the rota and the senior
// leaders, with their leave and the teams they reviewed last time.
import { isJobRole } from '../../core/job-roles.js';
import type { DateRange, PlanPerson, PlanRules, PlanTeam } from '../../core/rota/plan.types.js';
import type { Kysely } from 'kysely';
import { fromDbBool } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import type { PlanSettings } from './plan-settings.js';
import {
  findLatestPublishedPlanBefore,
  leadJobRoles,
  listActiveTeams,
  listPlanMemberships,
  listPlanningPeople,
  listPublishedSpotlightsBefore,
  listTeamUnavailability,
  listUnavailability,
  type PastSpotlightRow,
  type PlanningPersonRow,
  type PlanningTeamRow,
} from './plan-rules.repository.js';

/** Each team's last Spotlight: from the plan published most recently that had one for it. */
function lastSpotlights(rows: readonly PastSpotlightRow[]): Map<string, string> {
  const best = new Map<string, PastSpotlightRow>();
  for (const row of rows) {
    const known = best.get(row.team_id);
    const newer =
      !known ||
      (row.published_at ?? '') > (known.published_at ?? '') ||
      (row.published_at === known.published_at && row.date > known.date);
    if (newer) best.set(row.team_id, row);
  }
  return new Map([...best].map(([team, row]) => [team, row.date]));
}

/** Date ranges grouped by whose they are (a person's leave, a team's periods). */
export function rangesBy<R extends { from_date: string; to_date: string }>(
  rows: readonly R[],
  keyOf: (row: R) => string,
): Map<string, DateRange[]> {
  const ranges = new Map<string, DateRange[]>();
  for (const row of rows) {
    const list = ranges.get(keyOf(row)) ?? [];
    list.push({ from: row.from_date, to: row.to_date });
    ranges.set(keyOf(row), list);
  }
  return ranges;
}

function canLead(row: PlanningPersonRow): boolean {
  return fromDbBool(row.slt_member) && (leadJobRoles as readonly string[]).includes(row.job_role);
}

/**
 * A person's service area: their home team's, or for a Head of Service outside any team, the area
 * of the teams they head (so they never lead a Spotlight in their own service).
 */
function serviceAreaOf(
  row: PlanningPersonRow,
  teams: ReadonlyMap<string, PlanningTeamRow>,
  allTeams: readonly PlanningTeamRow[],
): string | undefined {
  const home = row.home_team_id ? teams.get(row.home_team_id) : undefined;
  if (home) return home.service_area_id;
  return allTeams.find((team) => team.head_of_service_id === row.id)?.service_area_id;
}

export async function loadPlanRules(db: Kysely<Database>, settings: PlanSettings) {
  const teamRows = await listActiveTeams(db);
  const teamsById = new Map(teamRows.map((team) => [team.id, team]));
  const last = lastSpotlights(await listPublishedSpotlightsBefore(db, settings.from));
  const teamUnavailable = rangesBy(
    await listTeamUnavailability(db, settings.from, settings.to),
    (row) => row.team_id,
  );
  const teams: PlanTeam[] = teamRows.map((row) => {
    const lastSpotlight = last.get(row.id);
    return {
      id: row.id,
      serviceArea: row.service_area_id,
      ...(lastSpotlight ? { lastSpotlight } : {}),
      unavailable: teamUnavailable.get(row.id) ?? [],
    };
  });

  const personRows = await listPlanningPeople(db);
  const unavailable = rangesBy(
    await listUnavailability(db, settings.from, settings.to),
    (row) => row.person_id,
  );
  const previous = await findLatestPublishedPlanBefore(db, settings.from);
  const reviewed = new Map<string, string[]>();
  if (previous) {
    for (const row of await listPlanMemberships(db, previous.id)) {
      const list = reviewed.get(row.person_id) ?? [];
      if (!list.includes(row.team_id)) list.push(row.team_id);
      reviewed.set(row.person_id, list);
    }
  }
  const people: PlanPerson[] = personRows.map((row) => {
    const team = row.home_team_id && teamsById.has(row.home_team_id) ? row.home_team_id : undefined;
    const serviceArea = serviceAreaOf(row, teamsById, teamRows);
    return {
      id: row.id,
      ...(team ? { team } : {}),
      ...(serviceArea ? { serviceArea } : {}),
      role: isJobRole(row.job_role) ? row.job_role : 'practitioner',
      canLead: canLead(row),
      canReview: fromDbBool(row.on_rota) && fromDbBool(row.can_review),
      unavailable: unavailable.get(row.id) ?? [],
      lastReviewed: reviewed.get(row.id) ?? [],
    };
  });

  const rules: PlanRules = { ...settings, teams, people };
  const names = new Map<string, string>();
  for (const row of teamRows) {
    names.set(row.id, row.name);
    names.set(row.service_area_id, row.service_area_name);
  }
  for (const row of personRows) names.set(row.id, row.name);
  return { rules, names, teamRows, personRows };
}
