import { describe, expect, it } from 'vitest';
import {
  can,
  canForSpotlight,
  canForTeam,
  roles,
  rolesWith,
  type Actor,
  type Role,
} from './policy.js';

const actor = (role: Role, personId = `person-${role}`): Actor => ({
  accountId: `account-${personId}`,
  personId,
  name: 'Test',
  role,
});

const team = { managerPersonIds: ['tm-1', 'tm-2'], headOfServicePersonId: 'hos-1' };
const spotlight = {
  leadPersonId: 'lead-1',
  memberPersonIds: ['m-1', 'm-2', 'm-3'],
  visitedTeam: team,
  visitedTeamStaffPersonIds: ['sw-1', 'sw-2'],
};

describe('who may do what', () => {
  it('lets only the QA coordinator manage the directory, accounts and the audit log', () => {
    for (const permission of ['directory:manage', 'accounts:manage', 'audit:view'] as const) {
      expect(roles.filter((role) => can(actor(role), permission))).toEqual(['qa-coordinator']);
    }
  });

  it('lets managers, but not staff, see the directory', () => {
    expect(can(actor('team-manager'), 'directory:view')).toBe(true);
    expect(can(actor('staff'), 'directory:view')).toBe(false);
    expect(rolesWith('directory:view')).not.toContain('staff');
  });

  it('lets nobody signed out past a public page', () => {
    expect(can(undefined, 'public')).toBe(true);
    expect(can(undefined, 'signed-in')).toBe(false);
    expect(can(undefined, 'directory:view')).toBe(false);
  });

  it('lets a team’s own managers and Head of Service manage its rota, and nobody else but the QA team', () => {
    expect(canForTeam(actor('team-manager', 'tm-2'), 'team:manage-rota', team)).toBe(true);
    expect(canForTeam(actor('head-of-service', 'hos-1'), 'team:manage-rota', team)).toBe(true);
    expect(canForTeam(actor('team-manager', 'tm-other'), 'team:manage-rota', team)).toBe(false);
    expect(canForTeam(actor('qa-coordinator'), 'team:manage-rota', team)).toBe(true);
    expect(canForTeam(undefined, 'team:manage-rota', team)).toBe(false);
  });

  it('shows a Spotlight’s case numbers to its Lead, its members and the visited team’s managers only', () => {
    expect(
      canForSpotlight(actor('senior-leader', 'lead-1'), 'spotlight:view-case-numbers', spotlight),
    ).toBe(true);
    expect(canForSpotlight(actor('staff', 'm-3'), 'spotlight:view-case-numbers', spotlight)).toBe(
      true,
    );
    expect(canForSpotlight(actor('staff', 'm-9'), 'spotlight:view-case-numbers', spotlight)).toBe(
      false,
    );
    expect(canForSpotlight(actor('qa-coordinator'), 'spotlight:view-case-numbers', spotlight)).toBe(
      false,
    );
    expect(
      canForSpotlight(actor('team-manager', 'tm-1'), 'spotlight:view-case-numbers', spotlight),
    ).toBe(true);
    expect(
      canForSpotlight(actor('team-manager', 'tm-9'), 'spotlight:view-case-numbers', spotlight),
    ).toBe(false);
    expect(canForSpotlight(actor('staff', 'sw-1'), 'spotlight:view-case-numbers', spotlight)).toBe(
      false,
    );
    expect(canForSpotlight(actor('senior-leader', 'lead-2'), 'spotlight:lead', spotlight)).toBe(
      false,
    );
  });

  it('shows the preparation pack to the Spotlight Team, the team’s managers and the QA team, and nobody else', () => {
    const sees = (a: Actor) => canForSpotlight(a, 'spotlight:view-pack', spotlight);
    expect(sees(actor('staff', 'm-2'))).toBe(true);
    expect(sees(actor('senior-leader', 'lead-1'))).toBe(true);
    expect(sees(actor('team-manager', 'tm-2'))).toBe(true);
    expect(sees(actor('head-of-service', 'hos-1'))).toBe(true);
    expect(sees(actor('qa-coordinator'))).toBe(true);
    expect(sees(actor('hos-qa'))).toBe(true);
    expect(sees(actor('staff', 'sw-1'))).toBe(false);
    expect(sees(actor('senior-leader', 'lead-2'))).toBe(false);
    expect(sees(actor('team-manager', 'tm-9'))).toBe(false);
  });

  it('lets the visited team’s managers prepare, its practitioners nominate and the Spotlight Team confirm access', () => {
    expect(canForSpotlight(actor('team-manager', 'tm-1'), 'spotlight:prepare', spotlight)).toBe(
      true,
    );
    expect(canForSpotlight(actor('qa-coordinator'), 'spotlight:prepare', spotlight)).toBe(false);
    expect(canForSpotlight(actor('staff', 'm-1'), 'spotlight:prepare', spotlight)).toBe(false);
    expect(canForSpotlight(actor('staff', 'sw-2'), 'spotlight:nominate', spotlight)).toBe(true);
    expect(canForSpotlight(actor('staff', 'm-1'), 'spotlight:nominate', spotlight)).toBe(false);
    expect(canForSpotlight(actor('staff', 'm-1'), 'spotlight:confirm-access', spotlight)).toBe(
      true,
    );
    expect(canForSpotlight(actor('staff', 'sw-1'), 'spotlight:confirm-access', spotlight)).toBe(
      false,
    );
    expect(canForSpotlight(actor('staff', 'sw-1'), 'spotlight:see-readiness', spotlight)).toBe(
      false,
    );
    expect(canForSpotlight(actor('hos-qa'), 'spotlight:see-readiness', spotlight)).toBe(true);
  });

  it('shows the day to the Spotlight Team and the QA team, not to the visited team', () => {
    const sees = (a: Actor) => canForSpotlight(a, 'spotlight:view-day', spotlight);
    expect(sees(actor('senior-leader', 'lead-1'))).toBe(true);
    expect(sees(actor('staff', 'm-1'))).toBe(true);
    expect(sees(actor('qa-coordinator'))).toBe(true);
    expect(sees(actor('team-manager', 'tm-1'))).toBe(false);
    expect(sees(actor('staff', 'sw-1'))).toBe(false);
    expect(sees(actor('staff', 'm-9'))).toBe(false);
  });

  it('gives the visited team’s managers its actions', () => {
    expect(canForSpotlight(actor('team-manager', 'tm-1'), 'spotlight:own-actions', spotlight)).toBe(
      true,
    );
    expect(canForSpotlight(actor('staff', 'm-1'), 'spotlight:own-actions', spotlight)).toBe(false);
  });

  it('shows the draft report to the Spotlight Team and the QA team; only members comment, only the Head of Service QA reviews', () => {
    const views = (a: Actor) => canForSpotlight(a, 'spotlight:view-report', spotlight);
    expect(views(actor('senior-leader', 'lead-1'))).toBe(true);
    expect(views(actor('staff', 'm-2'))).toBe(true);
    expect(views(actor('hos-qa'))).toBe(true);
    expect(views(actor('team-manager', 'tm-1'))).toBe(false);
    expect(views(actor('staff', 'sw-1'))).toBe(false);
    const comments = (a: Actor) => canForSpotlight(a, 'spotlight:comment-report', spotlight);
    expect(comments(actor('staff', 'm-2'))).toBe(true);
    expect(comments(actor('senior-leader', 'lead-1'))).toBe(false);
    expect(comments(actor('qa-coordinator'))).toBe(false);
    const reviews = (a: Actor) => canForSpotlight(a, 'spotlight:review-report', spotlight);
    expect(reviews(actor('hos-qa'))).toBe(true);
    expect(reviews(actor('qa-coordinator'))).toBe(false);
    expect(reviews(actor('senior-leader', 'lead-1'))).toBe(false);
  });

  it('lets the visited team read the final report, and nobody outside it and the Spotlight', () => {
    const reads = (a: Actor) => canForSpotlight(a, 'spotlight:read-final-report', spotlight);
    expect(reads(actor('staff', 'sw-2'))).toBe(true);
    expect(reads(actor('team-manager', 'tm-1'))).toBe(true);
    expect(reads(actor('head-of-service', 'hos-1'))).toBe(true);
    expect(reads(actor('staff', 'm-1'))).toBe(true);
    expect(reads(actor('qa-coordinator'))).toBe(true);
    expect(reads(actor('staff', 'sw-9'))).toBe(false);
    expect(reads(actor('team-manager', 'tm-9'))).toBe(false);
  });
});
