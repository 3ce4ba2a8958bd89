// All SQL for accounts, set-up links and failed sign-ins.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AccountTable, AccountTokenTable } from './auth.table.js';

export interface AccountWithPersonRow extends AccountTable {
  name: string;
  email: string;
  person_active: number;
}

function accountsWithPeople(db: Kysely<Database>) {
  return db
    .selectFrom('account')
    .innerJoin('person', 'person.id', 'account.person_id')
    .selectAll('account')
    .select(['person.name as name', 'person.email as email', 'person.active as person_active']);
}

export async function findAccountByEmail(db: Kysely<Database>, email: string) {
  return accountsWithPeople(db).where('person.email', '=', email).executeTakeFirst();
}

export async function findAccountById(db: Kysely<Database>, id: string) {
  return accountsWithPeople(db).where('account.id', '=', id).executeTakeFirst();
}

export async function findAccountByPersonId(db: Kysely<Database>, personId: string) {
  return accountsWithPeople(db).where('account.person_id', '=', personId).executeTakeFirst();
}

export async function listAccounts(db: Kysely<Database>): Promise<AccountWithPersonRow[]> {
  return accountsWithPeople(db).orderBy('person.name').execute();
}

export async function insertAccount(db: Kysely<Database>, row: AccountTable): Promise<void> {
  await db.insertInto('account').values(row).execute();
}

export async function updateAccount(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Omit<AccountTable, 'id' | 'person_id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('account').set(changes).where('id', '=', id).execute();
}

export async function insertAccountToken(
  db: Kysely<Database>,
  row: AccountTokenTable,
): Promise<void> {
  await db.insertInto('account_token').values(row).execute();
}

export async function findAccountToken(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('account_token')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks a link used; false when it was used already (two tabs racing). */
export async function useAccountToken(
  db: Kysely<Database>,
  id: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('account_token')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A new link replaces any earlier unused ones for the same account. */
export async function expireUnusedTokens(
  db: Kysely<Database>,
  accountId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('account_token')
    .set({ expires_at: at })
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .execute();
}

export async function insertSignInFailure(
  db: Kysely<Database>,
  id: string,
  subject: string,
  at: string,
): Promise<void> {
  await db.insertInto('sign_in_failure').values({ id, subject, at }).execute();
}

export async function countSignInFailures(
  db: Kysely<Database>,
  subject: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('sign_in_failure')
    .select((eb) => eb.fn.countAll().as('failures'))
    .where('subject', '=', subject)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

export async function clearSignInFailures(db: Kysely<Database>, subject: string): Promise<void> {
  await db.deleteFrom('sign_in_failure').where('subject', '=', subject).execute();
}

export async function deleteOldSignInFailures(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('sign_in_failure').where('at', '<=', before).execute();
}

export async function findPersonByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('person')
    .select(['id', 'name', 'active'])
    .where('email', '=', email)
    .executeTakeFirst();
}
