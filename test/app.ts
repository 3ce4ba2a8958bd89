// buildTestApp(): the real app on a real, fresh database, with a clock the test controls, and a
// browser-like agent that keeps cookies and sends the CSRF token as a form would.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { FixedClock } from '../src/platform/clock.js';
import type { Dialect } from '../src/platform/db/database.js';
import { newId } from '../src/platform/ids.js';
import type { Role } from '../src/platform/policy.js';
import { createServices, type Services } from '../src/services.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export const testPassword = 'correct horse battery staple';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  clock: FixedClock;
  config: Config;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function buildTestApp(
  dialect: Dialect,
  options: { env?: Record<string, string>; start?: string } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  // Each app keeps its uploaded files in a folder of its own, removed when it closes.
  const filesDir = await mkdtemp(join(tmpdir(), 'spotlight-files-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    FILES_DIR: filesDir,
    ...options.env,
  });
  const clock = new FixedClock(options.start ?? '2026-11-26T09:00:00.000Z');
  const services = createServices({ database: database.handle, config, clock });
  const app = await buildApp(services);
  await app.ready();
  return {
    app,
    services,
    clock,
    config,
    database,
    close: async () => {
      await app.close();
      await database.drop();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

let emailCounter = 0;

/** A person in the directory, inserted directly (the directory's own tests go through its pages). */
export async function addPerson(
  t: TestApp,
  fields: { name?: string; email?: string; jobRole?: string; active?: boolean } = {},
): Promise<{ id: string; name: string; email: string }> {
  const now = t.clock.now().toISOString();
  emailCounter += 1;
  const person = {
    id: newId(),
    name: fields.name ?? `Test Person ${emailCounter}`,
    email: (fields.email ?? `person${emailCounter}.${Date.now()}@example.test`).toLowerCase(),
  };
  await t.services.database.db
    .insertInto('person')
    .values({
      ...person,
      job_role: fields.jobRole ?? 'social-worker',
      home_team_id: null,
      slt_member: 0,
      can_review: 0,
      active: fields.active === false ? 0 : 1,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return person;
}

/** A person with an active account in the given role. */
export async function addUser(
  t: TestApp,
  role: Role,
  fields: { name?: string; email?: string } = {},
) {
  const person = await addPerson(t, fields);
  const accountId = await t.services.accounts.createActiveAccount(person.id, role, testPassword);
  return { ...person, accountId, role };
}

export interface Agent {
  get(url: string): Promise<LightMyRequestResponse>;
  post(
    url: string,
    form?: Record<string, string | string[]>,
    options?: { csrf?: boolean },
  ): Promise<LightMyRequestResponse>;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  cookies(): Record<string, string>;
  csrfToken(): Promise<string>;
}

export function csrfTokenIn(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}

/** A browser-like client for app.inject: keeps cookies, fills in the CSRF token. */
export function agent(app: FastifyInstance): Agent {
  const jar = new Map<string, string>();
  const remember = (response: LightMyRequestResponse) => {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now()))
        jar.delete(cookie.name);
      else jar.set(cookie.name, cookie.value);
    }
    return response;
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let token: string | undefined;

  const self: Agent = {
    async get(url) {
      const response = remember(
        await app.inject({ method: 'GET', url, headers: { cookie: cookieHeader() } }),
      );
      token = csrfTokenIn(response.body) ?? token;
      return response;
    },
    async post(url, form = {}, options = {}) {
      const body = new URLSearchParams();
      if (options.csrf !== false) body.append('_csrf', await self.csrfToken());
      for (const [key, value] of Object.entries(form)) {
        for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
      }
      const response = remember(
        await app.inject({
          method: 'POST',
          url,
          headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
          payload: body.toString(),
        }),
      );
      token = csrfTokenIn(response.body) ?? token;
      return response;
    },
    async request(options) {
      return remember(
        await app.inject({ ...options, headers: { ...options.headers, cookie: cookieHeader() } }),
      );
    },
    cookies: () => Object.fromEntries(jar),
    async csrfToken() {
      if (!token) await self.get('/sign-in');
      if (!token) throw new Error('No CSRF token on the sign-in page');
      return token;
    },
  };
  return self;
}

/** Signs a new agent in as a new user of the given role. */
export async function signedIn(
  t: TestApp,
  role: Role,
  fields: { name?: string; email?: string } = {},
) {
  const user = await addUser(t, role, fields);
  const browser = agent(t.app);
  await browser.get('/sign-in');
  const response = await browser.post('/sign-in', { email: user.email, password: testPassword });
  if (response.statusCode !== 303) throw new Error(`Sign-in failed with ${response.statusCode}`);
  await browser.get('/');
  return { user, browser };
}
