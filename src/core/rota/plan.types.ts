// The year plan's shapes, shared by the solver, the rule checker, the `plan-year` command and the
// timetable pages. The JSON form of PlanInput and PlanResult is a stable interface (issue 3).
import type { JobRole } from '../job-roles.js';

/** A calendar date, YYYY-MM-DD. */
export type CalendarDate = string;

export interface DateRange {
  from: CalendarDate;
  to: CalendarDate;
}

export type BankHolidayRegion = 'england-and-wales' | 'scotland' | 'northern-ireland';

export interface PlanTeam {
  id: string;
  serviceArea: string;
  lastSpotlight?: CalendarDate;
  unavailable?: DateRange[];
  /** Number of staff, for spreading the load in proportion to team size (defaults to its people in the input). */
  size?: number;
}

export interface PlanPerson {
  id: string;
  /** Absent for people outside any team (senior leaders, say). */
  team?: string;
  serviceArea?: string;
  role: JobRole;
  canLead: boolean;
  canReview: boolean;
  unavailable?: DateRange[];
  /** Teams this person reviewed last time: reviewing them again is avoided. */
  lastReviewed?: string[];
}

/** The minimum mix of roles among a Spotlight's members. */
export interface RoleMix {
  /** At least this many Team Managers or Team Leaders (default 1). */
  managers: number;
  /** At least this many Senior Social Workers or ISROs (default 1). */
  seniorPractitioners: number;
}

export interface PlanInput {
  from: CalendarDate;
  to: CalendarDate;
  closures?: CalendarDate[];
  region?: BankHolidayRegion;
  maxSpotlightsPerDay?: number;
  membersPerSpotlight?: { min: number; max: number };
  maxPerPersonPerYear?: number;
  maxLeadsPerPersonPerYear?: number;
  roleMix?: RoleMix;
  teams: PlanTeam[];
  people: PlanPerson[];
}

/** PlanInput with every default filled in: what the solver and the checker work from. */
export interface PlanRules {
  from: CalendarDate;
  to: CalendarDate;
  closures: CalendarDate[];
  region: BankHolidayRegion;
  maxSpotlightsPerDay: number;
  membersPerSpotlight: { min: number; max: number };
  maxPerPersonPerYear: number;
  maxLeadsPerPersonPerYear: number;
  roleMix: RoleMix;
  teams: PlanTeam[];
  people: PlanPerson[];
}

export interface PlannedSpotlight {
  team: string;
  date: CalendarDate;
  lead: string;
  members: string[];
}

export type PlanStatus = 'optimal' | 'feasible' | 'infeasible';

export interface PlanResult {
  status: PlanStatus;
  spotlights: PlannedSpotlight[];
  unscheduled: { team: string; reason: string }[];
  /** Relative MIP gap: 0 when optimal. */
  gap: number;
  objective: number;
  seconds: number;
  /** When infeasible (or teams are unscheduled): which hard rules are short, in plain words. */
  explanation?: string[];
}

/** A hard rule a plan (or a hand edit) breaks, in words for the QA coordinator. */
export interface RuleBreach {
  rule:
    | 'working-day'
    | 'in-period'
    | 'one-per-team'
    | 'per-day'
    | 'lead-senior'
    | 'lead-available'
    | 'lead-own-area'
    | 'member-count'
    | 'member-eligible'
    | 'member-available'
    | 'member-own-team'
    | 'role-mix'
    | 'one-a-day'
    | 'one-per-team-a-day'
    | 'visited-team-busy'
    | 'team-unavailable'
    | 'member-cap'
    | 'lead-cap';
  message: string;
  team?: string;
  date?: CalendarDate;
  person?: string;
}
