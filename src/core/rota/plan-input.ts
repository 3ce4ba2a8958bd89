// Reads a year plan's input (the `plan-year` JSON, or what the timetable page builds), checks it
// and fills in the defaults. Every problem names the field, so a person can fix the file.
import { z } from 'zod';
import { jobRoles } from '../job-roles.js';
import { isCalendarDate } from '../working-days.js';
import { normaliseRules } from './people.js';
import type { PlanRules } from './plan.types.js';

export const planDefaults = {
  closures: [] as string[],
  region: 'england-and-wales',
  maxSpotlightsPerDay: 2,
  membersPerSpotlight: { min: 3, max: 4 },
  maxPerPersonPerYear: 2,
  maxLeadsPerPersonPerYear: 12,
  roleMix: { managers: 1, seniorPractitioners: 1 },
} as const;

const calendarDate = z.string().refine(isCalendarDate, { message: 'not a date' });
const dateRange = z.strictObject({ from: calendarDate, to: calendarDate });
const count = z.number().int().min(0);
const id = z.string().trim().min(1);

const teamSchema = z.strictObject({
  id,
  serviceArea: id,
  lastSpotlight: calendarDate.optional(),
  unavailable: z.array(dateRange).optional(),
  size: z.number().int().min(1).optional(),
});

const personSchema = z.strictObject({
  id,
  team: id.optional(),
  serviceArea: id.optional(),
  role: z.enum(jobRoles),
  canLead: z.boolean(),
  canReview: z.boolean(),
  unavailable: z.array(dateRange).optional(),
  lastReviewed: z.array(id).optional(),
});

const inputSchema = z.strictObject({
  from: calendarDate,
  to: calendarDate,
  closures: z.array(calendarDate).optional(),
  region: z.enum(['england-and-wales', 'scotland', 'northern-ireland']).optional(),
  maxSpotlightsPerDay: z.number().int().min(1).optional(),
  membersPerSpotlight: z
    .strictObject({ min: z.number().int().min(1), max: z.number().int().min(1) })
    .optional(),
  maxPerPersonPerYear: count.optional(),
  maxLeadsPerPersonPerYear: count.optional(),
  roleMix: z.strictObject({ managers: count, seniorPractitioners: count }).optional(),
  teams: z.array(teamSchema).min(1),
  people: z.array(personSchema),
});

type ParsedInput = z.infer<typeof inputSchema>;

export type ParsePlanInputResult =
  { ok: true; rules: PlanRules } | { ok: false; problems: string[] };

/** "people[3].role" from a zod path. */
function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const part of path) {
    if (typeof part === 'number') name += `[${part}]`;
    else name += name === '' ? String(part) : `.${String(part)}`;
  }
  return name === '' ? 'The input' : name;
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function describeIssue(json: unknown, issue: z.core.$ZodIssue): string[] {
  const field = fieldName(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(json, issue.path) === undefined) return [`${field} is required`];
      return [`${field} must be ${typeWords[issue.expected] ?? issue.expected}`];
    case 'invalid_value':
      return [`${field} must be one of ${issue.values.map(String).join(', ')}`];
    case 'too_small':
      if (issue.origin === 'array') return [`${field} must not be empty`];
      if (issue.origin === 'string') return [`${field} must not be empty`];
      return [`${field} must be ${String(issue.minimum)} or more`];
    case 'too_big':
      return [`${field} must be ${String(issue.maximum)} or less`];
    case 'unrecognized_keys':
      return issue.keys.map(
        (key) => `${fieldName([...issue.path, key])} is not a field the input can have`,
      );
    case 'custom':
      return [`${field} must be a real date written YYYY-MM-DD`];
    default:
      return [`${field}: ${issue.message}`];
  }
}

function checkRanges(ranges: { from: string; to: string }[] | undefined, field: string): string[] {
  return (ranges ?? []).flatMap((range, i) =>
    range.from > range.to ? [`${field}[${i}].from must not be after ${field}[${i}].to`] : [],
  );
}

function duplicates(ids: string[], field: string): string[] {
  const seen = new Set<string>();
  return ids.flatMap((value, i) => {
    if (seen.has(value)) return [`${field}[${i}].id ${value} is used more than once`];
    seen.add(value);
    return [];
  });
}

/** Checks that only make sense across fields, after each field is known to be well formed. */
function crossFieldProblems(input: ParsedInput): string[] {
  const problems: string[] = [];
  if (input.from > input.to) problems.push('from must not be after to');
  problems.push(
    ...duplicates(
      input.teams.map((t) => t.id),
      'teams',
    ),
  );
  problems.push(
    ...duplicates(
      input.people.map((p) => p.id),
      'people',
    ),
  );
  const members = input.membersPerSpotlight;
  if (members && members.min > members.max) {
    problems.push('membersPerSpotlight.min must not be more than membersPerSpotlight.max');
  }
  const maxMembers = members?.max ?? planDefaults.membersPerSpotlight.max;
  const mix = input.roleMix ?? planDefaults.roleMix;
  if (mix.managers + mix.seniorPractitioners > maxMembers) {
    problems.push(
      `roleMix asks for ${mix.managers + mix.seniorPractitioners} members but membersPerSpotlight.max is ${maxMembers}`,
    );
  }
  const teamIds = new Set(input.teams.map((t) => t.id));
  input.teams.forEach((team, i) => {
    problems.push(...checkRanges(team.unavailable, `teams[${i}].unavailable`));
  });
  input.people.forEach((person, i) => {
    if (person.team !== undefined && !teamIds.has(person.team)) {
      problems.push(`people[${i}].team ${person.team} is not one of the teams`);
    }
    problems.push(...checkRanges(person.unavailable, `people[${i}].unavailable`));
  });
  return problems;
}

function toRules(input: ParsedInput): PlanRules {
  return normaliseRules({
    from: input.from,
    to: input.to,
    closures: input.closures ?? [...planDefaults.closures],
    region: input.region ?? planDefaults.region,
    maxSpotlightsPerDay: input.maxSpotlightsPerDay ?? planDefaults.maxSpotlightsPerDay,
    membersPerSpotlight: input.membersPerSpotlight ?? { ...planDefaults.membersPerSpotlight },
    maxPerPersonPerYear: input.maxPerPersonPerYear ?? planDefaults.maxPerPersonPerYear,
    maxLeadsPerPersonPerYear:
      input.maxLeadsPerPersonPerYear ?? planDefaults.maxLeadsPerPersonPerYear,
    roleMix: input.roleMix ?? { ...planDefaults.roleMix },
    teams: input.teams,
    people: input.people,
  });
}

/**
 * Checks a plan input and fills in its defaults. People without a service area take their team's;
 * teams without a size take the number of their people in the input.
 */
export function parsePlanInput(json: unknown): ParsePlanInputResult {
  const parsed = inputSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.flatMap((i) => describeIssue(json, i)) };
  }
  const problems = crossFieldProblems(parsed.data);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, rules: toRules(parsed.data) };
}
