// The list of users, inviting someone, and the page that shows a new single-use link once.
import type { FastifyInstance } from 'fastify';
import { Invalid } from '../../platform/errors.js';
import { errorsFromInvalid, parseForm, rawValues, type FormErrors } from '../../platform/forms.js';
import type { Services } from '../../services.js';
import { contextOf } from './common.js';
import { fullLinkUrl, lifetimeText, rememberLink, takeLink } from './set-up-link.js';
import { inviteSchema, roleItems } from './users.forms.js';

const manage = { config: { permission: 'accounts:manage' as const } };
const pages = 'features/admin/pages/users';

export async function usersRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { accounts, clock, config } = opts.services;

  app.get('/admin/users', manage, async (request, reply) => {
    const users = await accounts.list(contextOf(request));
    return reply.page(`${pages}/list.njk`, { users });
  });

  const invitePage = (values: Record<string, unknown>, errors?: FormErrors) => ({
    values,
    errors,
    roleItems: roleItems(values.role),
  });

  app.get('/admin/users/invite', manage, async (_request, reply) =>
    reply.page(`${pages}/invite.njk`, invitePage({})),
  );

  app.post('/admin/users/invite', manage, async (request, reply) => {
    const form = parseForm(inviteSchema, request.body);
    if (!form.ok)
      return reply.page(`${pages}/invite.njk`, invitePage(form.values, form.errors), 400);
    try {
      const link = await accounts.invite(contextOf(request), form.value);
      rememberLink(request, clock, { ...link, kind: 'set-up' });
      return await reply.redirect(`/admin/users/${link.accountId}/link`, 303);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      return reply.page(
        `${pages}/invite.njk`,
        invitePage(rawValues(request.body), errorsFromInvalid(error)),
        400,
      );
    }
  });

  app.get<{ Params: { id: string } }>('/admin/users/:id/link', manage, async (request, reply) => {
    const account = await accounts.get(contextOf(request), request.params.id);
    const link = takeLink(request, account.id);
    return reply.page(`${pages}/link.njk`, {
      account,
      link: link && {
        ...link,
        url: fullLinkUrl(request, config, link.path),
        lifetime: lifetimeText(link.expiresInHours),
      },
    });
  });
}
