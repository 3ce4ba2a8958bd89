// The directory service: service areas, teams (with their Team Managers and Head of Service),
// people and their leave, as one object. Each part has its own service; this adds the overview.
import type { RequestContext } from '../../platform/context.js';
import { fromDbCount } from '../../platform/db/convert.js';
import { assertCan } from '../../platform/policy.js';
import { countActive } from './directory.repository.js';
import type { DirectoryDeps } from './directory.support.js';
import { createPeopleService } from './people.service.js';
import { createServiceAreasService } from './service-areas.service.js';
import { createTeamUnavailabilityService } from './team-unavailability.service.js';
import { createTeamsService } from './teams.service.js';

// What other files have always imported from here.
export type {
  Candidate,
  Leave,
  LeaveInput,
  Person,
  PersonInput,
  Ref,
  ServiceArea,
  Team,
  TeamInput,
} from './directory.model.js';
export { toPerson } from './directory.model.js';
export {
  emailProblem,
  hasControlCharacter,
  managerJobRoles,
  nameMaxLength,
  nameProblem,
  personNameMessages,
  reasonMessages,
  serviceAreaNameMessages,
  teamNameMessages,
  type NameMessages,
} from './directory.rules.js';
export { peoplePageSize, searchLimit } from './people.service.js';

export type DirectoryService = ReturnType<typeof createDirectoryService>;

export function createDirectoryService(deps: DirectoryDeps) {
  const { db } = deps;
  return {
    async overview(ctx: RequestContext) {
      assertCan(ctx.actor, 'directory:view');
      const counts = await countActive(db);
      return {
        serviceAreas: fromDbCount(counts.serviceAreas),
        teams: fromDbCount(counts.teams),
        people: fromDbCount(counts.people),
      };
    },
    ...createServiceAreasService(deps),
    ...createTeamsService(deps),
    ...createPeopleService(deps),
    ...createTeamUnavailabilityService(deps),
  };
}
