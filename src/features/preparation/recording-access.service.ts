// STUB (being built): members' access to the recording system.
import type { Kysely } from 'kysely';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { SpotlightService } from '../spotlight/spotlight.service.js';

export type RecordingAccessService = ReturnType<typeof createRecordingAccessService>;

export function createRecordingAccessService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
}) {
  void deps;
  return {};
}
