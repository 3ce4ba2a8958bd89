// What every part of the report reads: its row, its words (ReportContent), what the Spotlight did
// (counted from the records), the open comments per place, and the quality checks on the words.
// Drafting, review and sign-off, and the formats all read through here.
import type { Kysely } from 'kysely';
import { isThemeKey, themeKeys } from '../../core/record-themes.js';
import { checkReport, type ReportCheck } from '../../core/report/report-checks.js';
import {
  isSectionKey,
  sectionKeys,
  type CommentPlace,
  type RecommendationContent,
  type ReportContent,
  type ReportStatus,
  type SectionContent,
  type SpotlightCounts,
} from '../../core/report/report-model.js';
import { fromDbCount, fromDbJson } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import type { ReportSettingsService } from '../admin/report-settings.service.js';
import type { Spotlight } from '../spotlight/spotlight.service.js';
import type { ReportTable } from './report.table.js';

type Db = Kysely<Database>;

export type ReportRow = ReportTable & { status: ReportStatus };

/** The report's row, or undefined before the Lead starts the draft. */
export async function findReport(db: Db, spotlightId: string): Promise<ReportRow | undefined> {
  const row = await db
    .selectFrom('report')
    .selectAll()
    .where('spotlight_id', '=', spotlightId)
    .executeTakeFirst();
  return row as ReportRow | undefined;
}

const text = (value: string | null | undefined) => value ?? '';

/** The report's words now: every section in order (empty when not written) and the recommendations. */
export async function contentOf(db: Db, spotlightId: string): Promise<ReportContent> {
  const [sectionRows, recommendationRows] = await Promise.all([
    db.selectFrom('report_section').selectAll().where('spotlight_id', '=', spotlightId).execute(),
    db
      .selectFrom('recommendation')
      .selectAll()
      .where('spotlight_id', '=', spotlightId)
      .orderBy('position')
      .orderBy('created_at')
      .execute(),
  ]);
  const byKey = new Map(
    sectionRows.filter((r) => isSectionKey(r.section_key)).map((r) => [r.section_key, r]),
  );
  const sections: SectionContent[] = sectionKeys.map((key) => {
    const row = byKey.get(key);
    if (key === 'summary' || key === 'context') return { key, body: text(row?.body) };
    return {
      key,
      workingWell: text(row?.working_well),
      toImprove: text(row?.to_improve),
      forChildren: text(row?.for_children),
      grade: row?.grade ?? null,
      evidenceIds: fromDbJson<string[]>(row?.evidence_ids, []),
    };
  });
  const recommendations: RecommendationContent[] = recommendationRows.map((r) => ({
    id: r.id,
    theme: isThemeKey(r.theme) ? r.theme : themeKeys[0],
    action: r.action,
    owner: text(r.owner),
    dueOn: text(r.due_on),
    measure: text(r.measure),
    baseline: text(r.baseline),
    target: text(r.target),
  }));
  return { sections, recommendations };
}

/** What the Spotlight did, counted from the records, the pack and the evidence. */
export async function countsOf(db: Db, spotlightId: string): Promise<SpotlightCounts> {
  const count = (value: { n: unknown } | undefined) => fromDbCount(value?.n ?? 0);
  const [children, documents, conversations, observations, members] = await Promise.all([
    db
      .selectFrom('record_child')
      .select((eb) => eb.fn.count('case_number').distinct().as('n'))
      .where('spotlight_id', '=', spotlightId)
      .executeTakeFirst(),
    db
      .selectFrom('spotlight_document')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('spotlight_id', '=', spotlightId)
      .executeTakeFirst(),
    db
      .selectFrom('evidence_item')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('spotlight_id', '=', spotlightId)
      .where('source', '=', 'conversation')
      .executeTakeFirst(),
    db
      .selectFrom('evidence_item')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('spotlight_id', '=', spotlightId)
      .where('source', '=', 'observation')
      .executeTakeFirst(),
    db
      .selectFrom('member_record')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('spotlight_id', '=', spotlightId)
      .executeTakeFirst(),
  ]);
  return {
    childrenReviewed: count(children),
    documentsRead: count(documents),
    conversationsHeld: count(conversations),
    observations: count(observations),
    teamMembers: count(members),
  };
}

/** Unresolved comments per place (a place with none is absent). */
export async function openCommentCounts(
  db: Db,
  spotlightId: string,
): Promise<Partial<Record<CommentPlace, number>>> {
  const rows = await db
    .selectFrom('report_comment')
    .select(['section_key', (eb) => eb.fn.countAll().as('n')])
    .where('spotlight_id', '=', spotlightId)
    .where('resolved_at', 'is', null)
    .groupBy('section_key')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.section_key, fromDbCount(r.n)]));
}

/** A report's own grade scale, or the council's for a report that has none (or no report yet). */
export function scaleOf(
  report: { grade_scale: string | null } | undefined,
  councilScale: readonly string[],
): string[] {
  const own = fromDbJson<string[] | null>(report?.grade_scale, null);
  return own && own.length > 0 ? own : [...councilScale];
}

/** The grade scale the Spotlight's report uses: the one it began with. */
export async function gradeScaleOf(
  db: Db,
  spotlightId: string,
  reportSettings: ReportSettingsService,
): Promise<string[]> {
  const [report, councilScale] = await Promise.all([
    db
      .selectFrom('report')
      .select('grade_scale')
      .where('spotlight_id', '=', spotlightId)
      .executeTakeFirst(),
    reportSettings.gradeScale(db),
  ]);
  return scaleOf(report, councilScale);
}

/** The quality checks on the report's words now, with the council's jargon list and grade scale. */
export async function checksOf(
  db: Db,
  spotlight: Spotlight,
  reportSettings: ReportSettingsService,
  content?: ReportContent,
): Promise<ReportCheck[]> {
  const [words, jargon, gradeScale, evidence] = await Promise.all([
    content ?? contentOf(db, spotlight.id),
    reportSettings.jargon(db),
    gradeScaleOf(db, spotlight.id, reportSettings),
    db
      .selectFrom('evidence_item')
      .select(['id', 'source'])
      .where('spotlight_id', '=', spotlight.id)
      .execute(),
  ]);
  const names = [
    spotlight.team.name,
    ...(spotlight.lead ? [spotlight.lead.name] : []),
    ...spotlight.members.map((m) => m.name),
    ...spotlight.team.managers.map((m) => m.name),
    ...(spotlight.team.headOfService ? [spotlight.team.headOfService.name] : []),
  ];
  return checkReport(words, {
    jargon,
    gradeScale,
    names,
    evidenceSources: new Map(evidence.map((e) => [e.id, e.source])),
  });
}
