import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import {
  addSpotlightFixture,
  type SpotlightFixture,
} from '../../../../../test/spotlight-fixture.js';
import { auditEntries, nominationRows, signInAs, urlsIn } from './test-support.js';

const form = (fields: Record<string, string> = {}) => ({
  proudVersion: '0',
  challengingVersion: '0',
  proudSystem: 'LCS',
  proudNumber: '',
  proudReason: '',
  challengingSystem: 'LCS',
  challengingNumber: '',
  challengingReason: '',
  ...fields,
});

describe.each(testDialects())('a practitioner’s nominations (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const mine = (f: SpotlightFixture) => `/spotlights/${f.spotlightId}/nominations/mine`;

  it('lets a practitioner name two children, stored and audited with their numbers', async () => {
    const f = await addSpotlightFixture(t);
    const pat = await signInAs(f, 'practitioner1');
    const page = await pat.get(mine(f));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('A child whose practice you are proud of');
    expect(page.body).toContain('A child you found challenging');
    expect(page.body).toContain('A few words on why. Do not write the child’s name.');
    expect(page.body).toContain('LCS numbers are 6 to 8 digits, like 123456.');
    // The team's recording system is chosen for them.
    expect(page.body).toMatch(/name="proudSystem" type="radio" value="LCS" checked/);
    expect(page.body).toContain('7 January 2027');

    const saved = await pat.post(
      mine(f),
      form({
        proudNumber: '1234567',
        proudReason: 'Good direct work',
        challengingSystem: 'EHM',
        challengingNumber: 'ehm 765 432',
      }),
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(mine(f));
    const rows = await nominationRows(t, f.spotlightId);
    expect(rows).toMatchObject([
      { kind: 'challenging', case_system: 'EHM', case_number: 'EHM765432', late: 0, version: 1 },
      {
        kind: 'proud',
        case_system: 'LCS',
        case_number: '1234567',
        reason: 'Good direct work',
        practitioner_person_id: f.personId.practitioner1,
        entered_by_person_id: f.personId.practitioner1,
      },
    ]);
    const audit = await auditEntries(t, 'preparation.nomination-saved', f.spotlightId);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.caseNumbers.sort()).toEqual(['1234567', 'EHM765432']);
    expect(audit[0]?.actorName).toBe('Pat Practitioner');

    const again = await pat.get(mine(f));
    expect(again.body).toContain('Your nominations have been saved');
    expect(again.body).toContain('value="1234567"');
    expect(again.body).toContain('Good direct work');
    const viewed = await auditEntries(t, 'preparation.nominations-viewed', f.spotlightId);
    expect(viewed.at(-1)?.caseNumbers.sort()).toEqual(['1234567', 'EHM765432']);
    for (const url of [...urlsIn(again.body), String(saved.headers.location)]) {
      expect(url).not.toContain('1234567');
      expect(url).not.toContain('765432');
    }
  });

  it('saves one child alone and the other later', async () => {
    const f = await addSpotlightFixture(t, { recordingSystem: 'EHM' });
    const sol = await signInAs(f, 'practitioner2');
    const page = await sol.get(mine(f));
    expect(page.body).toMatch(/name="proudSystem" type="radio" value="EHM" checked/);
    const first = await sol.post(mine(f), form({ proudSystem: 'EHM', proudNumber: 'EHM111222' }));
    expect(first.statusCode).toBe(303);
    expect(await nominationRows(t, f.spotlightId)).toHaveLength(1);
    const second = await sol.post(
      mine(f),
      form({
        proudVersion: '1',
        proudSystem: 'EHM',
        proudNumber: 'EHM111222',
        challengingNumber: '2223334',
      }),
    );
    expect(second.statusCode).toBe(303);
    const rows = await nominationRows(t, f.spotlightId);
    expect(rows.map((r) => [r.kind, r.case_number, r.version])).toEqual([
      ['challenging', '2223334', 1],
      ['proud', 'EHM111222', 1],
    ]);
  });

  it('shows the GOV.UK error summary for wrong and missing numbers, keeping what was typed', async () => {
    const f = await addSpotlightFixture(t);
    const pat = await signInAs(f, 'practitioner1');
    const wrong = await pat.post(
      mine(f),
      form({
        proudNumber: '12ab',
        challengingSystem: 'EHM',
        challengingNumber: '1234567',
        challengingReason: 'Hard to <b>reach</b>',
      }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('<title>Error: Your nominations for the Spotlight');
    expect(wrong.body).toContain('There is a problem');
    expect(wrong.body).toContain(
      'Enter the LCS number of the child you are proud of in the right format. LCS numbers are 6 to 8 digits, like 123456',
    );
    expect(wrong.body).toContain(
      'Enter the EHM number of the child you found challenging in the right format. EHM numbers are EHM then 6 to 8 digits, like EHM123456',
    );
    expect(wrong.body).toContain('href="#proudNumber"');
    expect(wrong.body).toContain('href="#challengingNumber"');
    expect(wrong.body).toContain('value="12ab"');
    expect(wrong.body).toContain('Hard to &lt;b&gt;reach&lt;/b&gt;');
    expect(wrong.body).toMatch(/value="EHM" checked/);

    const none = await pat.post(mine(f), form());
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Enter the LCS or EHM number of at least one child');

    const reasonAlone = await pat.post(mine(f), form({ proudReason: 'Lovely work' }));
    expect(reasonAlone.statusCode).toBe(400);
    expect(reasonAlone.body).toContain(
      'Enter the LCS or EHM number of the child you are proud of, or delete the reason',
    );
    expect(reasonAlone.body).toContain('Lovely work');

    const long = await pat.post(
      mine(f),
      form({ proudNumber: '1234567', proudReason: 'x'.repeat(201) }),
    );
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain(
      'The reason for the child you are proud of must be 200 characters or fewer',
    );
    expect(long.body).toContain('href="#proudReason"');

    const noSystem = await pat.post(mine(f), form({ proudSystem: '', proudNumber: '1234567' }));
    expect(noSystem.statusCode).toBe(400);
    expect(noSystem.body).toContain('href="#proudSystem"');

    expect(await nominationRows(t, f.spotlightId)).toHaveLength(0);
  });

  it('refuses the same child twice', async () => {
    const f = await addSpotlightFixture(t);
    const pat = await signInAs(f, 'practitioner1');
    const response = await pat.post(
      mine(f),
      form({ proudNumber: '1234567', challengingNumber: '123-4567' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Name two different children');
    expect(response.body).toContain('href="#challengingNumber"');
    expect(await nominationRows(t, f.spotlightId)).toHaveLength(0);
  });

  it('never fails on odd input', async () => {
    const f = await addSpotlightFixture(t);
    const pat = await signInAs(f, 'practitioner1');
    const odd: Record<string, string | string[]>[] = [
      form({ proudNumber: '\u0000', proudReason: '\u0000\u202e' }),
      form({ proudNumber: '9'.repeat(100_000) }),
      { proudNumber: ['1234567', '7654321'], proudSystem: ['LCS', 'EHM'] },
      form({ proudSystem: 'XYZ', proudNumber: '1234567' }),
      { proudVersion: 'abc', proudNumber: '1234567', proudSystem: 'LCS' },
    ];
    for (const body of odd) {
      const response = await pat.post(mine(f), body);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.statusCode).not.toBe(200);
    }
    // A form without its versions is refused as a conflict: nothing is saved over anything.
    expect(await nominationRows(t, f.spotlightId)).toHaveLength(0);
    const control = await pat.post(
      mine(f),
      form({ proudNumber: '1234567', proudReason: 'Line one\r\nline two\u0007' }),
    );
    expect(control.statusCode).toBe(303);
    expect((await nominationRows(t, f.spotlightId))[0]?.reason).toBe('Line one\nline two');
  });

  it('marks a nomination made after the deadline as late', async () => {
    const f = await addSpotlightFixture(t);
    const pat = await signInAs(f, 'practitioner1');
    await pat.post(mine(f), form({ proudNumber: '1111111' }));
    // The day after the deadline (7 January 2027); signing in again, as a day has passed.
    t.clock.set('2027-01-08T09:00:00.000Z');
    try {
      const sol = await signInAs(f, 'practitioner2');
      const late = await sol.post(mine(f), form({ challengingNumber: '2222222' }));
      expect(late.statusCode).toBe(303);
      const rows = await nominationRows(t, f.spotlightId);
      expect(rows.find((r) => r.case_number === '2222222')?.late).toBe(1);
      expect(rows.find((r) => r.case_number === '1111111')?.late).toBe(0);
      const manager = await signInAs(f, 'teamManager');
      const page = await manager.get(`/spotlights/${f.spotlightId}/nominations`);
      expect(page.body).toMatch(/Late\s*<\/strong>\s*<span[^>]*>LCS 2222222/);
      expect(page.body).toMatch(/Named\s*<\/strong>\s*<span[^>]*>LCS 1111111/);
      expect(page.body).toContain('1 working day late');
    } finally {
      t.clock.set('2026-11-26T09:00:00.000Z');
    }
  });

  it('keeps both versions when somebody else saved first, and loses nothing', async () => {
    const f = await addSpotlightFixture(t);
    const pat = await signInAs(f, 'practitioner1');
    const manager = await signInAs(f, 'teamManager');
    await pat.post(mine(f), form({ proudNumber: '1111111' }));
    // The Team Manager changes it while Pat still has the form open at version 1.
    const managerSave = await manager.post(
      `/spotlights/${f.spotlightId}/nominations/practitioners/${f.personId.practitioner1}`,
      form({ proudVersion: '1', proudNumber: '3333333' }),
    );
    expect(managerSave.statusCode).toBe(303);
    const stale = await pat.post(
      mine(f),
      form({ proudVersion: '1', proudNumber: '4444444', proudReason: 'My reason' }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Somebody else saved these nominations');
    expect(stale.body).toContain('LCS 3333333');
    expect(stale.body).toContain('LCS 4444444 (My reason)');
    expect(stale.body).toContain('value="4444444"');
    expect(stale.body).toContain('name="proudVersion" value="2"');
    const rows = await nominationRows(t, f.spotlightId);
    expect(rows.map((r) => r.case_number)).toEqual(['3333333']);
    // Saving the form as the conflict page gave it keeps Pat's version.
    const resaved = await pat.post(
      mine(f),
      form({ proudVersion: '2', proudNumber: '4444444', proudReason: 'My reason' }),
    );
    expect(resaved.statusCode).toBe(303);
    expect((await nominationRows(t, f.spotlightId))[0]).toMatchObject({
      case_number: '4444444',
      version: 3,
    });
  });
});
