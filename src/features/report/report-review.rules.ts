// The rules of review and sign-off: the limits of what people write, the messages they see, when
// each step may happen (and why not), the names of places and versions, and the checks on dates.
// Pure: the service supplies the report and the Spotlight.
import { isThemeKey } from '../../core/record-themes.js';
import { sectionName } from '../../core/report/report-diff.js';
import {
  isSectionKey,
  sectionKeys,
  type CommentPlace,
  type ReportStatus,
} from '../../core/report/report-model.js';
import { Conflict, Invalid } from '../../platform/errors.js';
import { formatDate } from '../../platform/format.js';
import { characters, cleanText } from '../day/day-input.js';

export const reviewLimits = {
  comment: 2000,
  reply: 2000,
  agreementNote: 2000,
  returnComments: 5000,
} as const;

const limitText = (n: number) => n.toLocaleString('en-GB');

export const reviewMessages = {
  place: 'Select the part of the report your comment is about',
  commentNone: 'Enter your comment',
  commentLength: `Your comment must be ${limitText(reviewLimits.comment)} characters or fewer`,
  replyLength: `Your reply must be ${limitText(reviewLimits.reply)} characters or fewer`,
  agreedOnLabel: 'Date the Heads of Service agreed',
  agreedOnFuture: 'The date the Heads of Service agreed must be today or in the past',
  agreedOnBeforeDay: (day: string) =>
    `The date the Heads of Service agreed must be on or after the day of the Spotlight, ${formatDate(day)}`,
  noteNone: 'Enter who agreed the actions and what was discussed',
  noteLength: `The note must be ${limitText(reviewLimits.agreementNote)} characters or fewer`,
  returnNone: 'Enter what the Lead needs to change',
  returnLength: `Your comments must be ${limitText(reviewLimits.returnComments)} characters or fewer`,
  circulatedOnLabel: 'Date it was sent',
  circulatedOnFuture: 'The date it was sent must be today or in the past',
  circulatedOnBeforeFinal: (day: string) =>
    `The date it was sent must be on or after the day the report was finalised, ${formatDate(day)}`,
  recipientsNoManager: 'Select at least one Team Manager',
  recipientsUnknown: 'Select only people from the list',
};

export type ReviewProblem =
  'not-started' | 'not-circulated' | 'with-qa' | 'final' | 'not-with-qa' | 'not-final';

const problemMessages: Record<ReviewProblem, string> = {
  'not-started': 'The Lead has not started the draft report yet.',
  'not-circulated':
    'The Lead has not sent the draft to the team members for comment yet, so you cannot comment on it.',
  'with-qa': 'The report is with the QA team, so this cannot be done now.',
  final: 'The report is final, so it can no longer be changed.',
  'not-with-qa': 'The report is not with the QA team, so it cannot be returned or finalised now.',
  'not-final': 'The report is not final yet, so it cannot be circulated to the team.',
};

/** The report is not at a stage where this can happen; the message says why, in plain English. */
export class ReportStageProblem extends Conflict {
  constructor(readonly problem: ReviewProblem) {
    super(problemMessages[problem]);
  }
}

/** The report changed since the page was read (its version moved on). */
export class ReportChanged extends Conflict {
  constructor() {
    super('The report changed while you were looking at it');
  }
}

/** Somebody else resolved the comment first. */
export class CommentAlreadyResolved extends Conflict {
  constructor() {
    super('This comment was resolved while you were looking at it');
  }
}

/** The Lead may circulate, take comments, and record agreement while the draft is with them. */
export function editableProblem(status: ReportStatus | undefined): ReviewProblem | undefined {
  if (status === undefined) return 'not-started';
  if (status === 'final') return 'final';
  if (status === 'submitted') return 'with-qa';
  return undefined;
}

/** Whether a team member may comment now, and if not, why. */
export function commentProblem(
  report: { status: ReportStatus; circulated_at: string | null } | undefined,
): ReviewProblem | undefined {
  const problem = editableProblem(report?.status);
  if (problem) return problem;
  return report?.circulated_at ? undefined : 'not-circulated';
}

/** Every place a comment may be left, in report order, then the recommendations. */
export const commentPlaces: readonly CommentPlace[] = [...sectionKeys, 'recommendations'];

export function isCommentPlace(value: unknown): value is CommentPlace {
  return value === 'recommendations' || isSectionKey(value);
}

export function placeName(place: string): string {
  if (place === 'recommendations') return 'Recommendations';
  if (isSectionKey(place)) return sectionName(place);
  return isThemeKey(place) ? sectionName(place) : 'Another part of the report';
}

export const versionEvents = ['circulated', 'submitted', 'returned', 'finalised'] as const;
export type VersionEvent = (typeof versionEvents)[number];

export const versionEventNames: Record<VersionEvent, string> = {
  circulated: 'Sent to team members',
  submitted: 'Sent to the QA team',
  returned: 'Returned to the Lead',
  finalised: 'Finalised',
};

export function versionEventName(event: string): string {
  return (versionEvents as readonly string[]).includes(event)
    ? versionEventNames[event as VersionEvent]
    : 'Saved';
}

/** A long text as kept: one kind of line break, no control characters, within its limit. */
export function checkLongText(
  field: string,
  text: string,
  limit: number,
  messages: { none?: string; length: string },
): string {
  const value = cleanText(text);
  if (value === '' && messages.none) throw new Invalid(field, messages.none);
  if (characters(value) > limit) throw new Invalid(field, messages.length);
  return value;
}

/** A date that happened: not after today, not before `earliest`. */
export function datePassedProblem(
  date: string,
  today: string,
  earliest: string,
  messages: { future: string; tooEarly: string },
): string | undefined {
  if (date > today) return messages.future;
  if (date < earliest) return messages.tooEarly;
  return undefined;
}
