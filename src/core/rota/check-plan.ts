// Checks a plan (generated or edited by hand) against every hard rule of the timetable. Messages
// name the ids they were given: the web layer passes its own ids and maps them to names.
import { isWorkingDay } from '../working-days.js';
import {
  canLeadTeam,
  isFreeOn,
  isManager,
  isSeniorPractitioner,
  managerWords,
  normaliseRules,
  seniorPractitionerWords,
} from './people.js';
import type { PlanPerson, PlanRules, PlannedSpotlight, RuleBreach } from './plan.types.js';

type Breach = RuleBreach;

function checkSpotlight(
  rules: PlanRules,
  spotlight: PlannedSpotlight,
  people: Map<string, PlanPerson>,
): Breach[] {
  const breaches: Breach[] = [];
  const { date } = spotlight;
  const team = rules.teams.find((t) => t.id === spotlight.team);
  const of = `${spotlight.team}'s Spotlight on ${date}`;
  const add = (rule: Breach['rule'], message: string, person?: string) =>
    breaches.push({ rule, message, team: spotlight.team, date, ...(person ? { person } : {}) });

  if (date < rules.from || date > rules.to) {
    add('in-period', `${of} is outside the period ${rules.from} to ${rules.to}`);
  }
  if (!isWorkingDay(date, rules)) add('working-day', `${of}: ${date} is not a working day`);
  if (!team) {
    add('one-per-team', `${spotlight.team} is not one of the teams`);
    return breaches;
  }
  if (!isFreeOn(team.unavailable, date)) {
    add('team-unavailable', `${spotlight.team} is not available on ${date}`);
  }

  const lead = people.get(spotlight.lead);
  if (!lead) {
    add(
      'lead-senior',
      `${spotlight.lead} leads ${of} but is not one of the people`,
      spotlight.lead,
    );
  } else {
    if (!lead.canLead) add('lead-senior', `${lead.id} leads ${of} but cannot lead`, lead.id);
    if (!isFreeOn(lead.unavailable, date)) {
      add('lead-available', `${lead.id} leads ${of} but is not available that day`, lead.id);
    }
    if (!canLeadTeam(lead, team)) {
      const where = lead.team === team.id ? `team ${team.id}` : `service area ${team.serviceArea}`;
      add('lead-own-area', `${lead.id} leads ${of} but works in the same ${where}`, lead.id);
    }
  }

  const { min, max } = rules.membersPerSpotlight;
  const distinct = new Set(spotlight.members);
  if (spotlight.members.length < min || spotlight.members.length > max) {
    const needs = min === max ? `${min}` : `${min} to ${max}`;
    add('member-count', `${of} has ${spotlight.members.length} members; it needs ${needs}`);
  }
  if (distinct.size < spotlight.members.length) {
    add('member-count', `${of} lists the same member more than once`);
  }
  if (distinct.has(spotlight.lead)) {
    add('member-count', `${spotlight.lead} is both the Lead and a member of ${of}`, spotlight.lead);
  }

  const members = [...distinct].flatMap((id) => {
    const person = people.get(id);
    if (!person)
      add('member-eligible', `${id} is a member of ${of} but is not one of the people`, id);
    return person ? [person] : [];
  });
  for (const member of members) {
    if (!member.canReview) {
      add('member-eligible', `${member.id} is a member of ${of} but cannot review`, member.id);
    }
    if (!isFreeOn(member.unavailable, date)) {
      add(
        'member-available',
        `${member.id} is a member of ${of} but is not available that day`,
        member.id,
      );
    }
    if (member.team === team.id) {
      add('member-own-team', `${member.id} is a member of ${of} but works in that team`, member.id);
    }
  }
  const managers = members.filter(isManager).length;
  if (managers < rules.roleMix.managers) {
    add(
      'role-mix',
      `${of} needs at least ${rules.roleMix.managers} ${managerWords} among its members; it has ${managers}`,
    );
  }
  const seniors = members.filter(isSeniorPractitioner).length;
  if (seniors < rules.roleMix.seniorPractitioners) {
    add(
      'role-mix',
      `${of} needs at least ${rules.roleMix.seniorPractitioners} ${seniorPractitionerWords} among its members; it has ${seniors}`,
    );
  }
  return breaches;
}

function checkDay(
  date: string,
  spotlights: PlannedSpotlight[],
  rules: PlanRules,
  people: Map<string, PlanPerson>,
): Breach[] {
  const breaches: Breach[] = [];
  if (spotlights.length > rules.maxSpotlightsPerDay) {
    breaches.push({
      rule: 'per-day',
      date,
      message: `${date} has ${spotlights.length} Spotlights; at most ${rules.maxSpotlightsPerDay} may be on one day`,
    });
  }
  const visited = new Set(spotlights.map((s) => s.team));
  const roles = new Map<string, string[]>();
  const membersByTeam = new Map<string, string[]>();
  for (const spotlight of spotlights) {
    const involved = [spotlight.lead, ...new Set(spotlight.members)];
    for (const id of involved) roles.set(id, [...(roles.get(id) ?? []), spotlight.team]);
    for (const id of new Set(spotlight.members)) {
      const team = people.get(id)?.team;
      if (team) membersByTeam.set(team, [...(membersByTeam.get(team) ?? []), id]);
    }
    for (const id of new Set(involved)) {
      const team = people.get(id)?.team;
      if (team && team !== spotlight.team && visited.has(team)) {
        breaches.push({
          rule: 'visited-team-busy',
          date,
          team: spotlight.team,
          person: id,
          message: `${id} is in ${spotlight.team}'s Spotlight on ${date}, the day of their own team ${team}'s Spotlight`,
        });
      }
    }
  }
  for (const [id, teams] of roles) {
    if (teams.length > 1) {
      breaches.push({
        rule: 'one-a-day',
        date,
        person: id,
        message: `${id} is in ${teams.length} Spotlights on ${date} (${teams.join(', ')}); nobody may be in two on one day`,
      });
    }
  }
  for (const [team, ids] of membersByTeam) {
    if (ids.length > 1) {
      breaches.push({
        rule: 'one-per-team-a-day',
        date,
        message: `${ids.length} members on ${date} come from team ${team} (${ids.join(', ')}); at most one a day may`,
      });
    }
  }
  return breaches;
}

function checkCaps(rules: PlanRules, spotlights: readonly PlannedSpotlight[]): Breach[] {
  const breaches: Breach[] = [];
  const memberCount = new Map<string, number>();
  const leadCount = new Map<string, number>();
  const teamCount = new Map<string, string[]>();
  for (const s of spotlights) {
    leadCount.set(s.lead, (leadCount.get(s.lead) ?? 0) + 1);
    for (const id of new Set(s.members)) memberCount.set(id, (memberCount.get(id) ?? 0) + 1);
    teamCount.set(s.team, [...(teamCount.get(s.team) ?? []), s.date]);
  }
  for (const [id, n] of memberCount) {
    if (n > rules.maxPerPersonPerYear) {
      breaches.push({
        rule: 'member-cap',
        person: id,
        message: `${id} is a member of ${n} Spotlights; the most allowed is ${rules.maxPerPersonPerYear}`,
      });
    }
  }
  for (const [id, n] of leadCount) {
    if (n > rules.maxLeadsPerPersonPerYear) {
      breaches.push({
        rule: 'lead-cap',
        person: id,
        message: `${id} leads ${n} Spotlights; the most allowed is ${rules.maxLeadsPerPersonPerYear}`,
      });
    }
  }
  for (const [team, dates] of teamCount) {
    if (dates.length > 1) {
      breaches.push({
        rule: 'one-per-team',
        team,
        message: `${team} has ${dates.length} Spotlights (${dates.join(', ')}); each team has one`,
      });
    }
  }
  return breaches;
}

/** Every hard rule the plan breaks; an empty list means the plan is sound. */
export function checkPlan(input: PlanRules, spotlights: readonly PlannedSpotlight[]): RuleBreach[] {
  const rules = normaliseRules(input);
  const people = new Map(rules.people.map((p) => [p.id, p]));
  const byDate = new Map<string, PlannedSpotlight[]>();
  for (const s of spotlights) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s]);
  return [
    ...spotlights.flatMap((s) => checkSpotlight(rules, s, people)),
    ...[...byDate].flatMap(([date, list]) => checkDay(date, list, rules, people)),
    ...checkCaps(rules, spotlights),
  ];
}
