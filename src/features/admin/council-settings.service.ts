// The council's own settings: its nation's bank holidays, its closure days, how far each deadline
// sits from a Spotlight's day, and the format of its LCS and EHM numbers. Every stage reads the
// working-day calendar from here.
import type { Kysely } from 'kysely';
import { defaultCaseNumberFormats, type CaseNumberFormats } from '../../core/case-numbers.js';
import { defaultDeadlineOffsets, type DeadlineOffsets } from '../../core/deadlines.js';
import {
  bankHolidayRegions,
  type BankHolidayRegion,
  type WorkingDayCalendar,
} from '../../core/working-days.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { fromDbJson } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import * as repo from './council-settings.repository.js';

export interface CouncilSettings {
  region: BankHolidayRegion;
  deadlineOffsets: DeadlineOffsets;
  caseNumberFormats: CaseNumberFormats;
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
  };
}
