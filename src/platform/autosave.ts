// Autosave, as JavaScript adds it to a form marked `data-autosave`: the script posts the same form
// to the same address with the header `X-Autosave: 1`, and the handler answers with JSON instead
// of a page. Without JavaScript the form's Save button does the same work the plain way.
//
//   200 { saved: true, version, savedAt }  saved; the script puts `version` in the form
//   409 { conflict: true }                 somebody else saved first: the script stops and asks
//                                          the user to press Save, which shows the conflict page
//   422 { saved: false, errors: [...] }    not saved until the errors are put right (Save shows them)
import type { FastifyReply, FastifyRequest } from 'fastify';

export function isAutosave(request: FastifyRequest): boolean {
  return request.headers['x-autosave'] === '1';
}

export function autosaved(reply: FastifyReply, version: number, savedAt: Date) {
  return reply.code(200).send({
    saved: true,
    version,
    savedAt: new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: 'numeric',
      minute: '2-digit',
      hour12: true,
    })
      .format(savedAt)
      .replace(' ', ''),
  });
}

export function autosaveConflict(reply: FastifyReply) {
  return reply.code(409).send({ conflict: true });
}

export function autosaveInvalid(reply: FastifyReply, errors: readonly { text: string }[]) {
  return reply.code(422).send({ saved: false, errors: errors.map((e) => e.text) });
}
