// Signing in and out, keeping a session alive, and setting a password from a single-use link.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { Invalid } from '../errors.js';
import { addError, emptyErrors, errorsFromInvalid, parseForm } from '../forms.js';
import { startSignedInSession } from '../session.js';
import { passwordMaxLength } from './passwords.js';

const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .max(320, 'Email address must be 320 characters or fewer'),
  password: z
    .string()
    .min(1, 'Enter your password')
    .max(passwordMaxLength * 4, 'Enter your password'),
  returnTo: z.string().optional(),
});

const setUpSchema = z
  .object({
    password: z.string().min(1, 'Enter a new password'),
    confirmPassword: z.string().min(1, 'Enter the new password again'),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match',
  });

/** Only a path on this site: never another site (an open redirect). */
export function safeReturnTo(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  )
    return '/';
  if (value.startsWith('/sign-in') || value.startsWith('/sign-out')) return '/';
  return value;
}

export async function signInRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { accounts, clock } = opts.services;

  app.get<{ Querystring: { returnTo?: string; timedOut?: string } }>(
    '/sign-in',
    { config: { permission: 'public' } },
    async (request, reply) => {
      if (request.actor) return reply.redirect(safeReturnTo(request.query.returnTo), 303);
      return reply.page('platform/auth/pages/sign-in.njk', {
        values: {},
        returnTo: safeReturnTo(request.query.returnTo),
        timedOut: request.query.timedOut === '1' || request.sessionTimedOut,
        singleSignOn: opts.services.config.oidc?.displayName,
      });
    },
  );

  app.post('/sign-in', { config: { permission: 'public' } }, async (request, reply) => {
    const form = parseForm(signInSchema, request.body);
    const returnTo = safeReturnTo((request.body as { returnTo?: unknown } | undefined)?.returnTo);
    const again = (errors: ReturnType<typeof emptyErrors>, values: Record<string, unknown>) =>
      reply.page(
        'platform/auth/pages/sign-in.njk',
        { errors, values: { email: values.email }, returnTo },
        400,
      );
    if (!form.ok) return again(form.errors, form.values);
    const result = await accounts.signIn({
      email: form.value.email,
      password: form.value.password,
      ip: request.ip,
    });
    if (result.status === 'throttled') {
      return again(
        addError(
          emptyErrors(),
          'email',
          'You have tried to sign in too many times. Wait 15 minutes and try again',
        ),
        form.value,
      );
    }
    if (result.status === 'invalid') {
      return again(
        addError(emptyErrors(), 'email', 'Enter a correct email address and password'),
        form.value,
      );
    }
    await startSignedInSession(request, result.accountId, clock);
    await accounts.recordSignIn(
      { actor: await accounts.loadActor(result.accountId), requestId: request.id },
      result.accountId,
    );
    return reply.redirect(returnTo, 303);
  });

  app.post('/sign-out', { config: { permission: 'public' } }, async (request, reply) => {
    await accounts.recordSignOut({ actor: request.actor, requestId: request.id });
    await request.session.destroy();
    // The timeout warning signs people out when time is up: they are asked to sign in again.
    const body = (request.body ?? {}) as { timedOut?: unknown; returnTo?: unknown };
    if (body.timedOut === '1') {
      return reply.redirect(
        `/sign-in?timedOut=1&returnTo=${encodeURIComponent(safeReturnTo(body.returnTo))}`,
        303,
      );
    }
    return reply.redirect('/signed-out', 303);
  });

  app.get('/signed-out', { config: { permission: 'public' } }, async (_request, reply) =>
    reply.page('platform/auth/pages/signed-out.njk'),
  );

  // The timeout warning's "Stay signed in": the session hook has already recorded the activity.
  app.post(
    '/session/keep-alive',
    { config: { permission: 'signed-in' } },
    async (request, reply) => {
      if ((request.headers.accept ?? '').includes('application/json'))
        return reply.send({ signedIn: true });
      return reply.redirect('/', 303);
    },
  );

  app.get<{ Params: { token: string } }>(
    '/account/set-up/:token',
    { config: { permission: 'public' } },
    async (request, reply) => {
      const state = await accounts.checkLink(request.params.token);
      if (state.status !== 'valid')
        return reply.page('platform/auth/pages/link-expired.njk', { state }, 410);
      return reply.page('platform/auth/pages/set-up.njk', { state, token: request.params.token });
    },
  );

  app.post<{ Params: { token: string } }>(
    '/account/set-up/:token',
    { config: { permission: 'public' } },
    async (request, reply) => {
      const state = await accounts.checkLink(request.params.token);
      if (state.status !== 'valid')
        return reply.page('platform/auth/pages/link-expired.njk', { state }, 410);
      const form = parseForm(setUpSchema, request.body);
      const again = (errors: ReturnType<typeof emptyErrors>) =>
        reply.page(
          'platform/auth/pages/set-up.njk',
          { state, token: request.params.token, errors },
          400,
        );
      if (!form.ok) return again(form.errors);
      try {
        await accounts.setPasswordWithLink(
          { actor: undefined, requestId: request.id },
          request.params.token,
          form.value.password,
        );
      } catch (error) {
        if (error instanceof Invalid) return again(errorsFromInvalid(error));
        throw error;
      }
      request.session.flash =
        'Your password has been set. Sign in with your email address and new password.';
      return reply.redirect('/sign-in', 303);
    },
  );
}
