import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { newId } from '../../../../platform/ids.js';
import {
  addDocument as uploadDocument,
  csvFile,
} from '../../../preparation/pages/documents/test-support.js';
import {
  addDocumentRow,
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
      expect(spotlight.body, key).not.toContain(`/spotlights/${f.spotlightId}/day`);
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
