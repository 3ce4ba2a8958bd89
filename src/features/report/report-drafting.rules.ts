// What the Lead may write in the report: the limits of each field, the checks on a section's and a
// recommendation's words (cleaned as the records' are), and how a theme's section starts from its
// key findings. Pure: the service supplies what the checks compare against.
import { isThemeKey, type ThemeKey } from '../../core/record-themes.js';
import type { SectionKey } from '../../core/report/report-model.js';
import { Conflict, Invalid } from '../../platform/errors.js';
import { characters, cleanLine, cleanText } from '../day/day-input.js';

export const draftingLimits = {
  /** Each text of a section, and a recommendation's longer texts. */
  text: 10_000,
  /** Who owns a recommendation (the column holds 200). */
  owner: 200,
  /** A recommendation's baseline and target (the columns hold 500). */
  measurePoint: 500,
} as const;

const limitText = (n: number) => n.toLocaleString('en-GB');

export const draftingMessages = {
  tooLong: (name: string, limit: number) =>
    `${name} must be ${limitText(limit)} characters or fewer`,
  grade: 'Select a grade judgement from the list',
  evidence: 'Select only evidence from the list for this theme',
  theme: 'Select the theme the recommendation is about',
  action: 'Enter what will change',
  dueOn: 'By when must be a real date',
};

/** The report is not a draft (with the QA team, or final), or has not been started. */
export class ReportLocked extends Conflict {
  constructor(readonly reason: 'not-started' | 'with-qa' | 'final') {
    super(
      reason === 'not-started'
        ? 'The Lead has not started the draft report yet.'
        : reason === 'final'
          ? 'The report is final, so it cannot be changed.'
          : 'The report is with the QA team, so it cannot be changed now.',
    );
  }
}

/** What the Lead writes in a section. Missing texts are empty; a section is saved whole. */
export interface SectionInput {
  /** The summary's or the context's words. */
  body?: string;
  workingWell?: string;
  toImprove?: string;
  forChildren?: string;
  /** A grade on the council's scale, or null (or '') for none yet. */
  grade?: string | null;
  evidenceIds?: string[];
}

/** A section's words as they are saved. */
export interface CheckedSection {
  body: string;
  workingWell: string;
  toImprove: string;
  forChildren: string;
  grade: string | null;
  evidenceIds: string[];
}

/** The names of a theme section's texts, as the form labels them. */
export const themeTextFields = [
  { field: 'workingWell', name: 'What is working well' },
  { field: 'toImprove', name: 'What needs to improve' },
  { field: 'forChildren', name: 'What it means for children' },
] as const;

function text(value: string | undefined, field: string, name: string): string {
  const cleaned = cleanText(value ?? '');
  if (characters(cleaned) > draftingLimits.text) {
    throw new Invalid(field, draftingMessages.tooLong(name, draftingLimits.text));
  }
  return cleaned;
}

/**
 * A section's input checked: texts cleaned and within limits, the grade on `grades` (the scale
 * plus the grade saved now), the evidence among `evidenceIds` (this theme's, of this Spotlight).
 */
export function checkSection(
  key: SectionKey,
  input: SectionInput,
  allowed: { grades: readonly string[]; evidenceIds: readonly string[] },
): CheckedSection {
  if (key === 'summary' || key === 'context') {
    const name = key === 'summary' ? 'Summary' : 'About the team';
    return {
      body: text(input.body, 'body', name),
      workingWell: '',
      toImprove: '',
      forChildren: '',
      grade: null,
      evidenceIds: [],
    };
  }
  const [workingWell, toImprove, forChildren] = themeTextFields.map(({ field, name }) =>
    text(input[field], field, name),
  ) as [string, string, string];
  const grade = input.grade === undefined || input.grade === '' ? null : input.grade;
  if (grade !== null && !allowed.grades.includes(grade)) {
    throw new Invalid('grade', draftingMessages.grade);
  }
  const evidenceIds = [...new Set(input.evidenceIds ?? [])];
  if (evidenceIds.some((id) => !allowed.evidenceIds.includes(id))) {
    throw new Invalid('evidence', draftingMessages.evidence);
  }
  return { body: '', workingWell, toImprove, forChildren, grade, evidenceIds };
}

/** A recommendation as the Lead writes it: only the theme and what will change are required. */
export interface RecommendationInput {
  theme: string;
  action: string;
  owner?: string;
  /** YYYY-MM-DD, or '' for none. */
  dueOn?: string;
  measure?: string;
  baseline?: string;
  target?: string;
}

export interface CheckedRecommendation {
  theme: ThemeKey;
  action: string;
  owner: string;
  dueOn: string;
  measure: string;
  baseline: string;
  target: string;
}

function line(value: string | undefined, field: string, name: string, limit: number): string {
  const cleaned = cleanLine(value ?? '');
  if (characters(cleaned) > limit) throw new Invalid(field, draftingMessages.tooLong(name, limit));
  return cleaned;
}

/** A real calendar date, YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Missing owner, date or measure are for the quality checks to flag, never refused here. */
export function checkRecommendation(input: RecommendationInput): CheckedRecommendation {
  if (!isThemeKey(input.theme)) throw new Invalid('theme', draftingMessages.theme);
  const action = text(input.action, 'action', 'What will change');
  if (action === '') throw new Invalid('action', draftingMessages.action);
  const dueOn = (input.dueOn ?? '').trim();
  if (dueOn !== '' && !isCalendarDate(dueOn)) throw new Invalid('dueOn', draftingMessages.dueOn);
  return {
    theme: input.theme,
    action,
    owner: line(input.owner, 'owner', 'Who owns it', draftingLimits.owner),
    dueOn,
    measure: text(input.measure, 'measure', 'How it will be measured'),
    baseline: line(input.baseline, 'baseline', 'Baseline', draftingLimits.measurePoint),
    target: line(input.target, 'target', 'Target', draftingLimits.measurePoint),
  };
}

/** A key finding as the draft starts from it. */
export interface FindingForDraft {
  kind: string;
  text: string;
  evidenceIds: readonly string[];
}

/**
 * A theme's section as the draft starts: strengths as what is working well, areas as what needs
 * to improve (a paragraph each, in the Lead's order), and the evidence all of them rest on that
 * is still on the board.
 */
export function prefillTheme(findings: readonly FindingForDraft[], onBoard: readonly string[]) {
  const paragraphs = (kind: string) =>
    findings
      .filter((f) => f.kind === kind)
      .map((f) => f.text.trim())
      .filter((t) => t !== '')
      .join('\n\n');
  const evidenceIds = [...new Set(findings.flatMap((f) => f.evidenceIds))].filter((id) =>
    onBoard.includes(id),
  );
  return { workingWell: paragraphs('strength'), toImprove: paragraphs('area'), evidenceIds };
}
