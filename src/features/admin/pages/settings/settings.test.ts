// The council settings page: the QA coordinator changes each setting; bad values are explained; a
// stale save is caught without losing what was typed; the deadlines of Spotlights follow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type Agent, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { deadlineOf } from '../../../../core/deadlines.js';
import { systemContext } from '../../../../platform/context.js';

/** Every field as the page first shows it: the guidance's defaults. */
const defaults = {
  version: '0',
  region: 'england-and-wales',
  documents: '5',
  nominations: '5',
  recordingAccess: '1',
  memberRecords: '1',
  draftReport: '15',
  finalReport: '5',
  lcsPrefix: '',
  lcsMinDigits: '6',
  lcsMaxDigits: '8',
  ehmPrefix: 'EHM',
  ehmMinDigits: '6',
  ehmMaxDigits: '8',
};

const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1];

describe.each(testDialects())('council settings (%s)', (dialect) => {
  let t: TestApp;
  let qa: Agent;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    qa = (await signedIn(t, 'qa-coordinator')).browser;
  });
  afterAll(async () => t?.close());

  const auditOf = (action: string) =>
    t.services.audit.list(
      {
        actor: { accountId: 'x', personId: 'x', name: 'QA', role: 'qa-coordinator' },
        requestId: 'test',
      },
      { action },
      1,
    );

  it('shows the defaults in plain words, with the link to closure days', async () => {
    const page = await qa.get('/admin/settings');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Council settings</h1>');
    expect(page.body).toContain('href="/admin/settings"'); // in the header's navigation
    expect(page.body).toMatch(/value="england-and-wales" checked/);
    expect(page.body).toContain('Northern Ireland');
    expect(page.body).toContain(
      'Preparation documents sent to the Spotlight Team — working days before the Spotlight',
    );
    expect(page.body).toContain(
      'Report finalised by the Head of Service QA and Safeguarding — working days after the draft report reaches the QA team',
    );
    expect(page.body).toContain('“one week” is taken as 5 working days');
    expect(page.body).toContain('Now: EHM numbers are EHM then 6 to 8 digits, like EHM123456.');
    expect(page.body).toContain('href="/admin/closure-days"');
    expect(versionIn(page.body)).toBe('0');
  });

  it('saves each setting, audits what changed and shows it back', async () => {
    const response = await qa.post('/admin/settings', {
      ...defaults,
      region: 'scotland',
      documents: '10',
      draftReport: ' 20 ',
      lcsPrefix: 'lc',
      lcsMinDigits: '7',
      lcsMaxDigits: '7',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/settings');
    const page = await qa.get('/admin/settings');
    expect(page.body).toContain('Settings saved');
    expect(page.body).toMatch(/value="scotland" checked/);
    expect(page.body).toMatch(/id="documents" name="documents"[^>]*value="10"/);
    expect(page.body).toContain('Now: LCS numbers are LC then 7 digits, like LC1234567.');
    expect(versionIn(page.body)).toBe('1');

    const settings = await t.services.councilSettings.settings();
    expect(settings.region).toBe('scotland');
    expect(settings.deadlineOffsets).toMatchObject({
      documents: 10,
      draftReport: 20,
      nominations: 5,
    });
    expect(settings.caseNumberFormats.LCS).toEqual({ prefix: 'LC', minDigits: 7, maxDigits: 7 });
    expect((await t.services.councilSettings.calendar()).region).toBe('scotland');

    const { events } = await auditOf('settings.changed');
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toEqual({
      changes: [
        { setting: 'region', from: 'england-and-wales', to: 'scotland' },
        { setting: 'deadlineOffsets.documents', from: 5, to: 10 },
        { setting: 'deadlineOffsets.draftReport', from: 15, to: 20 },
        { setting: 'caseNumberFormats.LCS.prefix', from: '', to: 'LC' },
        { setting: 'caseNumberFormats.LCS.minDigits', from: 6, to: 7 },
        { setting: 'caseNumberFormats.LCS.maxDigits', from: 8, to: 7 },
      ],
    });

    // Saving again without changing anything writes nothing.
    const same = await qa.post('/admin/settings', settingsNow(page.body));
    expect(same.statusCode).toBe(303);
    expect((await qa.get('/admin/settings')).body).toContain('You did not change anything');
    expect((await auditOf('settings.changed')).events).toHaveLength(1);
  });

  it('explains bad values, keeping what was typed', async () => {
    const before = await t.services.councilSettings.settings();
    const response = await qa.post('/admin/settings', {
      ...defaults,
      version: String(before.version),
      region: 'wales',
      documents: '',
      nominations: 'five',
      recordingAccess: '61',
      lcsPrefix: 'L-1',
      ehmPrefix: 'ABCDEF',
      lcsMinDigits: '9',
      lcsMaxDigits: '8',
      ehmMinDigits: '0',
      ehmMaxDigits: '<script>',
    });
    expect(response.statusCode).toBe(400);
    const body = response.body;
    expect(body).toContain('<title>Error: Council settings');
    expect(body).toContain('There is a problem');
    const summary = [
      ['#region', 'Select whose bank holidays the council keeps'],
      ['#documents', 'Enter the number of working days for the preparation documents'],
      [
        '#nominations',
        'Working days for the practitioners’ nominations must be a whole number, like 5',
      ],
      [
        '#recordingAccess',
        'Working days for access to the recording system must be between 0 and 60',
      ],
      ['#lcsPrefix', 'The letters LCS numbers start with must be letters only, like EHM'],
      [
        '#lcsMaxDigits',
        'The most digits in an LCS number must be the same as or more than the fewest',
      ],
      ['#ehmPrefix', 'The letters EHM numbers start with must be 5 letters or fewer'],
      ['#ehmMinDigits', 'The fewest digits in an EHM number must be between 1 and 20'],
      ['#ehmMaxDigits', 'The most digits in an EHM number must be a whole number, like 5'],
    ];
    let last = -1;
    for (const [href, text] of summary) {
      const at = body.indexOf(`<a href="${href}">${text}</a>`);
      expect(at, `${href}: ${text}`).toBeGreaterThan(last); // in the order of the page
      last = at;
      expect(body).toContain(`<span class="govuk-visually-hidden">Error:</span> ${text}`);
    }
    expect(body).toContain('value="five"');
    expect(body).toContain('value="L-1"');
    expect(body).toContain('value="&lt;script&gt;"');
    expect(body).not.toContain('value="<script>"');
    expect(await t.services.councilSettings.settings()).toEqual(before);
  });

  it('refuses odd and huge input without failing', async () => {
    const before = await t.services.councilSettings.settings();
    for (const value of ['x'.repeat(100_000), '1e3', '-1', '٣', '0x10', '\u0000']) {
      const response = await qa.post('/admin/settings', {
        ...defaults,
        version: String(before.version),
        documents: value,
        lcsPrefix: value,
        lcsMinDigits: value,
      });
      expect(response.statusCode).toBe(400);
    }
    const nothing = await qa.post('/admin/settings', {});
    expect(nothing.statusCode).toBe(400); // no version: the form was not complete
    const noVersion = await qa.post('/admin/settings', { ...defaults, version: 'one' });
    expect(noVersion.statusCode).toBe(400);
    expect(await t.services.councilSettings.settings()).toEqual(before);
  });

  it('catches a stale save, shows both, and saves what was entered when asked', async () => {
    const before = await t.services.councilSettings.settings();
    const other = (await signedIn(t, 'qa-coordinator')).browser;
    const mine = settingsNow((await qa.get('/admin/settings')).body);
    const theirs = settingsNow((await other.get('/admin/settings')).body);
    expect((await other.post('/admin/settings', { ...theirs, finalReport: '7' })).statusCode).toBe(
      303,
    );

    const stale = await qa.post('/admin/settings', { ...mine, memberRecords: '2' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Somebody else changed the council settings');
    expect(stale.body).toContain('Your changes have not been saved.');
    expect(stale.body).toMatch(/<input type="hidden" name="memberRecords" value="2">/);
    expect(stale.body).toContain('Different');
    const now = await t.services.councilSettings.settings();
    expect(now.deadlineOffsets.finalReport).toBe(7);
    expect(now.deadlineOffsets.memberRecords).toBe(before.deadlineOffsets.memberRecords);

    // The conflict page's own form saves what was entered, over the newer version.
    const again = await qa.post('/admin/settings', settingsNow(stale.body));
    expect(again.statusCode).toBe(303);
    const saved = await t.services.councilSettings.settings();
    expect(saved.deadlineOffsets.memberRecords).toBe(2);
    expect(saved.version).toBe(now.version + 1);
  });

  it('checks the rules in the service too, whatever the page sent', async () => {
    const ctx = systemContext();
    const settings = await t.services.councilSettings.settings();
    await expect(t.services.councilSettings.save(ctx, settings, settings.version)).rejects.toThrow(
      'You do not have permission',
    );
    const staff = (await signedIn(t, 'team-manager')).browser;
    expect((await staff.get('/admin/settings')).statusCode).toBe(403);
    expect((await staff.post('/admin/settings', defaults)).statusCode).toBe(403);
  });
});

describe.each(testDialects())('the first save of the settings (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('inserts the row once; a second save from the defaults gets the conflict', async () => {
    const first = (await signedIn(t, 'qa-coordinator')).browser;
    const second = (await signedIn(t, 'qa-coordinator')).browser;
    await first.get('/admin/settings');
    await second.get('/admin/settings');
    expect(
      (await first.post('/admin/settings', { ...defaults, nominations: '6' })).statusCode,
    ).toBe(303);
    const late = await second.post('/admin/settings', { ...defaults, nominations: '4' });
    expect(late.statusCode).toBe(409);
    expect((await t.services.councilSettings.settings()).deadlineOffsets.nominations).toBe(6);
  });

  it('moves the deadlines of a Spotlight when the offsets change', async () => {
    const f = await addSpotlightFixture(t);
    const before = await t.services.spotlights.find(f.spotlightId);
    expect(deadlineOf(before?.deadlines ?? [], 'nominations')).toBe('2027-01-06');
    const qa = await f.as('qa');
    const page = await qa.get('/admin/settings');
    expect(
      (await qa.post('/admin/settings', { ...settingsNow(page.body), nominations: '3' }))
        .statusCode,
    ).toBe(303);
    const after = await t.services.spotlights.find(f.spotlightId);
    expect(deadlineOf(after?.deadlines ?? [], 'nominations')).toBe('2027-01-11');
  });
});

/** The fields of the settings form (or the conflict page's form) as a browser would send them. */
function settingsNow(html: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const match of html.matchAll(/<input[^>]*>/g)) {
    const tag = match[0];
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    const value = /value="([^"]*)"/.exec(tag)?.[1] ?? '';
    if (!name || name === '_csrf') continue;
    if (/type="radio"/.test(tag) && !/ checked/.test(tag)) continue;
    values[name] = value;
  }
  return values;
}
