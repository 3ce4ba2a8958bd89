// The records: placeholder while it is being built.
import type { Kysely } from 'kysely';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { SpotlightService } from '../spotlight/spotlight.service.js';
import type { RecordAccess } from './record-access.js';

export type RecordsService = ReturnType<typeof createRecordsService>;

export function createRecordsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
  recordAccess: RecordAccess;
}) {
  void deps;
  return {};
}
