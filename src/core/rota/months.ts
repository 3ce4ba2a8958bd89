// The period month by month: how many Spotlights the people free in each month could staff at
// most (by leave and caps), for the dating model's limits and the explanation's words.
import type { Capacity } from './capacity.js';
import type { Council } from './council.js';
import { dateCost } from './objective.js';
import { managersWords, seniorPractitionersWords } from './people.js';
import type { PlannedSpotlight } from './plan.types.js';

export interface MonthGroup {
  /** How many of this group each Spotlight needs. */
  need: number;
  words: string;
  /** People in the group free on at least one working day of the month. */
  free: number;
  /** The most places they could fill that month: each person's cap or free days, if fewer. */
  room: number;
}

export interface Month {
  /** YYYY-MM */
  month: string;
  days: number[];
  groups: MonthGroup[];
  leadsFree: number;
  leadRoom: number;
}

export function monthName(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function months(council: Council): Month[] {
  const { rules } = council;
  const byMonth = new Map<string, number[]>();
  council.days.forEach((day, d) => {
    const key = day.slice(0, 7);
    byMonth.set(key, [...(byMonth.get(key) ?? []), d]);
  });
  return [...byMonth].map(([month, days]) => {
    const freeIn = (p: number) => days.filter((d) => council.personFree[p]?.[d] === 1).length;
    const group = (need: number, words: string, people: number[]): MonthGroup => {
      const freeDays = people.map(freeIn).filter((n) => n > 0);
      const room = freeDays.reduce((sum, n) => sum + Math.min(n, rules.maxPerPersonPerYear), 0);
      return { need, words, free: freeDays.length, room };
    };
    const leadDays = council.leads.map(freeIn).filter((n) => n > 0);
    return {
      month,
      days,
      groups: [
        group(
          rules.roleMix.seniorPractitioners,
          seniorPractitionersWords,
          council.reviewers.filter((p) => council.senior[p] === 1),
        ),
        group(
          rules.roleMix.managers,
          managersWords,
          council.reviewers.filter((p) => council.manager[p] === 1),
        ),
        group(rules.membersPerSpotlight.min, 'people who can review', council.reviewers),
      ].filter((g) => g.need > 0),
      leadsFree: leadDays.length,
      leadRoom: leadDays.reduce((sum, n) => sum + Math.min(n, rules.maxLeadsPerPersonPerYear), 0),
    };
  });
}

/** The month of the day a team would best have had, among the days it could be staffed at all. */
export function aimedMonth(council: Council, capacity: Capacity, team: number): string | undefined {
  let best: number | undefined;
  council.days.forEach((_, d) => {
    if (capacity.shortfall(team, d) !== undefined) return;
    if (best === undefined || dateCost(council, team, d) < dateCost(council, team, best)) best = d;
  });
  return best === undefined ? undefined : council.days[best]?.slice(0, 7);
}

/** Months where leave leaves too few people for the Spotlights planned or aimed there. */
export function monthlyShortages(
  council: Council,
  capacity: Capacity,
  spotlights: readonly PlannedSpotlight[],
  unscheduled: readonly number[],
): Map<string, string[]> {
  const aimed = unscheduled.map((t) => aimedMonth(council, capacity, t));
  const found = new Map<string, string[]>();
  for (const month of months(council)) {
    if (!aimed.includes(month.month)) continue;
    const wanted =
      spotlights.filter((s) => s.date.startsWith(month.month)).length +
      aimed.filter((m) => m === month.month).length;
    const spotlightsWord = `${wanted} Spotlight${wanted === 1 ? '' : 's'}`;
    const name = monthName(month.month);
    const problems: string[] = [];
    for (const g of month.groups) {
      const needed = wanted * g.need;
      if (needed <= g.room) continue;
      const free = `${g.free} ${g.free === 1 ? 'is' : 'are'} free`;
      problems.push(
        g.free < needed
          ? `Not enough ${g.words} are free in ${name}: ${spotlightsWord} need ${needed}, ${free}`
          : `Not enough ${g.words} are free in ${name}: ${spotlightsWord} need ${needed}, and the ${g.free} who are free can fill only ${g.room} places (maxPerPersonPerYear ${council.rules.maxPerPersonPerYear})`,
      );
    }
    if (wanted > month.leadRoom) {
      problems.push(
        `Not enough senior leaders are free to lead in ${name}: ${spotlightsWord} need a Lead, ${month.leadsFree} ${month.leadsFree === 1 ? 'is' : 'are'} free`,
      );
    }
    if (problems.length > 0) found.set(month.month, problems);
  }
  return found;
}
