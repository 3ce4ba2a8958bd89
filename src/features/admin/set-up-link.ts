// A new set-up or password link is shown to the QA coordinator once: it travels from the action
// to the link page in the session, and is removed from the session as soon as it is shown.
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock.js';

/** What kind of link: setting a first password, or choosing a new one. */
export type LinkKind = 'set-up' | 'reset';

export interface IssuedLink {
  accountId: string;
  name: string;
  kind: LinkKind;
  /** The path of the link on this site, e.g. /account/set-up/<token>. */
  path: string;
  expiresAt: string;
  expiresInHours: number;
}

declare module 'fastify' {
  interface Session {
    /** A link waiting to be shown once on /admin/users/:id/link. */
    issuedLink?: IssuedLink;
  }
}

export function rememberLink(
  request: FastifyRequest,
  clock: Clock,
  link: Omit<IssuedLink, 'expiresAt'>,
): void {
  const expiresAt = new Date(clock.now().getTime() + link.expiresInHours * 3_600_000);
  request.session.issuedLink = {
    accountId: link.accountId,
    name: link.name,
    kind: link.kind,
    path: link.path,
    expiresInHours: link.expiresInHours,
    expiresAt: expiresAt.toISOString(),
  };
}

/** The link for this account, if one is waiting; it is then gone from the session. */
export function takeLink(request: FastifyRequest, accountId: string): IssuedLink | undefined {
  const link = request.session.issuedLink;
  if (!link || link.accountId !== accountId) return undefined;
  request.session.issuedLink = undefined;
  return link;
}

/** The full address to send: the configured public address, or the one this request came to. */
export function fullLinkUrl(request: FastifyRequest, config: Config, path: string): string {
  const base = config.publicUrl ?? `${request.protocol}://${request.host}`;
  return `${base.replace(/\/+$/, '')}${path}`;
}

/** "7 days" or "24 hours". */
export function lifetimeText(hours: number): string {
  if (hours % 24 === 0 && hours > 24) return `${hours / 24} days`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}
