import { describe, expect, it } from 'vitest';
import { morningSteps } from './morning-steps.js';

const members = ['a', 'b', 'c'].map((id) => ({ id, name: id, jobRoleName: null }));

describe('the morning’s steps', () => {
  it('are all to do before anything is saved', () => {
    const steps = morningSteps({
      members,
      priorities: null,
      children: new Map(),
      withTargets: new Set(),
    });
    expect(steps.map((s) => [s.key, s.state])).toEqual([
      ['priorities', 'to-do'],
      ['allocation', 'to-do'],
      ['dipSampling', 'to-do'],
    ]);
  });

  it('count a member as allocated only with three children, and done when everyone is', () => {
    const partly = morningSteps({
      members,
      priorities: 1,
      children: new Map([
        ['a', 3],
        ['b', 2],
      ]),
      withTargets: new Set(['a', 'b', 'c']),
    });
    expect(partly).toEqual([
      { key: 'priorities', state: 'done', detail: '1 priority agreed.' },
      {
        key: 'allocation',
        state: 'started',
        detail: '1 of 3 team members has three children.',
      },
      { key: 'dipSampling', state: 'done', detail: '3 of 3 team members have a target.' },
    ]);
    const all = morningSteps({
      members,
      priorities: 4,
      children: new Map(members.map((m) => [m.id, 3])),
      withTargets: new Set(),
    });
    expect(all[1]?.state).toBe('done');
    expect(all[0]?.detail).toBe('4 priorities agreed.');
  });

  it('are never done for a Spotlight Team with no members yet', () => {
    const steps = morningSteps({
      members: [],
      priorities: null,
      children: new Map(),
      withTargets: new Set(),
    });
    expect(steps[1]).toEqual({
      key: 'allocation',
      state: 'to-do',
      detail: 'Nobody is in the Spotlight Team yet.',
    });
  });
});
