// What the admin pages share: the request context for services, and service errors as a summary.
import type { Invalid } from '../../platform/errors.js';
import { addError, emptyErrors, type FormErrors } from '../../platform/forms.js';

export { contextOf } from '../../platform/context.js';

/** A rule the service refused, shown in the error summary and linked to a place on the page. */
export function errorsAt(error: Invalid, href = `#${error.field}`): FormErrors {
  return addError(emptyErrors(), error.field, error.message, href);
}
