// What the report's services are built from (src/services.ts passes these).
import type { Kysely } from 'kysely';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { Outbox } from '../../platform/mail/outbox.js';
import type { ReportSettingsService } from '../admin/report-settings.service.js';
import type { SpotlightService } from '../spotlight/spotlight.service.js';

export interface ReportDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
  reportSettings: ReportSettingsService;
  outbox: Outbox;
}
