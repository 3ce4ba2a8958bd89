// Signing in: passwords (throttled per account and per IP), single sign-on's verified email, and
// finding the signed-in user of a session.
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../clock.js';
import type { RequestContext } from '../context.js';
import { fromDbBool } from '../db/convert.js';
import type { Database } from '../db/schema.js';
import { newId, sha256 } from '../ids.js';
import { isRole, type Actor } from '../policy.js';
import {
  clearSignInFailures,
  countSignInFailures,
  deleteOldSignInFailures,
  findAccountByEmail,
  findAccountById,
  insertSignInFailure,
  updateAccount,
} from './accounts.repository.js';
import { decoyPasswordHash, verifyPassword } from './passwords.js';

export const signInLimit = { failures: 10, windowMinutes: 15 };

export type SignInResult =
  { status: 'signed-in'; accountId: string } | { status: 'invalid' } | { status: 'throttled' };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function createSignInService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
}) {
  const { db, clock, audit } = deps;
  const iso = () => clock.now().toISOString();

  async function throttled(subjects: string[]): Promise<boolean> {
    const since = new Date(
      clock.now().getTime() - signInLimit.windowMinutes * 60_000,
    ).toISOString();
    for (const subject of subjects) {
      if ((await countSignInFailures(db, subject, since)) >= signInLimit.failures) return true;
    }
    return false;
  }

  return {
    async signIn(input: { email: string; password: string; ip: string }): Promise<SignInResult> {
      const email = normaliseEmail(input.email);
      const subjects = [`account:${sha256(email)}`, `ip:${sha256(input.ip)}`];
      if (await throttled(subjects)) return { status: 'throttled' };
      const row = await findAccountByEmail(db, email);
      const usable =
        row && row.status === 'active' && fromDbBool(row.person_active) && row.password_hash;
      const ok = await verifyPassword(
        usable ? (row.password_hash as string) : await decoyPasswordHash(),
        input.password,
      );
      if (!usable || !ok) {
        for (const subject of subjects) await insertSignInFailure(db, newId(), subject, iso());
        return { status: 'invalid' };
      }
      await clearSignInFailures(db, subjects[0] as string);
      await updateAccount(db, row.id, { last_signed_in_at: iso() });
      return { status: 'signed-in', accountId: row.id };
    },

    /** Single sign-on: the identity provider has vouched for this email address. */
    async signInWithVerifiedEmail(
      rawEmail: string,
    ): Promise<{ status: 'signed-in'; accountId: string } | { status: 'no-account' }> {
      const row = await findAccountByEmail(db, normaliseEmail(rawEmail));
      if (!row || row.status === 'disabled' || !fromDbBool(row.person_active))
        return { status: 'no-account' };
      // An invited person who signs in through the council's provider needs no Spotlight password.
      await updateAccount(db, row.id, { status: 'active', last_signed_in_at: iso() });
      return { status: 'signed-in', accountId: row.id };
    },

    async loadActor(accountId: string): Promise<Actor | undefined> {
      const row = await findAccountById(db, accountId);
      if (!row || row.status !== 'active' || !fromDbBool(row.person_active)) return undefined;
      return {
        accountId: row.id,
        personId: row.person_id,
        name: row.name,
        role: isRole(row.role) ? row.role : 'staff',
      };
    },

    async recordSignIn(ctx: RequestContext, accountId: string): Promise<void> {
      await audit.record(ctx, { action: 'signed-in', objectType: 'account', objectId: accountId });
    },

    async recordSignOut(ctx: RequestContext): Promise<void> {
      if (ctx.actor)
        await audit.record(ctx, {
          action: 'signed-out',
          objectType: 'account',
          objectId: ctx.actor.accountId,
        });
    },

    async purgeOldFailures(): Promise<void> {
      const before = new Date(
        clock.now().getTime() - signInLimit.windowMinutes * 60_000,
      ).toISOString();
      await deleteOldSignInFailures(db, before);
    },
  };
}
