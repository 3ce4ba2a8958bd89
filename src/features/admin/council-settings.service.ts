// The council's own settings: its nation's bank holidays, its closure days, how far each deadline
// sits from a Spotlight's day, and the format of its LCS and EHM numbers. Every stage reads the
// working-day calendar from here.
import type { Kysely } from 'kysely';
import { defaultCaseNumberFormats, type CaseNumberFormats } from '../../core/case-numbers.js';
import { defaultDeadlineOffsets, type DeadlineOffsets } from '../../core/deadlines.js';
import {
  bankHolidayRegions,
  isCalendarDate,
  type BankHolidayRegion,
  type WorkingDayCalendar,
} from '../../core/working-days.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { fromDbJson, isUniqueViolation, toDbInstant, toDbJson } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { assertCan } from '../../platform/policy.js';
import * as repo from './council-settings.repository.js';
import {
  changesBetween,
  checkClosureReason,
  checkSettings,
  notAWorkingDay,
  type ClosureDayInput,
  type CouncilSettingsInput,
  type SettingChange,
} from './council-settings.rules.js';

export type { ClosureDayInput, CouncilSettingsInput, SettingChange };

export interface CouncilSettings extends CouncilSettingsInput {
  /** For lost-update protection on the settings form. */
  version: number;
}

export interface ClosureDay {
  date: string;
  reason: string | null;
}

export const defaultCouncilSettings: CouncilSettings = Object.freeze({
  region: 'england-and-wales' as const,
  deadlineOffsets: defaultDeadlineOffsets,
  caseNumberFormats: defaultCaseNumberFormats,
  version: 0,
});

function toSettings(row: repo.CouncilSettingsRow | undefined): CouncilSettings {
  if (!row) return { ...defaultCouncilSettings };
  const region = (bankHolidayRegions as readonly string[]).includes(row.region)
    ? (row.region as BankHolidayRegion)
    : defaultCouncilSettings.region;
  const offsets = fromDbJson<Partial<DeadlineOffsets>>(row.deadline_offsets, {});
  const formats = fromDbJson<Partial<CaseNumberFormats>>(row.case_number_formats, {});
  return {
    region,
    deadlineOffsets: { ...defaultDeadlineOffsets, ...offsets },
    caseNumberFormats: { ...defaultCaseNumberFormats, ...formats },
    version: row.version,
  };
}

const settingsConflict = () =>
  new Conflict('Somebody else changed the council’s settings while you were working on them');

export type CouncilSettingsService = ReturnType<typeof createCouncilSettingsService>;

export function createCouncilSettingsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
}) {
  const { db } = deps;

  return {
    /** The settings, or the guidance's defaults for a council that has not changed them. */
    async settings(trx: Kysely<Database> = db): Promise<CouncilSettings> {
      return toSettings(await repo.findCouncilSettings(trx));
    },

    async closureDays(trx: Kysely<Database> = db): Promise<ClosureDay[]> {
      return (await repo.listClosureDays(trx)).map((row) => ({
        date: row.date,
        reason: row.reason,
      }));
    },

    /** The working-day calendar: the nation's bank holidays and the council's closure days. */
    async calendar(trx: Kysely<Database> = db): Promise<WorkingDayCalendar> {
      const [settings, closures] = await Promise.all([
        repo.findCouncilSettings(trx),
        repo.listClosureDays(trx),
      ]);
      return { region: toSettings(settings).region, closures: closures.map((c) => c.date) };
    },

    /** The settings, for the QA coordinator to change. */
    async forEditing(ctx: RequestContext): Promise<CouncilSettings> {
      assertCan(ctx.actor, 'settings:manage');
      return toSettings(await repo.findCouncilSettings(db));
    },

    /**
     * Saves the settings read at `version` (0: the defaults, never saved) and returns what changed.
     * Conflict when somebody saved first; nothing is written when nothing changed.
     */
    async save(
      ctx: RequestContext,
      input: CouncilSettingsInput,
      version: number,
    ): Promise<SettingChange[]> {
      assertCan(ctx.actor, 'settings:manage');
      const wanted = checkSettings(input);
      try {
        return await db.transaction().execute(async (trx) => {
          const row = await repo.findCouncilSettings(trx);
          if ((row?.version ?? 0) !== version) throw settingsConflict();
          const changes = changesBetween(toSettings(row), wanted);
          if (changes.length === 0) return changes;
          const values = {
            region: wanted.region,
            deadline_offsets: toDbJson(wanted.deadlineOffsets),
            case_number_formats: toDbJson(wanted.caseNumberFormats),
            updated_at: toDbInstant(deps.clock.now()),
          };
          if (!row) {
            await repo.insertCouncilSettings(trx, {
              id: repo.councilSettingsId,
              ...values,
              version: 1,
            });
          } else if (!(await repo.updateCouncilSettings(trx, values, version))) {
            throw settingsConflict();
          }
          await deps.audit.record(
            ctx,
            {
              action: 'settings.changed',
              objectType: 'council-settings',
              objectId: repo.councilSettingsId,
              details: { changes },
            },
            trx,
          );
          return changes;
        });
      } catch (error) {
        // Two first saves at once: the second finds the row the first inserted.
        if (isUniqueViolation(error)) throw settingsConflict();
        throw error;
      }
    },

    async listClosureDays(ctx: RequestContext): Promise<ClosureDay[]> {
      assertCan(ctx.actor, 'settings:manage');
      return (await repo.listClosureDays(db)).map((row) => ({
        date: row.date,
        reason: row.reason,
      }));
    },

    /** One closure day; NotFound for a date that is not one (or is not a date). */
    async closureDay(ctx: RequestContext, date: string): Promise<ClosureDay> {
      assertCan(ctx.actor, 'settings:manage');
      const row = isCalendarDate(date) ? await repo.findClosureDay(db, date) : undefined;
      if (!row) throw new NotFound('Closure day');
      return { date: row.date, reason: row.reason };
    },

    /** Adds a closure day: a working day (not a weekend or bank holiday) not already closed. */
    async addClosureDay(ctx: RequestContext, input: ClosureDayInput): Promise<void> {
      assertCan(ctx.actor, 'settings:manage');
      if (!isCalendarDate(input.date)) throw new Invalid('date', 'Closure day must be a real date');
      const reason = checkClosureReason(input.reason);
      const duplicate = new Invalid('date', 'That day is already a closure day');
      try {
        await db.transaction().execute(async (trx) => {
          const problem = notAWorkingDay(
            input.date,
            toSettings(await repo.findCouncilSettings(trx)).region,
          );
          if (problem) throw new Invalid('date', problem);
          if (await repo.findClosureDay(trx, input.date)) throw duplicate;
          await repo.insertClosureDay(trx, {
            date: input.date,
            reason,
            created_at: toDbInstant(deps.clock.now()),
          });
          await deps.audit.record(
            ctx,
            {
              action: 'closure-day.added',
              objectType: 'closure-day',
              objectId: input.date,
              details: { date: input.date, reason },
            },
            trx,
          );
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicate;
        throw error;
      }
    },

    async removeClosureDay(ctx: RequestContext, date: string): Promise<void> {
      assertCan(ctx.actor, 'settings:manage');
      if (!isCalendarDate(date)) throw new NotFound('Closure day');
      await db.transaction().execute(async (trx) => {
        const row = await repo.findClosureDay(trx, date);
        if (!row || !(await repo.deleteClosureDay(trx, date))) throw new NotFound('Closure day');
        await deps.audit.record(
          ctx,
          {
            action: 'closure-day.removed',
            objectType: 'closure-day',
            objectId: date,
            details: { date, reason: row.reason },
          },
          trx,
        );
      });
    },
  };
}
