import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { newId } from '../../../../platform/ids.js';
import { signInNow } from '../../../spotlight/pages/test-support.js';
import {
  addDocument as uploadDocument,
  csvFile,
} from '../../../preparation/pages/documents/test-support.js';
import {
  addDocumentRow,
  addEvidenceItems,
  addFeedback,
  addKeyFinding,
  addMemberRecord,
  allocate,
  auditEntries,
  signInAs,
  taskOf,
  textOf,
} from './test-support.js';

const tasks = {
  priorities: 'Agree priorities with the management group',
  allocation: 'Allocate three children to each team member',
  dipSampling: 'Set dip-sampling targets',
};

const afternoonTasks = {
  myRecord: 'Your Team Member Information Record',
  records: 'Team Member Information Records',
  triangulation: 'Triangulation',
  feedback: 'Feedback to the Team Manager and Head of Service',
};

/** The afternoon's task list items, each as its text and link, by title. */
function afternoonOf(html: string) {
  const start = html.indexOf('<ul class="govuk-task-list', html.indexOf('id="afternoon"'));
  const list = html.slice(start, html.indexOf('</ul>', start));
  const items = new Map<string, { text: string; href: string; tag: string }>();
  for (const item of list.split('<li').slice(1)) {
    const text = textOf(`<main><li${item}</main>`);
    const title = Object.values(afternoonTasks).find((t) => text.startsWith(t)) ?? text;
    items.set(title, {
      text,
      href: /href="([^"]+)"/.exec(item)?.[1] ?? '',
      tag: /govuk-tag (govuk-tag--[\w-]+)/.exec(item)?.[1] ?? '',
    });
  }
  return items;
}

describe.each(testDialects())('the day page (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('shows the Lead the pack, the performance data, the team and the deadlines', async () => {
    t.clock.set('2026-11-26T09:00:00.000Z');
    const f = await addSpotlightFixture(t);
    await addDocumentRow(t, f.spotlightId, 'team-action-plan', 'Action plan 2026.pdf');
    await addDocumentRow(t, f.spotlightId, 'audits', 'Audit one.pdf');
    await addDocumentRow(t, f.spotlightId, 'audits', 'Audit two.pdf');
    const manager = await signInAs(f, 'teamManager');
    const upload = await uploadDocument(
      manager,
      f.spotlightId,
      'performance-data',
      csvFile('Caseloads <October>.csv'),
    );
    expect(upload.statusCode).toBe(303);

    const lead = await signInAs(f, 'lead');
    const response = await lead.get(`/spotlights/${f.spotlightId}/day`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/<title>\s*The day - Spotlight/);
    const text = textOf(response.body);
    expect(text).toContain('Family Support East');
    expect(text).toContain('is on 14 January 2027');
    expect(text).toContain('Read the preparation pack (4 documents)');
    expect(text).toContain('Team action plan: 1 document');
    expect(text).toContain('Outcomes of audits or practice evaluations: 2 documents');
    expect(text).toContain('Performance data (Power BI exports): 1 document');
    expect(text).not.toContain('Other: ');
    expect(response.body).toContain(`href="/spotlights/${f.spotlightId}/documents"`);

    // Performance data by name, with a link that downloads it.
    const link =
      /<a class="govuk-link" href="([^"]+)" download>Caseloads &lt;October&gt;.csv<\/a>/.exec(
        response.body,
      );
    expect(link).not.toBeNull();
    const download = await lead.get(link?.[1] ?? '');
    expect(download.statusCode).toBe(200);
    expect(download.body).toContain('Worker,Open cases');

    // Who is who.
    expect(text).toContain('Team Manager Tina Morgan (Team Manager)');
    expect(text).toContain('Head of Service Hugh Service');
    expect(text).toMatch(/Practitioners (Pat Practitioner|Sam Senior|Sol Worker) \(/);
    expect(text).toContain('Sam Senior (Senior Social Worker)');
    expect(text).toContain('Pat Practitioner (Social Worker)');
    expect(text).not.toMatch(/Practitioners[^.]*Tina Morgan/);
    expect(text).toContain('Lead Lena Lead');
    expect(text).toContain('Maya Member (Senior Social Worker)');
    expect(text).toContain('This is the team’s first Spotlight in Spotlight.');

    // The deadlines with how each stands; the documents are in, so that one is done.
    const deadlines = response.body.slice(response.body.indexOf('aria-label="Deadlines"'));
    const row = (name: string) =>
      textOf(`<main>${deadlines.split('<tr').find((r) => r.includes(name)) ?? ''}</main>`);
    expect(row('Preparation documents sent to the Spotlight Team')).toContain(
      '7 January 2027 Done',
    );
    expect(row('Team Member Information Records completed')).toMatch(
      /15 January 2027 due in \d+ working days/,
    );
    expect(row('Practitioners’ nominations collated and forwarded')).toMatch(
      /7 January 2027 due in \d+ working days/,
    );
  });

  it('names the team’s last Spotlight and its Lead', async () => {
    const f = await addSpotlightFixture(t);
    const db = t.services.database.db;
    const plan = await db
      .selectFrom('spotlight')
      .select('plan_id')
      .where('id', '=', f.spotlightId)
      .executeTakeFirstOrThrow();
    const now = t.clock.now().toISOString();
    await db
      .insertInto('spotlight')
      .values({
        id: newId(),
        plan_id: plan.plan_id,
        team_id: f.teamId,
        date: '2026-02-12',
        lead_person_id: f.personId.hosQa,
        status: 'planned',
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const text = textOf(
      (await (await signInAs(f, 'member1')).get(`/spotlights/${f.spotlightId}/day`)).body,
    );
    expect(text).toContain(
      'The team’s last Spotlight was on 12 February 2026, led by Helen Safeguarding.',
    );
    expect(text).toContain('Its report and actions will show here once recorded in Spotlight.');
  });

  it('marks the morning’s steps done as the Lead saves them', async () => {
    const f = await addSpotlightFixture(t);
    const lead = await signInAs(f, 'lead');
    const page = `/spotlights/${f.spotlightId}/day`;
    let body = (await lead.get(page)).body;
    const status = (task: string) => textOf(`<main>${taskOf(body, task)}</main>`);
    expect(status(tasks.priorities)).toContain('Not recorded yet. To do');
    expect(status(tasks.allocation)).toContain('0 of 3 team members have three children. To do');
    expect(status(tasks.dipSampling)).toContain('0 of 3 team members have a target. To do');
    expect(taskOf(body, tasks.priorities)).toContain(`href="${page}/priorities"`);
    expect(taskOf(body, tasks.allocation)).toContain(`href="${page}/allocation"`);
    expect(taskOf(body, tasks.dipSampling)).toContain(`href="${page}/dip-sampling"`);
    expect(textOf(body)).toContain('Not recorded yet. Record the priorities');

    await lead.post(`${page}/priorities`, {
      priority1: 'Supervision',
      priority2: 'Voice of the child',
      agreedWith: 'Tina and Hugh',
      version: '0',
    });
    await allocate(t, f.spotlightId, f.personId.member1, 3);
    await allocate(t, f.spotlightId, f.personId.member2, 2);
    await lead.post(`${page}/dip-sampling`, {
      member: f.personId.member3,
      howMany: '4',
      ofWhat: 'supervision records',
    });
    body = (await lead.get(page)).body;
    expect(status(tasks.priorities)).toContain('2 priorities agreed. Done');
    expect(status(tasks.allocation)).toContain(
      '1 of 3 team members has three children. In progress',
    );
    expect(status(tasks.dipSampling)).toContain('1 of 3 team members has a target. In progress');
    expect(body).toContain('<li>Supervision</li>');
    expect(body).toContain('<li>Voice of the child</li>');
    expect(body).toContain('Change the priorities');

    await allocate(t, f.spotlightId, f.personId.member3, 3);
    const db = t.services.database.db;
    await db
      .deleteFrom('allocation')
      .where('member_person_id', '=', f.personId.member2)
      .where('spotlight_id', '=', f.spotlightId)
      .execute();
    await allocate(t, f.spotlightId, f.personId.member2, 3);
    for (const member of [f.personId.member1, f.personId.member2]) {
      await lead.post(`${page}/dip-sampling`, { member, howMany: '2', ofWhat: 'visits' });
    }
    body = (await lead.get(page)).body;
    expect(status(tasks.allocation)).toContain('3 of 3 team members have three children. Done');
    expect(status(tasks.dipSampling)).toContain('3 of 3 team members have a target. Done');
  });

  it('follows the afternoon: records in, triangulation so far, and the feedback', async () => {
    t.clock.set('2027-01-14T17:00:00.000Z');
    const f = await addSpotlightFixture(t);
    const base = `/spotlights/${f.spotlightId}`;
    const lead = await signInAs(f, 'lead');
    let body = (await lead.get(`${base}/day`)).body;
    expect(textOf(body)).toContain('Afternoon and after the day');
    let afternoon = afternoonOf(body);
    expect([...afternoon.keys()]).toEqual([
      afternoonTasks.records,
      afternoonTasks.triangulation,
      afternoonTasks.feedback,
    ]);
    expect(afternoon.get(afternoonTasks.records)).toEqual({
      text: 'Team Member Information Records 0 of 3 team members have submitted their record. Not submitted yet: Maya Member, Milo Member, Mo Member. Deadline 15 January 2027 (due in 1 working day). To do',
      href: `${base}/records`,
      tag: 'govuk-tag--blue',
    });
    expect(afternoon.get(afternoonTasks.triangulation)).toEqual({
      text: 'Triangulation No evidence items or key findings yet. To do',
      href: `${base}/triangulation`,
      tag: 'govuk-tag--blue',
    });
    expect(afternoon.get(afternoonTasks.feedback)).toMatchObject({
      text: 'Feedback to the Team Manager and Head of Service Not recorded yet. The Lead records it after giving feedback at the end of the day. To do',
      href: `${base}/day/feedback`,
    });

    // Records straight into the database, as the records pages would write them; with children.
    await allocate(t, f.spotlightId, f.personId.member1, 3);
    const caseNumbers = await t.services.database.db
      .selectFrom('allocation')
      .select('case_number')
      .where('spotlight_id', '=', f.spotlightId)
      .execute();
    const first = await addMemberRecord(t, f.spotlightId, f.personId.member1, 'submitted');
    const second = await addMemberRecord(t, f.spotlightId, f.personId.member2, 'draft');
    await addEvidenceItems(t, f.spotlightId, first, 2);
    await addEvidenceItems(t, f.spotlightId, second, 1);
    await addKeyFinding(t, f.spotlightId);
    body = (await lead.get(`${base}/day`)).body;
    afternoon = afternoonOf(body);
    expect(afternoon.get(afternoonTasks.records)).toMatchObject({
      text: 'Team Member Information Records 1 of 3 team members has submitted their record. Not submitted yet: Maya Member, Milo Member. Deadline 15 January 2027 (due in 1 working day). In progress',
      tag: 'govuk-tag--light-blue',
    });
    expect(afternoon.get(afternoonTasks.triangulation)?.text).toBe(
      'Triangulation 3 evidence items and 1 key finding so far. In progress',
    );
    // No case numbers on the day page.
    for (const { case_number } of caseNumbers) expect(body).not.toContain(case_number);

    // After the deadline, the records still missing are late; the feedback is recorded.
    t.clock.set('2027-01-18T09:00:00.000Z');
    await addFeedback(t, f.spotlightId, [f.personId.teamManager]);
    const leadLater = await signInNow(t, f, 'lead');
    body = (await leadLater.get(`${base}/day`)).body;
    afternoon = afternoonOf(body);
    expect(afternoon.get(afternoonTasks.records)?.text).toContain(
      'Deadline 15 January 2027 (1 working day late). In progress',
    );
    expect(afternoon.get(afternoonTasks.records)?.tag).toBe('govuk-tag--red');
    expect(afternoon.get(afternoonTasks.feedback)?.text).toBe(
      'Feedback to the Team Manager and Head of Service Recorded. Done',
    );
    const deadlines = body.slice(body.indexOf('aria-label="Deadlines"'));
    const recordsDeadline = () =>
      textOf(
        `<main>${
          deadlines.split('<tr').find((r) => r.includes('Team Member Information Records')) ?? ''
        }</main>`,
      );
    expect(recordsDeadline()).toContain('15 January 2027 1 working day late');

    // Once every member has submitted, the deadline is met (one of them late).
    await t.services.database.db
      .updateTable('member_record')
      .set({ status: 'submitted', submitted_at: t.clock.now().toISOString() })
      .where('id', '=', second)
      .execute();
    await addMemberRecord(t, f.spotlightId, f.personId.member3, 'submitted');
    body = (await leadLater.get(`${base}/day`)).body;
    expect(afternoonOf(body).get(afternoonTasks.records)?.text).toBe(
      'Team Member Information Records 3 of 3 team members have submitted their record. 2 submitted late. Deadline 15 January 2027. Done',
    );
    const after = body.slice(body.indexOf('aria-label="Deadlines"'));
    expect(
      textOf(
        `<main>${after.split('<tr').find((r) => r.includes('Team Member Information Records')) ?? ''}</main>`,
      ),
    ).toContain('15 January 2027 Done');
  });

  it('links each member to their own record, with how it stands', async () => {
    t.clock.set('2027-01-14T17:00:00.000Z');
    const f = await addSpotlightFixture(t);
    const base = `/spotlights/${f.spotlightId}`;
    await addMemberRecord(t, f.spotlightId, f.personId.member1, 'submitted');
    await addMemberRecord(t, f.spotlightId, f.personId.member2, 'draft');
    // Signed in afresh each time: the clock moves past a session's life.
    const mine = async (key: 'member1' | 'member2' | 'member3' | 'lead' | 'qa') =>
      afternoonOf((await (await signInNow(t, f, key)).get(`${base}/day`)).body).get(
        afternoonTasks.myRecord,
      );
    expect(await mine('member3')).toEqual({
      text: 'Your Team Member Information Record You have not started your record yet. Submit it by 15 January 2027 (due in 1 working day). Not started',
      href: `${base}/records/mine`,
      tag: 'govuk-tag--blue',
    });
    expect(await mine('member2')).toMatchObject({
      text: 'Your Team Member Information Record Not submitted yet. Submit it by 15 January 2027 (due in 1 working day). In progress',
      href: `${base}/records/mine`,
    });
    expect((await mine('member1'))?.text).toBe(
      'Your Team Member Information Record Submitted. Submitted',
    );
    // The Lead and the QA team have no record of their own.
    expect(await mine('lead')).toBeUndefined();
    expect(await mine('qa')).toBeUndefined();

    t.clock.set('2027-01-19T09:00:00.000Z');
    const late = await mine('member3');
    expect(late?.text).toContain('(2 working days late). Not started');
    expect(late?.tag).toBe('govuk-tag--red');
  });

  it('is there for members and the QA team, and linked from the Spotlight page', async () => {
    const f = await addSpotlightFixture(t);
    for (const key of ['lead', 'member2', 'qa', 'hosQa'] as const) {
      const browser = await signInAs(f, key);
      const day = await browser.get(`/spotlights/${f.spotlightId}/day`);
      expect(day.statusCode, key).toBe(200);
      expect(textOf(day.body), key).toContain('Morning');
      const spotlight = await browser.get(`/spotlights/${f.spotlightId}`);
      expect(spotlight.body, key).toContain(
        `<a class="govuk-link" href="/spotlights/${f.spotlightId}/day">The day</a>`,
      );
    }
    const member = await (await signInAs(f, 'member2')).get(`/spotlights/${f.spotlightId}/day`);
    expect(textOf(member.body)).toContain('The Lead has not recorded the priorities yet.');
    expect(member.body).not.toContain('Record the priorities');
    for (const key of ['teamManager', 'practitioner1'] as const) {
      const spotlight = await (await signInAs(f, key)).get(`/spotlights/${f.spotlightId}`);
      expect(spotlight.statusCode).toBe(200);
      expect(spotlight.body, key).not.toContain(`href="/spotlights/${f.spotlightId}/day"`);
    }
  });

  it('refuses a reviewer of another Spotlight, the visited team and other managers, and audits it', async () => {
    const f = await addSpotlightFixture(t);
    const page = `/spotlights/${f.spotlightId}/day`;
    const refused = [
      'otherReviewer',
      'teamManager',
      'headOfService',
      'practitioner1',
      'otherManager',
    ] as const;
    for (const key of refused) {
      const response = await (await signInAs(f, key)).get(page);
      expect(response.statusCode, key).toBe(403);
      expect(response.body).toContain('You do not have permission to view this page');
    }
    const audit = await auditEntries(t, 'spotlight.access-refused', f.spotlightId);
    expect(audit).toHaveLength(refused.length);
    expect(
      audit.every((entry) => JSON.stringify(entry.details.needed) === '["spotlight:view-day"]'),
    ).toBe(true);
  });

  it('is not found for a Spotlight that does not exist or an odd address', async () => {
    const f = await addSpotlightFixture(t);
    const lead = await signInAs(f, 'lead');
    expect((await lead.get(`/spotlights/${newId()}/day`)).statusCode).toBe(404);
    expect((await lead.get('/spotlights/%00abc/day')).statusCode).toBe(404);
    expect((await lead.get(`/spotlights/${'x'.repeat(100)}/day`)).statusCode).toBe(404);
  });
});
