// What the report page shows, read for someone already allowed to see it: the draft's due date,
// what the Spotlight did (counted), each section with its grade and the evidence it rests on, the
// action plan, the quality checks per place and the open comments. The QA team sees nothing of a
// draft until the Lead sends it. No case numbers: evidence is counted by its source.
import { deadlineOf, dueStatus, type DueStatus } from '../../core/deadlines.js';
import { themeOf, type ThemeKey } from '../../core/record-themes.js';
import type { ReportCheck } from '../../core/report/report-checks.js';
import {
  isEditable,
  isFlaggedGrade,
  reportStatusNames,
  type CommentPlace,
  type ReportStatus,
  type SpotlightCounts,
} from '../../core/report/report-model.js';
import type { Spotlight } from '../spotlight/spotlight.service.js';
import * as repo from './report-drafting.repository.js';
import {
  checksOf,
  contentOf,
  countsOf,
  findReport,
  openCommentCounts,
  scaleOf,
} from './report-facts.repository.js';
import type { ReportDeps } from './report.deps.js';

export interface ReportThemeView {
  key: ThemeKey;
  name: string;
  question: string;
  workingWell: string;
  toImprove: string;
  forChildren: string;
  grade: string | null;
  /** The grade is the scale's last (Inadequate): flagged to the Head of Service QA. */
  flagged: boolean;
  /** Evidence items the grade rests on that are still on the board, and their distinct sources. */
  evidenceCount: number;
  sourceCount: number;
}

export interface ReportRecommendationView {
  id: string;
  number: number;
  theme: ThemeKey;
  themeName: string;
  action: string;
  owner: string;
  /** YYYY-MM-DD or ''. */
  dueOn: string;
  measure: string;
  baseline: string;
  target: string;
}

export interface ReportView {
  status: ReportStatus;
  statusName: string;
  /** The Lead may change the words now (a draft, or returned). */
  editable: boolean;
  /** YYYY-MM-DD: when it first reached the QA team. */
  firstSubmittedOn: string | null;
  counts: SpotlightCounts;
  summary: string;
  context: string;
  themes: ReportThemeView[];
  recommendations: ReportRecommendationView[];
  /** Every quality check, and the same grouped by where it is. */
  checks: ReportCheck[];
  checksByPlace: Partial<Record<CommentPlace, ReportCheck[]>>;
  openComments: Partial<Record<CommentPlace, number>>;
  /** Any grade is the scale's last. */
  flagged: boolean;
}

export interface ReportPage {
  spotlight: Spotlight;
  isLead: boolean;
  /** The Lead or a team member (not the QA team). */
  inTeam: boolean;
  /** The QA team, before the Lead has sent the report: none of it is shown. */
  withheld: boolean;
  draftDue: { due: string; status: DueStatus };
  /** null before the Lead starts it, or while withheld. */
  report: ReportView | null;
}

export async function buildReportPage(
  deps: ReportDeps,
  spotlight: Spotlight,
  who: { isLead: boolean; inTeam: boolean },
): Promise<ReportPage> {
  const { db, reportSettings } = deps;
  const due = deadlineOf(spotlight.deadlines, 'draftReport');
  const page = {
    spotlight,
    ...who,
    draftDue: { due, status: dueStatus(due, spotlight.today, spotlight.calendar) },
  };
  const row = await findReport(db, spotlight.id);
  const withheld = !who.inTeam && (!row || row.status === 'draft');
  if (!row || withheld) return { ...page, withheld, report: null };

  const content = await contentOf(db, spotlight.id);
  const [counts, openComments, checks, gradeScale, evidence] = await Promise.all([
    countsOf(db, spotlight.id),
    openCommentCounts(db, spotlight.id),
    checksOf(db, spotlight, reportSettings, content),
    reportSettings.gradeScale(db).then((council) => scaleOf(row, council)),
    repo.listEvidence(db, spotlight.id),
  ]);
  const sourceOf = new Map(evidence.map((e) => [e.id, e.source]));
  const checksByPlace: Partial<Record<CommentPlace, ReportCheck[]>> = {};
  for (const check of checks) (checksByPlace[check.place] ??= []).push(check);

  let summary = '';
  let context = '';
  const themes: ReportThemeView[] = [];
  for (const section of content.sections) {
    if (section.key === 'summary' || section.key === 'context') {
      if (section.key === 'summary') summary = section.body;
      else context = section.body;
      continue;
    }
    if (!('grade' in section)) continue;
    const theme = themeOf(section.key);
    const onBoard = [...new Set(section.evidenceIds)].filter((id) => sourceOf.has(id));
    themes.push({
      key: theme.key,
      name: theme.name,
      question: theme.question,
      workingWell: section.workingWell,
      toImprove: section.toImprove,
      forChildren: section.forChildren,
      grade: section.grade,
      flagged: isFlaggedGrade(section.grade, gradeScale),
      evidenceCount: onBoard.length,
      sourceCount: new Set(onBoard.map((id) => sourceOf.get(id))).size,
    });
  }
  return {
    ...page,
    withheld: false,
    report: {
      status: row.status,
      statusName: reportStatusNames[row.status],
      editable: isEditable(row.status),
      firstSubmittedOn: row.first_submitted_on,
      counts,
      summary,
      context,
      themes,
      recommendations: content.recommendations.map((r, index) => ({
        ...r,
        number: index + 1,
        themeName: themeOf(r.theme).name,
      })),
      checks,
      checksByPlace,
      openComments,
      flagged: themes.some((t) => t.flagged),
    },
  };
}
