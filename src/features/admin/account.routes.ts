// One user's account: a new password link, changing the role, disabling and enabling.
import type { FastifyInstance } from 'fastify';
import { Invalid } from '../../platform/errors.js';
import { parseForm, rawValues, type FormErrors } from '../../platform/forms.js';
import type { Account } from '../../platform/auth/accounts.service.js';
import { roleNames } from '../../platform/policy.js';
import type { Services } from '../../services.js';
import { contextOf, errorsAt } from './common.js';
import { rememberLink } from './set-up-link.js';
import { changeRoleSchema, roleItems } from './users.forms.js';

const manage = { config: { permission: 'accounts:manage' as const } };
const pages = 'features/admin/pages/users';

type WithId = { Params: { id: string } };

export async function accountRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { accounts, clock } = opts.services;

  app.get<WithId>('/admin/users/:id', manage, async (request, reply) => {
    const account = await accounts.get(contextOf(request), request.params.id);
    return reply.page(`${pages}/account.njk`, { account });
  });

  app.post<WithId>('/admin/users/:id/reset-password', manage, async (request, reply) => {
    const ctx = contextOf(request);
    const account = await accounts.get(ctx, request.params.id);
    try {
      const link = await accounts.resetPassword(ctx, account.id);
      rememberLink(request, clock, {
        ...link,
        accountId: account.id,
        kind: account.status === 'invited' ? 'set-up' : 'reset',
      });
      return await reply.redirect(`/admin/users/${account.id}/link`, 303);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      return reply.page(
        `${pages}/account.njk`,
        { account, errors: errorsAt(error, '#actions') },
        400,
      );
    }
  });

  const rolePage = (account: Account, values: Record<string, unknown>, errors?: FormErrors) => ({
    account,
    values,
    errors,
    roleItems: roleItems(values.role),
  });

  app.get<WithId>('/admin/users/:id/role', manage, async (request, reply) => {
    const account = await accounts.get(contextOf(request), request.params.id);
    return reply.page(`${pages}/role.njk`, rolePage(account, { role: account.role }));
  });

  app.post<WithId>('/admin/users/:id/role', manage, async (request, reply) => {
    const ctx = contextOf(request);
    const account = await accounts.get(ctx, request.params.id);
    const form = parseForm(changeRoleSchema, request.body);
    if (!form.ok)
      return reply.page(`${pages}/role.njk`, rolePage(account, form.values, form.errors), 400);
    try {
      const changed = await accounts.changeRole(ctx, account.id, form.value.role);
      request.session.flash = `${changed.name}’s role is now ${roleNames[changed.role]}`;
      return await reply.redirect(`/admin/users/${account.id}`, 303);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      return reply.page(
        `${pages}/role.njk`,
        rolePage(account, rawValues(request.body), errorsAt(error, '#role')),
        400,
      );
    }
  });

  app.get<WithId>('/admin/users/:id/disable', manage, async (request, reply) => {
    const account = await accounts.get(contextOf(request), request.params.id);
    return reply.page(`${pages}/disable.njk`, { account });
  });

  app.post<WithId>('/admin/users/:id/disable', manage, async (request, reply) => {
    const ctx = contextOf(request);
    const account = await accounts.get(ctx, request.params.id);
    try {
      const disabled = await accounts.disable(ctx, account.id);
      request.session.flash = `${disabled.name}’s account has been disabled and they have been signed out`;
      return await reply.redirect(`/admin/users/${account.id}`, 303);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      return reply.page(
        `${pages}/disable.njk`,
        { account, errors: errorsAt(error, '#disable') },
        400,
      );
    }
  });

  app.post<WithId>('/admin/users/:id/enable', manage, async (request, reply) => {
    const enabled = await accounts.enable(contextOf(request), request.params.id);
    request.session.flash =
      enabled.status === 'invited'
        ? `${enabled.name}’s account has been enabled. They still need to set a password`
        : `${enabled.name}’s account has been enabled. They can sign in again`;
    return reply.redirect(`/admin/users/${enabled.id}`, 303);
  });
}
