// Starts Spotlight: migrate, optionally seed the demo council, listen, and shut down gracefully.
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { isDatabaseEmpty, seedDemoCouncil, demoPassword } from './demo/seed.js';
import { systemClock } from './platform/clock.js';
import { openDatabase } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { deleteExpiredSessions } from './platform/auth/session.repository.js';
import { createServices } from './services.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

export async function startServer(
  config: Config,
  options: { seedDemoIfEmpty: boolean },
): Promise<void> {
  const database = openDatabase(config.databaseUrl);
  await migrateToLatest(database);
  const services = createServices({ database, config, clock: systemClock });

  let signIns: { role: string; email: string }[] = [];
  if (options.seedDemoIfEmpty && (await isDatabaseEmpty(services))) {
    const seeded = await seedDemoCouncil(services);
    signIns = seeded.signIns;
  }

  const app = await buildApp(services);
  const housekeeping = setInterval(() => {
    void deleteExpiredSessions(database.db, new Date().toISOString()).catch((error: unknown) =>
      app.log.warn({ err: error }, 'could not remove expired sessions'),
    );
    void services.accounts.purgeOldFailures().catch(() => undefined);
    void services.directoryImport.abandonStale().catch(() => undefined);
  }, 10 * 60_000);
  housekeeping.unref();

  // Emails wait in the outbox until sent; each run sends what is due (ADR 0012).
  let sending = false;
  const sendMail = () => {
    if (!services.mailSender || sending) return;
    sending = true;
    services.mailSender
      .sendDue()
      .then((result) => {
        if (result.failed + result.gaveUp > 0)
          app.log.warn(result, 'some emails could not be sent');
        else if (result.sent > 0) app.log.info(result, 'emails sent');
      })
      .catch((error: unknown) => app.log.warn({ err: error }, 'could not send emails'))
      .finally(() => {
        sending = false;
      });
  };
  const mailer = setInterval(sendMail, 30_000);
  mailer.unref();
  sendMail();

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    clearInterval(housekeeping);
    clearInterval(mailer);
    await app.close();
    await database.destroy();
  });

  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  say('');
  say(`Spotlight is running on ${database.description}.`);
  say(`Open http://${shownHost}:${config.port} in your browser.`);
  if (!config.mail.smtpUrl)
    say('Emails are kept in the outbox, not sent: set SMTP_URL and MAIL_FROM to send them.');
  if (signIns.length > 0) {
    say('');
    say(`A demo council has been set up. Sign in with any of these (password: ${demoPassword}):`);
    for (const signIn of signIns) say(`  ${signIn.role.padEnd(38)} ${signIn.email}`);
  } else if (options.seedDemoIfEmpty) {
    say(
      'Sign in with your Spotlight account (the demo accounts use the password shown when the demo was created).',
    );
  }
  say('');
}
