// Everyone's Team Member Information Records for a Spotlight: where each stands, when it was
// submitted, and when they are due. The Lead sees at a glance who has not submitted; each member
// finds their own record here. No case numbers on this page.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contextOf } from '../../../../platform/context.js';
import { formatDateTime } from '../../../../platform/format.js';
import type { Services } from '../../../../services.js';
import type { RecordsList, RecordsListRow } from '../../records.service.js';
import { dueTag, recordHref, recordsHref, signedIn, stateTags } from '../record/view.js';

type SpotlightRequest = FastifyRequest<{ Params: { spotlightId: string } }>;

function when(row: RecordsListRow): string {
  const { record } = row;
  if (record?.status === 'submitted' && record.submittedAt)
    return formatDateTime(record.submittedAt);
  if (record?.reopened) return `Reopened ${formatDateTime(record.reopened.at)}`;
  return 'Not yet';
}

export function recordsListView(view: RecordsList, personId: string | undefined) {
  const { spotlight } = view;
  const total = spotlight.members.length;
  const allIn = total > 0 && view.submitted === total;
  return {
    spotlight,
    isLead: view.isLead,
    isMember: view.isMember,
    mineHref: `${recordsHref(spotlight.id)}/mine`,
    due: view.deadline.due,
    dueTag: allIn ? { text: 'Done', classes: 'govuk-tag--green' } : dueTag(view.deadline.status),
    submitted: view.submitted,
    total,
    notSubmitted: view.notSubmitted.map((member) => member.name),
    rows: view.rows.map((row) => {
      const own = row.member.id === personId;
      return {
        name: row.member.name,
        jobRoleName: row.member.jobRoleName,
        inTeam: row.inTeam,
        tag: stateTags[row.state],
        when: when(row),
        own,
        href: row.record
          ? recordHref(spotlight.id, row.record.id)
          : own
            ? `${recordsHref(spotlight.id)}/mine`
            : null,
      };
    }),
    backLink: `/spotlights/${spotlight.id}/day`,
  };
}

export async function recordsListRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { records } = opts.services;

  app.get(
    '/spotlights/:spotlightId/records',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const view = await records.list(contextOf(request), request.params.spotlightId);
      return reply.page(
        'features/records/pages/records-list/records-list.njk',
        recordsListView(view, request.actor?.personId),
      );
    },
  );

  // The member's own record, made the first time they open it with the children allocated to them.
  app.get(
    '/spotlights/:spotlightId/records/mine',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const { spotlightId } = request.params;
      const recordId = await records.mine(contextOf(request), spotlightId);
      return reply.redirect(recordHref(spotlightId, recordId), 303);
    },
  );
}
