import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/databases.js';
import { startMailServer, type TestMailServer } from '../../../test/mail-server.js';
import { FixedClock } from '../clock.js';
import { createOutbox, type MailMessage } from './outbox.js';
import {
  createMailSender,
  failureCode,
  maxAttempts,
  retryMinutes,
  staleAfterHours,
} from './sender.js';
import { smtpTransport } from './smtp.js';

const from = 'Spotlight <spotlight@council.example>';

const message = (n: number): MailMessage => ({
  kind: 'test.message',
  to: `person${n}@council.example`,
  subject: `Message ${n}`,
  body: `Hello person ${n},\n\nA line long enough to be folded by the mail encoding on its way through the server, with an apostrophe’s curl.\n\nhttp://localhost:3000/spotlights/abc/report`,
});

describe.each(testDialects())('the mail outbox and its sender (%s)', (dialect) => {
  let database: TestDatabase;
  let server: TestMailServer;
  let clock: FixedClock;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    server = await startMailServer();
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await database.handle.db.deleteFrom('mail_outbox').execute();
    server.received.length = 0;
    server.refuseNext(0);
    clock = new FixedClock('2027-02-01T09:00:00.000Z');
  });
  afterEach(() => server.refuseNext(0));

  const db = () => database.handle.db;
  const outbox = () =>
    createOutbox({ clock, baseUrl: 'http://localhost:3000/', councilName: 'Testshire Council' });
  const sender = (url = server.url) =>
    createMailSender({ db: db(), clock, transport: smtpTransport(url), from });
  const queue = (messages: MailMessage[]) =>
    db()
      .transaction()
      .execute((trx) => outbox().queue(trx, messages));
  const rows = () => db().selectFrom('mail_outbox').selectAll().orderBy('subject').execute();

  it('sends a queued message once, through SMTP, with its address, subject and words', async () => {
    await queue([message(1), message(2)]);
    expect(await sender().sendDue()).toEqual({ sent: 2, failed: 0, gaveUp: 0 });

    expect(server.received.map((m) => m.subject).sort()).toEqual(['Message 1', 'Message 2']);
    const first = server.received.find((m) => m.subject === 'Message 1');
    expect(first?.from).toBe('spotlight@council.example');
    expect(first?.to).toEqual(['person1@council.example']);
    expect(first?.text.trim()).toBe(message(1).body);
    expect((await rows()).map((r) => [r.sent_at, r.attempts])).toEqual([
      ['2027-02-01T09:00:00.000Z', 1],
      ['2027-02-01T09:00:00.000Z', 1],
    ]);

    // Already sent: a second run sends nothing again.
    expect(await sender().sendDue()).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    expect(server.received).toHaveLength(2);
  });

  it('never sends a message whose change was not kept', async () => {
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await outbox().queue(trx, [message(1)]);
          throw new Error('the change failed');
        }),
    ).rejects.toThrow('the change failed');
    expect(await rows()).toEqual([]);
    expect(await sender().sendDue()).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    expect(server.received).toEqual([]);
  });

  it('tries a refused message again once its wait has passed, and not before', async () => {
    await queue([message(1)]);
    server.refuseNext(1);
    expect(await sender().sendDue()).toEqual({ sent: 0, failed: 1, gaveUp: 0 });
    const [refused] = await rows();
    expect(refused).toMatchObject({ attempts: 1, sent_at: null, last_error: 'SMTP 451' });
    expect(refused?.send_after).toBe('2027-02-01T09:01:00.000Z');

    clock.advanceMinutes(0.5);
    expect(await sender().sendDue()).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    clock.advanceMinutes(0.5);
    expect(await sender().sendDue()).toEqual({ sent: 1, failed: 0, gaveUp: 0 });
    expect(server.received.map((m) => m.subject)).toEqual(['Message 1']);
    expect(await rows()).toMatchObject([{ attempts: 2, last_error: null }]);
  });

  it('keeps a message when the mail server cannot be reached, without its address in the reason', async () => {
    const closed = await startMailServer();
    const url = closed.url;
    await closed.close();
    await queue([message(1)]);
    expect(await sender(url).sendDue()).toEqual({ sent: 0, failed: 1, gaveUp: 0 });
    const [kept] = await rows();
    expect(kept?.sent_at).toBeNull();
    expect(kept?.last_error).toMatch(/^[A-Z_ 0-9]+$/);
    expect(kept?.last_error).not.toContain('person1');
  });

  it(`gives up after ${maxAttempts} refusals, waiting longer each time, and keeps the message`, async () => {
    await queue([message(1)]);
    server.refuseNext(maxAttempts + 5);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const result = await sender().sendDue();
      expect(result.sent).toBe(0);
      const [row] = await rows();
      if (attempt < maxAttempts) {
        expect(result.failed).toBe(1);
        const wait = (Date.parse(row?.send_after ?? '') - clock.now().getTime()) / 60_000;
        waits.push(wait);
        clock.advanceMinutes(wait);
      } else {
        expect(result.gaveUp).toBe(1);
        expect(row).toMatchObject({ attempts: maxAttempts, last_error: 'SMTP 451' });
        expect(row?.given_up_at).not.toBeNull();
      }
    }
    expect(waits).toEqual([...retryMinutes]);
    clock.advanceMinutes(24 * 60);
    expect(await sender().sendDue()).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    expect(server.received).toEqual([]);
  });

  it(`gives up a message not sent within ${staleAfterHours} hours: it is no longer news`, async () => {
    await queue([message(1)]);
    clock.advanceMinutes(staleAfterHours * 60 + 1);
    await queue([message(2)]);
    expect(await sender().sendDue()).toEqual({ sent: 1, failed: 0, gaveUp: 1 });
    expect(server.received.map((m) => m.subject)).toEqual(['Message 2']);
    expect((await rows()).map((r) => r.last_error)).toEqual(['too old', null]);
  });

  it('sends each message once when two senders run at the same time', async () => {
    await queue([1, 2, 3, 4, 5, 6].map(message));
    const [a, b] = await Promise.all([sender().sendDue(), sender().sendDue()]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(6);
    expect(server.received.map((m) => m.subject).sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `Message ${n}`),
    );
  });
});

describe('why a message was not sent', () => {
  it("is the mail server's code, never its words, which may hold the address", () => {
    const refused = Object.assign(new Error('550 <person1@council.example> no such user'), {
      responseCode: 550,
      code: 'EENVELOPE',
    });
    expect(failureCode(refused)).toBe('SMTP 550');
    expect(failureCode(Object.assign(new Error('connect'), { code: 'ESOCKET' }))).toBe('ESOCKET');
    expect(failureCode(Object.assign(new Error('x'), { code: 'person1@council.example' }))).toBe(
      'unknown',
    );
    expect(failureCode('text')).toBe('unknown');
  });
});
