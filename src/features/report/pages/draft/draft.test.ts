import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { themeKeys } from '../../../../core/record-themes.js';
import { newId } from '../../../../platform/ids.js';
import { auditEntries, escaped, signInAs, textOf } from '../../../day/pages/day/test-support.js';
import { checksOf } from '../../report-facts.repository.js';
import { addTriangulatedSpotlight, insertReport } from '../../test-support.js';
import {
  recommendationsUrl,
  reportUrl,
  sectionRow,
  sectionUrl,
  versionIn,
} from './test-support.js';

describe.each(testDialects())('the report page (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('lets the Lead start the draft, each theme prefilled from its key findings', async () => {
    const f = await addSpotlightFixture(t);
    const day = await addTriangulatedSpotlight(t, f);
    const lead = await signInAs(f, 'lead');

    const before = await lead.get(reportUrl(f));
    expect(before.statusCode).toBe(200);
    expect(textOf(before.body)).toContain('Start the draft report');
    expect(textOf(before.body)).toContain('Each theme starts with its key findings');

    const started = await lead.post(`${reportUrl(f)}/start`);
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe(reportUrl(f));

    const db = t.services.database.db;
    const report = await db
      .selectFrom('report')
      .selectAll()
      .where('spotlight_id', '=', f.spotlightId)
      .executeTakeFirstOrThrow();
    expect([report.status, report.version]).toEqual(['draft', 1]);
    expect((await sectionRow(t, f, 'summary')).body).toBe('');
    const practice = await sectionRow(t, f, 'practice');
    expect(practice.working_well).toBe(
      'Children in the practice theme see the same worker each visit.',
    );
    expect(practice.to_improve).toBe(
      'Plans in the practice theme do not always say what will change for the child.',
    );
    expect(practice.for_children).toBe('');
    expect(practice.grade).toBeNull();
    expect(JSON.parse(practice.evidence_ids)).toEqual(day.evidence.practice);
    const sections = await db
      .selectFrom('report_section')
      .select('section_key')
      .where('spotlight_id', '=', f.spotlightId)
      .execute();
    expect(sections).toHaveLength(2 + themeKeys.length);

    // Starting again changes nothing and just shows the report.
    const again = await lead.post(`${reportUrl(f)}/start`);
    expect(again.statusCode).toBe(303);
    const count = await db
      .selectFrom('report')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('spotlight_id', '=', f.spotlightId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    expect(await auditEntries(t, 'report.started', f.spotlightId)).toHaveLength(1);

    const page = await lead.get(reportUrl(f));
    const text = textOf(page.body);
    expect(text).toContain('Draft report due with the QA team');
    expect(text).toContain('What is the quality of practice in the team?');
    expect(text).toContain('Rests on 2 evidence items from 2 sources');
    expect(text).toContain('Children whose records were reviewed 3');
    expect(page.body).toContain(`href="${sectionUrl(f, 'summary')}"`);
    expect(page.body).toContain(`href="${recommendationsUrl(f)}/new"`);
    expect(page.body).toContain(`href="${reportUrl(f)}/sign-off"`);
    expect(page.body).not.toContain(`${reportUrl(f)}/final"`);
    // Never a case number on a report page.
    for (const caseNumber of day.caseNumbers) expect(page.body).not.toContain(caseNumber);
  });

  it('refuses to start the draft for anyone but the Lead', async () => {
    const f = await addSpotlightFixture(t);
    await addTriangulatedSpotlight(t, f);
    for (const who of ['member1', 'teamManager', 'otherReviewer'] as const) {
      const browser = await signInAs(f, who);
      expect((await browser.post(`${reportUrl(f)}/start`)).statusCode).toBe(403);
    }
    const rows = await t.services.database.db
      .selectFrom('report')
      .select('status')
      .where('spotlight_id', '=', f.spotlightId)
      .execute();
    expect(rows).toHaveLength(0);
    const refused = await auditEntries(t, 'spotlight.access-refused', f.spotlightId);
    expect(refused.length).toBeGreaterThanOrEqual(3);
  });

  it('lets team members read the draft, keeps it from the QA team until it is sent', async () => {
    const f = await addSpotlightFixture(t);
    const day = await addTriangulatedSpotlight(t, f);
    const member = await signInAs(f, 'member1');
    const qa = await signInAs(f, 'qa');
    const outsider = await signInAs(f, 'otherReviewer');

    expect(textOf((await member.get(reportUrl(f))).body)).toContain(
      'The Lead has not started the draft report yet.',
    );
    expect(textOf((await qa.get(reportUrl(f))).body)).toContain(
      'The Lead has not sent the report to the QA team yet.',
    );
    expect((await outsider.get(reportUrl(f))).statusCode).toBe(403);
    expect((await (await signInAs(f, 'teamManager')).get(reportUrl(f))).statusCode).toBe(403);

    await insertReport(t, f, day);
    const asMember = await member.get(reportUrl(f));
    expect(asMember.statusCode).toBe(200);
    expect(textOf(asMember.body)).toContain('The team know their children well');
    expect(asMember.body).not.toContain(`href="${sectionUrl(f, 'summary')}"`);
    const asQa = await qa.get(reportUrl(f));
    expect(textOf(asQa.body)).not.toContain('The team know their children well');
    expect(textOf(asQa.body)).toContain('The Lead has not sent the report to the QA team yet.');
  });

  it('shows the QA team a submitted report, which nobody can change', async () => {
    const f = await addSpotlightFixture(t);
    const day = await addTriangulatedSpotlight(t, f);
    await insertReport(t, f, day, { status: 'submitted' });
    const qa = await signInAs(f, 'qa');
    const page = await qa.get(reportUrl(f));
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('The team know their children well');
    expect(text).toContain('The report is with the QA team, so it cannot be changed now.');
    expect(text).toContain('Every child’s plan names what will change for them.');

    const lead = await signInAs(f, 'lead');
    const asLead = await lead.get(reportUrl(f));
    expect(asLead.body).not.toContain(`href="${sectionUrl(f, 'summary')}"`);
    expect(asLead.body).not.toContain('Add a recommendation');
    const locked = await lead.get(sectionUrl(f, 'summary'));
    expect(locked.statusCode).toBe(400);
    expect(textOf(locked.body)).toContain('cannot be changed now');
    const post = await lead.post(sectionUrl(f, 'summary'), { version: '1', body: 'Kept words' });
    expect(post.statusCode).toBe(400);
    expect(textOf(post.body)).toContain('Kept words');
    expect((await sectionRow(t, f, 'summary')).body).not.toBe('Kept words');
    const add = await lead.post(`${recommendationsUrl(f)}/new`, {
      theme: 'practice',
      action: 'Something',
    });
    expect(add.statusCode).toBe(400);
  });

  it('links the final report once final, and says it is final', async () => {
    const f = await addSpotlightFixture(t);
    const day = await addTriangulatedSpotlight(t, f);
    await insertReport(t, f, day, { status: 'final' });
    const page = await (await signInAs(f, 'lead')).get(reportUrl(f));
    expect(page.body).toContain(`href="${reportUrl(f)}/final"`);
    expect(textOf(page.body)).toContain('Read the final report');
    expect(textOf(page.body)).toContain('The report is final, so it cannot be changed.');
  });

  it('warns of an Inadequate grade, and counts open comments per place', async () => {
    const f = await addSpotlightFixture(t);
    const day = await addTriangulatedSpotlight(t, f);
    await insertReport(t, f, day, { inadequate: true });
    const now = t.clock.now().toISOString();
    await t.services.database.db
      .insertInto('report_comment')
      .values(
        ['culture', 'culture'].map((place) => ({
          id: newId(),
          spotlight_id: f.spotlightId,
          section_key: place,
          author_person_id: f.personId.member1,
          text: 'A comment',
          created_at: now,
          resolved_at: null,
          resolved_by_person_id: null,
          resolution: null,
          version: 1,
        })),
      )
      .execute();
    const page = await (await signInAs(f, 'lead')).get(reportUrl(f));
    const text = textOf(page.body);
    expect(page.body).toContain('govuk-warning-text');
    expect(text).toContain(
      'A grade of Inadequate is flagged to the Head of Service QA and Safeguarding.',
    );
    expect(text).toContain('2 open comments');
    expect(page.body).toContain(`href="${reportUrl(f)}/comments"`);
  });

  it('shows the quality checks beside the place they are about', async () => {
    const f = await addSpotlightFixture(t);
    const day = await addTriangulatedSpotlight(t, f);
    const lead = await signInAs(f, 'lead');
    await lead.post(`${reportUrl(f)}/start`);
    const form = await lead.get(sectionUrl(f, 'summary'));
    const saved = await lead.post(sectionUrl(f, 'summary'), {
      version: versionIn(form.body),
      body: 'The LAC in the team were seen by the IRO and the CIN plans were SMART.',
    });
    expect(saved.statusCode).toBe(303);

    const spotlight = await t.services.spotlights.find(f.spotlightId);
    if (!spotlight) throw new Error('No Spotlight');
    const checks = await checksOf(t.services.database.db, spotlight, t.services.reportSettings);
    const page = await lead.get(reportUrl(f));
    const text = textOf(page.body);
    expect(text).toContain(`${checks.length} ${checks.length === 1 ? 'thing' : 'things'} to check`);
    const summary = page.body.slice(
      page.body.indexOf('id="section-summary"'),
      page.body.indexOf('id="section-context"'),
    );
    const expected = checks.filter((c) => c.place === 'summary');
    for (const check of expected) {
      expect(summary).toContain(escaped(check.suggestion));
      expect(summary).toContain(escaped(check.message));
    }
    if (expected.length === 0) expect(summary).not.toContain('to check in the summary');
    for (const caseNumber of day.caseNumbers) expect(page.body).not.toContain(caseNumber);
  });
});
