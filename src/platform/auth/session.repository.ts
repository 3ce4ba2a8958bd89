// All SQL for server-side sessions. Session ids are stored only as SHA-256 hashes.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { SessionTable } from './auth.table.js';

export async function findSession(
  db: Kysely<Database>,
  id: string,
): Promise<SessionTable | undefined> {
  return db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function saveSession(db: Kysely<Database>, row: SessionTable): Promise<void> {
  await db
    .insertInto('session')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        account_id: row.account_id,
        data: row.data,
        expires_at: row.expires_at,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

export async function deleteSessionsOfAccount(
  db: Kysely<Database>,
  accountId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('session')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(
  db: Kysely<Database>,
  nowInstant: string,
): Promise<number> {
  const result = await db
    .deleteFrom('session')
    .where('expires_at', '<=', nowInstant)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
