// The clear page for a change to a record that has been submitted (shared by every records page
// that changes one): 409, nothing changed, and what was typed shown again so that nothing is lost.
import type { FastifyReply } from 'fastify';
import { paragraphs, recordHref } from './view.js';

export function submittedPage(
  reply: FastifyReply,
  ids: { spotlightId: string; recordId: string },
  typed: readonly { name: string; text: string }[] = [],
) {
  return reply.page(
    'features/records/pages/record/submitted.njk',
    {
      typed: typed
        .filter((field) => field.text !== '')
        .map((field) => ({ name: field.name, paragraphs: paragraphs(field.text) })),
      recordLink: recordHref(ids.spotlightId, ids.recordId),
    },
    409,
  );
}
