// Writes and reads the audit log: who did what, when, to which object, in which request, and which
// children's case numbers were touched.
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { RequestContext } from '../context.js';
import { fromDbCount, fromDbJson, toDbInstant, toDbJson } from '../db/convert.js';
import type { Database } from '../db/schema.js';
import { newId } from '../ids.js';
import { assertCan } from '../policy.js';
import {
  distinctAuditActions,
  findAuditEvents,
  insertAuditEvent,
  type AuditFilter,
} from './audit.repository.js';

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string;
  caseNumbers?: readonly string[];
  details?: Record<string, unknown>;
}

export interface AuditEvent {
  id: string;
  at: Date;
  actorAccountId: string | null;
  actorName: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  requestId: string | null;
  caseNumbers: string[];
  details: Record<string, unknown>;
}

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService(deps: { db: Kysely<Database>; clock: Clock }) {
  return {
    /** Append one entry. Pass the transaction so the entry commits with the change it records. */
    async record(
      ctx: RequestContext,
      entry: AuditEntry,
      db: Kysely<Database> = deps.db,
    ): Promise<void> {
      await insertAuditEvent(db, {
        id: newId(),
        at: toDbInstant(deps.clock.now()),
        actor_account_id: ctx.actor?.accountId ?? null,
        actor_name: ctx.actor?.name ?? 'Spotlight',
        action: entry.action,
        object_type: entry.objectType ?? null,
        object_id: entry.objectId ?? null,
        request_id: ctx.requestId,
        case_numbers:
          entry.caseNumbers && entry.caseNumbers.length > 0 ? toDbJson(entry.caseNumbers) : null,
        details: entry.details ? toDbJson(entry.details) : null,
      });
    },

    async list(ctx: RequestContext, filter: AuditFilter, page: number, pageSize = 50) {
      assertCan(ctx.actor, 'audit:view');
      const { rows, total } = await findAuditEvents(
        deps.db,
        filter,
        pageSize,
        (page - 1) * pageSize,
      );
      const events: AuditEvent[] = rows.map((r) => ({
        id: r.id,
        at: new Date(r.at),
        actorAccountId: r.actor_account_id,
        actorName: r.actor_name ?? 'Spotlight',
        action: r.action,
        objectType: r.object_type,
        objectId: r.object_id,
        requestId: r.request_id,
        caseNumbers: fromDbJson<string[]>(r.case_numbers, []),
        details: fromDbJson<Record<string, unknown>>(r.details, {}),
      }));
      return { events, total: fromDbCount(total), page, pageSize };
    },

    async actions(ctx: RequestContext): Promise<string[]> {
      assertCan(ctx.actor, 'audit:view');
      return distinctAuditActions(deps.db);
    },
  };
}
