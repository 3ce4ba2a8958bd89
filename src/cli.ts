// The `spotlight` command: serve, migrate and seed --demo. Later stages add their own commands.
import { readFile } from 'node:fs/promises';
import { loadConfig, ConfigError } from './config.js';
import { parsePlanInput } from './core/rota/plan-input.js';
import { solvePlan } from './core/rota/solve.js';
import {
  addWorkingDays,
  bankHolidayRegions,
  isCalendarDate,
  workingDaysBefore,
  type BankHolidayRegion,
  type WorkingDayCalendar,
} from './core/working-days.js';
import { systemClock } from './platform/clock.js';

const usage = `Usage: spotlight <command>

Commands:
  serve [--seed-demo-if-empty]   start the web service (PORT, default 3000)
  migrate                        bring the database up to date
  seed --demo                    add the demo council (running it twice changes nothing)
  working-days add|before <YYYY-MM-DD> <N> [--region england-and-wales|scotland|northern-ireland]
               [--closures <YYYY-MM-DD,YYYY-MM-DD,...>]
                                 the Nth working day after or before a date, skipping
                                 weekends, bank holidays and the closure days given
  plan-year <input.json> [--time-limit <seconds>]
                                 plan a year of Spotlights; prints the plan as JSON
                                 (exit 0 planned, 2 invalid input, 3 no plan possible)
  check-text [--kind paragraph|recommendation] [--lines] [FILE|-]
                                 check text as the report's quality checks do (jargon,
                                 hard or long sentences, passive voice, complex words; child
                                 focus for a paragraph, or owner, date and measure for a
                                 recommendation); reads standard input when FILE is - or
                                 not given; prints {"findings": [...]} as JSON, one object
                                 per line of input with --lines
  export-report <spotlight-id> --format html|docx|pdf --out <file>
                                 write a Spotlight's report (draft or final, without
                                 case numbers) as a web page, Word or PDF file
`;

const out = (text: string) => process.stdout.write(`${text}\n`);
const fail = (text: string, code: number) => {
  process.stderr.write(`${text}\n`);
  process.exitCode = code;
};

/** The value after `--name`, if given. */
function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

const workingDaysUsage =
  'spotlight working-days add|before <YYYY-MM-DD> <N> [--region <nation>] [--closures <YYYY-MM-DD,...>]';
const workingDaysOptions = ['--region', '--closures'];
/** Far enough for any deadline; a bigger count is a typing mistake, not a wait. */
const maxWorkingDays = 1000;

/** Reads `working-days` arguments; a message naming what is wrong when they cannot be used. */
function readWorkingDaysArgs(
  args: string[],
):
  | { direction: 'add' | 'before'; date: string; count: number; calendar: WorkingDayCalendar }
  | { problem: string } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    if (!workingDaysOptions.includes(arg)) {
      return { problem: `Unknown option ${arg}: use ${workingDaysOptions.join(' or ')}` };
    }
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--'))
      return { problem: `Give a value after ${arg}` };
    options.set(arg, value);
    i += 1;
  }
  const [direction, date, count, ...extra] = positional;
  if (direction !== 'add' && direction !== 'before') {
    return { problem: `Say add or before: ${workingDaysUsage}` };
  }
  if (!date || !isCalendarDate(date)) {
    return { problem: `Enter a real date written YYYY-MM-DD${date ? ` (not "${date}")` : ''}` };
  }
  if (!count || !/^\d{1,9}$/.test(count) || Number(count) > maxWorkingDays) {
    return {
      problem: `Enter the number of working days as a whole number from 0 to ${maxWorkingDays}`,
    };
  }
  if (extra.length > 0) return { problem: `Too many arguments: ${workingDaysUsage}` };
  const region = options.get('--region') ?? 'england-and-wales';
  if (!(bankHolidayRegions as readonly string[]).includes(region)) {
    return {
      problem: `--region must be one of ${bankHolidayRegions.join(', ')} (not "${region}")`,
    };
  }
  const closures = (options.get('--closures') ?? '').split(',').map((day) => day.trim());
  const closuresGiven = options.has('--closures');
  const badClosure = closures.find((day) => !isCalendarDate(day));
  if (closuresGiven && badClosure !== undefined) {
    return {
      problem: `--closures must be real dates written YYYY-MM-DD, separated by commas (not "${badClosure}")`,
    };
  }
  return {
    direction,
    date,
    count: Number(count),
    calendar: { region: region as BankHolidayRegion, closures: closuresGiven ? closures : [] },
  };
}

function workingDays(args: string[]): void {
  const read = readWorkingDaysArgs(args);
  if ('problem' in read) return fail(read.problem, 2);
  const step = read.direction === 'add' ? addWorkingDays : workingDaysBefore;
  try {
    out(step(read.date, read.count, read.calendar));
  } catch (error) {
    // Only a count that runs past the calendar's last date gets here.
    if (!(error instanceof RangeError)) throw error;
    fail('The result would be after 31 December 9999, the last date Spotlight can count', 2);
  }
}

async function planYear(args: string[]): Promise<void> {
  const [file] = args;
  if (!file || file.startsWith('--'))
    return fail('Say which file: spotlight plan-year <input.json>', 2);
  const limit = option(args, '--time-limit');
  if (limit !== undefined && !(Number(limit) > 0)) {
    return fail('--time-limit must be a number of seconds more than 0', 2);
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail(`${file} could not be read as JSON: ${why}`, 2);
  }
  const parsed = parsePlanInput(json);
  if (!parsed.ok)
    return fail(`${file} is not a valid plan input:\n  ${parsed.problems.join('\n  ')}`, 2);
  const result = await solvePlan(parsed.rules, limit ? { timeLimitSeconds: Number(limit) } : {});
  out(JSON.stringify(result, null, 2));
  if (result.status === 'infeasible') process.exitCode = 3;
}

async function checkText(args: string[]): Promise<void> {
  // Loaded only here: the language checks are a large module that the other commands never need.
  const { checkTextCommand } = await import('./cli/check-text.js');
  const result = await checkTextCommand(args);
  if ('problem' in result) return fail(result.problem, 2);
  for (const line of result.output) out(line);
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === 'help') {
    out(usage);
    return;
  }
  // Commands that need no configuration or database.
  if (command === 'working-days') return workingDays(args);
  if (command === 'plan-year') return planYear(args);
  if (command === 'check-text') return checkText(args);
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message, 2);
    throw error;
  }
  // The web service and the database are loaded only now, so that the commands above start fast.
  const [{ startServer }, { openDatabase }, { migrateToLatest }, { createServices }, demo] =
    await Promise.all([
      import('./server.js'),
      import('./platform/db/database.js'),
      import('./platform/db/migrate.js'),
      import('./services.js'),
      import('./demo/seed.js'),
    ]);
  const { demoPassword, seedDemoCouncil } = demo;

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
            : 'The demo council was already there; anything it lacked has been added.',
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
    case 'export-report': {
      const { exportReportCommand, readExportReportArgs } = await import('./cli/export-report.js');
      const read = readExportReportArgs(args);
      if ('problem' in read) return fail(read.problem, 2);
      const database = openDatabase(config.databaseUrl);
      try {
        const services = createServices({ database, config, clock: systemClock });
        const result = await exportReportCommand(read, services);
        if ('problem' in result) return fail(result.problem, 2);
        out(result.output);
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
