// The sign-off page's task list: each step of the guidance's "After the exercise" and how it stands.
import type { ReportCheck, ReportCheckCategory } from '../../../../core/report/report-checks.js';
import { formatDate, formatDateTime } from '../../../../platform/format.js';
import type { DueView, ReportReviewService } from '../../report-review.service.js';
import { placeName } from '../../report-review.rules.js';
import { reportHref } from './common.js';

type SignOff = Awaited<ReturnType<ReportReviewService['signOff']>>;

const done = { text: 'Done' };
const cannotStart = {
  text: 'Cannot start yet',
  classes: 'govuk-task-list__status--cannot-start-yet',
};
const tag = (text: string, classes: string) => ({ tag: { text, classes } });
const dueTag = (due: DueView) => tag(due.text, due.classes);
const dueHint = (due: DueView) => `Due by ${formatDate(due.due)}.`;

export function signOffTasks(view: SignOff) {
  const { spotlight, report, isLead } = view;
  if (!report) return [];
  const base = reportHref(spotlight.id);
  const editable = report.status === 'draft' || report.status === 'returned';
  const withQa = report.status === 'submitted';
  const final = report.status === 'final';
  const sentToQa = withQa || final;
  const circulated = report.circulated_at !== null;
  return [
    {
      title: { text: 'Send the draft to the team members for comment' },
      hint: {
        text: circulated
          ? `Last sent ${formatDateTime(report.circulated_at)}.`
          : 'Team members can comment once you send it.',
      },
      status: circulated ? done : tag('To do', 'govuk-tag--blue'),
    },
    {
      title: { text: 'Comments from team members' },
      hint: { text: `${view.openComments} open, ${view.resolvedComments} resolved.` },
      href: `${base}/comments`,
      status:
        view.openComments > 0
          ? tag(`${view.openComments} open`, 'govuk-tag--blue')
          : circulated
            ? done
            : cannotStart,
    },
    {
      title: { text: 'Heads of Service agree the actions are realistic' },
      hint: {
        text: report.actions_agreed_on
          ? `Agreed on ${formatDate(report.actions_agreed_on)}.`
          : 'Discuss the content and the action plan with the Heads of Service.',
      },
      href: isLead && !final ? `${base}/agreement` : undefined,
      status: report.actions_agreed_on ? done : tag('To do', 'govuk-tag--blue'),
    },
    {
      title: { text: 'Send to the QA team' },
      hint: {
        text: sentToQa
          ? `Sent ${formatDateTime(report.submitted_at)}. ${dueHint(view.draftDue)}`
          : `${dueHint(view.draftDue)} That is 15 working days after the day of the Spotlight.`,
      },
      href: isLead && editable ? `${base}/submit` : undefined,
      status: sentToQa ? done : dueTag(view.draftDue),
    },
    {
      title: { text: 'Review by the Head of Service QA and Safeguarding' },
      hint: {
        text: final
          ? `Finalised ${formatDateTime(report.finalised_at)}${view.finalisedBy ? ` by ${view.finalisedBy}` : ''}.`
          : report.first_submitted_on
            ? `${dueHint(view.finalDue)} That is 5 working days after it first reached the QA team.`
            : 'Starts when the report reaches the QA team.',
      },
      href: view.isReviewer && withQa ? `${base}/review` : undefined,
      status: final
        ? done
        : withQa
          ? dueTag(view.finalDue)
          : report.status === 'returned'
            ? tag('Returned to the Lead', 'govuk-tag--orange')
            : cannotStart,
    },
    {
      title: { text: 'Circulate the final report to the Team Manager' },
      hint: {
        text:
          view.circulation.length > 0
            ? `Sent to ${view.circulation.map((c) => c.recipientName).join(', ')}.`
            : 'For wider team circulation and discussion.',
      },
      href: final ? `${base}/circulation` : undefined,
      status:
        view.circulation.length > 0 ? done : final ? tag('To do', 'govuk-tag--blue') : cannotStart,
    },
  ];
}

const categoryNames: Record<ReportCheckCategory, string> = {
  'plain-language': 'Plain language',
  'child-focus': 'Focus on the child',
  measurable: 'Measurable recommendations',
  evidence: 'Grades backed by evidence',
  presentation: 'Presentation',
};

/** The checks still open, by category, with how many and where. */
export function checkGroups(checks: readonly ReportCheck[]) {
  const order = Object.keys(categoryNames);
  const groups = new Map<string, ReportCheck[]>();
  for (const check of checks)
    groups.set(check.category, [...(groups.get(check.category) ?? []), check]);
  return [...groups]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([category, items]) => ({
      name: categoryNames[category as ReportCheckCategory] ?? category,
      count: items.length,
      places: [...new Set(items.map((c) => placeName(c.place)))],
      items: items.map((c) => ({
        place: placeName(c.place),
        message: c.message,
        excerpt: c.excerpt,
      })),
    }));
}
