// The Lead's allocation of children on the day, proposed by Spotlight: each team member reviews one
// child chosen at random, one a worker is proud of and one a worker found challenging. Pure and
// deterministic: the same input always gives the same proposal (the seed makes the random choices).
import { drawChild, uniformIndex, type Draw } from './random-draw.js';

export const allocationKinds = ['random', 'proud', 'challenging'] as const;
export type AllocationKind = (typeof allocationKinds)[number];
export type NominatedKind = Exclude<AllocationKind, 'random'>;

export function isAllocationKind(value: unknown): value is AllocationKind {
  return typeof value === 'string' && (allocationKinds as readonly string[]).includes(value);
}

export interface AllocationMember {
  personId: string;
  name: string;
}

/** A child a practitioner named, as forwarded by the Team Manager. */
export interface NominatedChild {
  nominationId: string;
  practitionerPersonId: string;
  kind: NominatedKind;
  system: string;
  caseNumber: string;
}

export interface CaseListChild {
  system: string;
  caseNumber: string;
}

export interface AllocatedChild {
  memberPersonId: string;
  kind: AllocationKind;
  system: string;
  caseNumber: string;
  nominationId?: string;
  draw?: Draw;
}

export interface AllocationGap {
  memberPersonId: string;
  kind: AllocationKind;
  /** Why, in plain words, for the Lead. */
  reason: string;
}

export interface AllocationInput {
  /** The Spotlight's team members, in the order the page lists them. */
  members: readonly AllocationMember[];
  /** The Lead, who reviews children too only when `includeLead` is true. */
  lead?: AllocationMember | null;
  includeLead?: boolean;
  nominations: readonly NominatedChild[];
  caseList: readonly CaseListChild[];
  seed: string;
  /** Allocations that must stay as they are. */
  keep?: readonly AllocatedChild[];
  /** Children never to draw at random though not offered here (nominations not yet forwarded). */
  alsoExclude?: readonly string[];
}

export interface AllocationProposal {
  /** Every allocation, kept ones included: by member, then random, proud, challenging. */
  allocations: AllocatedChild[];
  gaps: AllocationGap[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The people who review children: the members, and the Lead when asked. */
export function reviewersOf(input: Pick<AllocationInput, 'members' | 'lead' | 'includeLead'>) {
  const people = [...input.members];
  if (input.includeLead && input.lead) people.push(input.lead);
  const seen = new Set<string>();
  return people.filter((p) => !seen.has(p.personId) && Boolean(seen.add(p.personId)));
}

/** The practitioners in an order fixed by the seed, so no practitioner is always first. */
function practitionerOrder(nominations: readonly NominatedChild[], seed: string): string[] {
  const order = [...new Set(nominations.map((n) => n.practitionerPersonId))].sort();
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = uniformIndex(`${seed}/practitioners/${i}`, i + 1);
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  return order;
}

/**
 * Chooses which nominations to use, round-robin over practitioners: those with the fewest children
 * reviewed so far go first, so every practitioner has one child reviewed before anyone has two.
 * Within a round, practitioners who named only one kind still needed go before those who could give
 * either, and those then give the kind more needed.
 */
function chooseNominations(
  nominations: readonly NominatedChild[],
  need: Record<NominatedKind, number>,
  taken: Set<string>,
  counts: Map<string, number>,
  order: readonly string[],
): Record<NominatedKind, NominatedChild[]> {
  const chosen: Record<NominatedKind, NominatedChild[]> = { proud: [], challenging: [] };
  const left = new Map<string, NominatedChild[]>();
  const byNumber = (a: NominatedChild, b: NominatedChild) =>
    a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0;
  const sorted = [...nominations].sort(byNumber);
  for (const n of sorted)
    left.set(n.practitionerPersonId, [...(left.get(n.practitionerPersonId) ?? []), n]);
  const usable = (n: NominatedChild) => need[n.kind] > 0 && !taken.has(n.caseNumber);
  const kindsOf = (p: string) => [
    ...new Set((left.get(p) ?? []).filter(usable).map((n) => n.kind)),
  ];
  for (;;) {
    const candidates = order.filter((p) => kindsOf(p).length > 0);
    if (candidates.length === 0) return chosen;
    const fewest = Math.min(...candidates.map((p) => counts.get(p) ?? 0));
    const round = candidates.filter((p) => (counts.get(p) ?? 0) === fewest);
    const forced = round.filter((p) => kindsOf(p).length === 1);
    for (const p of [...forced, ...round.filter((q) => !forced.includes(q))]) {
      const kinds = kindsOf(p);
      const kind =
        kinds.length === 1 ? kinds[0] : need.challenging > need.proud ? 'challenging' : 'proud';
      const pick = (left.get(p) ?? []).find((n) => n.kind === kind && usable(n));
      if (!pick) continue;
      chosen[pick.kind].push(pick);
      taken.add(pick.caseNumber);
      need[pick.kind] -= 1;
      counts.set(p, (counts.get(p) ?? 0) + 1);
      left.set(
        p,
        (left.get(p) ?? []).filter((n) => n !== pick),
      );
    }
  }
}

/**
 * Gives each member (in priority order) one of the children, avoiding a member's having two
 * children of the same practitioner where a different assignment avoids it (a maximum matching).
 */
function assign(
  members: readonly string[],
  children: readonly NominatedChild[],
  avoid: (member: string) => string | undefined,
): Map<string, NominatedChild> {
  const holder = new Map<number, string>();
  const fits = (m: string, c: NominatedChild) => avoid(m) !== c.practitionerPersonId;
  const augment = (m: string, seen: Set<number>): boolean => {
    for (const [i, child] of children.entries()) {
      if (seen.has(i) || !fits(m, child)) continue;
      seen.add(i);
      const other = holder.get(i);
      if (other === undefined || augment(other, seen)) {
        holder.set(i, m);
        return true;
      }
    }
    return false;
  };
  for (const m of members) augment(m, new Set());
  const given = new Map<string, NominatedChild>();
  for (const [i, m] of holder) given.set(m, children[i] as NominatedChild);
  // Children no member could take without a repeat go to members still without one.
  const spare = children.filter((_c, i) => !holder.has(i));
  for (const m of members) {
    if (given.has(m)) continue;
    const child = spare.shift();
    if (!child) break;
    given.set(m, child);
  }
  return given;
}

function nominationGap(
  kind: NominatedKind,
  nominations: readonly NominatedChild[],
  reviewers: number,
): string {
  const named = nominations.filter((n) => n.kind === kind);
  const children = new Set(named.map((n) => n.caseNumber)).size;
  const practitioners = new Set(named.map((n) => n.practitionerPersonId)).size;
  if (children === 0) {
    const what = kind === 'proud' ? 'they are proud of' : 'they found challenging';
    return `No ${kind} nominations: no practitioner named a child ${what}`;
  }
  const told = `No more ${kind} nominations: ${plural(practitioners, 'practitioner')} named ${plural(children, `${kind} child`, `${kind} children`)} for ${plural(reviewers, 'team member')}`;
  return children >= reviewers ? `${told}, and some of them are allocated already` : told;
}

function randomGap(caseList: readonly CaseListChild[]): string {
  const size = new Set(caseList.map((c) => c.caseNumber)).size;
  if (size === 0) return 'The team’s case list is empty, so no child can be chosen at random';
  const all = size === 1 ? 'its only child is' : `all ${size} children on it are`;
  return `The case list has no child left to draw: ${all} nominated or allocated already`;
}

export function proposeAllocation(input: AllocationInput): AllocationProposal {
  const reviewers = reviewersOf(input).map((r) => r.personId);
  const keep = input.keep ?? [];
  const slot = (member: string, kind: AllocationKind) => `${member}\u0000${kind}`;
  const filled = new Map<string, AllocatedChild>();
  for (const child of keep) {
    if (!filled.has(slot(child.memberPersonId, child.kind)))
      filled.set(slot(child.memberPersonId, child.kind), child);
  }
  const allocatedInOrder = keep.map((c) => c.caseNumber);
  const taken = new Set(allocatedInOrder);
  const practitionerOf = (child: AllocatedChild | NominatedChild | undefined) => {
    if (!child) return undefined;
    if ('practitionerPersonId' in child) return child.practitionerPersonId;
    if (child.kind === 'random') return undefined;
    const named = input.nominations.find((n) =>
      child.nominationId
        ? n.nominationId === child.nominationId
        : n.caseNumber === child.caseNumber,
    );
    return named?.practitionerPersonId;
  };
  const counts = new Map<string, number>();
  for (const child of keep) {
    const p = practitionerOf(child);
    if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
  }

  const needing = (kind: AllocationKind) => reviewers.filter((m) => !filled.has(slot(m, kind)));
  const chosen = chooseNominations(
    input.nominations,
    { proud: needing('proud').length, challenging: needing('challenging').length },
    new Set(taken),
    counts,
    practitionerOrder(input.nominations, input.seed),
  );
  const give = (child: AllocatedChild) => {
    filled.set(slot(child.memberPersonId, child.kind), child);
    allocatedInOrder.push(child.caseNumber);
    taken.add(child.caseNumber);
  };
  const named = (member: string, n: NominatedChild): AllocatedChild => ({
    memberPersonId: member,
    kind: n.kind,
    system: n.system,
    caseNumber: n.caseNumber,
    nominationId: n.nominationId,
  });
  const proudGiven = assign(needing('proud'), chosen.proud, (m) =>
    practitionerOf(filled.get(slot(m, 'challenging'))),
  );
  for (const m of reviewers) {
    const n = proudGiven.get(m);
    if (n) give(named(m, n));
  }
  // Members without a proud child come first, so the missing children are spread out.
  const withoutProud = needing('challenging').filter((m) => !filled.has(slot(m, 'proud')));
  const challengingGiven = assign(
    [...withoutProud, ...needing('challenging').filter((m) => !withoutProud.includes(m))],
    chosen.challenging,
    (m) => practitionerOf(filled.get(slot(m, 'proud'))),
  );
  for (const m of reviewers) {
    const n = challengingGiven.get(m);
    if (n) give(named(m, n));
  }

  const systemOf = new Map(input.caseList.map((c) => [c.caseNumber, c.system]));
  const pool = input.caseList.map((c) => c.caseNumber);
  const nominated = [...input.nominations.map((n) => n.caseNumber), ...(input.alsoExclude ?? [])];
  let draws = 0;
  for (const m of needing('random')) {
    draws += 1;
    const exclusions = [...new Set([...nominated, ...allocatedInOrder])];
    const draw = drawChild({ seed: `${input.seed}/${draws}`, pool, exclusions });
    if (!draw) break;
    const system = systemOf.get(draw.chosen) ?? '';
    give({ memberPersonId: m, kind: 'random', system, caseNumber: draw.chosen, draw });
  }

  const allocations: AllocatedChild[] = [];
  const gaps: AllocationGap[] = [];
  for (const m of reviewers) {
    for (const kind of allocationKinds) {
      const child = filled.get(slot(m, kind));
      if (child) allocations.push(child);
      else
        gaps.push({
          memberPersonId: m,
          kind,
          reason:
            kind === 'random'
              ? randomGap(input.caseList)
              : nominationGap(kind, input.nominations, reviewers.length),
        });
    }
  }
  // Kept children of people no longer reviewing stay as they were.
  const listed = new Set(allocations);
  for (const child of keep) if (!listed.has(child)) allocations.push(child);
  return { allocations, gaps };
}
