// Single sign-on with the council's identity provider (Microsoft Entra ID) through OpenID Connect:
// authorisation code flow with PKCE, state and nonce. The provider's email claim must match an
// active Spotlight account; the provider is asked only when someone chooses to use it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import type { Config } from '../../config.js';
import type { Services } from '../../services.js';
import { startSignedInSession } from '../session.js';
import { safeReturnTo } from './sign-in.routes.js';

declare module 'fastify' {
  interface Session {
    singleSignOn?: { state: string; nonce: string; verifier: string; returnTo: string };
  }
}

export const callbackPath = '/sign-in/sso/callback';

/** Entra ID gives `email` when the user has a mailbox, else `preferred_username` (the sign-in name). */
function emailFrom(claims: Record<string, unknown> | undefined): string | undefined {
  const claim = claims?.email ?? claims?.preferred_username ?? claims?.upn;
  return typeof claim === 'string' && claim.includes('@') ? claim : undefined;
}

function publicOrigin(config: Config, request: FastifyRequest): string {
  return config.publicUrl
    ? new URL(config.publicUrl).origin
    : `${request.protocol}://${request.host}`;
}

export async function singleSignOnRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { config, accounts, clock } = opts.services;
  const settings = config.oidc;
  if (!settings) return;

  let discovered: Promise<oidc.Configuration> | undefined;
  const provider = () => {
    const issuer = new URL(settings.issuer);
    // Plain http is only accepted for a provider on this machine (tests and local trials).
    const local =
      issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    discovered ??= oidc
      .discovery(
        issuer,
        settings.clientId,
        settings.clientSecret,
        undefined,
        local ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  app.get<{ Querystring: { returnTo?: string } }>(
    '/sign-in/sso',
    { config: { permission: 'public' } },
    async (request, reply) => {
      const configuration = await provider();
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      request.session.singleSignOn = {
        state,
        nonce,
        verifier,
        returnTo: safeReturnTo(request.query.returnTo),
      };
      const url = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: `${publicOrigin(config, request)}${callbackPath}`,
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return reply.redirect(url.href, 303);
    },
  );

  app.get(callbackPath, { config: { permission: 'public' } }, async (request, reply) => {
    const pending = request.session.singleSignOn;
    request.session.singleSignOn = undefined;
    const refuse = (reason: 'failed' | 'no-account') =>
      reply.page(
        'platform/auth/pages/sso-refused.njk',
        { reason, providerName: settings.displayName },
        403,
      );
    if (!pending) return refuse('failed');
    let email: string | undefined;
    try {
      const configuration = await provider();
      const currentUrl = new URL(request.url, publicOrigin(config, request));
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      email = emailFrom(claims);
      // Some providers put the email address only in the userinfo response, not the ID token.
      if (!email && claims)
        email = emailFrom(await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub));
    } catch (error) {
      request.log.warn({ err: error }, 'single sign-on did not complete');
      return refuse('failed');
    }
    if (!email) return refuse('no-account');
    const result = await accounts.signInWithVerifiedEmail(email);
    if (result.status !== 'signed-in') return refuse('no-account');
    await startSignedInSession(request, result.accountId, clock);
    await accounts.recordSignIn(
      { actor: await accounts.loadActor(result.accountId), requestId: request.id },
      result.accountId,
    );
    return reply.redirect(pending.returnTo, 303);
  });
}
