import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import {
  addSpotlightFixture,
  type SpotlightFixture,
} from '../../../../../test/spotlight-fixture.js';
import {
  auditEntries,
  blns,
  dayRow,
  escaped,
  hasControlCharacter,
  keptLine,
  signInAs,
  textOf,
} from '../day/test-support.js';

const priorities = (f: SpotlightFixture) => `/spotlights/${f.spotlightId}/day/priorities`;

const agreed = {
  priority1: 'Is supervision reflective & regular?',
  priority2: '',
  priority3: 'What is life like for children waiting for a plan?',
  agreedWith: 'Tina Morgan (Team Manager) and Hugh Service (Head of Service)',
  practicalities: 'Room 2.14 all day.\r\n\r\nLunch at 12:30.\r\nAsk Tina for passwords.',
  version: '0',
};

describe.each(testDialects())('the priorities for the day (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('lets the Lead record them, and shows them read-only to members and the QA team', async () => {
    const f = await addSpotlightFixture(t);
    const lead = await signInAs(f, 'lead');
    const empty = await lead.get(priorities(f));
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('<input type="hidden" name="version" value="0">');
    for (let i = 1; i <= 8; i += 1) expect(empty.body).toContain(`id="priority${i}"`);

    const saved = await lead.post(priorities(f), agreed);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/spotlights/${f.spotlightId}/day`);
    const row = await dayRow(t, f.spotlightId);
    expect(JSON.parse(row?.priorities ?? '[]')).toEqual([agreed.priority1, agreed.priority3]);
    expect(row?.agreed_with).toBe(agreed.agreedWith);
    expect(row?.practicalities).toBe(
      'Room 2.14 all day.\n\nLunch at 12:30.\nAsk Tina for passwords.',
    );
    expect(row?.version).toBe(1);
    expect(row?.updated_by_person_id).toBe(f.personId.lead);
    const audit = await auditEntries(t, 'day.priorities-recorded', f.spotlightId);
    expect(audit).toEqual([
      { actorName: 'Lena Lead', caseNumbers: [], details: { priorities: 2, version: 1 } },
    ]);

    const dayPage = await lead.get(`/spotlights/${f.spotlightId}/day`);
    expect(dayPage.body).toContain('Priorities saved');
    const again = await lead.get(priorities(f));
    expect(again.body).toContain('<input type="hidden" name="version" value="1">');
    expect(again.body).toContain(`value="${escaped(agreed.priority1)}"`);
    expect(textOf(again.body)).toContain('Last saved by Lena Lead, 26 November 2026');

    for (const key of ['member1', 'qa', 'hosQa'] as const) {
      const browser = await signInAs(f, key);
      const page = await browser.get(priorities(f));
      expect(page.statusCode, key).toBe(200);
      expect(page.body, key).not.toContain('<form method="post" action="/spotlights');
      expect(page.body).not.toContain('name="priority1"');
      const text = textOf(page.body);
      expect(page.body).toContain('<li>Is supervision reflective &amp; regular?</li>');
      expect(text).toContain('What is life like for children waiting for a plan?');
      expect(text).toContain(agreed.agreedWith);
      expect(page.body).toContain('Lunch at 12:30.<br>Ask Tina for passwords.');
      const day = await browser.get(`/spotlights/${f.spotlightId}/day`);
      expect(textOf(day.body)).toContain('Agreed with Tina Morgan (Team Manager)');
      expect(day.body).not.toContain('Change the priorities');
    }
  });

  it('tells members and the QA team when nothing is recorded yet', async () => {
    const f = await addSpotlightFixture(t);
    const page = await (await signInAs(f, 'member2')).get(priorities(f));
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('The Lead has not recorded the priorities for the day yet');
  });

  it('shows the errors in the GOV.UK way, keeping what was typed', async () => {
    const f = await addSpotlightFixture(t);
    const lead = await signInAs(f, 'lead');
    const response = await lead.post(priorities(f), {
      priority1: '   ',
      priority2: '',
      agreedWith: '',
      practicalities: 'Meet in <b>room 3</b>',
      version: '0',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/<title>\s*Error: Priorities for the day - Spotlight/);
    expect(response.body).toContain('There is a problem');
    const summary = response.body.slice(response.body.indexOf('govuk-error-summary'));
    expect(summary.indexOf('href="#priority1"')).toBeGreaterThan(-1);
    expect(summary.indexOf('href="#priority1"')).toBeLessThan(
      summary.indexOf('href="#agreedWith"'),
    );
    expect(response.body).toContain('Enter at least one priority');
    expect(response.body).toContain(
      'Enter who agreed the priorities, for example the Team Manager and Head of Service',
    );
    expect(response.body).toContain('Meet in &lt;b&gt;room 3&lt;/b&gt;');
    expect(await dayRow(t, f.spotlightId)).toBeUndefined();

    const tooLong = await lead.post(priorities(f), {
      priority1: 'ok',
      priority4: 'x'.repeat(301),
      agreedWith: 'y'.repeat(501),
      practicalities: 'z'.repeat(2001),
      version: '0',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('Priority 4 must be 300 characters or fewer');
    expect(tooLong.body).toContain('Who agreed the priorities must be 500 characters or fewer');
    expect(tooLong.body).toContain(
      'The practicalities of the day must be 2,000 characters or fewer',
    );
    expect(tooLong.body).toContain(`value="${'x'.repeat(301)}"`);

    // At the limits, counted in characters (an emoji is one).
    const atLimits = await lead.post(priorities(f), {
      priority1: '👩🏽‍⚕️'.repeat(42),
      priority8: 'x'.repeat(300),
      agreedWith: 'y'.repeat(500),
      practicalities: 'z'.repeat(2000),
      version: '0',
    });
    expect([...'👩🏽‍⚕️'.repeat(42)].length).toBeLessThanOrEqual(300);
    expect(atLimits.statusCode).toBe(303);
  });

  it('saves naughty strings as typed (without hidden control characters) and shows them escaped', async () => {
    const f = await addSpotlightFixture(t);
    const lead = await signInAs(f, 'lead');
    const member = await signInAs(f, 'member3');
    const strings = [...blns, 'Null\u0000in the middle', '<script>alert(1)</script>'];
    const scripts = (html: string) => html.toLowerCase().split('<script').length;
    const layoutScripts = scripts((await member.get(priorities(f))).body);
    const cleanedOf = keptLine;
    const refused = strings.filter((s) => cleanedOf(s) === '' || [...cleanedOf(s)].length > 300);
    const accepted = strings.filter((s) => !refused.includes(s));
    expect(refused.length).toBeLessThan(20);

    // Eight at a time, one in each priority; the first also as who agreed and the practicalities.
    let version = 0;
    for (let start = 0; start < accepted.length; start += 8) {
      const batch = accepted.slice(start, start + 8);
      const form: Record<string, string> = {
        agreedWith: batch[0] ?? '',
        practicalities: batch[0] ?? '',
        version: String(version),
      };
      batch.forEach((naughty, i) => {
        form[`priority${i + 1}`] = naughty;
      });
      const label = `batch from #${start}: ${JSON.stringify(batch)}`;
      const response = await lead.post(priorities(f), form);
      expect(response.statusCode, label).toBe(303);
      version += 1;
      const row = await dayRow(t, f.spotlightId);
      expect(JSON.parse(row?.priorities ?? '[]'), label).toEqual(batch.map(cleanedOf));
      expect(row?.agreed_with, label).toBe(cleanedOf(batch[0] ?? ''));
      const page = await member.get(priorities(f));
      expect(page.statusCode).toBe(200);
      for (const naughty of batch) {
        expect(page.body, JSON.stringify(naughty)).toContain(
          `<li>${escaped(cleanedOf(naughty))}</li>`,
        );
      }
      expect(scripts(page.body), `no injected script, ${label}`).toBe(layoutScripts);
    }

    // The rest are blank once cleaned, or too long: refused with a message, never a 500.
    for (const naughty of refused) {
      const response = await lead.post(priorities(f), {
        priority1: naughty,
        agreedWith: naughty,
        version: String(version),
      });
      expect(response.statusCode, JSON.stringify(naughty)).toBe(400);
      expect(response.body).toContain('There is a problem');
    }
    const row = await dayRow(t, f.spotlightId);
    expect(row?.version).toBe(version);
    expect((JSON.parse(row?.priorities ?? '[]') as string[]).some(hasControlCharacter)).toBe(false);
    expect(hasControlCharacter(row?.practicalities ?? '')).toBe(false);
  });

  it('gives a stale save a conflict page that shows both and loses nothing', async () => {
    const f = await addSpotlightFixture(t);
    const lead = await signInAs(f, 'lead');
    expect((await lead.post(priorities(f), agreed)).statusCode).toBe(303);
    const mine = {
      priority1: 'Management oversight of visits',
      agreedWith: 'Hugh Service',
      practicalities: 'Room 4',
      version: '0',
    };
    const stale = await lead.post(priorities(f), mine);
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Somebody else saved the priorities');
    expect(stale.body).toContain('What you entered has not been saved');
    expect(stale.body).toContain('Management oversight of visits');
    expect(stale.body).toContain('Is supervision reflective &amp; regular?');
    expect(stale.body).toContain('<input type="hidden" name="version" value="1">');
    expect(stale.body).toContain(
      '<input type="hidden" name="priority1" value="Management oversight of visits">',
    );
    const row = await dayRow(t, f.spotlightId);
    expect(row?.version).toBe(1);
    expect(row?.agreed_with).toBe(agreed.agreedWith);

    // "Save what you entered" posts the hidden fields at the version now saved.
    const fields = Object.fromEntries(
      [...stale.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)]
        .filter((m) => m[1] !== '_csrf' && m[1] !== 'timedOut' && m[1] !== 'returnTo')
        .map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    const resaved = await lead.post(priorities(f), fields);
    expect(resaved.statusCode).toBe(303);
    const after = await dayRow(t, f.spotlightId);
    expect(JSON.parse(after?.priorities ?? '[]')).toEqual(['Management oversight of visits']);
    expect(after?.version).toBe(2);
  });

  it('refuses a version that is missing or odd with a clear page', async () => {
    const f = await addSpotlightFixture(t);
    const lead = await signInAs(f, 'lead');
    const response = await lead.post(priorities(f), { ...agreed, version: 'x' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The form was not complete');
    expect(await dayRow(t, f.spotlightId)).toBeUndefined();
  });

  it('refuses a member, the visited team and outsiders, and audits it', async () => {
    const f = await addSpotlightFixture(t);
    const member = await signInAs(f, 'member1');
    const post = await member.post(priorities(f), agreed);
    expect(post.statusCode).toBe(403);
    expect(await dayRow(t, f.spotlightId)).toBeUndefined();
    for (const key of ['otherReviewer', 'teamManager', 'practitioner1', 'headOfService'] as const) {
      const browser = await signInAs(f, key);
      expect((await browser.get(priorities(f))).statusCode, key).toBe(403);
      expect((await browser.post(priorities(f), agreed)).statusCode, key).toBe(403);
    }
    const refusals = await auditEntries(t, 'spotlight.access-refused', f.spotlightId);
    // Entries in the same millisecond have no order between them.
    expect(refusals.map((r) => r.actorName).sort()).toEqual(
      [
        'Mo Member',
        ...['Olly Other', 'Tina Morgan', 'Pat Practitioner', 'Hugh Service'].flatMap((n) => [n, n]),
      ].sort(),
    );
    const neededBy = (name: string) =>
      refusals.filter((r) => r.actorName === name).map((r) => r.details.needed);
    expect(neededBy('Mo Member')).toEqual([['spotlight:lead']]);
    expect(neededBy('Tina Morgan')).toContainEqual(['spotlight:view-day']);
  });
});
