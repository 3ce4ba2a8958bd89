// The email a published timetable sends, through a real SMTP exchange: one to each person it
// concerns, saying which Spotlights they lead, which they are a team member in, and which are
// their own team's; nobody else, and nothing when publishing fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type Agent, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';
import { startMailServer, type TestMailServer } from '../../../test/mail-server.js';
import {
  buildCouncil,
  insertPlan,
  soundQuarter,
  type Council,
} from './pages/plans/test-support.js';

describe.each(testDialects())('emails when the timetable is published (%s)', (dialect) => {
  let t: TestApp;
  let mail: TestMailServer;
  let council: Council;
  let coordinator: Agent;
  beforeAll(async () => {
    mail = await startMailServer();
    t = await buildTestApp(dialect, {
      start: '2026-11-26T09:00:00.000Z',
      env: {
        SMTP_URL: mail.url,
        MAIL_FROM: 'Spotlight <spotlight@council.example>',
        PUBLIC_URL: 'https://spotlight.council.example',
      },
    });
    council = await buildCouncil(t);
    coordinator = (await signedIn(t, 'qa-coordinator')).browser;
    // Team A's manager manages it as well as reviewing elsewhere.
    await t.services.database.db
      .insertInto('team_manager')
      .values({ team_id: council.teams.a.id, person_id: council.people['a-tm']?.id ?? '' })
      .execute();
  });
  afterAll(async () => {
    await t?.close();
    await mail?.close();
  });

  const emailOf = async (personId: string | undefined) =>
    (
      await t.services.database.db
        .selectFrom('person')
        .select('email')
        .where('id', '=', personId ?? '')
        .executeTakeFirstOrThrow()
    ).email;

  it('tells each person in it, once, what they lead, review and host', async () => {
    const { planId } = await insertPlan(t, council, soundQuarter);
    mail.received.length = 0;
    const published = await coordinator.post(`/timetable/plans/${planId}/publish`, {
      version: '1',
    });
    expect(published.statusCode).toBe(303);
    await t.services.mailSender?.sendDue();
    const to = async (personId: string | undefined) => {
      const address = await emailOf(personId);
      return mail.received.filter((m) => m.to.includes(address));
    };
    const { a, b, c } = council.teams;

    // Sara leads two and heads the south; Team A's manager reviews Team C and hosts Team A's.
    const sara = await to(council.leaders.sara.id);
    expect(sara).toHaveLength(1);
    expect(sara[0]?.subject).toBe('The Spotlight timetable is published');
    expect(sara[0]?.text).toContain(
      'The QA and Safeguarding Team has published the timetable of Spotlights from 4 January 2027 to 31 March 2027.',
    );
    expect(sara[0]?.text).toContain(
      `You lead the Spotlight of:\n- ${a.name} on 12 January 2027\n- ${b.name} on 19 January 2027`,
    );
    expect(sara[0]?.text).toContain(
      `The Spotlight of your team:\n- ${c.name} on 9 February 2027, led by Liam Lewis`,
    );
    const manager = await to(council.people['a-tm']?.id);
    expect(manager).toHaveLength(1);
    expect(manager[0]?.text).toContain(
      `You are a team member in the Spotlight of:\n- ${c.name} on 9 February 2027`,
    );
    expect(manager[0]?.text).toContain(
      `The Spotlight of your team:\n- ${a.name} on 12 January 2027, led by Sara Shah`,
    );
    expect(manager[0]?.text).not.toContain('You lead');
    expect(manager[0]?.text).toContain('https://spotlight.council.example/my-spotlights');

    // Liam leads Team C and heads the north, where Teams A and B are.
    const liam = await to(council.leaders.liam.id);
    expect(liam[0]?.text).toContain(`You lead the Spotlight of:\n- ${c.name} on 9 February 2027`);
    expect(liam[0]?.text).toContain(`- ${b.name} on 19 January 2027, led by Sara Shah`);

    // Nobody outside the plan, such as a social worker.
    expect(await to(council.people['a-sw']?.id)).toEqual([]);
    const inPlan = new Set(
      soundQuarter.flatMap((s) => [s.lead, ...s.members]).filter((k) => k !== undefined),
    );
    // Three leads, twelve members (one of them a manager) and two Heads of Service who also lead.
    expect(inPlan.size).toBe(15);
    expect(mail.received).toHaveLength(15);
  });

  it('sends nothing when the plan could not be published', async () => {
    const { planId } = await insertPlan(t, council, soundQuarter);
    mail.received.length = 0;
    const stale = await coordinator.post(`/timetable/plans/${planId}/publish`, { version: '4' });
    expect(stale.statusCode).toBe(409);
    expect(await t.services.mailSender?.sendDue()).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    expect(mail.received).toEqual([]);
  });
});
