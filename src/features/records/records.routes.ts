// Routes for Team Member Information Records: the list, each record, its themes and other notes,
// submitting and reopening. (Its children and evidence items have their own routes.)
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { otherNotesRoutes } from './pages/other-notes/handlers.js';
import { recordPageRoutes } from './pages/record/handlers.js';
import { recordsListRoutes } from './pages/records-list/handlers.js';
import { reopenRoutes } from './pages/reopen/handlers.js';
import { submitRoutes } from './pages/submit/handlers.js';
import { themesRoutes } from './pages/themes/handlers.js';

export async function recordsRoutes(app: FastifyInstance, opts: { services: Services }) {
  await app.register(recordsListRoutes, opts);
  await app.register(recordPageRoutes, opts);
  await app.register(themesRoutes, opts);
  await app.register(otherNotesRoutes, opts);
  await app.register(submitRoutes, opts);
  await app.register(reopenRoutes, opts);
}
