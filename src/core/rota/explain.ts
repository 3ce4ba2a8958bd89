// Why teams cannot be planned, in plain words: which hard rule is short, and where (which service
// area, which month, which role). Checked before solving (an impossible input is never sent to
// the solver) and after (for the teams left unscheduled).
import type { Capacity, Shortfall } from './capacity.js';
import type { Council } from './council.js';
import { managersWords, seniorPractitionersWords } from './people.js';
import { aimedMonth, monthlyShortages } from './months.js';
import type { PlannedSpotlight } from './plan.types.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function listed(ids: string[]): string {
  return ids.length <= 5
    ? ids.join(', ')
    : `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more`;
}

function freeDayCount(council: Council, p: number): number {
  return council.personFreeDays[p] ?? 0;
}

/** Problems that stop every Spotlight: the plan is infeasible as a whole. */
export function wholeInputProblems(council: Council): string[] {
  const { rules } = council;
  const problems: string[] = [];
  if (council.days.length === 0) {
    problems.push(`There are no working days between ${rules.from} and ${rules.to}`);
  }
  if (council.leads.length === 0) {
    problems.push('Nobody can lead a Spotlight: no senior leader is marked as able to lead');
  } else if (rules.maxLeadsPerPersonPerYear === 0) {
    problems.push('Nobody can lead a Spotlight: maxLeadsPerPersonPerYear is 0');
  }
  if (rules.maxPerPersonPerYear === 0) {
    problems.push('Nobody can be a member of a Spotlight: maxPerPersonPerYear is 0');
  }
  const groups: [number, Uint8Array, string, string][] = [
    [rules.roleMix.managers, council.manager, managersWords, 'roleMix.managers'],
    [
      rules.roleMix.seniorPractitioners,
      council.senior,
      seniorPractitionersWords,
      'roleMix.seniorPractitioners',
    ],
  ];
  for (const [need, flag, words, field] of groups) {
    const count = council.reviewers.filter((p) => flag[p] === 1).length;
    if (need > 0 && count < need) {
      problems.push(
        `Not enough ${words} can review: every Spotlight needs ${need} (${field}) but ${count === 0 ? 'none' : count} can`,
      );
    }
  }
  const units = new Set(council.reviewers.map((p) => council.personTeam[p] ?? `p${p}`)).size;
  const min = rules.membersPerSpotlight.min;
  if (council.reviewers.length > 0 && units < min) {
    problems.push(
      `Every Spotlight needs ${min} members from different teams, but the people who can review come from only ${units}`,
    );
  } else if (council.reviewers.length === 0) {
    problems.push('Nobody can review: no one is marked as able to be a Spotlight member');
  }
  return problems;
}

/** Caps too low for the number of teams: some teams will be left out whatever the dates. */
export function capShortfalls(council: Council): string[] {
  const { rules } = council;
  const teams = council.teams.length;
  const problems: string[] = [];
  const memberRoom = (people: number[]) =>
    people.reduce((n, p) => n + Math.min(rules.maxPerPersonPerYear, freeDayCount(council, p)), 0);
  const check = (people: number[], per: number, words: string) => {
    const room = memberRoom(people);
    if (per > 0 && teams * per > room) {
      problems.push(
        `${plural(teams, 'team')} need ${teams * per} ${words} but maxPerPersonPerYear ${rules.maxPerPersonPerYear} allows only ${room} (${people.length} can review)`,
      );
    }
  };
  check(council.reviewers, rules.membersPerSpotlight.min, 'members');
  check(
    council.reviewers.filter((p) => council.manager[p] === 1),
    rules.roleMix.managers,
    `${managersWords} as members`,
  );
  check(
    council.reviewers.filter((p) => council.senior[p] === 1),
    rules.roleMix.seniorPractitioners,
    `${seniorPractitionersWords} as members`,
  );
  const leadRoom = (people: number[]) =>
    people.reduce(
      (n, p) => n + Math.min(rules.maxLeadsPerPersonPerYear, freeDayCount(council, p)),
      0,
    );
  const room = leadRoom(council.leads);
  if (council.leads.length > 0 && teams > room) {
    problems.push(
      `${plural(teams, 'team')} need a Lead but maxLeadsPerPersonPerYear ${rules.maxLeadsPerPersonPerYear} allows the ${plural(council.leads.length, 'senior leader')} only ${room} between them`,
    );
  }
  const areas =
    council.leads.length === 0 ? [] : [...new Set(council.teams.map((t) => t.serviceArea))];
  for (const area of areas) {
    const inArea = council.teams.filter((t) => t.serviceArea === area);
    const outside = council.leads.filter((p) => council.people[p]?.serviceArea !== area);
    if (outside.length === 0 && council.leads.length > 0) {
      problems.push(
        `No senior leader from outside service area ${area} can lead, so its ${plural(inArea.length, 'team')} (${listed(inArea.map((t) => t.id))}) cannot have a Lead`,
      );
    } else if (inArea.length > leadRoom(outside)) {
      problems.push(
        `Service area ${area} has ${plural(inArea.length, 'team')} but the senior leaders from outside it can lead only ${leadRoom(outside)} Spotlights between them`,
      );
    }
  }
  return problems;
}

const shortfallWords = (council: Council, team: number): Record<Shortfall, string> => {
  const t = council.teams[team];
  return {
    team: `${t?.id} is not available on any working day between ${council.rules.from} and ${council.rules.to}`,
    lead: `No senior leader from outside service area ${t?.serviceArea} is free to lead on any day ${t?.id} is available`,
    managers: `Not enough ${managersWords} from other teams are free on any day ${t?.id} is available`,
    seniors: `Not enough ${seniorPractitionersWords} from other teams are free on any day ${t?.id} is available`,
    members: `Not enough people from other teams who can review are free on any day ${t?.id} is available`,
  };
};

interface Findings {
  caps: string[];
  shortages: Map<string, string[]>;
}

/** Why one team was left out of the plan. */
function unscheduledReason(
  council: Council,
  capacity: Capacity,
  team: number,
  spotlights: readonly PlannedSpotlight[],
  findings: Findings,
): string {
  const { rules } = council;
  const words = shortfallWords(council, team);
  const t = council.teams[team];
  const kinds = new Map<Shortfall, number>();
  let open = 0;
  council.days.forEach((_, d) => {
    const kind = capacity.shortfall(team, d);
    if (kind) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    else open += 1;
  });
  if (open === 0) {
    if ((kinds.get('team') ?? 0) === council.days.length) return words.team;
    const worst = [...kinds].filter(([k]) => k !== 'team').sort((a, b) => b[1] - a[1])[0];
    return worst ? words[worst[0]] : words.team;
  }
  const leadLoad = new Map<string, number>();
  for (const s of spotlights) leadLoad.set(s.lead, (leadLoad.get(s.lead) ?? 0) + 1);
  const leadsLeft = (council.leadFor[team] ?? []).filter(
    (p) => (leadLoad.get(council.people[p]?.id ?? '') ?? 0) < rules.maxLeadsPerPersonPerYear,
  );
  if (leadsLeft.length === 0) {
    return `Every senior leader from outside service area ${t?.serviceArea} already leads ${rules.maxLeadsPerPersonPerYear} Spotlights (maxLeadsPerPersonPerYear)`;
  }
  const month = aimedMonth(council, capacity, team);
  const shortage = month ? findings.shortages.get(month)?.[0] : undefined;
  if (shortage) return shortage;
  if (findings.caps[0]) return findings.caps[0];
  return `No day could be found when a Lead and ${rules.membersPerSpotlight.min} members with the right mix of roles are all free for ${t?.id} without breaking another rule (for example maxPerPersonPerYear ${rules.maxPerPersonPerYear}, or one member a day from each team)`;
}

/** The reason for each unscheduled team, and the plan's explanation: what is short, and where. */
export function explainUnscheduled(
  council: Council,
  capacity: Capacity,
  spotlights: readonly PlannedSpotlight[],
  unscheduled: readonly number[],
): { reasons: string[]; explanation: string[] } {
  if (unscheduled.length === 0) return { reasons: [], explanation: [] };
  const findings: Findings = {
    caps: capShortfalls(council),
    shortages: monthlyShortages(council, capacity, spotlights, unscheduled),
  };
  const reasons = unscheduled.map((t) =>
    unscheduledReason(council, capacity, t, spotlights, findings),
  );
  const explanation = [
    ...findings.caps,
    ...[...findings.shortages].sort((a, b) => a[0].localeCompare(b[0])).flatMap(([, list]) => list),
    ...unscheduled.map((t, i) => `${council.teams[t]?.id}: ${reasons[i]}`),
  ];
  return { reasons, explanation: [...new Set(explanation)] };
}
