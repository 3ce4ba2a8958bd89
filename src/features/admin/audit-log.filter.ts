// Reads the audit log's filter form (a GET form, so the filters live in the query string and can be
// bookmarked) into a filter for the audit service, and builds the links that keep those filters.
import { addError, emptyErrors, type FormErrors } from '../../platform/forms.js';
import type { AuditService } from '../../platform/audit/audit.service.js';

export type AuditFilter = Parameters<AuditService['list']>[1];

type Part = 'day' | 'month' | 'year';
const parts: readonly Part[] = ['day', 'month', 'year'];

export interface DateValue {
  day: string;
  month: string;
  year: string;
  /** The parts to highlight as wrong. */
  bad: Part[];
}

export interface AuditLogQuery {
  values: { action: string; actor: string; from: DateValue; to: DateValue; caseNumbers: boolean };
  filter: AuditFilter;
  page: number;
  errors: FormErrors;
}

type Query = Record<string, unknown>;

function text(query: Query, key: string, max = 100): string {
  const raw = query[key];
  const value: unknown = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readAuditLogQuery(query: Query): AuditLogQuery {
  const errors = emptyErrors();
  const action = text(query, 'action', 80);
  const actor = text(query, 'actor', 36);
  const caseNumbers = text(query, 'caseNumbers') === 'yes';
  const from = readDate(query, 'from', 'Date from', errors);
  const to = readDate(query, 'to', 'Date to', errors);
  if (from.start && to.start && to.start < from.start) {
    addError(errors, 'to', 'Date to must be the same as or after date from', '#to-day');
    to.value.bad = [...parts];
  }
  const pageText = text(query, 'page', 6);
  const page = /^[1-9]\d{0,5}$/.test(pageText) ? Number(pageText) : 1;
  return {
    values: { action, actor, from: from.value, to: to.value, caseNumbers },
    filter: {
      action: action || undefined,
      actorAccountId: uuid.test(actor) ? actor.toLowerCase() : undefined,
      fromInstant: from.start ? startOfLondonDay(from.start).toISOString() : undefined,
      toInstant: to.start ? startOfLondonDay(to.start, 1).toISOString() : undefined,
      caseNumbersOnly: caseNumbers || undefined,
    },
    page,
    errors,
  };
}

/** One date of the form, checked in the GOV.UK way; `start` is the start of that day in the UK. */
function readDate(query: Query, prefix: string, label: string, errors: FormErrors) {
  const value: DateValue = {
    day: text(query, `${prefix}-day`, 10),
    month: text(query, `${prefix}-month`, 10),
    year: text(query, `${prefix}-year`, 10),
    bad: [],
  };
  const missing = parts.filter((part) => value[part] === '');
  if (missing.length === parts.length) return { value, start: undefined };
  const fail = (message: string, bad: Part[]) => {
    value.bad = bad;
    addError(errors, prefix, message, `#${prefix}-${bad[0] ?? 'day'}`);
    return { value, start: undefined };
  };
  if (missing.length > 0) return fail(`${label} must include a ${missing.join(' and ')}`, missing);
  const notNumbers = parts.filter((part) => !/^\d+$/.test(value[part]));
  if (notNumbers.length > 0) return fail(`${label} must be a real date`, notNumbers);
  if (value.year.length !== 4) return fail('Year must include 4 numbers', ['year']);
  const [day, month, year] = [Number(value.day), Number(value.month), Number(value.year)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return fail(`${label} must be a real date`, [...parts]);
  return { value, start: date };
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});

/** How far UK clocks are ahead of UTC at an instant (0 in winter, an hour in summer). */
function londonOffsetMs(at: Date): number {
  const p = Object.fromEntries(londonParts.formatToParts(at).map((x) => [x.type, x.value]));
  const local = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
  );
  return local - at.getTime();
}

/**
 * Midnight in the UK at the start of a calendar day (given as midnight UTC), plus some days.
 * Clocks change at 1am UTC, so the offset at midnight UTC is the one in force at UK midnight.
 */
export function startOfLondonDay(dayAtUtcMidnight: Date, plusDays = 0): Date {
  const utcMidnight = Date.UTC(
    dayAtUtcMidnight.getUTCFullYear(),
    dayAtUtcMidnight.getUTCMonth(),
    dayAtUtcMidnight.getUTCDate() + plusDays,
  );
  return new Date(utcMidnight - londonOffsetMs(new Date(utcMidnight)));
}

/** The address of a page of results with the same filters. */
export function auditLogHref(values: AuditLogQuery['values'], page: number): string {
  const params = new URLSearchParams();
  if (values.action) params.set('action', values.action);
  if (values.actor) params.set('actor', values.actor);
  for (const prefix of ['from', 'to'] as const) {
    for (const part of parts) {
      if (values[prefix][part]) params.set(`${prefix}-${part}`, values[prefix][part]);
    }
  }
  if (values.caseNumbers) params.set('caseNumbers', 'yes');
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/admin/audit?${search}` : '/admin/audit';
}

/** govukPagination's options: previous, next, and the page numbers around this one. */
export function pagination(page: number, totalPages: number, hrefFor: (page: number) => string) {
  if (totalPages <= 1) return undefined;
  const shown = new Set([1, page - 1, page, page + 1, totalPages]);
  const items: { number?: string; href?: string; current?: boolean; ellipsis?: boolean }[] = [];
  let last = 0;
  for (let n = 1; n <= totalPages; n++) {
    if (!shown.has(n)) continue;
    if (n > last + 1) items.push({ ellipsis: true });
    items.push({ number: String(n), href: hrefFor(n), current: n === page });
    last = n;
  }
  return {
    previous: page > 1 ? { href: hrefFor(page - 1) } : undefined,
    next: page < totalPages ? { href: hrefFor(page + 1) } : undefined,
    items,
  };
}

/** The three boxes of govukDateInput, with the wrong ones highlighted. */
export function dateItems(value: DateValue) {
  return parts.map((part) => ({
    name: part,
    value: value[part],
    classes: [
      part === 'year' ? 'govuk-input--width-4' : 'govuk-input--width-2',
      value.bad.includes(part) ? 'govuk-input--error' : '',
    ]
      .join(' ')
      .trim(),
  }));
}
