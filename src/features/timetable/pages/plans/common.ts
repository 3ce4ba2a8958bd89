// What the timetable's pages share: route permissions, the request context, the hidden version
// field, GOV.UK date input items, and a plan's Spotlights grouped by month with day names.
import type { FastifyRequest } from 'fastify';
import { can, type Permission } from '../../../../platform/policy.js';
import type { Plan, PlanSpotlight } from '../../timetable.model.js';

export const view = { config: { permission: 'timetable:view' as Permission } };
export const manage = { config: { permission: 'timetable:manage' as Permission } };

export const plansPages = 'features/timetable/pages/plans';

export { contextOf } from '../../../../platform/context.js';

export function canManage(request: FastifyRequest): boolean {
  return can(request.actor, 'timetable:manage');
}

export { versionOf } from '../../../../platform/forms.js';

export type { DateInputPart as DatePart } from '../../../../platform/date-input.js';
export { dateInputItems as dateItems } from '../../../../platform/date-input.js';

/** A calendar date's day, month and year as a date input shows them. */
export function dateValues(prefix: string, date: string): Record<string, string> {
  const [year = '', month = '', day = ''] = date.split('-');
  return {
    [`${prefix}-day`]: String(Number(day)),
    [`${prefix}-month`]: String(Number(month)),
    [`${prefix}-year`]: year,
  };
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const monthFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  month: 'long',
  year: 'numeric',
});

/** "Monday 4 January". */
export function dayName(date: string): string {
  return dayFormat.format(new Date(`${date}T12:00:00Z`)).replace(',', '');
}

export interface MonthOfSpotlights {
  key: string;
  name: string;
  spotlights: (PlanSpotlight & { day: string })[];
}

/** Each month from the plan's start to its end, with that month's Spotlights in date order. */
export function monthsOf(plan: Plan, spotlights: readonly PlanSpotlight[]): MonthOfSpotlights[] {
  const months: MonthOfSpotlights[] = [];
  let year = Number(plan.from.slice(0, 4));
  let month = Number(plan.from.slice(5, 7));
  const lastKey = plan.to.slice(0, 7);
  for (let guard = 0; guard < 240; guard += 1) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push({
      key,
      name: monthFormat.format(new Date(Date.UTC(year, month - 1, 15))),
      spotlights: spotlights
        .filter((s) => s.date.startsWith(key))
        .map((s) => ({ ...s, day: dayName(s.date) })),
    });
    if (key >= lastKey) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** The solver's answer in words. */
export function solverWords(plan: Plan): string {
  const partly = plan.explanation.length > 0 ? ' It does not include every team.' : '';
  if (plan.solverStatus === 'optimal') return `The best possible plan was found.${partly}`;
  if (plan.solverStatus === 'feasible') {
    const percent = Math.max(0, plan.gap * 100);
    const shown = percent < 10 ? percent.toFixed(1).replace(/\.0$/, '') : Math.round(percent);
    return `A good plan was found; it is within ${shown}% of the best possible.${partly}`;
  }
  return 'No plan could meet every rule.';
}

export const planStateNames: Record<Plan['status'], string> = {
  draft: 'Draft',
  published: 'Published',
  superseded: 'Replaced',
};
