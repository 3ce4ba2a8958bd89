// STUB (being built): Your tasks.
import type { Kysely } from 'kysely';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { SpotlightService } from '../spotlight/spotlight.service.js';
import type { ReadinessService } from '../preparation/readiness.service.js';

export type TasksService = ReturnType<typeof createTasksService>;

export function createTasksService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
  readiness: ReadinessService;
}) {
  void deps;
  return {};
}
