// What a service needs to know about the request it serves: who, and which request (for the audit log).
import type { FastifyRequest } from 'fastify';
import type { Actor } from './policy.js';

export interface RequestContext {
  readonly actor: Actor | undefined;
  readonly requestId: string;
}

/** For work the system does by itself (seeding, scheduled jobs). */
export function systemContext(requestId = 'system'): RequestContext {
  return { actor: undefined, requestId };
}

/** The context of a web request: the signed-in user and the request's id. */
export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, requestId: request.id };
}
