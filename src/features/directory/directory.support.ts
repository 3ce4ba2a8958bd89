// What the directory's services share: their dependencies, the audit entry for each change, the
// guards against lost updates and duplicate names, and loading teams with their Team Managers.
import type { Kysely } from 'kysely';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Conflict, Invalid } from '../../platform/errors.js';
import { toTeam, type Team } from './directory.model.js';
import { listTeamManagers, type TeamRow } from './teams.repository.js';

export interface DirectoryDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
}

export function createDirectorySupport(deps: DirectoryDeps) {
  const { clock, audit } = deps;
  return {
    now: () => clock.now().toISOString(),

    /** One audit entry per change, naming the fields that changed (never their values). */
    log: async (
      ctx: RequestContext,
      trx: Kysely<Database>,
      objectType: 'service-area' | 'team' | 'person',
      objectId: string,
      action: string,
      details: Record<string, unknown>,
    ): Promise<void> => {
      await audit.record(
        ctx,
        { action: `${objectType}.${action}`, objectType, objectId, details },
        trx,
      );
    },
  };
}

/** Zero rows updated means somebody else saved first. */
export function mustHaveSaved(saved: boolean, thing: string): void {
  if (!saved)
    throw new Conflict(`Somebody else changed this ${thing} while you were working on it`);
}

/** Runs a write; a unique-key race that slipped past the check becomes the same field error. */
export async function unique<T>(
  field: string,
  message: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid(field, message);
    throw error;
  }
}

export async function teamsWithManagers(trx: Kysely<Database>, rows: TeamRow[]): Promise<Team[]> {
  const managers = await listTeamManagers(
    trx,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toTeam(row, managers));
}
