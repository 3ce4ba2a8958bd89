import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { auditEntries, escaped, signInAs, textOf } from '../../../day/pages/day/test-support.js';
import { addTriangulatedSpotlight } from '../../test-support.js';
import {
  recommendationRows,
  recommendationsUrl,
  reportUrl,
  secondLeadTab,
  versionIn,
} from '../draft/test-support.js';

const full = {
  theme: 'practice',
  action: 'Every child’s plan says what will change for them.',
  owner: 'Team Manager',
  'dueOn-day': '30',
  'dueOn-month': '4',
  'dueOn-year': '2027',
  measure: 'Plans audited each month',
  baseline: '40% in January 2027',
  target: '80% by April 2027',
};

describe.each(testDialects())('the recommendations (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  async function started() {
    const f = await addSpotlightFixture(t);
    const day = await addTriangulatedSpotlight(t, f);
    const lead = await signInAs(f, 'lead');
    await lead.post(`${reportUrl(f)}/start`);
    return { f, day, lead };
  }

  it('adds recommendations at the end, showing the actions suggested at the feedback', async () => {
    const { f, day, lead } = await started();
    const form = await lead.get(`${recommendationsUrl(f)}/new`);
    expect(form.statusCode).toBe(200);
    expect(textOf(form.body)).toContain('Actions suggested at the feedback');
    expect(textOf(form.body)).toContain('Review every child’s plan with the family');

    const added = await lead.post(`${recommendationsUrl(f)}/new`, full);
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`${reportUrl(f)}#recommendations`);
    // Only the theme and what will change are needed.
    const bare = await lead.post(`${recommendationsUrl(f)}/new`, {
      theme: 'oversight',
      action: 'Managers record their decisions.',
    });
    expect(bare.statusCode).toBe(303);

    const rows = await recommendationRows(t, f);
    expect(rows.map((r) => [r.position, r.theme, r.owner, r.due_on, r.baseline, r.target])).toEqual(
      [
        [1, 'practice', 'Team Manager', '2027-04-30', '40% in January 2027', '80% by April 2027'],
        [2, 'oversight', null, null, null, null],
      ],
    );
    const page = await lead.get(reportUrl(f));
    const text = textOf(page.body);
    expect(text).toContain('Recommendation added');
    expect(text).toContain('Action plan');
    expect(text).toContain('30 April 2027');
    expect(text).toContain('Baseline: 40% in January 2027');
    expect(text).toContain('Not given');
    for (const caseNumber of day.caseNumbers) expect(page.body).not.toContain(caseNumber);
    const audits = await auditEntries(t, 'report.recommendation-added', f.spotlightId);
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain('Every child');
  });

  it('refuses a missing theme or action, and a date that is not real', async () => {
    const { f, lead } = await started();
    const empty = await lead.post(`${recommendationsUrl(f)}/new`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toMatch(/<title>\s*Error: /);
    const text = textOf(empty.body);
    expect(text).toContain('Select the theme the recommendation is about');
    expect(text).toContain('Enter what will change');

    const badDate = await lead.post(`${recommendationsUrl(f)}/new`, {
      ...full,
      'dueOn-day': '31',
      'dueOn-month': '2',
    });
    expect(badDate.statusCode).toBe(400);
    expect(textOf(badDate.body)).toContain('By when must be a real date');
    expect(badDate.body).toContain(escaped(full.action).replace(/&#39;/g, '’'));

    const partDate = await lead.post(`${recommendationsUrl(f)}/new`, {
      ...full,
      'dueOn-month': '',
    });
    expect(partDate.statusCode).toBe(400);
    expect(textOf(partDate.body)).toContain('By when must include a month');
    expect(partDate.body).toContain('href="#dueOn-month"');

    const tooLong = await lead.post(`${recommendationsUrl(f)}/new`, {
      ...full,
      owner: 'x'.repeat(201),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(textOf(tooLong.body)).toContain('Who owns it must be 200 characters or fewer');
    expect(await recommendationRows(t, f)).toHaveLength(0);
  });

  it('changes a recommendation, with a conflict page when it was saved elsewhere first', async () => {
    const { f, lead } = await started();
    await lead.post(`${recommendationsUrl(f)}/new`, full);
    const [row] = await recommendationRows(t, f);
    if (!row) throw new Error('No recommendation');
    const url = `${recommendationsUrl(f)}/${row.id}`;

    const mine = await lead.get(url);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('value="30"');
    const other = await secondLeadTab(t, f);
    const theirs = await other.get(url);
    const changed = await other.post(url, {
      ...full,
      version: versionIn(theirs.body),
      action: 'Their words',
    });
    expect(changed.statusCode).toBe(303);

    const conflict = await lead.post(url, {
      ...full,
      version: versionIn(mine.body),
      action: 'My words',
    });
    expect(conflict.statusCode).toBe(409);
    const text = textOf(conflict.body);
    expect(text).toContain('Your version');
    expect(text).toContain('Their version');
    expect(text).toContain('Their words');
    expect(text).toContain('My words');
    expect(versionIn(conflict.body)).toBe('2');

    const onTop = await lead.post(url, {
      ...full,
      version: versionIn(conflict.body),
      action: 'My words',
    });
    expect(onTop.statusCode).toBe(303);
    expect((await recommendationRows(t, f))[0]?.action).toBe('My words');
    expect(await auditEntries(t, 'report.recommendation-changed', f.spotlightId)).toHaveLength(2);
  });

  it('removes a recommendation after asking', async () => {
    const { f, lead } = await started();
    await lead.post(`${recommendationsUrl(f)}/new`, full);
    await lead.post(`${recommendationsUrl(f)}/new`, { theme: 'culture', action: 'Second' });
    const [first] = await recommendationRows(t, f);
    if (!first) throw new Error('No recommendation');
    const url = `${recommendationsUrl(f)}/${first.id}/remove`;
    const ask = await lead.get(url);
    expect(ask.statusCode).toBe(200);
    expect(textOf(ask.body)).toContain('Remove this recommendation?');
    const removed = await lead.post(url);
    expect(removed.statusCode).toBe(303);
    expect(textOf((await lead.get(reportUrl(f))).body)).toContain('Recommendation removed');
    expect((await recommendationRows(t, f)).map((r) => r.action)).toEqual(['Second']);
    expect((await lead.post(url)).statusCode).toBe(404);
    expect((await lead.get(`${recommendationsUrl(f)}/${first.id}`)).statusCode).toBe(404);
    expect(await auditEntries(t, 'report.recommendation-removed', f.spotlightId)).toHaveLength(1);
  });

  it('refuses everyone but the Lead', async () => {
    const { f, lead } = await started();
    await lead.post(`${recommendationsUrl(f)}/new`, full);
    const [row] = await recommendationRows(t, f);
    if (!row) throw new Error('No recommendation');
    for (const who of ['member1', 'qa', 'teamManager', 'otherReviewer'] as const) {
      const browser = await signInAs(f, who);
      expect((await browser.get(`${recommendationsUrl(f)}/new`)).statusCode).toBe(403);
      expect((await browser.post(`${recommendationsUrl(f)}/new`, full)).statusCode).toBe(403);
      expect((await browser.post(`${recommendationsUrl(f)}/${row.id}/remove`)).statusCode).toBe(
        403,
      );
    }
    expect(await recommendationRows(t, f)).toHaveLength(1);
  });
});
