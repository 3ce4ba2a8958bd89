// The morning's steps on the day page and when each is done: the priorities once recorded, the
// allocation once every member has three children, dip sampling once every member has a target.
import type { PersonRef } from '../spotlight/spotlight.service.js';

export type MorningStepKey = 'priorities' | 'allocation' | 'dipSampling';

export interface MorningStep {
  key: MorningStepKey;
  state: 'done' | 'started' | 'to-do';
  /** "2 of 3 team members have three children." */
  detail: string;
}

export const childrenPerMember = 3;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A step from how many members have what they need. */
function memberStep(
  key: MorningStepKey,
  members: readonly PersonRef[],
  ready: (personId: string) => boolean,
  what: { one: string; many: string },
): MorningStep {
  if (members.length === 0) {
    return { key, state: 'to-do', detail: 'Nobody is in the Spotlight Team yet.' };
  }
  const n = members.filter((m) => ready(m.id)).length;
  const state = n === members.length ? 'done' : n > 0 ? 'started' : 'to-do';
  const of = `${n} of ${plural(members.length, 'team member', 'team members')}`;
  return { key, state, detail: `${of} ${n === 1 ? what.one : what.many}.` };
}

export function morningSteps(facts: {
  members: readonly PersonRef[];
  /** How many priorities are recorded; null when none are. */
  priorities: number | null;
  /** Children allocated to each member. */
  children: ReadonlyMap<string, number>;
  /** Members with at least one dip-sampling target. */
  withTargets: ReadonlySet<string>;
}): MorningStep[] {
  const { members, priorities, children, withTargets } = facts;
  return [
    priorities === null
      ? { key: 'priorities', state: 'to-do', detail: 'Not recorded yet.' }
      : {
          key: 'priorities',
          state: 'done',
          detail: `${plural(priorities, 'priority', 'priorities')} agreed.`,
        },
    memberStep('allocation', members, (id) => (children.get(id) ?? 0) >= childrenPerMember, {
      one: 'has three children',
      many: 'have three children',
    }),
    memberStep('dipSampling', members, (id) => withTargets.has(id), {
      one: 'has a target',
      many: 'have a target',
    }),
  ];
}
