// What the admin pages share: the request context for services, and service errors as a summary.
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../../platform/context.js';
import type { Invalid } from '../../platform/errors.js';
import { addError, emptyErrors, type FormErrors } from '../../platform/forms.js';

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, requestId: request.id };
}

/** A rule the service refused, shown in the error summary and linked to a place on the page. */
export function errorsAt(error: Invalid, href = `#${error.field}`): FormErrors {
  return addError(emptyErrors(), error.field, error.message, href);
}
