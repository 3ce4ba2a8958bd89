// The `spotlight` command: serve, migrate and seed --demo. Later stages add their own commands.
import { loadConfig, ConfigError } from './config.js';
import { demoPassword, seedDemoCouncil } from './demo/seed.js';
import { systemClock } from './platform/clock.js';
import { openDatabase } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { startServer } from './server.js';
import { createServices } from './services.js';

const usage = `Usage: spotlight <command>

Commands:
  serve [--seed-demo-if-empty]   start the web service (PORT, default 3000)
  migrate                        bring the database up to date
  seed --demo                    add the demo council (running it twice changes nothing)
`;

const out = (text: string) => process.stdout.write(`${text}\n`);
const fail = (text: string, code: number) => {
  process.stderr.write(`${text}\n`);
  process.exitCode = code;
};

export async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === 'help') {
    out(usage);
    return;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message, 2);
    throw error;
  }

  switch (command) {
    case 'serve':
      await startServer(config, { seedDemoIfEmpty: args.includes('--seed-demo-if-empty') });
      return;
    case 'migrate': {
      const database = openDatabase(config.databaseUrl);
      try {
        const results = await migrateToLatest(database);
        out(
          results.length === 0
            ? 'The database is up to date.'
            : `Applied ${results.length} migration(s) to ${database.description}.`,
        );
        for (const r of results) out(`  ${r.migrationName}: ${r.status}`);
      } finally {
        await database.destroy();
      }
      return;
    }
    case 'seed': {
      if (!args.includes('--demo')) return fail('Say what to seed: spotlight seed --demo', 2);
      const database = openDatabase(config.databaseUrl);
      try {
        await migrateToLatest(database);
        const services = createServices({ database, config, clock: systemClock });
        const result = await seedDemoCouncil(services);
        out(
          result.created
            ? 'The demo council has been added.'
            : 'The demo council was already there: nothing changed.',
        );
        if (result.signIns.length > 0) {
          out(`Demo sign-ins (password: ${demoPassword}):`);
          for (const s of result.signIns) out(`  ${s.role.padEnd(38)} ${s.email}`);
        }
      } finally {
        await database.destroy();
      }
      return;
    }
    default:
      fail(`Unknown command: ${command}\n\n${usage}`, 2);
  }
}

await main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof Error && error.cause instanceof Error)
    process.stderr.write(`  because: ${error.cause.message}\n`);
  process.exitCode = 1;
});
