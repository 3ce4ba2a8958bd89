// All SQL for the audit log. There is deliberately no update or delete here.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AuditEventTable } from './audit.table.js';

export type AuditEventRow = AuditEventTable;

export async function insertAuditEvent(db: Kysely<Database>, row: AuditEventRow): Promise<void> {
  await db.insertInto('audit_event').values(row).execute();
}

export interface AuditFilter {
  actorAccountId?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  fromInstant?: string | undefined;
  toInstant?: string | undefined;
  caseNumbersOnly?: boolean | undefined;
}

export async function findAuditEvents(
  db: Kysely<Database>,
  filter: AuditFilter,
  limit: number,
  offset: number,
): Promise<{ rows: AuditEventRow[]; total: number }> {
  let query = db.selectFrom('audit_event');
  if (filter.actorAccountId) query = query.where('actor_account_id', '=', filter.actorAccountId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.objectType) query = query.where('object_type', '=', filter.objectType);
  if (filter.objectId) query = query.where('object_id', '=', filter.objectId);
  if (filter.fromInstant) query = query.where('at', '>=', filter.fromInstant);
  if (filter.toInstant) query = query.where('at', '<', filter.toInstant);
  if (filter.caseNumbersOnly) query = query.where('case_numbers', 'is not', null);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export async function distinctAuditActions(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_event')
    .select('action')
    .distinct()
    .orderBy('action')
    .execute();
  return rows.map((r) => r.action);
}
