import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';
import { newId } from '../../platform/ids.js';
import { addCouncil, signInAs } from './cover.test-support.js';

describe.each(testDialects())('cover when a team member cannot attend (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { start: '2027-03-01T09:00:00.000Z' });
  });
  afterAll(async () => t?.close());

  const db = () => t.services.database.db;
  const radio = (personId: string) => `name="coverPersonId" type="radio" value="${personId}"`;
  const membersOf = async (spotlightId: string) =>
    (
      await db()
        .selectFrom('spotlight_member')
        .select('person_id')
        .where('spotlight_id', '=', spotlightId)
        .execute()
    ).map((r) => r.person_id);

  it('lists only people who may take the member’s place', async () => {
    const council = await addCouncil(t);
    const browser = await signInAs(t, council.people.amina, 'staff');
    const page = await browser.get(`/my-spotlights/${council.s1}/cover`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('it is your responsibility to find someone to take your place');
    expect(page.body).toContain(radio(council.people.joe.id));
    expect(page.body).toContain(`Team Manager, ${council.teams.t6.name}. No Spotlights this year`);
    const { tina, iris, eve, greg, hana, ian, dan, nina, will, bea, cat, amina } = council.people;
    // Never from a team visited that day, nor anyone in a Spotlight that day, nor a second
    // member from a team that already has one that day, nor anyone off the rota.
    for (const person of [tina, iris, eve, greg, hana, ian, dan, nina, bea, cat, amina]) {
      expect(page.body, person.name).not.toContain(radio(person.id));
    }
    // Bea and Cat are practitioners: the Spotlight still needs a Team Manager or Team Leader.
    expect(page.body).not.toContain(radio(will.id));
  });

  it('replaces the member, and records it in the plan history, the audit log and a notice', async () => {
    const council = await addCouncil(t);
    const { amina, joe } = council.people;
    const browser = await signInAs(t, amina, 'staff');
    const page = await browser.get(`/my-spotlights/${council.s1}/cover`);
    expect(page.body).toContain('name="version" value="1"');
    const done = await browser.post(`/my-spotlights/${council.s1}/cover`, {
      coverPersonId: joe.id,
      reason: 'Court hearing that day',
      version: '1',
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/my-spotlights');
    const list = await browser.get('/my-spotlights');
    expect(list.body).toContain(
      `Joe Bloggs will take your place in the Spotlight of ${council.teams.t1.name}`,
    );
    expect(list.body).not.toContain(`/my-spotlights/${council.s1}/invite.ics`);

    expect((await membersOf(council.s1)).sort()).toEqual(
      [joe.id, council.people.bea.id, council.people.cat.id].sort(),
    );
    const spotlight = await db()
      .selectFrom('spotlight')
      .select('version')
      .where('id', '=', council.s1)
      .executeTakeFirstOrThrow();
    expect(spotlight.version).toBe(2);
    const changes = await db()
      .selectFrom('plan_change')
      .select(['kind', 'summary', 'spotlight_id', 'actor_name'])
      .where('plan_id', '=', council.planId)
      .execute();
    expect(changes).toEqual([
      {
        kind: 'cover-arranged',
        summary: 'Amina Khan cannot attend; Joe Bloggs will cover',
        spotlight_id: council.s1,
        actor_name: 'Amina Khan',
      },
    ]);
    const audit = await db()
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('object_id', '=', council.s1)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['timetable.cover-arranged']);
    expect(JSON.parse(String(audit[0]?.details))).toMatchObject({
      leavingPersonId: amina.id,
      coverPersonId: joe.id,
      date: '2027-07-01',
    });

    // Joe now has it in his Spotlights.
    const joeBrowser = await signInAs(t, joe, 'staff');
    expect((await joeBrowser.get('/my-spotlights')).body).toContain(council.teams.t1.name);

    // The QA coordinator is told, and marks the notice as read.
    const qa = await signedIn(t, 'qa-coordinator');
    const message = `Cover arranged for ${council.teams.t1.name} on 1 July 2027: Amina Khan cannot attend; Joe Bloggs will cover. Their reason: Court hearing that day`;
    const before = await t.services.timetableNotices.unreadCount({
      actor: await t.services.accounts.loadActor(qa.user.accountId),
      requestId: 'test',
    });
    const notices = await qa.browser.get('/timetable/notices');
    expect(notices.statusCode).toBe(200);
    expect(notices.body).toContain(message);
    const notice = await db()
      .selectFrom('timetable_notice')
      .select('id')
      .where('spotlight_id', '=', council.s1)
      .executeTakeFirstOrThrow();
    const unreadPart = notices.body.split('<h2 class="govuk-heading-m">Read</h2>')[0] ?? '';
    expect(unreadPart).toContain(`/timetable/notices/${notice.id}/read`);
    const read = await qa.browser.post(`/timetable/notices/${notice.id}/read`);
    expect(read.statusCode).toBe(303);
    const after = await qa.browser.get('/timetable/notices');
    expect(after.body).toContain('Notice marked as read');
    expect(after.body).not.toContain(`/timetable/notices/${notice.id}/read`);
    const readPart = after.body.split('<h2 class="govuk-heading-m">Read</h2>')[1] ?? '';
    expect(readPart).toContain(message);
    const stored = await db()
      .selectFrom('timetable_notice')
      .select(['read_at', 'read_by_account_id'])
      .where('id', '=', notice.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      read_at: '2027-03-01T09:00:00.000Z',
      read_by_account_id: qa.user.accountId,
    });
    const unread = await t.services.timetableNotices.unreadCount({
      actor: await t.services.accounts.loadActor(qa.user.accountId),
      requestId: 'test',
    });
    expect(unread).toBe(before - 1);
  });

  it('is only for a team member of that upcoming Spotlight', async () => {
    const council = await addCouncil(t);
    const { joe, liam, greg, amina } = council.people;
    for (const [person, role] of [
      [joe, 'staff'],
      [liam, 'head-of-service'],
      [greg, 'team-manager'],
    ] as const) {
      const browser = await signInAs(t, person, role);
      expect((await browser.get(`/my-spotlights/${council.s1}/cover`)).statusCode).toBe(404);
      const post = await browser.post(`/my-spotlights/${council.s1}/cover`, {
        coverPersonId: person.id,
        version: '1',
      });
      expect(post.statusCode).toBe(404);
    }
    const qa = await signedIn(t, 'qa-coordinator');
    expect((await qa.browser.get(`/my-spotlights/${council.s1}/cover`)).statusCode).toBe(404);
    const member = await signInAs(t, amina, 'staff');
    expect((await member.get(`/my-spotlights/${council.past}/cover`)).statusCode).toBe(404);
    expect((await member.get(`/my-spotlights/${council.draft}/cover`)).statusCode).toBe(404);
    expect((await member.get(`/my-spotlights/${newId()}/cover`)).statusCode).toBe(404);
    expect(await membersOf(council.s1)).toContain(amina.id);
  });

  it('says so when the chosen person can no longer cover', async () => {
    const council = await addCouncil(t);
    const { amina, joe } = council.people;
    const browser = await signInAs(t, amina, 'staff');
    expect((await browser.get(`/my-spotlights/${council.s1}/cover`)).body).toContain(radio(joe.id));
    // Meanwhile Joe books leave for that day.
    await db()
      .insertInto('person_unavailability')
      .values({
        ...{ id: newId(), person_id: joe.id, from_date: '2027-06-28', to_date: '2027-07-02' },
        ...{ reason: 'Annual leave', created_at: t.clock.now().toISOString() },
      })
      .execute();
    const response = await browser.post(`/my-spotlights/${council.s1}/cover`, {
      coverPersonId: joe.id,
      reason: 'Training',
      version: '1',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain(
      'Joe Bloggs can no longer cover this Spotlight because the timetable has changed',
    );
    expect(response.body).not.toContain(radio(joe.id));
    expect(response.body).toContain('Training</textarea>');
    expect(await membersOf(council.s1)).toContain(amina.id);
    expect(await membersOf(council.s1)).not.toContain(joe.id);
  });

  it('asks for a choice, limits the reason, and refuses a stale form', async () => {
    const council = await addCouncil(t);
    const { amina, joe } = council.people;
    const browser = await signInAs(t, amina, 'staff');
    await browser.get(`/my-spotlights/${council.s1}/cover`);
    const none = await browser.post(`/my-spotlights/${council.s1}/cover`, { version: '1' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select who will cover for you');
    expect(none.body).toContain('<title>Error: Find cover for your Spotlight');
    const long = await browser.post(`/my-spotlights/${council.s1}/cover`, {
      coverPersonId: joe.id,
      reason: 'x'.repeat(501),
      version: '1',
    });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('Reason must be 500 characters or fewer');
    const stale = await browser.post(`/my-spotlights/${council.s1}/cover`, {
      coverPersonId: joe.id,
      version: '0',
    });
    expect(stale.statusCode).toBe(409);
    expect(await membersOf(council.s1)).toContain(amina.id);
  });

  it('keeps the notices for the QA team', async () => {
    const { browser } = await signedIn(t, 'team-manager');
    expect((await browser.get('/timetable/notices')).statusCode).toBe(403);
  });
});
