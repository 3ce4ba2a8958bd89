// Cover for a member (or the Lead) who can no longer attend: everyone who could take their place
// without breaking a hard rule, fairest first (fewest Spotlights this period, then not having
// reviewed that team last time).
import {
  canLeadTeam,
  isFreeOn,
  isManager,
  isSeniorPractitioner,
  normaliseRules,
} from './people.js';
import type { PlanPerson, PlanRules, PlannedSpotlight } from './plan.types.js';

export interface CoverOption {
  person: string;
  /** Lower is fairer: 10 for each Spotlight this period, 5 for reviewing this team last time. */
  score: number;
  reasons: string[];
}

function countBy(ids: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/**
 * Who could replace `leavingPersonId` in `spotlightTeam`'s Spotlight, in fairness order. Empty when
 * the team has no Spotlight in the plan or the person is not in it.
 */
export function eligibleCover(
  input: PlanRules,
  spotlights: readonly PlannedSpotlight[],
  spotlightTeam: string,
  leavingPersonId: string,
): CoverOption[] {
  const rules = normaliseRules(input);
  const target = spotlights.find((s) => s.team === spotlightTeam);
  const team = rules.teams.find((t) => t.id === spotlightTeam);
  if (!target || !team) return [];
  const asLead = target.lead === leavingPersonId;
  if (!asLead && !target.members.includes(leavingPersonId)) return [];

  const people = new Map(rules.people.map((p) => [p.id, p]));
  const sameDay = spotlights.filter((s) => s.date === target.date);
  const visited = new Set(sameDay.map((s) => s.team));
  const busy = new Set(sameDay.flatMap((s) => [s.lead, ...s.members]));
  const suppliers = new Set(
    sameDay.flatMap((s) =>
      s.members
        .filter((id) => !(s === target && id === leavingPersonId))
        .flatMap((id) => {
          const home = people.get(id)?.team;
          return home ? [home] : [];
        }),
    ),
  );
  const memberLoad = countBy(spotlights.flatMap((s) => s.members));
  const leadLoad = countBy(spotlights.map((s) => s.lead));
  const teamLoad = countBy(
    spotlights.flatMap((s) => s.members.flatMap((id) => people.get(id)?.team ?? [])),
  );

  const staying = target.members.flatMap((id) => {
    const person = id === leavingPersonId ? undefined : people.get(id);
    return person ? [person] : [];
  });
  const before = target.members.flatMap((id) => people.get(id) ?? []);
  const mixKept = (candidate: PlanPerson) => {
    const after = [...staying, candidate];
    const groups: [(p: PlanPerson) => boolean, number][] = [
      [isManager, rules.roleMix.managers],
      [isSeniorPractitioner, rules.roleMix.seniorPractitioners],
    ];
    return groups.every(
      ([inGroup, need]) =>
        after.filter(inGroup).length >= need || before.filter(inGroup).length < need,
    );
  };

  const eligible = (candidate: PlanPerson): boolean => {
    if (candidate.id === leavingPersonId || busy.has(candidate.id)) return false;
    if (!isFreeOn(candidate.unavailable, target.date)) return false;
    if (candidate.team && visited.has(candidate.team)) return false;
    if (asLead) {
      return (
        candidate.canLead &&
        canLeadTeam(candidate, team) &&
        (leadLoad.get(candidate.id) ?? 0) < rules.maxLeadsPerPersonPerYear
      );
    }
    return (
      candidate.canReview &&
      !(candidate.team && suppliers.has(candidate.team)) &&
      (memberLoad.get(candidate.id) ?? 0) < rules.maxPerPersonPerYear &&
      mixKept(candidate)
    );
  };

  return rules.people
    .filter(eligible)
    .map((candidate) => {
      const taken = (memberLoad.get(candidate.id) ?? 0) + (leadLoad.get(candidate.id) ?? 0);
      const repeat = (candidate.lastReviewed ?? []).includes(team.id);
      const reasons = [
        taken === 0
          ? 'No Spotlights yet this period'
          : `${taken} Spotlight${taken === 1 ? '' : 's'} this period`,
        ...(repeat ? [`Reviewed ${team.id} last time`] : []),
      ];
      return { person: candidate.id, score: 10 * taken + (repeat ? 5 : 0), reasons, candidate };
    })
    .sort(
      (a, b) =>
        a.score - b.score ||
        (teamLoad.get(a.candidate.team ?? '') ?? 0) - (teamLoad.get(b.candidate.team ?? '') ?? 0) ||
        a.person.localeCompare(b.person),
    )
    .map(({ person, score, reasons }) => ({ person, score, reasons }));
}
