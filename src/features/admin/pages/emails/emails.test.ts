// The Emails page: the QA coordinator sees whether mail is going, how many emails wait, went and
// did not, and where each of the newest stands, in plain words; nobody else sees it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { startMailServer, type TestMailServer } from '../../../../../test/mail-server.js';
import { textOf } from '../../../day/pages/day/test-support.js';

const message = (n: number) => ({
  kind: 'test.message',
  to: `person${n}@council.example`,
  subject: `Subject ${n}`,
  body: 'Hello',
});

describe.each(testDialects())('the Emails page (%s)', (dialect) => {
  let mail: TestMailServer;
  let t: TestApp;
  let waitingOnly: TestApp;
  beforeAll(async () => {
    mail = await startMailServer();
    t = await buildTestApp(dialect, {
      env: { SMTP_URL: mail.url, MAIL_FROM: 'Spotlight <spotlight@council.example>' },
    });
    waitingOnly = await buildTestApp(dialect);
  });
  afterAll(async () => {
    await t?.close();
    await waitingOnly?.close();
    await mail?.close();
  });

  const queue = (app: TestApp, n: number) =>
    app.services.database.db
      .transaction()
      .execute((trx) => app.services.outbox.queue(trx, [message(n)]));

  it('shows each email: sent, waiting, being tried again, and not sent, with why', async () => {
    t.clock.set('2027-02-01T09:00:00.000Z');
    const qa = (await signedIn(t, 'qa-coordinator')).browser;
    const empty = await qa.get('/admin/emails');
    expect(empty.statusCode).toBe(200);
    expect(textOf(empty.body)).toContain('Spotlight has not written any emails yet.');

    await queue(t, 1);
    await t.services.mailSender?.sendDue();
    t.clock.advanceMinutes(1);
    await queue(t, 2);
    mail.refuseNext(1);
    await t.services.mailSender?.sendDue();
    t.clock.advanceMinutes(1);
    await queue(t, 3);
    // Four days on, the two not sent are no longer news.
    t.clock.advanceMinutes(4 * 24 * 60);
    const result = await t.services.mailSender?.sendDue();
    expect(result).toEqual({ sent: 0, failed: 0, gaveUp: 2 });
    await queue(t, 4);

    // Days later: signed in afresh.
    const page = await (await signedIn(t, 'qa-coordinator')).browser.get('/admin/emails');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).not.toContain('Emails are not being sent');
    expect(text).toContain('Waiting to be sent 1');
    expect(text).toContain('Sent in the last 30 days 1');
    expect(text).toContain('Not sent 2');
    expect(text).toContain('Showing the 4 newest of 4.');
    const rows = page.body
      .split('<tr')
      .slice(2)
      .map((row) =>
        row
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    expect(rows.map((row) => /Subject \d/.exec(row)?.[0])).toEqual([
      'Subject 4',
      'Subject 3',
      'Subject 2',
      'Subject 1',
    ]);
    expect(rows[0]).toContain('person4@council.example');
    expect(rows[0]).toContain('Waiting');
    expect(rows[1]).toContain('Not sent Not sent within 3 days, so it was no longer news.');
    expect(rows[2]).toContain('Not sent Not sent within 3 days');
    expect(rows[3]).toContain('Sent 1 February 2027 at 9:00am');
  });

  it('says when an email is being tried again, why, and when next', async () => {
    t.clock.set('2027-03-01T09:00:00.000Z');
    await t.services.database.db.deleteFrom('mail_outbox').execute();
    await queue(t, 5);
    mail.refuseNext(1);
    await t.services.mailSender?.sendDue();
    const qa = (await signedIn(t, 'qa-coordinator')).browser;
    const text = textOf((await qa.get('/admin/emails')).body);
    expect(text).toContain(
      'Trying again The mail server refused it (code 451) after 1 try. It will be tried again, up to 8 times. Next try: 1 March 2027 at 9:01am.',
    );
  });

  it('warns the QA coordinator when Spotlight has no mail server, and shows the emails waiting', async () => {
    await queue(waitingOnly, 1);
    const qa = (await signedIn(waitingOnly, 'qa-coordinator')).browser;
    const text = textOf((await qa.get('/admin/emails')).body);
    expect(text).toContain(
      'Emails are not being sent: Spotlight has not been given a mail server.',
    );
    expect(text).toContain('Waiting to be sent 1');
    expect(text).toContain('Subject 1');
  });

  it('is the QA coordinator’s alone', async () => {
    for (const role of ['hos-qa', 'senior-leader', 'team-manager', 'staff'] as const) {
      const other = (await signedIn(t, role)).browser;
      const refused = await other.get('/admin/emails');
      expect(refused.statusCode, role).toBe(403);
      expect(refused.body).not.toContain('@council.example');
    }
  });
});
