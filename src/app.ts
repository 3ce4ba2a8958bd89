// buildApp: registers Spotlight's plugins in one readable order, then each stage's routes.
import { join } from 'node:path';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { directoryRoutes } from './features/directory/directory.routes.js';
import { directoryImportRoutes } from './features/directory/import/import.routes.js';
import { adminRoutes } from './features/admin/admin.routes.js';
import { homeRoutes } from './features/home/home.routes.js';
import { timetableRoutes } from './features/timetable/timetable.routes.js';
import { coverRoutes } from './features/timetable/cover.routes.js';
import { mySpotlightsRoutes } from './features/timetable/my-spotlights.routes.js';
import { rotaRoutes } from './features/timetable/rota.routes.js';
import { spotlightRoutes } from './features/spotlight/spotlight.routes.js';
import { preparationRoutes } from './features/preparation/preparation.routes.js';
import { dayRoutes } from './features/day/day.routes.js';
import { allocationRoutes } from './features/day/allocation.routes.js';
import { recordsRoutes } from './features/records/records.routes.js';
import { recordItemsRoutes } from './features/records/record-items.routes.js';
import { triangulationRoutes } from './features/records/triangulation.routes.js';
import { reportDraftingRoutes } from './features/report/report-drafting.routes.js';
import { reportReviewRoutes } from './features/report/report-review.routes.js';
import { reportFormatsRoutes } from './features/report/report-formats.routes.js';
import { reportSettingsRoutes } from './features/admin/report-settings.routes.js';
import { signInRoutes } from './platform/auth/sign-in.routes.js';
import { singleSignOnRoutes } from './platform/auth/single-sign-on.js';
import { setUpErrorPages } from './platform/error-pages.js';
import { readUploadedFile } from './platform/files/uploaded-file.js';
import { healthRoutes } from './platform/health.js';
import { infoPageRoutes } from './platform/info-pages/info-pages.routes.js';
import { loggerOptions, requestIdOptions } from './platform/logging.js';
import { nodeModulesDir, publicDir, srcDir } from './platform/paths.js';
import { setUpPermissions } from './platform/permissions.js';
import { setUpCsrf, setUpSecurityHeaders } from './platform/security.js';
import { setUpSession } from './platform/session.js';
import { setUpViews } from './platform/views.js';
import type { Services } from './services.js';

export const uploadLimitBytes = 5 * 1024 * 1024;

export async function buildApp(services: Services): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    logger: loggerOptions(config),
    ...requestIdOptions,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    connectionTimeout: 60_000,
    requestTimeout: 60_000,
    keepAliveTimeout: 5_000,
    routerOptions: { ignoreTrailingSlash: true },
  });

  await app.register(setUpPermissions);
  await app.register(setUpSecurityHeaders, { config });
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    onFile: readUploadedFile,
    limits: { fileSize: uploadLimitBytes, files: 1, fields: 20 },
  });
  await app.register(setUpSession, {
    config,
    db: services.database.db,
    clock: services.clock,
    loadActor: (accountId) => services.accounts.loadActor(accountId),
  });
  await app.register(setUpCsrf);
  await app.register(setUpViews, { config });
  await app.register(setUpErrorPages);
  await setUpStaticAssets(app);

  await app.register(healthRoutes, { services });
  await app.register(signInRoutes, { services });
  await app.register(singleSignOnRoutes, { services });
  await app.register(infoPageRoutes, { services });
  await app.register(homeRoutes, { services });
  await app.register(directoryRoutes, { services });
  await app.register(directoryImportRoutes, { services });
  await app.register(adminRoutes, { services });
  await app.register(timetableRoutes, { services });
  await app.register(rotaRoutes, { services });
  await app.register(mySpotlightsRoutes, { services });
  await app.register(coverRoutes, { services });
  await app.register(spotlightRoutes, { services });
  await app.register(preparationRoutes, { services });
  await app.register(dayRoutes, { services });
  await app.register(allocationRoutes, { services });
  await app.register(recordsRoutes, { services });
  await app.register(recordItemsRoutes, { services });
  await app.register(triangulationRoutes, { services });
  await app.register(reportDraftingRoutes, { services });
  await app.register(reportReviewRoutes, { services });
  await app.register(reportFormatsRoutes, { services });
  await app.register(reportSettingsRoutes, { services });
  return app;
}

async function setUpStaticAssets(app: FastifyInstance): Promise<void> {
  const week = 7 * 24 * 3600 * 1000;
  const govuk = join(nodeModulesDir, 'govuk-frontend', 'dist', 'govuk');
  await app.register(fastifyStatic, {
    root: join(govuk, 'assets'),
    prefix: '/assets/',
    maxAge: week,
    index: false,
  });
  await app.register(fastifyStatic, {
    root: govuk,
    prefix: '/assets/govuk/',
    allowedPath: (path) =>
      path === '/govuk-frontend.min.js' || path === '/govuk-frontend.min.js.map',
    decorateReply: false,
    maxAge: week,
  });
  await app.register(fastifyStatic, {
    root: join(publicDir, 'stylesheets'),
    prefix: '/stylesheets/',
    decorateReply: false,
  });
  await app.register(fastifyStatic, {
    root: join(srcDir, 'assets', 'javascripts'),
    prefix: '/javascripts/',
    decorateReply: false,
  });
  app.get('/favicon.svg', { config: { permission: 'public' } }, async (_request, reply) =>
    reply
      .header('cache-control', 'public, max-age=604800')
      .sendFile('favicon.svg', join(srcDir, 'assets')),
  );
  app.get('/favicon.ico', { config: { permission: 'public' } }, async (_request, reply) =>
    reply.redirect('/favicon.svg', 301),
  );
}
