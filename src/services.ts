// The composition root: every service is built once here and passed to the routes that need it.
import type { Config } from './config.js';
import { createAuditService } from './platform/audit/audit.service.js';
import { createAccountsService } from './platform/auth/accounts.service.js';
import type { Clock } from './platform/clock.js';
import type { DatabaseHandle } from './platform/db/database.js';
import { createDirectoryService } from './features/directory/directory.service.js';
import { createDirectoryImportService } from './features/directory/import/import.service.js';

export function createServices(deps: { database: DatabaseHandle; config: Config; clock: Clock }) {
  const { database, config, clock } = deps;
  const db = database.db;
  const audit = createAuditService({ db, clock });
  const accounts = createAccountsService({ db, clock, audit });
  const directory = createDirectoryService({ db, clock, audit });
  const directoryImport = createDirectoryImportService({ db, clock, audit });
  return { database, config, clock, audit, accounts, directory, directoryImport };
}

export type Services = ReturnType<typeof createServices>;
