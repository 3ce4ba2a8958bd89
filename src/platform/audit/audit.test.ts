import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';
import type { RequestContext } from '../context.js';
import { Forbidden } from '../errors.js';

const coordinator: RequestContext = {
  actor: { accountId: 'a-1', personId: 'p-1', name: 'Quinn Coordinator', role: 'qa-coordinator' },
  requestId: 'req-1',
};

describe.each(testDialects())('the audit log is append-only (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  async function entries() {
    return t.services.database.db
      .selectFrom('audit_event')
      .select(['id', 'action', 'actor_name', 'case_numbers'])
      .where('action', '=', 'test.case-read')
      .execute();
  }

  it('records who did what, with case numbers, and reads it back', async () => {
    await t.services.audit.record(coordinator, {
      action: 'test.case-read',
      objectType: 'record',
      objectId: 'r-1',
      caseNumbers: ['LCS123456'],
      details: { reason: 'check' },
    });
    const { events, total } = await t.services.audit.list(
      coordinator,
      { action: 'test.case-read' },
      1,
    );
    expect(total).toBe(1);
    expect(events[0]).toMatchObject({
      actorName: 'Quinn Coordinator',
      action: 'test.case-read',
      objectType: 'record',
      objectId: 'r-1',
      requestId: 'req-1',
      caseNumbers: ['LCS123456'],
      details: { reason: 'check' },
    });
    expect(events[0]?.at.toISOString()).toBe('2026-11-26T09:00:00.000Z');
  });

  it('refuses to update an entry, even when asked directly in SQL', async () => {
    const db = t.services.database.db;
    await expect(
      db
        .updateTable('audit_event')
        .set({ actor_name: 'Somebody Else', case_numbers: null })
        .where('action', '=', 'test.case-read')
        .execute(),
    ).rejects.toThrow(/append-only/);
    const [entry] = await entries();
    expect(entry?.actor_name).toBe('Quinn Coordinator');
    expect(entry?.case_numbers).toContain('LCS123456');
  });

  it('refuses to delete an entry, even when asked directly in SQL', async () => {
    const db = t.services.database.db;
    await expect(
      db.deleteFrom('audit_event').where('action', '=', 'test.case-read').execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_event').execute()).rejects.toThrow(/append-only/);
    expect(await entries()).toHaveLength(1);
  });

  it('lets only the QA coordinator read the log', async () => {
    const staff: RequestContext = {
      actor: { accountId: 'a-2', personId: 'p-2', name: 'Sam Staff', role: 'staff' },
      requestId: 'req-2',
    };
    await expect(t.services.audit.list(staff, {}, 1)).rejects.toBeInstanceOf(Forbidden);
  });
});
