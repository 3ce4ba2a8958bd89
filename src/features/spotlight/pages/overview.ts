// A Spotlight's own page: who is in it, its deadlines and how each stands, the readiness
// checklist, and links to each preparation page, and each page of the day and after, that the
// signed-in person may use.
import { dueStatus, type DeadlineKey } from '../../../core/deadlines.js';
import type { RequestContext } from '../../../platform/context.js';
import { NotFound } from '../../../platform/errors.js';
import { formatDate } from '../../../platform/format.js';
import type { SpotlightPermission } from '../../../platform/policy.js';
import {
  practitionersOf,
  readinessItems,
  type ReadinessItem,
  type ReadinessKey,
  type ReadinessService,
} from '../../preparation/readiness.service.js';
import { dueTagClasses } from '../../tasks/task-rules.js';
import type { ReportReviewService } from '../../report/report-review.service.js';
import type { PersonRef, SpotlightService } from '../spotlight.service.js';

const idShape = /^[0-9A-Za-z_-]{1,64}$/;

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });
/** "Thursday 14 January 2027" from a calendar date. */
export const longDate = (date: string) =>
  `${weekday.format(new Date(`${date}T12:00:00Z`))} ${formatDate(date)}`;

/** The deadlines that the readiness checklist can mark as met. */
const deadlineItem: Partial<Record<DeadlineKey, ReadinessKey>> = {
  documents: 'documents',
  nominations: 'nominations',
  recordingAccess: 'recordingAccess',
};

interface Link {
  text: string;
  href: string;
  anyOf: SpotlightPermission[];
}

const person = (p: PersonRef) => (p.jobRoleName ? `${p.name} (${p.jobRoleName})` : p.name);

function taskListItem(item: ReadinessItem) {
  const due = item.due
    ? item.state === 'done'
      ? ` Due ${formatDate(item.due)}.`
      : ` Due ${formatDate(item.due)} (${item.dueText ?? ''}).`
    : '';
  return {
    title: { text: item.label },
    hint: { text: `${item.detail}${due}` },
    href: item.href ?? undefined,
    status:
      item.state === 'done'
        ? { text: 'Done' }
        : item.state === 'late'
          ? { tag: { text: 'Late', classes: 'govuk-tag--red' } }
          : { tag: { text: 'To do', classes: 'govuk-tag--blue' } },
  };
}

export async function spotlightOverview(
  services: {
    spotlights: SpotlightService;
    readiness: ReadinessService;
    reportReview: Pick<ReportReviewService, 'overviewStage'>;
  },
  ctx: RequestContext,
  spotlightId: string,
) {
  const { spotlights, readiness, reportReview } = services;
  // Ids are UUIDs: anything else (a NUL byte breaks PostgreSQL's text) is no Spotlight.
  if (!idShape.test(spotlightId)) throw new NotFound('Spotlight');
  const spotlight = await spotlights.authorise(
    ctx,
    spotlightId,
    'spotlight:view-pack',
    'spotlight:nominate',
  );
  const can = (p: SpotlightPermission) => spotlights.can(ctx, spotlight, p);
  const seesReadiness = can('spotlight:see-readiness');
  const facts = (await readiness.facts([spotlight])).get(spotlight.id);
  // Everyone on the page sees which deadlines are met; only some see the checklist's detail.
  const checklist = seesReadiness
    ? await readiness.checklistOf(ctx, spotlight)
    : facts
      ? readinessItems(spotlight, facts)
      : [];
  const stateOf = (key: ReadinessKey | undefined) =>
    checklist.find((item) => item.key === key)?.state;
  // The records and the report mark their own deadlines met.
  const stage = await reportReview.overviewStage(spotlight);

  const deadlines = spotlight.deadlines.map((deadline) => {
    const status = dueStatus(deadline.due, spotlight.today, spotlight.calendar);
    const done =
      stateOf(deadlineItem[deadline.key]) === 'done' ||
      stage.met[deadline.key as keyof typeof stage.met] === true;
    return {
      name: deadline.name,
      due: deadline.due,
      tag: done
        ? { text: 'Done', classes: 'govuk-tag--green' }
        : { text: status.text, classes: dueTagClasses(status) },
    };
  });

  const base = `/spotlights/${spotlight.id}`;
  const personId = ctx.actor?.personId ?? '';
  // The visited team's managers collate the nominations; its practitioners name the children.
  const isPractitioner = practitionersOf(spotlight).some((p) => p.id === personId);
  const links: Link[] = [
    { text: 'Preparation pack', href: `${base}/documents`, anyOf: ['spotlight:view-pack'] },
    {
      text: 'Practitioners’ nominations',
      href: `${base}/nominations`,
      anyOf: ['spotlight:prepare', 'spotlight:view-case-numbers'],
    },
    ...(isPractitioner
      ? [
          {
            text: 'Name your two children',
            href: `${base}/nominations/mine`,
            anyOf: ['spotlight:nominate'],
          } satisfies Link,
        ]
      : []),
    {
      text: 'The team’s case list',
      href: `${base}/case-list`,
      anyOf: ['spotlight:view-case-numbers'],
    },
    {
      text: 'Who has access to the recording system',
      href: `${base}/recording-access`,
      anyOf: ['spotlight:see-readiness'],
    },
  ];
  const dayLinks: Link[] = [
    { text: 'The day', href: `${base}/day`, anyOf: ['spotlight:view-day'] },
    {
      text: 'Team Member Information Records',
      href: `${base}/records`,
      anyOf: ['spotlight:view-day'],
    },
    { text: 'Triangulation', href: `${base}/triangulation`, anyOf: ['spotlight:view-day'] },
    {
      text: 'Feedback to the Team Manager and Head of Service',
      href: `${base}/day/feedback`,
      anyOf: ['spotlight:view-feedback'],
    },
  ];

  const reportLinks: Link[] = [
    { text: 'The report', href: `${base}/report`, anyOf: ['spotlight:view-report'] },
    {
      text: 'Review and sign-off',
      href: `${base}/report/sign-off`,
      anyOf: ['spotlight:view-report'],
    },
    ...(stage.status === 'final'
      ? [
          {
            text: 'The final report',
            href: `${base}/report/final`,
            anyOf: ['spotlight:read-final-report'],
          } satisfies Link,
        ]
      : []),
  ];

  const inSpotlightTeam =
    spotlight.lead?.id === personId || spotlight.members.some((m) => m.id === personId);

  return {
    spotlight: {
      id: spotlight.id,
      teamName: spotlight.team.name,
      serviceAreaName: spotlight.team.serviceAreaName,
      recordingSystem: spotlight.team.recordingSystem,
      longDate: longDate(spotlight.date),
      lead: spotlight.lead?.name ?? null,
      members: spotlight.members.map(person),
      managers: spotlight.team.managers.map((m) => m.name),
      headOfService: spotlight.team.headOfService?.name ?? null,
    },
    deadlines,
    checklist: seesReadiness ? checklist.map(taskListItem) : null,
    links: links.filter((link) => link.anyOf.some(can)),
    dayLinks: dayLinks.filter((link) => link.anyOf.some(can)),
    reportLinks: reportLinks.filter((link) => link.anyOf.some(can)),
    recordingAccess: inSpotlightTeam
      ? { confirmed: facts?.confirmedAccess.has(personId) ?? false }
      : null,
  };
}
