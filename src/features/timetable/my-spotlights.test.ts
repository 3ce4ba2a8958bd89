import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';
import { addCouncil, signInAs, type Council } from './cover.test-support.js';

describe.each(testDialects())('my Spotlights (%s)', (dialect) => {
  let t: TestApp;
  let council: Council;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { start: '2027-03-01T09:00:00.000Z' });
    council = await addCouncil(t);
  });
  afterAll(async () => t?.close());

  it('lists a team member’s Spotlights in published plans: upcoming first, then past', async () => {
    const browser = await signInAs(t, council.people.amina, 'staff');
    const page = await browser.get('/my-spotlights');
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain(`Thursday 1 July 2027: ${council.teams.t1.name}`);
    expect(body).toContain(`Wednesday 10 February 2027: ${council.teams.t3.name}`);
    expect(body.indexOf('1 July 2027')).toBeLessThan(body.indexOf('Past Spotlights'));
    expect(body.indexOf('Past Spotlights')).toBeLessThan(body.indexOf('10 February 2027'));
    // The other Spotlight that day, and the draft plan's, are not hers.
    expect(body).not.toContain(council.teams.t5.name);
    expect(body).not.toContain(council.teams.t4.name);
    // Who she works with, and her part.
    expect(body).toContain('Liam Lead (Lead)');
    expect(body).toContain('Bea Brown (team member, Senior Social Worker)');
    expect(body).toContain('Team member');
    expect(body).toContain(`/my-spotlights/${council.s1}/invite.ics`);
    // Cover for the upcoming one only.
    expect(body).toContain(`/my-spotlights/${council.s1}/cover`);
    expect(body).not.toContain(`/my-spotlights/${council.past}/cover`);
  });

  it('shows a Lead their Spotlights, without asking them to find cover', async () => {
    const browser = await signInAs(t, council.people.ruth, 'senior-leader');
    const body = (await browser.get('/my-spotlights')).body;
    expect(body).toContain(council.teams.t5.name);
    expect(body).toContain(council.teams.t3.name);
    expect(body).not.toContain(council.teams.t1.name);
    expect(body).toMatch(
      /Your part\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Lead\s*<\/dd>/,
    );
    expect(body).not.toContain('I cannot attend');
    expect(body).not.toContain('/cover"');
  });

  it('explains how Spotlights are planned to someone in none', async () => {
    const { browser } = await signedIn(t, 'staff');
    const page = await browser.get('/my-spotlights');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('You are not in any Spotlights yet.');
    expect(page.body).toContain('Every team has a Spotlight once a year.');
  });

  it('downloads the calendar invite with the right headers and London times', async () => {
    const browser = await signInAs(t, council.people.bea, 'staff');
    const response = await browser.get(`/my-spotlights/${council.s1}/invite.ics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="spotlight-2027-07-01.ics"',
    );
    const ics = response.body.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain('DTSTART:20270701T080000Z');
    expect(ics).toContain('DTEND:20270701T160000Z');
    expect(ics).toContain(`UID:spotlight-${council.s1}@spotlight`);
    expect(ics).toContain(`SUMMARY:Team Spotlight: ${council.teams.t1.name}`);
    expect(ics).toContain('Lead: Liam Lead.');
    expect(ics).toContain('Amina Khan\\, Bea Brown\\, Cat Isro');
    expect(ics).toContain('DTSTAMP:20270301T090000Z');
  });

  it('gives the invite to those who see the timetable, and to nobody else', async () => {
    const manager = await signedIn(t, 'team-manager');
    const allowed = await manager.browser.get(`/my-spotlights/${council.s1}/invite.ics`);
    expect(allowed.statusCode).toBe(200);
    const outsider = await signInAs(t, council.people.joe, 'staff');
    const refused = await outsider.get(`/my-spotlights/${council.s1}/invite.ics`);
    expect(refused.statusCode).toBe(404);
    // A member of a Spotlight in a plan not yet published cannot have it either.
    const draft = await signInAs(t, council.people.hana, 'staff');
    expect((await draft.get(`/my-spotlights/${council.draft}/invite.ics`)).statusCode).toBe(404);
    expect((await draft.get(`/my-spotlights/${council.s2}/invite.ics`)).statusCode).toBe(200);
  });
});
