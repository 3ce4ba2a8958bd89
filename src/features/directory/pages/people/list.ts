// The people list: filters (ids and job roles only, never names, in the query string), pages of
// 50, and the search by name or email, which is posted so the text never appears in a URL.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isJobRole, jobRoleNames } from '../../../../core/job-roles.js';
import { parseForm, type FormErrors } from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import type { Person } from '../../directory.model.js';
import type { PeopleFilter } from '../../people.repository.js';
import { canManage, contextOf, selectItems, view } from '../common.js';
import { jobRoleChoices } from './form.js';

type ListQuery = { Querystring: Record<string, string | string[] | undefined> };

const searchSchema = z.object({
  search: z
    .string({ error: 'Enter a name or email address' })
    .refine((text) => text.trim() !== '', 'Enter a name or email address')
    .refine((text) => text.length <= 320, 'Search text must be 320 characters or fewer'),
});

const statusChoices = [
  { value: 'active', text: 'Active' },
  { value: 'deactivated', text: 'Deactivated' },
  { value: 'all', text: 'Active and deactivated' },
];

function one(value: string | string[] | undefined): string {
  return typeof value === 'string' ? value : '';
}

export function peopleQuery(query: Record<string, string | string[] | undefined>) {
  const team = one(query.team);
  const jobRole = isJobRole(one(query.jobRole)) ? one(query.jobRole) : '';
  const status = ['deactivated', 'all'].includes(one(query.status)) ? one(query.status) : 'active';
  const pageText = one(query.page);
  const page = /^[1-9]\d{0,5}$/.test(pageText) ? Number(pageText) : 1;
  const filter: PeopleFilter = {
    ...(team ? { teamId: team } : {}),
    ...(jobRole ? { jobRole } : {}),
    ...(status === 'all' ? {} : { active: status === 'active' }),
  };
  return { values: { team, jobRole, status }, filter, page };
}

/** Links to each page, keeping the filters: 1 … 4 5 6 … 20. */
export function paginationFor(values: Record<string, string>, page: number, pages: number) {
  const href = (n: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(values))
      if (value && !(key === 'status' && value === 'active')) params.set(key, value);
    if (n > 1) params.set('page', String(n));
    const query = params.toString();
    return `/directory/people${query ? `?${query}` : ''}`;
  };
  const shown = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const items: Array<{ number?: number; href?: string; current?: boolean; ellipsis?: boolean }> =
    [];
  for (const n of shown) {
    const last = items.at(-1)?.number;
    if (last !== undefined && n > last + 1) items.push({ ellipsis: true });
    items.push({ number: n, href: href(n), current: n === page });
  }
  return {
    items,
    ...(page > 1 ? { previous: { href: href(page - 1) } } : {}),
    ...(page < pages ? { next: { href: href(page + 1) } } : {}),
  };
}

export async function peopleListPages(app: FastifyInstance, services: Services) {
  const { directory } = services;

  async function listPage(
    request: FastifyRequest,
    reply: FastifyReply,
    data: {
      people: Person[];
      values: Record<string, string>;
      list?: Record<string, unknown>;
      search?: { text: unknown; more?: boolean; count?: number };
      errors?: FormErrors;
    },
    status = 200,
  ) {
    const teams = await directory.listTeams(contextOf(request));
    const teamChoices = [
      { value: 'none', text: 'Not in a team' },
      ...teams.map((t) => ({ value: t.id, text: t.active ? t.name : `${t.name} (deactivated)` })),
    ];
    return reply.page(
      'features/directory/pages/people/list.njk',
      {
        ...data,
        teamItems: selectItems(teamChoices, data.values.team, 'All teams'),
        jobRoleItems: selectItems(jobRoleChoices, data.values.jobRole, 'All job roles'),
        statusItems: selectItems(statusChoices, data.values.status),
        jobRoleNames,
        canManage: canManage(request),
        backLink: '/directory',
      },
      status,
    );
  }

  app.get<ListQuery>('/directory/people', view, async (request, reply) => {
    const { values, filter, page } = peopleQuery(request.query);
    const result = await directory.listPeople(contextOf(request), filter, page);
    return listPage(request, reply, {
      people: result.people,
      values,
      list: {
        total: result.total,
        page,
        pages: result.pages,
        pagination: paginationFor(values, page, result.pages),
      },
    });
  });

  app.post('/directory/people/search', view, async (request, reply) => {
    const values = { team: '', jobRole: '', status: 'active' };
    const parsed = parseForm(searchSchema, request.body);
    if (!parsed.ok) {
      const search = { text: parsed.values.search };
      return listPage(request, reply, { people: [], values, search, errors: parsed.errors }, 400);
    }
    const found = await directory.searchPeople(contextOf(request), parsed.value.search);
    return listPage(request, reply, {
      people: found.people,
      values,
      search: { text: parsed.value.search, more: found.more, count: found.people.length },
    });
  });
}
