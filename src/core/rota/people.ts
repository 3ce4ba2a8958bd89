// Who may do what in a Spotlight: the role groups of the role mix, availability and lead areas.
import type { JobRole } from '../job-roles.js';
import type { CalendarDate, DateRange, PlanPerson, PlanRules, PlanTeam } from './plan.types.js';

const managerRoles: readonly JobRole[] = ['team-manager', 'team-leader'];
const seniorPractitionerRoles: readonly JobRole[] = ['senior-social-worker', 'isro'];

/** A Team Manager or Team Leader (the role mix's "managers"). */
export function isManager(person: PlanPerson): boolean {
  return managerRoles.includes(person.role);
}

/** A Senior Social Worker or ISRO (the role mix's "seniorPractitioners"). */
export function isSeniorPractitioner(person: PlanPerson): boolean {
  return seniorPractitionerRoles.includes(person.role);
}

export const managerWords = 'Team Manager or Team Leader';
export const seniorPractitionerWords = 'Senior Social Worker or ISRO';
export const managersWords = 'Team Managers or Team Leaders';
export const seniorPractitionersWords = 'Senior Social Workers or ISROs';

/** False when the date falls in one of the ranges (both ends included). */
export function isFreeOn(
  unavailable: readonly DateRange[] | undefined,
  date: CalendarDate,
): boolean {
  return !(unavailable ?? []).some((range) => range.from <= date && date <= range.to);
}

/** A lead never leads in their own service area, nor their own team. */
export function canLeadTeam(person: PlanPerson, team: PlanTeam): boolean {
  if (person.team === team.id) return false;
  return person.serviceArea === undefined || person.serviceArea !== team.serviceArea;
}

/**
 * Fills in what the input may leave out, for rules built without parsePlanInput (the web layer):
 * a person's service area from their team, a team's size from its people.
 */
export function normaliseRules(rules: PlanRules): PlanRules {
  const teamArea = new Map(rules.teams.map((t) => [t.id, t.serviceArea]));
  const headcount = new Map<string, number>();
  for (const person of rules.people) {
    if (person.team) headcount.set(person.team, (headcount.get(person.team) ?? 0) + 1);
  }
  return {
    ...rules,
    teams: rules.teams.map((team) =>
      team.size === undefined ? { ...team, size: Math.max(1, headcount.get(team.id) ?? 0) } : team,
    ),
    people: rules.people.map((person) => {
      if (person.serviceArea !== undefined || person.team === undefined) return person;
      const serviceArea = teamArea.get(person.team);
      return serviceArea === undefined ? person : { ...person, serviceArea };
    }),
  };
}
