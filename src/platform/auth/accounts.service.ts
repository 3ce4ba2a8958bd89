// Accounts: single-use set-up and reset links, inviting, disabling and roles. Signing in is in
// sign-in.service.ts; the two make one `accounts` service.
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../clock.js';
import type { RequestContext } from '../context.js';
import { fromDbBool } from '../db/convert.js';
import type { Database } from '../db/schema.js';
import { Invalid, NotFound } from '../errors.js';
import { newId, newSecret, sha256 } from '../ids.js';
import { assertCan, isRole, type Role } from '../policy.js';
import {
  expireUnusedTokens,
  findAccountById,
  findAccountByPersonId,
  findAccountToken,
  findPersonByEmail,
  insertAccount,
  insertAccountToken,
  listAccounts,
  updateAccount,
  useAccountToken,
  type AccountWithPersonRow,
} from './accounts.repository.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { deleteSessionsOfAccount } from './session.repository.js';
import { createSignInService, normaliseEmail } from './sign-in.service.js';

export { normaliseEmail, signInLimit, type SignInResult } from './sign-in.service.js';

const linkLifetimeHours = { 'set-up': 7 * 24, reset: 24 } as const;
export type LinkPurpose = keyof typeof linkLifetimeHours;

export type AccountStatus = 'invited' | 'active' | 'disabled';

export interface Account {
  id: string;
  personId: string;
  name: string;
  email: string;
  role: Role;
  status: AccountStatus;
  lastSignedInAt: Date | null;
}

export type SetUpLinkState =
  | { status: 'valid'; name: string; email: string; purpose: LinkPurpose }
  | { status: 'expired' | 'used' | 'unknown' };

function toAccount(row: AccountWithPersonRow): Account {
  return {
    id: row.id,
    personId: row.person_id,
    name: row.name,
    email: row.email,
    role: isRole(row.role) ? row.role : 'staff',
    status: row.status as AccountStatus,
    lastSignedInAt: row.last_signed_in_at ? new Date(row.last_signed_in_at) : null,
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;

export function createAccountsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
}) {
  const { db, clock, audit } = deps;
  const iso = () => clock.now().toISOString();

  async function issueLink(
    ctx: RequestContext,
    accountId: string,
    purpose: LinkPurpose,
    trx: Kysely<Database>,
  ) {
    const token = newSecret();
    const now = clock.now();
    await expireUnusedTokens(trx, accountId, now.toISOString());
    await insertAccountToken(trx, {
      id: newId(),
      token_hash: sha256(token),
      account_id: accountId,
      purpose,
      expires_at: new Date(now.getTime() + linkLifetimeHours[purpose] * 3_600_000).toISOString(),
      used_at: null,
      created_by_account_id: ctx.actor?.accountId ?? null,
      created_at: now.toISOString(),
    });
    return { path: `/account/set-up/${token}`, expiresInHours: linkLifetimeHours[purpose] };
  }

  async function accountOrThrow(
    id: string,
    executor: Kysely<Database> = db,
  ): Promise<AccountWithPersonRow> {
    const row = await findAccountById(executor, id);
    if (!row) throw new NotFound('Account');
    return row;
  }

  return {
    ...createSignInService(deps),

    async list(ctx: RequestContext): Promise<Account[]> {
      assertCan(ctx.actor, 'accounts:manage');
      return (await listAccounts(db)).map(toAccount);
    },

    async get(ctx: RequestContext, id: string): Promise<Account> {
      assertCan(ctx.actor, 'accounts:manage');
      return toAccount(await accountOrThrow(id));
    },

    async invite(ctx: RequestContext, input: { email: string; role: Role }) {
      assertCan(ctx.actor, 'accounts:manage');
      return db.transaction().execute(async (trx) => {
        const email = normaliseEmail(input.email);
        const person = await findPersonByEmail(trx, email);
        if (!person)
          throw new Invalid(
            'email',
            'There is nobody in the directory with this email address. Add them to the directory first',
          );
        if (!fromDbBool(person.active))
          throw new Invalid(
            'email',
            `${person.name} has left the directory. Bring them back first`,
          );
        if (await findAccountByPersonId(trx, person.id))
          throw new Invalid('email', `${person.name} already has an account`);
        const accountId = newId();
        await insertAccount(trx, {
          id: accountId,
          person_id: person.id,
          role: input.role,
          password_hash: null,
          status: 'invited',
          created_at: iso(),
          updated_at: iso(),
          last_signed_in_at: null,
        });
        const link = await issueLink(ctx, accountId, 'set-up', trx);
        await audit.record(
          ctx,
          {
            action: 'account.invited',
            objectType: 'account',
            objectId: accountId,
            details: { role: input.role },
          },
          trx,
        );
        return { accountId, name: person.name, ...link };
      });
    },

    async resetPassword(ctx: RequestContext, accountId: string) {
      assertCan(ctx.actor, 'accounts:manage');
      return db.transaction().execute(async (trx) => {
        const row = await accountOrThrow(accountId, trx);
        if (row.status === 'disabled')
          throw new Invalid('account', `${row.name}’s account is disabled. Enable it first`);
        const link = await issueLink(
          ctx,
          accountId,
          row.status === 'invited' ? 'set-up' : 'reset',
          trx,
        );
        await audit.record(
          ctx,
          {
            action: 'account.password-reset-link-created',
            objectType: 'account',
            objectId: accountId,
          },
          trx,
        );
        return { name: row.name, ...link };
      });
    },

    async checkLink(token: string): Promise<SetUpLinkState> {
      const row = await findAccountToken(db, sha256(token));
      if (!row) return { status: 'unknown' };
      if (row.used_at) return { status: 'used' };
      if (row.expires_at <= iso()) return { status: 'expired' };
      const account = await findAccountById(db, row.account_id);
      if (!account || account.status === 'disabled') return { status: 'unknown' };
      return {
        status: 'valid',
        name: account.name,
        email: account.email,
        purpose: row.purpose as LinkPurpose,
      };
    },

    /** Sets a password from a link; the link then stops working and every other session ends. */
    async setPasswordWithLink(
      ctx: RequestContext,
      token: string,
      password: string,
    ): Promise<string> {
      const state = await this.checkLink(token);
      if (state.status !== 'valid')
        throw new Invalid(
          'password',
          'This link has expired or has been used. Ask the Quality Assurance and Safeguarding Team for a new one',
        );
      const problem = passwordProblem(password, { email: state.email, name: state.name });
      if (problem) throw new Invalid('password', problem);
      const passwordHash = await hashPassword(password);
      return db.transaction().execute(async (trx) => {
        const row = await findAccountToken(trx, sha256(token));
        if (!row || !(await useAccountToken(trx, row.id, iso()))) {
          throw new Invalid(
            'password',
            'This link has already been used. Sign in with your new password',
          );
        }
        await updateAccount(trx, row.account_id, {
          password_hash: passwordHash,
          status: 'active',
          updated_at: iso(),
        });
        await deleteSessionsOfAccount(trx, row.account_id);
        await audit.record(
          { ...ctx, actor: undefined },
          { action: 'account.password-set', objectType: 'account', objectId: row.account_id },
          trx,
        );
        return row.account_id;
      });
    },

    async disable(ctx: RequestContext, accountId: string): Promise<Account> {
      assertCan(ctx.actor, 'accounts:manage');
      if (ctx.actor.accountId === accountId)
        throw new Invalid('account', 'You cannot disable your own account');
      return db.transaction().execute(async (trx) => {
        const row = await accountOrThrow(accountId, trx);
        await updateAccount(trx, accountId, { status: 'disabled', updated_at: iso() });
        const ended = await deleteSessionsOfAccount(trx, accountId);
        await audit.record(
          ctx,
          {
            action: 'account.disabled',
            objectType: 'account',
            objectId: accountId,
            details: { sessionsEnded: ended },
          },
          trx,
        );
        return toAccount({ ...row, status: 'disabled' });
      });
    },

    async enable(ctx: RequestContext, accountId: string): Promise<Account> {
      assertCan(ctx.actor, 'accounts:manage');
      return db.transaction().execute(async (trx) => {
        const row = await accountOrThrow(accountId, trx);
        const status: AccountStatus = row.password_hash ? 'active' : 'invited';
        await updateAccount(trx, accountId, { status, updated_at: iso() });
        await audit.record(
          ctx,
          { action: 'account.enabled', objectType: 'account', objectId: accountId },
          trx,
        );
        return toAccount({ ...row, status });
      });
    },

    async changeRole(ctx: RequestContext, accountId: string, role: Role): Promise<Account> {
      assertCan(ctx.actor, 'accounts:manage');
      if (ctx.actor.accountId === accountId)
        throw new Invalid('role', 'You cannot change your own role. Ask another QA coordinator');
      return db.transaction().execute(async (trx) => {
        const row = await accountOrThrow(accountId, trx);
        await updateAccount(trx, accountId, { role, updated_at: iso() });
        await audit.record(
          ctx,
          {
            action: 'account.role-changed',
            objectType: 'account',
            objectId: accountId,
            details: { from: row.role, to: role },
          },
          trx,
        );
        return toAccount({ ...row, role });
      });
    },

    /** For the demo council and tests: an active account with a known password. */
    async createActiveAccount(
      personId: string,
      role: Role,
      password: string,
      trx: Kysely<Database> = db,
    ): Promise<string> {
      const existing = await findAccountByPersonId(trx, personId);
      if (existing) return existing.id;
      const id = newId();
      await insertAccount(trx, {
        id,
        person_id: personId,
        role,
        password_hash: await hashPassword(password),
        status: 'active',
        created_at: iso(),
        updated_at: iso(),
        last_signed_in_at: null,
      });
      return id;
    },
  };
}
