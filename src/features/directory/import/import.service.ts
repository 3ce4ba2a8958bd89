// Rules for importing and exporting the directory. (Being built.)
import type { Kysely } from 'kysely';
import type { AuditService } from '../../../platform/audit/audit.service.js';
import type { Clock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/schema.js';

export type DirectoryImportService = ReturnType<typeof createDirectoryImportService>;

export function createDirectoryImportService(_deps: { db: Kysely<Database>; clock: Clock; audit: AuditService }) {
  return {};
}
