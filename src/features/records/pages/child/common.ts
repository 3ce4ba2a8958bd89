// Shared by the pages of a record's children and evidence items: their addresses, which button was
// pressed, and the clear page a submitted record gets instead of a form.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { autosaveConflict, isAutosave } from '../../../../platform/autosave.js';
import { rawValues } from '../../../../platform/forms.js';
import { RecordSubmitted } from '../../record-access.js';

export const signedIn = { config: { permission: 'signed-in' as const } };

export type RecordParams = { spotlightId: string; recordId: string };
export type RecordRequest = FastifyRequest<{ Params: RecordParams }>;

export const recordPath = '/spotlights/:spotlightId/records/:recordId';

/** The record page, which lists the children and evidence items. */
export const recordHref = (params: RecordParams) =>
  `/spotlights/${params.spotlightId}/records/${params.recordId}`;

/** "Save and return to your record" sends then=record; plain "Save" stays on the page. */
export const returnsToRecord = (body: unknown) => rawValues(body).then === 'record';

/**
 * Runs a page that changes the record. When the record has been submitted the author gets a page
 * that says so (and autosave is told to stop), rather than a general error.
 */
export async function unlessSubmitted(
  request: FastifyRequest<{ Params: RecordParams }>,
  reply: FastifyReply,
  work: () => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof RecordSubmitted)) throw error;
    if (isAutosave(request)) return autosaveConflict(reply);
    const href = recordHref(request.params);
    return reply.page(
      'features/records/pages/child/submitted.njk',
      { recordHref: href, backLink: href },
      409,
    );
  }
}
