import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type TestApp } from '../../../../test/app.js';
import { testDialects } from '../../../../test/databases.js';
import {
  addSpotlightFixture,
  type SpotlightFixture,
  type SpotlightPersonKey,
} from '../../../../test/spotlight-fixture.js';
import { newId } from '../../../platform/ids.js';
import {
  addCaseList,
  addDocument,
  addNomination,
  confirmAccess,
  forwardNominations,
  signInNow,
  textOf,
} from './test-support.js';

/** The deadlines table's row that names `label`, as HTML. */
function rowOf(html: string, label: string): string {
  const row = html.split('<tr').find((r) => r.includes(label));
  if (!row) throw new Error(`No row for ${label}`);
  return row;
}

/** The readiness checklist's item that names `label`, as HTML. */
function itemOf(html: string, label: string): string {
  const list = html.slice(html.indexOf('<ul class="govuk-task-list'));
  const item = list
    .slice(0, list.indexOf('</ul>'))
    .split('<li')
    .find((i) => i.includes(label));
  if (!item) throw new Error(`No checklist item for ${label}`);
  return item;
}

const documentsDeadline = 'Preparation documents sent to the Spotlight Team';
const nominationsDeadline = 'Practitioners’ nominations collated and forwarded';
const accessDeadline = 'Team members have access to the team’s recording system';

describe.each(testDialects())('a Spotlight’s own page (%s)', (dialect) => {
  let t: TestApp;
  let f: SpotlightFixture;
  let page: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    f = await addSpotlightFixture(t);
    page = `/spotlights/${f.spotlightId}`;
  });
  afterAll(async () => t?.close());

  it('shows who is in the Spotlight and the team it visits', async () => {
    t.clock.set('2026-11-26T09:00:00.000Z');
    const response = await (await signInNow(t, f, 'member2')).get(page);
    expect(response.statusCode).toBe(200);
    const text = textOf(response.body);
    expect(text).toMatch(/Thursday 14 January 2027 Family Support East [\d.]+ Spotlight/);
    expect(response.body).toMatch(/<title>\s*Family Support East [\d.]+ Spotlight - Spotlight/);
    expect(text).toContain('Lead Lena Lead');
    expect(text).toContain('Mo Member (Team Manager)');
    expect(text).toContain('Maya Member (Senior Social Worker)');
    expect(text).toContain('Milo Member (ISRO)');
    expect(text).toContain('Team Manager Tina Morgan');
    expect(text).toContain('Head of Service Hugh Service');
  });

  it('shows each deadline with its date, and how it stands as the days pass', async () => {
    t.clock.set('2026-11-26T09:00:00.000Z');
    let body = (await (await signInNow(t, f, 'member1')).get(page)).body;
    for (const name of [documentsDeadline, nominationsDeadline, accessDeadline]) {
      expect(body).toContain(name);
    }
    expect(textOf(rowOf(body, documentsDeadline))).toMatch(
      /7 January 2027 due in \d+ working days/,
    );
    expect(rowOf(body, documentsDeadline)).toContain('govuk-tag--grey');
    expect(textOf(rowOf(body, accessDeadline))).toContain('13 January 2027');
    expect(textOf(rowOf(body, 'Team Member Information Records'))).toContain('15 January 2027');
    expect(body).toContain('Draft report sent to the QA team');

    t.clock.set('2027-01-05T09:00:00.000Z');
    body = (await (await signInNow(t, f, 'member1')).get(page)).body;
    expect(textOf(rowOf(body, documentsDeadline))).toContain('due in 2 working days');
    expect(rowOf(body, documentsDeadline)).toContain('govuk-tag--yellow');

    t.clock.set('2027-01-11T09:00:00.000Z');
    body = (await (await signInNow(t, f, 'member1')).get(page)).body;
    expect(textOf(rowOf(body, documentsDeadline))).toContain('2 working days late');
    expect(rowOf(body, documentsDeadline)).toContain('govuk-tag--red');
    expect(textOf(rowOf(body, accessDeadline))).toContain('due in 2 working days');
  });

  it('turns the readiness checklist done as the preparation comes in, never showing case numbers', async () => {
    const g = await addSpotlightFixture(t);
    const gPage = `/spotlights/${g.spotlightId}`;
    t.clock.set('2027-01-11T09:00:00.000Z');
    const manager = await signInNow(t, g, 'teamManager');
    let body = (await manager.get(gPage)).body;
    expect(body).toContain('Getting ready');
    expect(body).toContain('govuk-task-list');
    expect(textOf(itemOf(body, 'Preparation documents'))).toContain('No documents yet.');
    expect(itemOf(body, 'Preparation documents')).toContain('Late');
    expect(textOf(itemOf(body, 'Practitioners’ nominations'))).toContain(
      '0 of 3 practitioners have named both children. Not forwarded yet.',
    );
    expect(textOf(itemOf(body, 'The team’s case list'))).toContain('No case list yet.');
    expect(textOf(itemOf(body, 'Access to the recording system'))).toContain(
      'Not confirmed yet: Lena Lead, Maya Member, Milo Member, Mo Member.',
    );
    expect(textOf(itemOf(body, 'The team’s last Spotlight'))).toContain(
      'This is the team’s first Spotlight.',
    );
    expect(textOf(itemOf(body, 'The team’s last Spotlight'))).toContain('Done');

    await addDocument(t, g.spotlightId, 'team-action-plan');
    await addDocument(t, g.spotlightId, 'performance-data');
    await addDocument(t, g.spotlightId, 'performance-data');
    await addNomination(t, g.spotlightId, g.personId.practitioner1, 'proud', '4455661');
    await addNomination(t, g.spotlightId, g.personId.practitioner1, 'challenging', '4455662');
    await addNomination(t, g.spotlightId, g.personId.practitioner2, 'proud', '4455663');
    await forwardNominations(t, g.spotlightId, g.personId.teamManager, '2027-01-06T15:00:00.000Z');
    await addCaseList(t, g.spotlightId, 312);
    await confirmAccess(t, g.spotlightId, g.personId.lead);
    await confirmAccess(t, g.spotlightId, g.personId.member1);

    body = (await manager.get(gPage)).body;
    const documents = itemOf(body, 'Preparation documents');
    expect(textOf(documents)).toContain(
      '3 documents: team action plan, performance data (Power BI exports). Not sent yet: recent stocktake or QAPM meeting reports, outcomes of audits or practice evaluations.',
    );
    expect(textOf(documents)).toContain('Done');
    expect(textOf(itemOf(body, 'Practitioners’ nominations'))).toContain(
      '1 of 3 practitioners has named both children. Forwarded on 6 January 2027.',
    );
    expect(textOf(itemOf(body, 'The team’s case list'))).toContain('312 case numbers.');
    expect(textOf(itemOf(body, 'Access to the recording system'))).toContain(
      'Not confirmed yet: Maya Member, Milo Member.',
    );
    expect(itemOf(body, 'Access to the recording system')).toContain('To do');
    // The deadlines met are done rather than late.
    expect(textOf(rowOf(body, documentsDeadline))).toContain('Done');
    expect(textOf(rowOf(body, nominationsDeadline))).toContain('Done');
    expect(textOf(rowOf(body, accessDeadline))).toContain('due in 2 working days');
    // No case numbers on this page.
    for (const number of ['4455661', '4455662', '4455663', '100000', '100311']) {
      expect(body).not.toContain(number);
    }

    await confirmAccess(t, g.spotlightId, g.personId.member2);
    await confirmAccess(t, g.spotlightId, g.personId.member3);
    body = (await manager.get(gPage)).body;
    expect(textOf(itemOf(body, 'Access to the recording system'))).toContain(
      'Everyone in the Spotlight Team has confirmed.',
    );
    expect(textOf(rowOf(body, accessDeadline))).toContain('Done');
  });

  it('names the team’s last Spotlight, which is in the pack automatically', async () => {
    const g = await addSpotlightFixture(t);
    const plan = await t.services.database.db
      .selectFrom('spotlight')
      .select('plan_id')
      .where('id', '=', g.spotlightId)
      .executeTakeFirstOrThrow();
    const now = t.clock.now().toISOString();
    await t.services.database.db
      .insertInto('spotlight')
      .values({
        id: newId(),
        plan_id: plan.plan_id,
        team_id: g.teamId,
        date: '2026-02-12',
        lead_person_id: null,
        status: 'planned',
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const body = (await (await signInNow(t, g, 'qa')).get(`/spotlights/${g.spotlightId}`)).body;
    expect(textOf(itemOf(body, 'The team’s last Spotlight'))).toContain(
      'In the pack automatically: the Spotlight of 12 February 2026.',
    );
  });

  it('links each person to the preparation pages they may use', async () => {
    const links = async (key: SpotlightPersonKey) => {
      const body = (await (await signInNow(t, f, key)).get(page)).body;
      return [...body.matchAll(/href="(\/spotlights\/[^"]+)"/g)].map((m) =>
        (m[1] ?? '').replace(page, ''),
      );
    };
    const manager = await links('teamManager');
    expect(manager).toEqual(
      expect.arrayContaining(['/documents', '/nominations', '/case-list', '/recording-access']),
    );
    expect(manager).not.toContain('/nominations/mine');

    const practitioner = await links('practitioner1');
    expect(practitioner).toEqual(['/nominations/mine']);

    const qa = await links('qa');
    expect(qa).toEqual(expect.arrayContaining(['/documents', '/recording-access']));
    expect(qa).not.toContain('/case-list');
    expect(qa).not.toContain('/nominations');

    const lead = await links('lead');
    expect(lead).toEqual(
      expect.arrayContaining(['/documents', '/nominations', '/case-list', '/recording-access']),
    );
  });

  it('links the day, the records, triangulation and the feedback to those who may see them', async () => {
    const links = async (key: SpotlightPersonKey) => {
      const body = (await (await signInNow(t, f, key)).get(page)).body;
      const after = body.slice(body.indexOf('The day and after'));
      return body.includes('The day and after')
        ? [...after.slice(0, after.indexOf('</ul>')).matchAll(/href="([^"]+)"/g)].map((m) =>
            (m[1] ?? '').replace(page, ''),
          )
        : [];
    };
    const all = ['/day', '/records', '/triangulation', '/day/feedback'];
    for (const key of ['lead', 'member1', 'qa', 'hosQa'] as const) {
      expect(await links(key), key).toEqual(all);
    }
    // The visited team's managers and Head of Service are given the feedback; not the day's pages.
    for (const key of ['teamManager', 'headOfService'] as const) {
      expect(await links(key), key).toEqual(['/day/feedback']);
    }
    expect(await links('practitioner1')).toEqual([]);
  });

  it('shows the practitioner the deadlines but not the checklist', async () => {
    const body = (await (await signInNow(t, f, 'practitioner2')).get(page)).body;
    expect(body).toContain(documentsDeadline);
    expect(body).not.toContain('Getting ready');
    expect(body).toContain('Name your two children');
    expect(body).not.toContain('Confirm I have access');
  });

  it('lets a member confirm access from the page, until they have', async () => {
    const member = await signInNow(t, f, 'member3');
    let body = (await member.get(page)).body;
    expect(body).toContain('id="recording-access"');
    expect(body).toMatch(
      new RegExp(
        `<form method="post" action="${page}/recording-access"[^>]*>\\s*<input type="hidden" name="_csrf" value="[^"]+">`,
      ),
    );
    expect(body).toContain('Confirm I have access to LCS');
    await confirmAccess(t, f.spotlightId, f.personId.member3);
    body = (await member.get(page)).body;
    expect(body).not.toContain('Confirm I have access to LCS');
    expect(body).toContain('You have confirmed you have access to LCS');
    // The Team Manager is not asked.
    expect((await (await signInNow(t, f, 'teamManager')).get(page)).body).not.toContain(
      'Confirm I have access',
    );
  });

  it('refuses a reviewer of another Spotlight and another team’s manager, and audits it', async () => {
    for (const key of ['otherReviewer', 'otherManager'] as const) {
      const response = await (await signInNow(t, f, key)).get(page);
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain('Family Support East');
    }
    const refusals = await t.services.database.db
      .selectFrom('audit_event')
      .select(['actor_name'])
      .where('action', '=', 'spotlight.access-refused')
      .where('object_id', '=', f.spotlightId)
      .execute();
    expect(refusals.map((r) => r.actor_name).sort()).toEqual(['Olly Other', 'Omar Manager']);
    // A staff member with no part in it, too.
    const { browser } = await signedIn(t, 'staff');
    expect((await browser.get(page)).statusCode).toBe(403);
  });

  it('answers "not found" for a Spotlight that does not exist, whatever the address holds', async () => {
    const qa = await signInNow(t, f, 'qa');
    for (const id of [newId(), 'x'.repeat(90), '%00', 'null', '..%2F..%2Fadmin']) {
      const response = await qa.get(`/spotlights/${id}`);
      expect(response.statusCode).toBe(404);
    }
    // An address too long to be a Spotlight's is refused outright.
    expect((await qa.get(`/spotlights/${'x'.repeat(2000)}`)).statusCode).toBe(414);
  });
});
