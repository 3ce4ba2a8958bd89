// STUB (being built): the preparation pack's documents.
import type { Kysely } from 'kysely';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { SpotlightService } from '../spotlight/spotlight.service.js';
import type { FilesService } from '../../platform/files/files.service.js';

export type PackDocumentsService = ReturnType<typeof createPackDocumentsService>;

export function createPackDocumentsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
  files: FilesService;
}) {
  void deps;
  return {};
}
