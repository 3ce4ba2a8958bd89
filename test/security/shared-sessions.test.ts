// Sessions live in the database: a second app on the same database (a restart, or another
// instance behind the load balancer) accepts the same cookie, and signing out on one ends it on both.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { FixedClock } from '../../src/platform/clock.js';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { createServices } from '../../src/services.js';
import { signedIn, type TestApp } from '../app.js';
import { createTestDatabase, testDialects } from '../databases.js';
import { isSignInRedirect, signedInPage } from './helpers.js';

const start = '2026-11-26T09:00:00.000Z';

/** The real app on an already migrated database, as the server would start it. */
async function appOn(handle: DatabaseHandle, url: string): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const clock = new FixedClock(start);
  const services = createServices({ database: handle, config, clock });
  const app = await buildApp(services);
  await app.ready();
  return {
    app,
    services,
    clock,
    config,
    database: { handle, url, drop: () => handle.destroy() },
    close: async () => {
      await app.close();
      await handle.destroy();
    },
  };
}

describe.each(testDialects())('sessions shared through the database (%s)', (dialect) => {
  let first: TestApp;
  let second: TestApp;
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    if (dialect === 'sqlite') {
      const dir = await mkdtemp(join(tmpdir(), 'spotlight-sessions-'));
      const url = `sqlite:${join(dir, 'x.sqlite')}`;
      const handle = openDatabase(url);
      await migrateToLatest(handle);
      first = await appOn(handle, url);
      cleanUp = () => rm(dir, { recursive: true, force: true });
    } else {
      const database = await createTestDatabase('postgres');
      first = await appOn(database.handle, database.url);
      cleanUp = () => database.drop();
    }
    second = await appOn(openDatabase(first.database.url), first.database.url);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await cleanUp?.();
  });

  it('accepts a session started on another instance, and ends it everywhere at sign-out', async () => {
    const page = signedInPage(first);
    const { browser } = await signedIn(first, 'qa-coordinator');
    const cookie = browser.cookies()['spotlight-session'];
    expect(cookie).toBeDefined();
    const onSecond = () =>
      second.app.inject({ url: page, headers: { cookie: `spotlight-session=${cookie}` } });

    const response = await onSecond();
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Sign out');

    const signOut = await browser.post('/sign-out');
    expect(signOut.statusCode).toBe(303);
    expect(isSignInRedirect(await onSecond())).toBe(true);
  });
});
