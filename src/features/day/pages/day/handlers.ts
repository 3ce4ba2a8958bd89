// The Lead's day page ("The day" for the Spotlight Team): what to read before starting, who is who,
// the deadlines, the priorities once agreed, and the morning's and the afternoon's steps as task
// lists.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contextOf } from '../../../../platform/context.js';
import type { Services } from '../../../../services.js';
import type { DayDeadline, DayPage } from '../../day.service.js';
import type { AfternoonStep, AfternoonStepKey } from '../../afternoon-steps.js';
import type { MorningStep, MorningStepKey } from '../../morning-steps.js';
import type { PersonRef } from '../../../spotlight/spotlight.service.js';
import { dueTagClasses } from '../../../tasks/task-rules.js';
import { paragraphsOf } from '../priorities/handlers.js';

type SpotlightRequest = FastifyRequest<{ Params: { spotlightId: string } }>;

const steps: Record<MorningStepKey, { title: string; path: string }> = {
  priorities: { title: 'Agree priorities with the management group', path: 'priorities' },
  allocation: { title: 'Allocate three children to each team member', path: 'allocation' },
  dipSampling: { title: 'Set dip-sampling targets', path: 'dip-sampling' },
};

/** Where each of the afternoon's steps is done, from the Spotlight's own address. */
const afternoon: Record<
  AfternoonStepKey,
  { title: string; path: string; done: string; started: string; toDo: string }
> = {
  myRecord: {
    title: 'Your Team Member Information Record',
    path: 'records/mine',
    done: 'Submitted',
    started: 'In progress',
    toDo: 'Not started',
  },
  records: {
    title: 'Team Member Information Records',
    path: 'records',
    done: 'Done',
    started: 'In progress',
    toDo: 'To do',
  },
  triangulation: {
    title: 'Triangulation',
    path: 'triangulation',
    done: 'Done',
    started: 'In progress',
    toDo: 'To do',
  },
  feedback: {
    title: 'Feedback to the Team Manager and Head of Service',
    path: 'day/feedback',
    done: 'Done',
    started: 'In progress',
    toDo: 'To do',
  },
};

function afternoonItem(step: AfternoonStep, spotlightId: string) {
  const { title, path, ...status } = afternoon[step.key];
  const text =
    step.state === 'done' ? status.done : step.state === 'started' ? status.started : status.toDo;
  const colour = step.late
    ? 'govuk-tag--red'
    : step.state === 'started'
      ? 'govuk-tag--light-blue'
      : 'govuk-tag--blue';
  return {
    title: { text: title },
    hint: { text: step.detail },
    href: `/spotlights/${spotlightId}/${path}`,
    status: step.state === 'done' ? { text } : { tag: { text, classes: colour } },
  };
}

const person = (p: PersonRef) => (p.jobRoleName ? `${p.name} (${p.jobRoleName})` : p.name);

/** A deadline as the shared deadlines table shows it. */
export function deadlineRow(deadline: DayDeadline) {
  return {
    name: deadline.name,
    due: deadline.due,
    tag: deadline.done
      ? { text: 'Done', classes: 'govuk-tag--green' }
      : { text: deadline.status.text, classes: dueTagClasses(deadline.status) },
  };
}

function taskListItem(step: MorningStep, base: string) {
  const { title, path } = steps[step.key];
  return {
    title: { text: title },
    hint: { text: step.detail },
    href: `${base}/${path}`,
    status:
      step.state === 'done'
        ? { text: 'Done' }
        : step.state === 'started'
          ? { tag: { text: 'In progress', classes: 'govuk-tag--light-blue' } }
          : { tag: { text: 'To do', classes: 'govuk-tag--blue' } },
  };
}

export function dayPageView(view: DayPage) {
  const { spotlight } = view;
  const base = `/spotlights/${spotlight.id}/day`;
  return {
    spotlight,
    isLead: view.isLead,
    pack: view.pack,
    previous: view.previous,
    documentsHref: `/spotlights/${spotlight.id}/documents`,
    team: {
      managers: spotlight.team.managers.map(person),
      headOfService: spotlight.team.headOfService?.name ?? null,
      practitioners: view.practitioners.map(person),
    },
    spotlightTeam: {
      lead: spotlight.lead ? person(spotlight.lead) : null,
      members: spotlight.members.map(person),
    },
    deadlines: view.deadlines.map(deadlineRow),
    priorities: view.priorities,
    practicalities: paragraphsOf(view.priorities?.practicalities ?? null),
    morning: view.morning.map((step) => taskListItem(step, base)),
    afternoon: view.afternoon.map((step) => afternoonItem(step, spotlight.id)),
    prioritiesHref: `${base}/priorities`,
    backLink: `/spotlights/${spotlight.id}`,
  };
}

export async function dayPageRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { day } = opts.services;

  app.get(
    '/spotlights/:spotlightId/day',
    { config: { permission: 'signed-in' } },
    async (request: SpotlightRequest, reply) => {
      const view = await day.page(contextOf(request), request.params.spotlightId);
      return reply.page('features/day/pages/day/day.njk', dayPageView(view));
    },
  );
}
