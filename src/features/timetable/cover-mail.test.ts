// The emails cover sends, through a real SMTP exchange: the person now covering, the Lead and the
// QA coordinator are each told, and the member's reason stays in Spotlight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';
import { startMailServer, type TestMailServer } from '../../../test/mail-server.js';
import { addCouncil, signInAs } from './cover.test-support.js';

describe.each(testDialects())('emails when a team member arranges cover (%s)', (dialect) => {
  let t: TestApp;
  let mail: TestMailServer;
  beforeAll(async () => {
    mail = await startMailServer();
    t = await buildTestApp(dialect, {
      start: '2027-03-01T09:00:00.000Z',
      env: {
        SMTP_URL: mail.url,
        MAIL_FROM: 'Spotlight <spotlight@council.example>',
        PUBLIC_URL: 'https://spotlight.council.example',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await mail?.close();
  });

  it('tells the person covering, the Lead and the QA coordinator, without the reason', async () => {
    const council = await addCouncil(t);
    const { amina, joe, liam } = council.people;
    const qa = (await signedIn(t, 'qa-coordinator')).user;
    const browser = await signInAs(t, amina, 'staff');
    const done = await browser.post(`/my-spotlights/${council.s1}/cover`, {
      coverPersonId: joe.id,
      reason: 'A hospital appointment',
      version: '1',
    });
    expect(done.statusCode).toBe(303);

    mail.received.length = 0;
    expect(await t.services.mailSender?.sendDue()).toMatchObject({ failed: 0, gaveUp: 0 });
    const to = (address: string) => mail.received.filter((m) => m.to.includes(address));
    const team = council.teams.t1.name;

    const [toJoe] = to(joe.email);
    expect(toJoe?.subject).toBe(`You are covering a Spotlight: ${team} on 1 July 2027`);
    expect(toJoe?.text).toContain('Hello Joe Bloggs,');
    expect(toJoe?.text).toContain(
      `Amina Khan cannot attend the Spotlight of ${team} on 1 July 2027 and has chosen you to take their place as a team member.`,
    );
    expect(toJoe?.text).toContain('https://spotlight.council.example/my-spotlights');

    const [toLead] = to(liam.email);
    expect(toLead?.subject).toBe(`Change to your Spotlight Team: ${team} on 1 July 2027`);
    expect(toLead?.text).toContain('Joe Bloggs will take their place as a team member.');
    expect(toLead?.text).toContain(`https://spotlight.council.example/spotlights/${council.s1}`);

    const [toQa] = to(qa.email);
    expect(toQa?.subject).toBe(`Cover arranged: ${team} on 1 July 2027`);
    expect(toQa?.text).toContain('https://spotlight.council.example/timetable/notices');

    for (const message of mail.received) {
      expect(message.text).not.toContain('hospital');
      expect(message.to).not.toContain(amina.email);
    }
  });

  it('sends nothing when the cover could not be arranged', async () => {
    const council = await addCouncil(t);
    const browser = await signInAs(t, council.people.amina, 'staff');
    mail.received.length = 0;
    const stale = await browser.post(`/my-spotlights/${council.s1}/cover`, {
      coverPersonId: council.people.joe.id,
      version: '7',
    });
    expect(stale.statusCode).toBe(409);
    const nobody = await browser.post(`/my-spotlights/${council.s1}/cover`, {
      coverPersonId: council.people.tina.id,
      version: '1',
    });
    expect(nobody.statusCode).toBe(400);
    expect(await t.services.mailSender?.sendDue()).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    expect(mail.received).toEqual([]);
  });
});
