// All SQL for the demo council: it writes the directory's tables directly, in the caller's
// transaction, so the directory is added whole or not at all; and it finds what the timetable
// stage needs (whether any plan exists, the demo’s sign-in accounts), whether a day or its afternoon
// has begun, and why each allocated child was nominated.
import type { Kysely } from 'kysely';
import type {
  PersonTable,
  PersonUnavailabilityTable,
  ServiceAreaTable,
  TeamManagerTable,
  TeamTable,
} from '../features/directory/directory.table.js';
import type {
  SpotlightMemberTable,
  SpotlightTable,
  TimetablePlanTable,
} from '../features/timetable/timetable.table.js';
import type { Database } from '../platform/db/schema.js';

type Db = Kysely<Database>;

export interface DemoRows {
  serviceAreas: ServiceAreaTable[];
  people: PersonTable[];
  teams: TeamTable[];
  teamManagers: TeamManagerTable[];
  leave: PersonUnavailabilityTable[];
}

export async function countPeople(db: Db): Promise<string | number | bigint> {
  const row = await db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll().as('people'))
    .executeTakeFirstOrThrow();
  return row.people;
}

export async function findPersonIdsByEmail(
  db: Db,
  emails: readonly string[],
): Promise<{ id: string; email: string }[]> {
  if (emails.length === 0) return [];
  return db.selectFrom('person').select(['id', 'email']).where('email', 'in', emails).execute();
}

/** Inserts in the order the foreign keys need: teams name their Head of Service, a person. */
export async function insertDemoRows(db: Db, rows: DemoRows): Promise<void> {
  await db.insertInto('service_area').values(rows.serviceAreas).execute();
  await db.insertInto('person').values(rows.people).execute();
  await db.insertInto('team').values(rows.teams).execute();
  await db.insertInto('team_manager').values(rows.teamManagers).execute();
  if (rows.leave.length > 0)
    await db.insertInto('person_unavailability').values(rows.leave).execute();
}

export async function countPlans(db: Db): Promise<string | number | bigint> {
  const row = await db
    .selectFrom('timetable_plan')
    .select((eb) => eb.fn.countAll().as('plans'))
    .executeTakeFirstOrThrow();
  return row.plans;
}

export interface DemoAccountRow {
  account_id: string;
  role: string;
  person_id: string;
  name: string;
  email: string;
}

/** The accounts of the people with these email addresses. */
export async function findAccountsByEmail(
  db: Db,
  emails: readonly string[],
): Promise<DemoAccountRow[]> {
  if (emails.length === 0) return [];
  return db
    .selectFrom('account')
    .innerJoin('person', 'person.id', 'account.person_id')
    .select([
      'account.id as account_id',
      'account.role',
      'person.id as person_id',
      'person.name',
      'person.email',
    ])
    .where('person.email', 'in', emails)
    .execute();
}

/** Whether anything of the day is recorded yet: priorities, an allocation or dip-sampling targets. */
export async function hasDayRecords(db: Db, spotlightId: string): Promise<boolean> {
  const found = await Promise.all([
    db
      .selectFrom('spotlight_day')
      .select('spotlight_id')
      .where('spotlight_id', '=', spotlightId)
      .executeTakeFirst(),
    db
      .selectFrom('allocation')
      .select('id')
      .where('spotlight_id', '=', spotlightId)
      .executeTakeFirst(),
    db
      .selectFrom('dip_sample_target')
      .select('id')
      .where('spotlight_id', '=', spotlightId)
      .executeTakeFirst(),
  ]);
  return found.some((row) => row !== undefined);
}

/** Whether anything of the afternoon is recorded yet: a member's record, a key finding or the feedback. */
export async function hasAfternoonRecords(db: Db, spotlightId: string): Promise<boolean> {
  const found = await Promise.all([
    db
      .selectFrom('member_record')
      .select('id')
      .where('spotlight_id', '=', spotlightId)
      .executeTakeFirst(),
    db
      .selectFrom('key_finding')
      .select('id')
      .where('spotlight_id', '=', spotlightId)
      .executeTakeFirst(),
    db
      .selectFrom('day_feedback')
      .select('spotlight_id')
      .where('spotlight_id', '=', spotlightId)
      .executeTakeFirst(),
  ]);
  return found.some((row) => row !== undefined);
}

export interface DemoAllocationRow {
  id: string;
  member_person_id: string;
  kind: string;
  /** The practitioner's reason for naming the child; null for a child chosen at random. */
  reason: string | null;
}

/** The Spotlight's allocated children with why each nominated one was named (no case numbers). */
export async function listAllocationReasons(
  db: Db,
  spotlightId: string,
): Promise<DemoAllocationRow[]> {
  return db
    .selectFrom('allocation')
    .leftJoin('nomination', 'nomination.id', 'allocation.nomination_id')
    .select([
      'allocation.id',
      'allocation.member_person_id',
      'allocation.kind',
      'nomination.reason',
    ])
    .where('allocation.spotlight_id', '=', spotlightId)
    .execute();
}

/** The id of the plan for exactly this period, if there is one (the demo's last year). */
export async function findPlanFor(db: Db, from: string, to: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('timetable_plan')
    .select('id')
    .where('from_date', '=', from)
    .where('to_date', '=', to)
    .executeTakeFirst();
  return row?.id;
}

export interface DemoPastPlan {
  plan: TimetablePlanTable;
  spotlights: SpotlightTable[];
  members: SpotlightMemberTable[];
}

/**
 * Adds a plan already published, with its Spotlights and their members, in one transaction: the
 * timetable's services plan only years to come, and the demo needs a year gone by.
 */
export async function insertPastPlan(db: Db, past: DemoPastPlan): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('timetable_plan').values(past.plan).execute();
    await trx.insertInto('spotlight').values(past.spotlights).execute();
    await trx.insertInto('spotlight_member').values(past.members).execute();
  });
}

/** The people with these email addresses, with their home team. */
export async function findPeopleWithTeams(
  db: Db,
  emails: readonly string[],
): Promise<{ id: string; email: string; home_team_id: string | null }[]> {
  if (emails.length === 0) return [];
  return db
    .selectFrom('person')
    .select(['id', 'email', 'home_team_id'])
    .where('email', 'in', emails)
    .execute();
}
