import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';
import {
  addSpotlightFixture,
  type SpotlightFixture,
  type SpotlightPersonKey,
} from '../../../test/spotlight-fixture.js';
import { newId } from '../../platform/ids.js';
import { addFeedback, addMemberRecord } from '../day/pages/day/test-support.js';
import { addTriangulatedSpotlight, insertReport } from '../report/test-support.js';
import {
  addCaseList,
  addDocument,
  addNomination,
  confirmAccess,
  forwardNominations,
  signInNow,
  textOf,
} from '../spotlight/pages/test-support.js';

interface TaskRow {
  href: string;
  text: string;
  tag: string;
}

/** The rows of "Your tasks" on the home page. */
function tasksOn(html: string): TaskRow[] {
  const start = html.indexOf('<table');
  if (start === -1) return [];
  const table = html.slice(start, html.indexOf('</table>', start));
  return table
    .split('<tr class="govuk-table__row">')
    .slice(2)
    .map((row) => ({
      href: /href="([^"]+)"/.exec(row)?.[1] ?? '',
      text: textOf(row).trim(),
      tag: /govuk-tag (govuk-tag--\w+)/.exec(row)?.[1] ?? '',
    }));
}

describe.each(testDialects())('your tasks on the home page (%s)', (dialect) => {
  let t: TestApp;
  let f: SpotlightFixture;
  let teamName: string;
  let page: string;

  const home = async (fixture: SpotlightFixture, key: SpotlightPersonKey) =>
    (await (await signInNow(t, fixture, key)).get('/')).body;
  const tasksOf = async (fixture: SpotlightFixture, key: SpotlightPersonKey) =>
    tasksOn(await home(fixture, key));
  const forThisSpotlight = (rows: TaskRow[]) => rows.filter((r) => r.href.startsWith(page));

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    f = await addSpotlightFixture(t);
    page = `/spotlights/${f.spotlightId}`;
    const team = await t.services.database.db
      .selectFrom('team')
      .select('name')
      .where('id', '=', f.teamId)
      .executeTakeFirstOrThrow();
    teamName = team.name;
  });
  afterAll(async () => t?.close());

  it('lists the Team Manager’s three tasks, overdue first, with the due date in words', async () => {
    const g = await addSpotlightFixture(t);
    // The same team's next Spotlight, later in the year.
    const current = await t.services.database.db
      .selectFrom('spotlight')
      .selectAll()
      .where('id', '=', g.spotlightId)
      .executeTakeFirstOrThrow();
    const laterId = newId();
    await t.services.database.db
      .insertInto('spotlight')
      .values({ ...current, id: laterId, date: '2027-03-11' })
      .execute();
    t.clock.set('2027-01-11T09:00:00.000Z');
    const rows = await tasksOf(g, 'teamManager');
    expect(rows.map((r) => r.href)).toEqual([
      `/spotlights/${g.spotlightId}/documents`,
      `/spotlights/${g.spotlightId}/nominations`,
      `/spotlights/${g.spotlightId}/case-list`,
      `/spotlights/${laterId}/documents`,
      `/spotlights/${laterId}/nominations`,
      `/spotlights/${laterId}/case-list`,
    ]);
    const [first] = rows;
    expect(first?.text).toMatch(
      /^Send the preparation documents \(Family Support East [\d.]+, 14 January 2027\) Family Support East [\d.]+ Spotlight, 14 January 2027 7 January 2027 2 working days late$/,
    );
    expect(rows.slice(0, 3).map((r) => r.tag)).toEqual(Array(3).fill('govuk-tag--red'));
    expect(rows[1]?.text).toContain('Collate and forward practitioners’ nominations');
    expect(rows[2]?.text).toContain('Add the team’s case list');
    expect(rows[3]?.text).toMatch(/4 March 2027 due in \d+ working days/);
    expect(rows[3]?.tag).toBe('govuk-tag--grey');

    await addDocument(t, g.spotlightId, 'team-action-plan');
    expect((await tasksOf(g, 'teamManager')).map((r) => r.href)).not.toContain(
      `/spotlights/${g.spotlightId}/documents`,
    );
  });

  it('asks a practitioner to name their two children until they have', async () => {
    t.clock.set('2027-01-04T09:00:00.000Z');
    const rows = forThisSpotlight(await tasksOf(f, 'practitioner1'));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.href).toBe(`${page}/nominations/mine`);
    expect(rows[0]?.text).toContain('Name a child you are proud of and one you found challenging');
    expect(rows[0]?.text).toContain('7 January 2027 due in 3 working days');
    expect(rows[0]?.tag).toBe('govuk-tag--yellow');

    await addNomination(t, f.spotlightId, f.personId.practitioner1, 'proud', '7001');
    expect(forThisSpotlight(await tasksOf(f, 'practitioner1'))).toHaveLength(1);
    await addNomination(t, f.spotlightId, f.personId.practitioner1, 'challenging', '7002');
    expect(forThisSpotlight(await tasksOf(f, 'practitioner1'))).toEqual([]);
    // Another practitioner is still asked.
    expect(forThisSpotlight(await tasksOf(f, 'practitioner2'))).toHaveLength(1);
  });

  it('asks a member to confirm access to the recording system, until a confirmation is stored', async () => {
    t.clock.set('2027-01-04T09:00:00.000Z');
    const rows = forThisSpotlight(await tasksOf(f, 'member2'));
    expect(rows.map((r) => r.text.split(' (')[0])).toEqual(['Confirm you have access to LCS']);
    expect(rows[0]?.href).toBe(`${page}#recording-access`);
    expect(rows[0]?.text).toContain('13 January 2027');

    await confirmAccess(t, f.spotlightId, f.personId.member2);
    expect(forThisSpotlight(await tasksOf(f, 'member2'))).toEqual([]);
    // The Lead has not confirmed yet.
    expect(forThisSpotlight(await tasksOf(f, 'lead')).map((r) => r.href)).toEqual([
      `${page}#recording-access`,
    ]);
  });

  it('asks the QA team to chase a Spotlight only when something is late', async () => {
    const g = await addSpotlightFixture(t);
    const gTeam = await t.services.database.db
      .selectFrom('team')
      .select('name')
      .where('id', '=', g.teamId)
      .executeTakeFirstOrThrow();
    const chase = `Chase the missing preparation for ${gTeam.name}`;

    t.clock.set('2027-01-06T09:00:00.000Z');
    expect(await home(g, 'qa')).not.toContain(chase);

    t.clock.set('2027-01-11T09:00:00.000Z');
    const rows = (await tasksOf(g, 'hosQa')).filter((r) => r.text.startsWith(chase));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.href).toBe(`/spotlights/${g.spotlightId}`);
    expect(rows[0]?.text).toContain('7 January 2027 2 working days late');

    await addDocument(t, g.spotlightId, 'audits');
    await forwardNominations(t, g.spotlightId, g.personId.teamManager, '2027-01-11T08:00:00.000Z');
    await addCaseList(t, g.spotlightId, 3);
    expect(await home(g, 'qa')).not.toContain(chase);
    // Others are not asked to chase.
    expect(await home(g, 'lead')).not.toContain('Chase the missing preparation');
  });

  it('gives a reviewer of another Spotlight no task for this one', async () => {
    t.clock.set('2027-01-04T09:00:00.000Z');
    const body = await home(f, 'otherReviewer');
    expect(body).not.toContain(page);
    expect(body).not.toContain(teamName);
    // Their own Spotlight's task is there.
    expect(body).toContain(`/spotlights/${f.otherSpotlightId}#recording-access`);
    expect(await home(f, 'otherManager')).not.toContain(page);
  });

  it('tells someone with nothing to do so, and keeps what they can do below', async () => {
    t.clock.set('2027-01-04T09:00:00.000Z');
    const { browser } = await signedIn(t, 'staff');
    const body = (await browser.get('/')).body;
    expect(body).toContain('Your tasks');
    expect(body).toContain('You have nothing to do in Spotlight at the moment.');
    expect(body).not.toContain('<table');
    expect(body.indexOf('Your tasks')).toBeLessThan(body.indexOf('What you can do'));
    expect(body).not.toContain('/admin/settings');
  });

  it('offers the QA coordinator the council’s settings', async () => {
    t.clock.set('2027-01-04T09:00:00.000Z');
    const body = await home(f, 'qa');
    expect(body).toContain(
      '<a class="govuk-link" href="/admin/settings">Change the council’s settings, closure days and deadlines</a>',
    );
    expect(await home(f, 'hosQa')).not.toContain('/admin/settings');
  });

  describe('the morning of the day', () => {
    const now = '2027-01-11T09:00:00.000Z';
    const onTheDay = (fixture: SpotlightFixture, rows: TaskRow[]) =>
      rows.filter((r) => r.href.startsWith(`/spotlights/${fixture.spotlightId}/day`));
    const dayTasksOf = async (fixture: SpotlightFixture, key: SpotlightPersonKey) =>
      onTheDay(fixture, await tasksOf(fixture, key));

    let caseNumber = 8000;
    async function allocate(g: SpotlightFixture, member: SpotlightPersonKey, kinds: string[]) {
      for (const kind of kinds) {
        await t.services.database.db
          .insertInto('allocation')
          .values({
            id: newId(),
            spotlight_id: g.spotlightId,
            member_person_id: g.personId[member],
            kind,
            case_system: 'LCS',
            case_number: String((caseNumber += 1)),
            nomination_id: null,
            draw_id: null,
            updated_by_person_id: g.personId.lead,
            updated_at: now,
            version: 1,
          })
          .execute();
      }
    }

    it('asks the Lead to agree the priorities and allocate the children until both are done', async () => {
      const g = await addSpotlightFixture(t);
      const day = `/spotlights/${g.spotlightId}/day`;
      t.clock.set('2027-01-06T09:00:00.000Z');
      expect(await dayTasksOf(g, 'lead')).toEqual([]);

      t.clock.set(now);
      const rows = await dayTasksOf(g, 'lead');
      expect(rows.map((r) => r.href)).toEqual([`${day}/priorities`, `${day}/allocation`]);
      expect(rows[0]?.text).toMatch(/^Agree the priorities with the management group \(/);
      expect(rows[1]?.text).toMatch(/^Allocate three children to each team member \(/);
      for (const row of rows) {
        expect(row.text).toContain('14 January 2027 due in 3 working days');
        expect(row.tag).toBe('govuk-tag--yellow');
      }
      for (const key of ['member1', 'teamManager', 'headOfService', 'qa', 'hosQa'] as const) {
        expect(await dayTasksOf(g, key)).toEqual([]);
      }

      await t.services.database.db
        .insertInto('spotlight_day')
        .values({
          spotlight_id: g.spotlightId,
          priorities: JSON.stringify(['Supervision', 'Voice of the child']),
          agreed_with: 'Tina Morgan and Hugh Service',
          practicalities: null,
          updated_by_person_id: g.personId.lead,
          updated_at: now,
          version: 1,
        })
        .execute();
      expect((await dayTasksOf(g, 'lead')).map((r) => r.href)).toEqual([`${day}/allocation`]);

      const kinds = ['random', 'proud', 'challenging'];
      await allocate(g, 'member1', kinds);
      await allocate(g, 'member2', kinds);
      await allocate(g, 'member3', kinds.slice(0, 2));
      expect((await dayTasksOf(g, 'lead')).map((r) => r.href)).toEqual([`${day}/allocation`]);
      await allocate(g, 'member3', kinds.slice(2));
      expect(await dayTasksOf(g, 'lead')).toEqual([]);
    });

    it('asks a member to finish their dip sampling, with their progress, until it is done', async () => {
      const g = await addSpotlightFixture(t);
      const target = (
        member: SpotlightPersonKey,
        howMany: number,
        ofWhat: string,
        done: number,
      ) => ({
        id: newId(),
        spotlight_id: g.spotlightId,
        member_person_id: g.personId[member],
        how_many: howMany,
        of_what: ofWhat,
        focus: null,
        done,
        updated_at: now,
        version: 1,
      });
      const supervision = target('member1', 5, 'supervision records', 2);
      await t.services.database.db
        .insertInto('dip_sample_target')
        .values([
          supervision,
          target('member1', 2, 'visits', 2),
          target('member2', 4, 'case notes', 4),
        ])
        .execute();
      t.clock.set(now);

      const rows = await dayTasksOf(g, 'member1');
      expect(rows).toHaveLength(1);
      expect(rows[0]?.href).toBe(`/spotlights/${g.spotlightId}/day/dip-sampling`);
      expect(rows[0]?.text).toMatch(
        /^Complete your dip sampling: 2 of 5 supervision records done \(.*14 January 2027 due in 3 working days$/,
      );
      // member2 has done theirs; nobody else has dip sampling to do.
      for (const key of ['member2', 'member3', 'teamManager', 'qa', 'practitioner1'] as const) {
        expect(await dayTasksOf(g, key)).toEqual([]);
      }
      // The Lead's own morning tasks are not dip sampling.
      expect((await dayTasksOf(g, 'lead')).map((r) => r.href)).not.toContain(
        `/spotlights/${g.spotlightId}/day/dip-sampling`,
      );

      t.clock.set('2027-01-15T09:00:00.000Z');
      expect(await dayTasksOf(g, 'member1')).toEqual([]);

      t.clock.set(now);
      await t.services.database.db
        .updateTable('dip_sample_target')
        .set({ done: 5 })
        .where('id', '=', supervision.id)
        .execute();
      expect(await dayTasksOf(g, 'member1')).toEqual([]);
    });
  });

  describe('the afternoon and after the day', () => {
    const afternoonOf = (g: SpotlightFixture, rows: TaskRow[]) =>
      rows.filter(
        (r) =>
          r.href.startsWith(`/spotlights/${g.spotlightId}/records`) ||
          r.href === `/spotlights/${g.spotlightId}/day/feedback`,
      );
    const afternoonTasksOf = async (g: SpotlightFixture, key: SpotlightPersonKey) =>
      afternoonOf(g, await tasksOf(g, key));

    it('asks each member for their record and the Lead for the feedback, then to chase what is late', async () => {
      const g = await addSpotlightFixture(t);
      const base = `/spotlights/${g.spotlightId}`;
      t.clock.set('2027-01-13T09:00:00.000Z');
      expect(await afternoonTasksOf(g, 'member1')).toEqual([]);
      expect(await afternoonTasksOf(g, 'lead')).toEqual([]);

      // On the day.
      t.clock.set('2027-01-14T10:00:00.000Z');
      const [record, ...others] = await afternoonTasksOf(g, 'member1');
      expect(others).toEqual([]);
      expect(record?.href).toBe(`${base}/records/mine`);
      expect(record?.text).toMatch(
        /^Write and submit your Team Member Information Record \(.*15 January 2027 due in 1 working day$/,
      );
      expect(record?.tag).toBe('govuk-tag--yellow');
      const lead = await afternoonTasksOf(g, 'lead');
      expect(lead.map((r) => r.href)).toEqual([`${base}/day/feedback`]);
      expect(lead[0]?.text).toMatch(
        /^Record the feedback given to the Team Manager and Head of Service \(.*14 January 2027 due today$/,
      );
      for (const key of ['teamManager', 'headOfService', 'qa', 'practitioner1'] as const) {
        expect(await afternoonTasksOf(g, key), key).toEqual([]);
      }

      await addMemberRecord(t, g.spotlightId, g.personId.member1, 'submitted');
      await addMemberRecord(t, g.spotlightId, g.personId.member2, 'draft');
      expect(await afternoonTasksOf(g, 'member1')).toEqual([]);
      expect((await afternoonTasksOf(g, 'member2')).map((r) => r.href)).toEqual([
        `${base}/records/mine`,
      ]);

      // Monday, past the deadline: late for the members still writing; the Lead chases them.
      t.clock.set('2027-01-18T09:00:00.000Z');
      const late = await afternoonTasksOf(g, 'member2');
      expect(late[0]?.text).toContain('15 January 2027 1 working day late');
      expect(late[0]?.tag).toBe('govuk-tag--red');
      let rows = await afternoonTasksOf(g, 'lead');
      // Both late: the feedback was due first, on the day.
      expect(rows.map((r) => r.text.split(' (')[0])).toEqual([
        'Record the feedback given to the Team Manager and Head of Service',
        'Chase the Team Member Information Records not yet in: 2 team members',
      ]);
      expect(rows.map((r) => r.href)).toEqual([`${base}/day/feedback`, `${base}/records`]);
      expect(rows.map((r) => r.tag)).toEqual(['govuk-tag--red', 'govuk-tag--red']);

      await t.services.database.db
        .updateTable('member_record')
        .set({ status: 'submitted', submitted_at: t.clock.now().toISOString() })
        .where('spotlight_id', '=', g.spotlightId)
        .where('member_person_id', '=', g.personId.member2)
        .execute();
      await addFeedback(t, g.spotlightId, [g.personId.teamManager]);
      rows = await afternoonTasksOf(g, 'lead');
      expect(rows.map((r) => r.text.split(' (')[0])).toEqual([
        'Chase the Team Member Information Records not yet in: Milo Member',
      ]);
      expect(await afternoonTasksOf(g, 'member2')).toEqual([]);

      await addMemberRecord(t, g.spotlightId, g.personId.member3, 'submitted');
      expect(await afternoonTasksOf(g, 'lead')).toEqual([]);
      expect(await afternoonTasksOf(g, 'member3')).toEqual([]);
    });
  });

  it('stops asking for preparation once the day is over', async () => {
    t.clock.set('2027-01-15T09:00:00.000Z');
    for (const key of ['teamManager', 'practitioner3'] as const) {
      expect(forThisSpotlight(await tasksOf(f, key))).toEqual([]);
    }
    // A member is asked only for their record now.
    expect(forThisSpotlight(await tasksOf(f, 'member1')).map((r) => r.href)).toEqual([
      `${page}/records/mine`,
    ]);
  });

  it('asks the Lead for the report after the day, and the Head of Service QA to review it once sent, flagging an Inadequate grade', async () => {
    const g = await addSpotlightFixture(t);
    const report = `/spotlights/${g.spotlightId}/report`;
    t.clock.set('2027-01-18T09:00:00.000Z');
    const forG = async (key: SpotlightPersonKey) =>
      (await tasksOf(g, key)).filter((r) => r.href.startsWith(report));
    expect((await forG('lead')).map((r) => r.href)).toEqual([report]);
    expect((await forG('lead'))[0]?.text).toContain('Write the report and send it to the QA team');
    expect(await forG('hosQa')).toEqual([]);

    const triangulated = await addTriangulatedSpotlight(t, g);
    await insertReport(t, g, triangulated, { status: 'submitted', inadequate: true });
    // Well after the Spotlight: the report is with the QA team however long ago the day was.
    t.clock.set('2027-03-30T09:00:00.000Z');
    const review = await forG('hosQa');
    expect(review.map((r) => r.href)).toEqual([`${report}/review`]);
    expect(review[0]?.text).toContain('(it has an Inadequate grade)');
    expect(review[0]?.tag).toBe('govuk-tag--red');
    expect(await forG('qa')).toEqual([]);
    expect(await forG('lead')).toEqual([]);
  });
});
