// The emails review and sign-off send, through a real SMTP exchange: who gets one at each step,
// what it says and where it links, and that no child's case number ever leaves in one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';
import { startMailServer, type TestMailServer } from '../../../test/mail-server.js';
import { addSpotlightFixture } from '../../../test/spotlight-fixture.js';
import { signInAs } from '../day/pages/day/test-support.js';
import { reportPath, reportRow, signInAfresh } from './pages/sign-off/test-support.js';
import { addTriangulatedSpotlight, insertReport } from './test-support.js';

const publicUrl = 'https://spotlight.testshire.example';

describe.each(testDialects())('emails from review and sign-off (%s)', (dialect) => {
  let t: TestApp;
  let mail: TestMailServer;
  beforeAll(async () => {
    mail = await startMailServer();
    t = await buildTestApp(dialect, {
      env: {
        SMTP_URL: mail.url,
        MAIL_FROM: 'Spotlight <spotlight@testshire.example>',
        PUBLIC_URL: publicUrl,
        COUNCIL_NAME: 'Testshire Council',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await mail?.close();
  });

  /** Sends what is waiting, and gives back what arrived, by address. */
  async function delivered() {
    mail.received.length = 0;
    await t.services.mailSender?.sendDue();
    return mail.received
      .map((m) => ({ to: m.to.join(','), subject: m.subject, text: m.text }))
      .sort((a, b) => a.to.localeCompare(b.to));
  }

  it('tells each person what they need to do next, with a link, and nothing about any child', async () => {
    t.clock.set('2027-01-20T10:00:00.000Z');
    const f = await addSpotlightFixture(t);
    const s = await addTriangulatedSpotlight(t, f);
    await insertReport(t, f, s, { inadequate: true });
    const team = (await t.services.spotlights.find(f.spotlightId))?.team.name ?? '';
    const path = reportPath(f);
    const link = (end: string) => `${publicUrl}${path}/${end}`;
    const lead = await signInAs(f, 'lead');
    const all: string[] = [];
    const keep = <T extends { text: string; subject: string }>(messages: T[]) => {
      all.push(...messages.map((m) => `${m.subject}\n${m.text}`));
      return messages;
    };

    // The draft to the team members: each of the three, to comment.
    expect((await lead.post(`${path}/circulate`)).statusCode).toBe(303);
    const toMembers = keep(await delivered());
    expect(toMembers.map((m) => m.to)).toEqual(
      [f.email.member1, f.email.member2, f.email.member3].sort(),
    );
    const [toMo] = toMembers.filter((m) => m.to === f.email.member1);
    expect(toMo?.subject).toBe(`Draft report for your comments: ${team} Spotlight`);
    expect(toMo?.text).toContain('Hello Mo Member,');
    expect(toMo?.text).toContain(
      `Lena Lead has sent you the draft report of the Spotlight of ${team} on 14 January 2027 for your comments.`,
    );
    expect(toMo?.text).toContain(link('comments'));
    expect(toMo?.text).toContain('Spotlight, Testshire Council');

    // Submitted: the Head of Service QA and Safeguarding to review, the QA coordinator to know.
    const version = String((await reportRow(t, f)).version);
    expect((await lead.post(`${path}/submit`, { version })).statusCode).toBe(303);
    const submitted = keep(await delivered());
    expect(submitted.map((m) => m.to)).toEqual([f.email.hosQa, f.email.qa].sort());
    const toReviewer = submitted.find((m) => m.to === f.email.hosQa);
    expect(toReviewer?.subject).toBe(`Report submitted for review: ${team} Spotlight`);
    expect(toReviewer?.text).toContain('It has a grade of Inadequate, flagged for your attention.');
    expect(toReviewer?.text).toContain('or finalise it by 27 January 2027:');
    expect(toReviewer?.text).toContain(link('review'));
    expect(submitted.find((m) => m.to === f.email.qa)?.text).toContain(link('sign-off'));

    // Returned with comments: the Lead.
    const hosQa = await signInAs(f, 'hosQa');
    const returned = await hosQa.post(`${path}/return`, {
      version: String((await reportRow(t, f)).version),
      comments: 'Show the evidence for the Inadequate grade.',
    });
    expect(returned.statusCode).toBe(303);
    const toLead = keep(await delivered());
    expect(toLead.map((m) => [m.to, m.subject])).toEqual([
      [f.email.lead, `Report returned with comments: ${team} Spotlight`],
    ]);
    expect(toLead[0]?.text).toContain(link('sign-off'));

    // Sent again and finalised: the Lead and the QA coordinator, to circulate it.
    await lead.post(`${path}/submit`, { version: String((await reportRow(t, f)).version) });
    await delivered();
    const final = await hosQa.post(`${path}/finalise`, {
      version: String((await reportRow(t, f)).version),
    });
    expect(final.statusCode).toBe(303);
    const finalised = keep(await delivered());
    expect(finalised.map((m) => m.to)).toEqual([f.email.lead, f.email.qa].sort());
    expect(finalised[0]?.subject).toBe(`Report final: ${team} Spotlight`);
    expect(finalised[0]?.text).toContain(link('circulation'));

    // Circulated: the Team Manager and Head of Service chosen, to read it; nobody else.
    const qa = await signInAfresh(t, f, 'qa');
    const recorded = await qa.post(`${path}/circulation`, {
      recipients: [f.personId.teamManager, f.personId.headOfService],
      'circulatedOn-day': '20',
      'circulatedOn-month': '1',
      'circulatedOn-year': '2027',
    });
    expect(recorded.statusCode).toBe(303);
    const circulated = keep(await delivered());
    expect(circulated.map((m) => m.to)).toEqual(
      [f.email.teamManager, f.email.headOfService].sort(),
    );
    expect(circulated[0]?.subject).toBe(`Your team’s Spotlight report: ${team}`);
    expect(circulated[0]?.text).toContain(link('final'));

    // Not one email holds a case number, or the report's own words.
    expect(all.length).toBe(3 + 2 + 1 + 2 + 2);
    for (const text of all) {
      for (const caseNumber of s.caseNumbers) expect(text).not.toContain(caseNumber);
      expect(text).not.toContain('The team know their children well');
    }
  });

  it('sends nothing when a step is refused', async () => {
    t.clock.set('2027-01-20T10:00:00.000Z');
    const f = await addSpotlightFixture(t);
    const s = await addTriangulatedSpotlight(t, f);
    await insertReport(t, f, s);
    const lead = await signInAs(f, 'lead');
    expect((await lead.post(`${reportPath(f)}/circulate`)).statusCode).toBe(303);
    expect(await delivered()).toHaveLength(3);
    // Somebody else moved the report on since the Lead read it: not sent, so nobody is told.
    const stale = String((await reportRow(t, f)).version - 1);
    expect((await lead.post(`${reportPath(f)}/submit`, { version: stale })).statusCode).toBe(409);
    expect(
      (await (await signInAs(f, 'member1')).post(`${reportPath(f)}/circulate`)).statusCode,
    ).toBe(403);
    expect(await delivered()).toEqual([]);
  });
});
