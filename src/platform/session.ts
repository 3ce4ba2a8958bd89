// Server-side sessions stored in the database (they survive restarts and work across several app
// instances), with an idle and an absolute timeout enforced on the server.
import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import type { FastifyInstance, FastifyRequest, Session } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Clock } from './clock.js';
import type { Database } from './db/schema.js';
import { sha256 } from './ids.js';
import type { Actor } from './policy.js';
import { deleteSession, findSession, saveSession } from './auth/session.repository.js';

declare module 'fastify' {
  interface Session {
    accountId?: string;
    startedAt?: string;
    lastSeenAt?: string;
    /** A one-off success message for the next page (post/redirect/get). */
    flash?: string;
    _csrf?: string;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    /** True when this request found the user's session had timed out. */
    sessionTimedOut: boolean;
  }
}

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export function sessionPolicy(config: Config): SessionPolicy {
  return {
    idleMs: config.sessionIdleMinutes * 60_000,
    absoluteMs: config.sessionAbsoluteHours * 3_600_000,
  };
}

/** When a session ends if nothing else happens: the earlier of the idle and absolute limits. */
export function sessionExpiry(
  session: Pick<Session, 'startedAt' | 'lastSeenAt'>,
  policy: SessionPolicy,
  now: Date,
): Date {
  const lastSeen = session.lastSeenAt ? Date.parse(session.lastSeenAt) : now.getTime();
  const started = session.startedAt ? Date.parse(session.startedAt) : now.getTime();
  return new Date(Math.min(lastSeen + policy.idleMs, started + policy.absoluteMs));
}

type Callback = (error?: unknown) => void;

/** @fastify/session's store interface over our session table. */
export class DatabaseSessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy,
  ) {}

  set(sessionId: string, session: Session, callback: Callback): void {
    const now = this.clock.now();
    saveSession(this.db, {
      id: sha256(sessionId),
      account_id: session.accountId ?? null,
      data: JSON.stringify(session),
      expires_at: sessionExpiry(session, this.policy, now).toISOString(),
      updated_at: now.toISOString(),
    }).then(() => callback(), callback);
  }

  get(sessionId: string, callback: (error: unknown, session?: Session | null) => void): void {
    findSession(this.db, sha256(sessionId)).then((row) => {
      if (!row) return callback(null, null);
      // An expired signed-in session is still returned so that the request hook sees it timed out
      // (and the sign-in page can say so); the hook replaces it before anything else can use it.
      if (row.expires_at <= this.clock.now().toISOString() && !row.account_id)
        return callback(null, null);
      try {
        callback(null, JSON.parse(row.data) as Session);
      } catch {
        callback(null, null);
      }
    }, callback);
  }

  destroy(sessionId: string, callback: Callback): void {
    deleteSession(this.db, sha256(sessionId)).then(() => callback(), callback);
  }
}

export interface SessionOptions {
  config: Config;
  db: Kysely<Database>;
  clock: Clock;
  /** Finds the signed-in user of a session; undefined when the account is gone or disabled. */
  loadActor: (accountId: string) => Promise<Actor | undefined>;
}

export const sessionCookieName = (config: Config) =>
  config.production ? '__Host-spotlight-session' : 'spotlight-session';

export const setUpSession = fp(
  async (app: FastifyInstance, opts: SessionOptions) => {
    const policy = sessionPolicy(opts.config);
    await app.register(fastifyCookie);
    await app.register(fastifySession, {
      secret: opts.config.sessionSecret,
      cookieName: sessionCookieName(opts.config),
      saveUninitialized: false,
      store: new DatabaseSessionStore(opts.db, opts.clock, policy),
      cookie: {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.config.production,
      },
    });
    app.decorateRequest('actor', undefined);
    app.decorateRequest('sessionTimedOut', false);

    app.addHook('onRequest', async (request: FastifyRequest) => {
      const { session } = request;
      if (!session.accountId) return;
      const now = opts.clock.now();
      if (sessionExpiry(session, policy, now) <= now) {
        request.sessionTimedOut = true;
        await session.regenerate();
        return;
      }
      const actor = await opts.loadActor(session.accountId);
      if (!actor) {
        await session.regenerate();
        return;
      }
      request.actor = actor;
      session.lastSeenAt = now.toISOString();
    });
  },
  { name: 'spotlight-session' },
);

/** Starts a fresh session for a user who has just signed in (a new id defeats session fixation). */
export async function startSignedInSession(
  request: FastifyRequest,
  accountId: string,
  clock: Clock,
): Promise<void> {
  await request.session.regenerate();
  const now = clock.now().toISOString();
  request.session.accountId = accountId;
  request.session.startedAt = now;
  request.session.lastSeenAt = now;
}
