// The report's shape, shared by drafting, the quality checks, review and sign-off, and the Word,
// PDF and web formats: its sections, its statuses, the council's grade scale, and the content
// that every version keeps. Pure: no database here.
import { themeKeys, type ThemeKey } from '../record-themes.js';

/** The report's sections in reading order: a summary, the team's context, then each theme. */
export const sectionKeys = ['summary', 'context', ...themeKeys] as const;
export type SectionKey = (typeof sectionKeys)[number];

export function isSectionKey(value: unknown): value is SectionKey {
  return typeof value === 'string' && (sectionKeys as readonly string[]).includes(value);
}

export function isThemeSection(key: SectionKey): key is ThemeKey {
  return key !== 'summary' && key !== 'context';
}

/** Section names for headings that are not themes (themes use Theme.name). */
export const introSectionNames: Record<'summary' | 'context', string> = {
  summary: 'Summary',
  context: 'About the team',
};

/** Where a comment may be left: a section, or the recommendations. */
export type CommentPlace = SectionKey | 'recommendations';

/**
 * draft: the Lead is writing it (and may circulate it to the team members for comment);
 * submitted: with the QA team; returned: back with the Lead with the Head of Service QA's
 * comments; final: finalised and locked.
 */
export const reportStatuses = ['draft', 'submitted', 'returned', 'final'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const reportStatusNames: Record<ReportStatus, string> = {
  draft: 'Draft',
  submitted: 'With the QA team',
  returned: 'Returned to the Lead',
  final: 'Final',
};

/** The Lead may change the words while the report is a draft or has been returned. */
export function isEditable(status: ReportStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** The council's default grade scale, best first. The last grade is flagged to the QA team. */
export const defaultGradeScale: readonly string[] = Object.freeze([
  'Outstanding',
  'Good',
  'Requires improvement to be good',
  'Inadequate',
]);

/** True for the grade the Head of Service QA and Safeguarding must look at (the scale's last). */
export function isFlaggedGrade(grade: string | null, scale: readonly string[]): boolean {
  return grade !== null && scale.length > 0 && grade === scale[scale.length - 1];
}

/** The summary or the context: one body of text. */
export interface IntroSectionContent {
  key: 'summary' | 'context';
  body: string;
}

/** A theme's section. */
export interface ThemeSectionContent {
  key: ThemeKey;
  workingWell: string;
  toImprove: string;
  forChildren: string;
  grade: string | null;
  evidenceIds: string[];
}

export type SectionContent = IntroSectionContent | ThemeSectionContent;

export interface RecommendationContent {
  id: string;
  theme: ThemeKey;
  /** What will change. */
  action: string;
  owner: string;
  /** YYYY-MM-DD, or '' when not set. */
  dueOn: string;
  measure: string;
  baseline: string;
  target: string;
}

/**
 * The report's words at one moment: what the quality checks read and what each version keeps.
 * Sections in sectionKeys order (a missing section is empty); recommendations in their order.
 */
export interface ReportContent {
  sections: SectionContent[];
  recommendations: RecommendationContent[];
}

/** One change between two versions, for "what changed". */
export interface ContentChange {
  /** A section key, or 'recommendations'. */
  place: CommentPlace;
  /** "Summary changed", "Grade changed from Good to Requires improvement to be good", … */
  description: string;
}

/** What the Spotlight did, counted from the records (never typed). */
export interface SpotlightCounts {
  /** Children whose records the team members reviewed. */
  childrenReviewed: number;
  /** Documents in the preparation pack. */
  documentsRead: number;
  /** Evidence from conversations with staff. */
  conversationsHeld: number;
  /** Evidence from observations of practice. */
  observations: number;
  /** Team members who kept a Team Member Information Record. */
  teamMembers: number;
}

/**
 * The report as circulated: everything the web page, the Word document and the PDF show. It
 * holds no case numbers: evidence is described by its source and words only.
 */
export interface ReportDocument {
  spotlightId: string;
  title: string;
  teamName: string;
  serviceAreaName: string;
  /** The day, YYYY-MM-DD. */
  date: string;
  leadName: string;
  memberNames: string[];
  status: ReportStatus;
  /** YYYY-MM-DD, when final. */
  finalisedOn: string | null;
  counts: SpotlightCounts;
  summary: string;
  context: string;
  themes: {
    key: ThemeKey;
    name: string;
    question: string;
    workingWell: string;
    toImprove: string;
    forChildren: string;
    grade: string | null;
    /** The evidence the grade rests on: its source's name and what was seen. */
    evidence: { source: string; kind: string; seen: string }[];
  }[];
  /** Numbered in this order in every format. */
  recommendations: {
    number: number;
    themeName: string;
    action: string;
    owner: string;
    /** YYYY-MM-DD or ''. */
    dueOn: string;
    measure: string;
    baseline: string;
    target: string;
  }[];
  gradeScale: string[];
}
