// A report keeps the grade scale it began with: the QA coordinator changing the council's scale
// later changes neither the grades a draft under way offers nor how its grades are checked and
// flagged; a report started afterwards uses the new scale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';
import { addSpotlightFixture } from '../../../test/spotlight-fixture.js';
import { defaultGradeScale } from '../../core/report/report-model.js';
import type { RequestContext } from '../../platform/context.js';
import { signInAs, textOf } from '../day/pages/day/test-support.js';
import { reportUrl, sectionUrl, versionIn } from './pages/draft/test-support.js';
import { checksOf, gradeScaleOf } from './report-facts.repository.js';
import { addTriangulatedSpotlight } from './test-support.js';

const newScale = ['Excellent', 'Good', 'Needs work', 'Poor'];
const qa: RequestContext = {
  actor: { accountId: 'x', personId: 'x', name: 'QA', role: 'qa-coordinator' },
  requestId: 'test',
};

describe.each(testDialects())('a report keeps the grade scale it began with (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  async function started() {
    const f = await addSpotlightFixture(t);
    const day = await addTriangulatedSpotlight(t, f);
    const lead = await signInAs(f, 'lead');
    expect((await lead.post(`${reportUrl(f)}/start`)).statusCode).toBe(303);
    return { f, day, lead };
  }
  const offered = (html: string, grade: string) => html.includes(`value="${grade}"`);

  it('offers and checks the old scale in a draft begun before the change, the new one after', async () => {
    const before = await started();
    const settingsPage = await (
      await signedIn(t, 'qa-coordinator')
    ).browser.get('/admin/settings/grades');
    expect(textOf(settingsPage.body)).toContain(
      'A change applies to reports started from now on. Reports already started keep the grades they started with.',
    );
    const { version } = await t.services.reportSettings.forEditing(qa);
    expect(await t.services.reportSettings.saveGradeScale(qa, newScale, version)).toBe(true);

    const form = await before.lead.get(sectionUrl(before.f, 'culture'));
    for (const grade of defaultGradeScale) expect(offered(form.body, grade), grade).toBe(true);
    expect(offered(form.body, 'Poor')).toBe(false);
    const graded = await before.lead.post(sectionUrl(before.f, 'culture'), {
      version: versionIn(form.body),
      workingWell: 'Workers know children well.',
      toImprove: 'Plans are late.',
      forChildren: 'Children wait too long for their plans.',
      grade: 'Inadequate',
      evidence: before.day.evidence.culture,
    });
    expect(graded.statusCode).toBe(303);
    const spotlight = await t.services.spotlights.find(before.f.spotlightId);
    if (!spotlight) throw new Error('No Spotlight');
    const checks = await checksOf(t.services.database.db, spotlight, t.services.reportSettings);
    expect(checks.map((c) => c.rule)).not.toContain('grade-not-on-scale');
    // Its worst grade is still the one pointed out to the Head of Service QA and Safeguarding.
    const page = await before.lead.get(reportUrl(before.f));
    expect(textOf(page.body)).toContain('Inadequate');
    expect(textOf(page.body)).not.toContain('not on the scale');

    const after = await started();
    const newForm = await after.lead.get(sectionUrl(after.f, 'culture'));
    for (const grade of newScale) expect(offered(newForm.body, grade), grade).toBe(true);
    expect(offered(newForm.body, 'Inadequate')).toBe(false);
    expect(
      await gradeScaleOf(t.services.database.db, after.f.spotlightId, t.services.reportSettings),
    ).toEqual(newScale);
  });

  it('reads a report that kept no scale with the council’s scale now', async () => {
    const { f } = await started();
    await t.services.database.db
      .updateTable('report')
      .set({ grade_scale: null })
      .where('spotlight_id', '=', f.spotlightId)
      .execute();
    const council = await t.services.reportSettings.gradeScale();
    expect(
      await gradeScaleOf(t.services.database.db, f.spotlightId, t.services.reportSettings),
    ).toEqual(council);
  });
});
