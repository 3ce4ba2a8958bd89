// The feedback: placeholder while it is being built.
import type { Kysely } from 'kysely';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { SpotlightService } from '../spotlight/spotlight.service.js';

export type FeedbackService = ReturnType<typeof createFeedbackService>;

export function createFeedbackService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
}) {
  void deps;
  return {};
}
