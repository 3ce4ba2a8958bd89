import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';
import { addSpotlightFixture, type SpotlightFixture } from '../../../test/spotlight-fixture.js';

describe.each(testDialects())('one Spotlight, as every stage sees it (%s)', (dialect) => {
  let t: TestApp;
  let f: SpotlightFixture;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    f = await addSpotlightFixture(t);
  });
  afterAll(async () => t?.close());

  it('knows the Spotlight Team, the visited team and the deadlines counted in working days', async () => {
    const spotlight = await t.services.spotlights.find(f.spotlightId);
    expect(spotlight?.lead?.name).toBe('Lena Lead');
    expect(spotlight?.members.map((m) => m.name)).toEqual([
      'Maya Member',
      'Milo Member',
      'Mo Member',
    ]);
    expect(spotlight?.team.managers.map((m) => m.name)).toEqual(['Tina Morgan']);
    expect(spotlight?.team.staff.map((m) => m.name)).toEqual([
      'Pat Practitioner',
      'Sam Senior',
      'Sol Worker',
      'Tina Morgan',
    ]);
    // Thursday 14 January 2027: 5 working days before is Thursday 7 January; 1 after is Friday
    // 15 January; 15 after is Thursday 4 February; the final report 5 after that, 11 February.
    const due = Object.fromEntries(spotlight?.deadlines.map((d) => [d.key, d.due]) ?? []);
    expect(due).toEqual({
      documents: '2027-01-07',
      nominations: '2027-01-07',
      recordingAccess: '2027-01-13',
      memberRecords: '2027-01-15',
      draftReport: '2027-02-04',
      finalReport: '2027-02-11',
    });
  });

  it('writes a refusal to the audit log and refuses a reviewer of another Spotlight', async () => {
    const ctx = {
      actor: {
        accountId: 'a',
        personId: f.personId.otherReviewer,
        name: 'Olly Other',
        role: 'staff' as const,
      },
      requestId: 'r1',
    };
    await expect(
      t.services.spotlights.authorise(ctx, f.spotlightId, 'spotlight:view-pack'),
    ).rejects.toThrow('You do not have permission');
    const events = await t.services.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'spotlight.access-refused')
      .where('object_id', '=', f.spotlightId)
      .execute();
    expect(events).toHaveLength(1);
    const member = { ...ctx, actor: { ...ctx.actor, personId: f.personId.member1 } };
    expect(
      (await t.services.spotlights.authorise(member, f.spotlightId, 'spotlight:view-pack')).id,
    ).toBe(f.spotlightId);
  });
});
