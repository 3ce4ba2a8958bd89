// Year plans as the pages see them: names rather than ids, and words rather than codes. Also the
// one place that turns the solver's and checker's messages (which name ids) into names and dates.
import type { PlanStatus, PlannedSpotlight, RuleBreach } from '../../core/rota/plan.types.js';
import { fromDbCount, fromDbJson } from '../../platform/db/convert.js';
import { formatDate } from '../../platform/format.js';
import { settingsFromJson, type PlanSettings } from './plan-settings.js';
import type {
  MemberRow,
  PlanChangeRow,
  PlanListRow,
  PlanRow,
  SpotlightRow,
} from './timetable.repository.js';

export type PlanState = 'draft' | 'published' | 'superseded';

export interface Named {
  id: string;
  name: string;
}

export interface Plan {
  id: string;
  from: string;
  to: string;
  status: PlanState;
  solverStatus: PlanStatus;
  gap: number;
  objective: number;
  seconds: number;
  /** Why teams could not be planned, with names. */
  explanation: string[];
  settings: PlanSettings;
  createdAt: string;
  publishedAt: string | null;
  version: number;
  spotlightCount?: number;
}

export interface PlanSpotlight {
  id: string;
  date: string;
  team: Named;
  serviceArea: Named;
  lead: Named | null;
  members: Named[];
  version: number;
}

export interface PlanChange {
  id: string;
  at: string;
  actorName: string;
  kind: string;
  summary: string;
  /** The rules the change broke, in words, when it was saved anyway. */
  warnings: string[];
}

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const isoDatePattern = /\b(\d{4}-\d{2}-\d{2})\b/g;

/** The ids a message names, so their names can be looked up. */
export function idsIn(texts: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const text of texts) for (const match of text.match(uuidPattern) ?? []) ids.add(match);
  return [...ids];
}

// The solver names its settings as the `plan-year` file does; the page uses the form's words.
const settingWords: [RegExp, string][] = [
  [/\bmaxLeadsPerPersonPerYear\b/g, 'the most times a person can lead'],
  [/\bmaxPerPersonPerYear\b/g, 'the most times a person can be a member'],
  [/\bmaxSpotlightsPerDay\b/g, 'the most Spotlights on one day'],
  [/\bmembersPerSpotlight(?:\.min)?\b/g, 'the fewest team members in a Spotlight'],
  [/\broleMix\.managers\b/g, 'the Team Managers or Team Leaders each Spotlight needs'],
  [/\broleMix\.seniorPractitioners\b/g, 'the Senior Social Workers or ISROs each Spotlight needs'],
];

/**
 * A message for people: ids become names, setting names the form's words (with their number in
 * brackets), YYYY-MM-DD dates in words, apostrophes curly.
 */
export function inWords(text: string, names: ReadonlyMap<string, string>): string {
  let words = text;
  for (const [pattern, replacement] of settingWords) {
    words = words.replace(new RegExp(`${pattern.source} (\\d+)\\b`, 'g'), `${replacement} ($1)`);
    words = words.replace(pattern, replacement);
  }
  return words
    .replace(uuidPattern, (id) => names.get(id) ?? names.get(id.toLowerCase()) ?? 'someone')
    .replace(isoDatePattern, (date) => formatDate(date) || date)
    .replace(/'/g, '’');
}

export function planState(status: string): PlanState {
  return status === 'published' || status === 'superseded' ? status : 'draft';
}

function solverStatus(status: string): PlanStatus {
  return status === 'optimal' || status === 'feasible' ? status : 'infeasible';
}

export function toPlan(row: PlanRow | PlanListRow, names: ReadonlyMap<string, string>): Plan {
  const explanation = fromDbJson<unknown>(row.explanation, []);
  return {
    id: row.id,
    from: row.from_date,
    to: row.to_date,
    status: planState(row.status),
    solverStatus: solverStatus(row.solver_status),
    gap: Number(row.gap),
    objective: Number(row.objective),
    seconds: Number(row.seconds),
    explanation: Array.isArray(explanation)
      ? explanation.filter((e): e is string => typeof e === 'string').map((e) => inWords(e, names))
      : [],
    settings: settingsFromJson(row.settings, row.from_date, row.to_date),
    createdAt: row.created_at,
    publishedAt: row.published_at,
    version: row.version,
    ...('spotlights' in row ? { spotlightCount: fromDbCount(row.spotlights) } : {}),
  };
}

export function toPlanSpotlights(
  rows: readonly SpotlightRow[],
  members: readonly MemberRow[],
): PlanSpotlight[] {
  const bySpotlight = new Map<string, Named[]>();
  for (const member of members) {
    const list = bySpotlight.get(member.spotlight_id) ?? [];
    list.push({ id: member.person_id, name: member.name });
    bySpotlight.set(member.spotlight_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    date: row.date,
    team: { id: row.team_id, name: row.team_name },
    serviceArea: { id: row.service_area_id, name: row.service_area_name },
    lead: row.lead_person_id ? { id: row.lead_person_id, name: row.lead_name ?? '' } : null,
    members: bySpotlight.get(row.id) ?? [],
    version: row.version,
  }));
}

/** The plan as the checker reads it. */
export function toPlanned(spotlights: readonly PlanSpotlight[]): PlannedSpotlight[] {
  return spotlights.map((s) => ({
    team: s.team.id,
    date: s.date,
    lead: s.lead?.id ?? '',
    members: s.members.map((m) => m.id),
  }));
}

export function toPlanChange(row: PlanChangeRow): PlanChange {
  const warnings = fromDbJson<unknown>(row.warnings, []);
  return {
    id: row.id,
    at: row.at,
    actorName: row.actor_name ?? 'Spotlight',
    kind: row.kind,
    summary: row.summary,
    warnings: Array.isArray(warnings)
      ? warnings
          .map((w: unknown) =>
            typeof w === 'object' && w !== null && 'message' in w ? String(w.message) : String(w),
          )
          .filter((w) => w !== '')
      : [],
  };
}

/** A breach's identity, for telling the breaches an edit adds from those already there. */
export function breachKey(breach: RuleBreach): string {
  return `${breach.rule}|${breach.team ?? ''}|${breach.date ?? ''}|${breach.person ?? ''}|${breach.message}`;
}

/** "4 Spotlights", "1 team". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
