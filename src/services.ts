// The composition root: every service is built once here and passed to the routes that need it.
import type { Config } from './config.js';
import { createAuditService } from './platform/audit/audit.service.js';
import { createAccountsService } from './platform/auth/accounts.service.js';
import type { Clock } from './platform/clock.js';
import type { DatabaseHandle } from './platform/db/database.js';
import { createDirectoryService } from './features/directory/directory.service.js';
import { createDirectoryImportService } from './features/directory/import/import.service.js';
import { createTimetableService } from './features/timetable/timetable.service.js';
import { createCoverService } from './features/timetable/cover.service.js';
import { createTimetableNoticesService } from './features/timetable/cover.notices.js';
import { createMySpotlightsService } from './features/timetable/my-spotlights.service.js';
import { createRotaService } from './features/timetable/rota.service.js';

export function createServices(deps: { database: DatabaseHandle; config: Config; clock: Clock }) {
  const { database, config, clock } = deps;
  const db = database.db;
  const audit = createAuditService({ db, clock });
  const accounts = createAccountsService({ db, clock, audit });
  const directory = createDirectoryService({ db, clock, audit });
  const directoryImport = createDirectoryImportService({ db, clock, audit });
  const timetable = createTimetableService({ db, clock, audit });
  const rota = createRotaService({ db, clock, audit });
  const mySpotlights = createMySpotlightsService({ db, clock });
  const cover = createCoverService({ db, clock, audit });
  const timetableNotices = createTimetableNoticesService({ db, clock });
  return {
    ...{ database, config, clock, audit, accounts, directory, directoryImport, timetable },
    ...{ rota, mySpotlights, cover, timetableNotices },
  };
}

export type Services = ReturnType<typeof createServices>;
