// The one module that decides who may do what. Every route declares a permission from here;
// services ask it again for anything that depends on the thing being touched.
import { Forbidden } from './errors.js';

export const roles = [
  'qa-coordinator',
  'hos-qa',
  'senior-leader',
  'head-of-service',
  'team-manager',
  'staff',
] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, string> = {
  'qa-coordinator': 'QA coordinator',
  'hos-qa': 'Head of Service QA and Safeguarding',
  'senior-leader': 'Senior leader',
  'head-of-service': 'Head of Service',
  'team-manager': 'Team Manager',
  staff: 'Staff',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** Who is asking: the signed-in user, as the policy sees them. */
export interface Actor {
  readonly accountId: string;
  readonly personId: string;
  readonly name: string;
  readonly role: Role;
}

export const permissions = [
  'public',
  'signed-in',
  'directory:view',
  'directory:manage',
  'accounts:manage',
  'audit:view',
  'timetable:view',
  'timetable:manage',
  'rota:nominate',
  'settings:manage',
  'reports:view',
] as const;
export type Permission = (typeof permissions)[number];

const managers: readonly Role[] = [
  'qa-coordinator',
  'hos-qa',
  'senior-leader',
  'head-of-service',
  'team-manager',
];

const grants: Record<Exclude<Permission, 'public' | 'signed-in'>, readonly Role[]> = {
  // Managers see the directory: they nominate staff and need to know who is in which team.
  'directory:view': managers,
  // The QA and Safeguarding Team keeps the directory and the accounts.
  'directory:manage': ['qa-coordinator'],
  'accounts:manage': ['qa-coordinator'],
  'audit:view': ['qa-coordinator'],
  // Managers and leaders see the whole year's timetable; the QA and Safeguarding Team runs it.
  'timetable:view': managers,
  'timetable:manage': ['qa-coordinator'],
  // Managers nominate their own staff for the rota (which team's staff: canForTeam 'team:manage-rota').
  'rota:nominate': ['qa-coordinator', 'head-of-service', 'team-manager'],
  // The council's closure days, deadlines and case number formats.
  'settings:manage': ['qa-coordinator'],
  // The QA and Safeguarding Team follows every report to sign-off.
  'reports:view': ['qa-coordinator', 'hos-qa'],
};

export function can(actor: Actor | undefined, permission: Permission): boolean {
  if (permission === 'public') return true;
  if (!actor) return false;
  if (permission === 'signed-in') return true;
  return grants[permission].includes(actor.role);
}

export function assertCan(
  actor: Actor | undefined,
  permission: Permission,
): asserts actor is Actor {
  if (!can(actor, permission)) throw new Forbidden();
}

/** The roles that hold a permission: for the route matrix test and the help page. */
export function rolesWith(permission: Permission): readonly Role[] {
  if (permission === 'public' || permission === 'signed-in') return roles;
  return grants[permission];
}

// Permissions that depend on the thing touched. Being in one Spotlight gives access to that
// Spotlight's children's case numbers and nothing else; managing a team gives its staff list.

/** Who is who around one team: its managers and its Head of Service. */
export interface TeamContext {
  readonly managerPersonIds: readonly string[];
  readonly headOfServicePersonId: string | null;
}

/** Who is who in one Spotlight: its Lead, its team members and the team it visits. */
export interface SpotlightContext {
  readonly leadPersonId: string | null;
  readonly memberPersonIds: readonly string[];
  readonly visitedTeam: TeamContext;
  /** The practitioners of the visited team (its staff other than its managers). */
  readonly visitedTeamStaffPersonIds?: readonly string[];
}

export type TeamPermission = 'team:manage-rota';
export type SpotlightPermission =
  | 'spotlight:view-case-numbers'
  | 'spotlight:lead'
  | 'spotlight:own-actions'
  | 'spotlight:view-pack'
  | 'spotlight:prepare'
  | 'spotlight:nominate'
  | 'spotlight:confirm-access'
  | 'spotlight:see-readiness'
  | 'spotlight:view-day'
  | 'spotlight:write-record'
  | 'spotlight:view-feedback'
  | 'spotlight:view-report'
  | 'spotlight:comment-report'
  | 'spotlight:review-report'
  | 'spotlight:read-final-report';

/** The QA and Safeguarding Team: they run the programme and see every Spotlight's progress. */
const qaTeam: readonly Role[] = ['qa-coordinator', 'hos-qa'];

function managesTeam(actor: Actor, team: TeamContext): boolean {
  return (
    team.managerPersonIds.includes(actor.personId) || team.headOfServicePersonId === actor.personId
  );
}

export function canForTeam(
  actor: Actor | undefined,
  permission: TeamPermission,
  team: TeamContext,
): boolean {
  if (!actor) return false;
  switch (permission) {
    case 'team:manage-rota':
      return actor.role === 'qa-coordinator' || managesTeam(actor, team);
  }
}

export function canForSpotlight(
  actor: Actor | undefined,
  permission: SpotlightPermission,
  spotlight: SpotlightContext,
): boolean {
  if (!actor) return false;
  const isLead = spotlight.leadPersonId === actor.personId;
  const inSpotlightTeam = isLead || spotlight.memberPersonIds.includes(actor.personId);
  const managesVisitedTeam = managesTeam(actor, spotlight.visitedTeam);
  switch (permission) {
    case 'spotlight:view-case-numbers':
      // The QA team sees the programme's status, not the children: the Spotlight Team does, and
      // the visited team's managers, whose own children they are (they collate the nominations).
      return inSpotlightTeam || managesVisitedTeam;
    case 'spotlight:lead':
      return isLead;
    case 'spotlight:own-actions':
      return managesVisitedTeam;
    case 'spotlight:view-pack':
      // The guidance: the pack goes to the Spotlight Team; the team's managers send it; the QA
      // team runs the programme. Nobody else.
      return inSpotlightTeam || managesVisitedTeam || qaTeam.includes(actor.role);
    case 'spotlight:prepare':
      // The visited team's Team Manager (or its Head of Service) sends documents and collates.
      return managesVisitedTeam;
    case 'spotlight:nominate':
      return (spotlight.visitedTeamStaffPersonIds ?? []).includes(actor.personId);
    case 'spotlight:confirm-access':
      return inSpotlightTeam;
    case 'spotlight:see-readiness':
      return inSpotlightTeam || managesVisitedTeam || qaTeam.includes(actor.role);
    case 'spotlight:view-day':
      // The day's pages (priorities, the allocation of children, dip sampling) are the Spotlight
      // Team's; the QA team may look over them (issue 5: "and the QA team").
      return inSpotlightTeam || qaTeam.includes(actor.role);
    case 'spotlight:write-record':
      // Each team member keeps a Team Member Information Record for the Lead; the Lead has none.
      return spotlight.memberPersonIds.includes(actor.personId);
    case 'spotlight:view-feedback':
      // The feedback at the end of the day is given to the team's managers and Head of Service.
      return inSpotlightTeam || managesVisitedTeam || qaTeam.includes(actor.role);
    case 'spotlight:view-report':
      // The draft report is the Spotlight Team's; the QA team reviews it once submitted.
      return inSpotlightTeam || qaTeam.includes(actor.role);
    case 'spotlight:comment-report':
      // The Lead sends the draft to the rest of the Spotlight Team for comment and review.
      return spotlight.memberPersonIds.includes(actor.personId);
    case 'spotlight:review-report':
      // The Head of Service QA and Safeguarding returns it with comments or finalises it.
      return actor.role === 'hos-qa';
    case 'spotlight:read-final-report':
      // Once final it goes to the Team Manager for wider team circulation: the visited team, its
      // managers and Head of Service, the Spotlight Team and the QA team read it.
      return (
        inSpotlightTeam ||
        managesVisitedTeam ||
        qaTeam.includes(actor.role) ||
        (spotlight.visitedTeamStaffPersonIds ?? []).includes(actor.personId)
      );
  }
}

export function assertCanForSpotlight(
  actor: Actor | undefined,
  permission: SpotlightPermission,
  spotlight: SpotlightContext,
): asserts actor is Actor {
  if (!canForSpotlight(actor, permission, spotlight)) throw new Forbidden();
}
