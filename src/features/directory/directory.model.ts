// The directory as the rest of the application sees it: service areas, teams, people and their
// leave, what the forms send in, and the mapping from database rows to these shapes.
import {
  isJobRole,
  isRecordingSystem,
  type JobRole,
  type RecordingSystem,
} from '../../core/job-roles.js';
import { fromDbBool, fromDbCount } from '../../platform/db/convert.js';
import type { PersonRow } from './people.repository.js';
import type { ServiceAreaRow } from './service-areas.repository.js';
import type { PersonUnavailabilityTable } from './directory.table.js';
import type { TeamManagerRow, TeamRow } from './teams.repository.js';

/** Something the directory links to, shown by name, possibly no longer active. */
export interface Ref {
  id: string;
  name: string;
  active: boolean;
}
export interface ServiceArea extends Ref {
  version: number;
  activeTeams: number;
}
export interface Team extends Ref {
  version: number;
  serviceArea: Ref;
  managers: Ref[];
  headOfService: Ref | null;
  recordingSystem: RecordingSystem;
  people: number;
}
export interface Person extends Ref {
  version: number;
  email: string;
  jobRole: JobRole;
  homeTeam: Ref | null;
  sltMember: boolean;
  canReview: boolean;
}
/** Someone who may be chosen as a Team Manager or Head of Service. */
export type Candidate = Ref & Partial<Pick<Person, 'jobRole' | 'homeTeam'>>;
export interface Leave {
  id: string;
  from: string;
  to: string;
  reason: string | null;
}

export interface TeamInput {
  name: string;
  serviceAreaId: string;
  managerIds: string[];
  headOfServiceId: string | null;
  recordingSystem: RecordingSystem;
}
export interface PersonInput {
  name: string;
  email: string;
  jobRole: JobRole;
  homeTeamId: string | null;
  sltMember: boolean;
  canReview: boolean;
}
export interface LeaveInput {
  from: string;
  to: string;
  reason: string | null;
}

export const ref = (id: string, name: string, active: unknown): Ref => ({
  id,
  name,
  active: fromDbBool(active),
});

export function toServiceArea(row: ServiceAreaRow): ServiceArea {
  return {
    ...ref(row.id, row.name, row.active),
    version: row.version,
    activeTeams: fromDbCount(row.active_teams),
  };
}

export function toTeam(row: TeamRow, managers: TeamManagerRow[]): Team {
  return {
    ...ref(row.id, row.name, row.active),
    version: row.version,
    serviceArea: ref(row.service_area_id, row.service_area_name, row.service_area_active),
    managers: managers
      .filter((m) => m.team_id === row.id)
      .map((m) => ref(m.person_id, m.name, m.active)),
    headOfService: row.head_of_service_id
      ? ref(row.head_of_service_id, row.head_of_service_name ?? '', row.head_of_service_active)
      : null,
    recordingSystem: isRecordingSystem(row.recording_system) ? row.recording_system : 'LCS',
    people: fromDbCount(row.people),
  };
}

export function toPerson(row: PersonRow): Person {
  return {
    ...ref(row.id, row.name, row.active),
    version: row.version,
    email: row.email,
    jobRole: isJobRole(row.job_role) ? row.job_role : 'practitioner',
    homeTeam: row.home_team_id
      ? ref(row.home_team_id, row.home_team_name ?? '', row.home_team_active)
      : null,
    sltMember: fromDbBool(row.slt_member),
    canReview: fromDbBool(row.can_review),
  };
}

export function toLeave(row: PersonUnavailabilityTable): Leave {
  return { id: row.id, from: row.from_date, to: row.to_date, reason: row.reason };
}
