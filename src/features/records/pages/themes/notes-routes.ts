// The pages where a member writes a free-text part of their record (the five themes; the other
// notes). Saving never loses work: a plain Save without JavaScript, autosave with it (JSON answers,
// see platform/autosave.ts), and a version on every save so that a stale one gets a conflict page
// showing what is saved now beside what was entered.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { autosaveConflict, isAutosave } from '../../../../platform/autosave.js';
import { contextOf } from '../../../../platform/context.js';
import type { FormErrors } from '../../../../platform/forms.js';
import { versionedSave } from '../../../../platform/versioned-save.js';
import type { Services } from '../../../../services.js';
import type { Spotlight } from '../../../spotlight/spotlight.service.js';
import { RecordSubmitted } from '../../record-access.js';
import { recordLimits } from '../../record-limits.js';
import type { MemberRecord } from '../../records.model.js';
import { notesFields, type NotesPart } from '../../records.rules.js';
import { submittedPage } from '../record/submitted.js';
import { recordHref, signedIn } from '../record/view.js';
import { notesConflictRows, parseNotesForm, typedNotes } from './notes-form.js';

type RecordRequest = FastifyRequest<{ Params: { spotlightId: string; recordId: string } }>;

const pages = 'features/records/pages/themes';

/** What each part's page says. */
export interface NotesCopy {
  part: NotesPart;
  /** The last segment of its address. */
  path: string;
  title: string;
  intro: string;
  saved: string;
}

interface NotesView {
  spotlight: Spotlight;
  record: MemberRecord;
  values: Record<string, unknown>;
  version: number;
  errors?: FormErrors;
}

/** The routes of one part, as a Fastify plugin. */
export function notesRoutes(copy: NotesCopy) {
  const { part } = copy;
  const hrefOf = (spotlightId: string, recordId: string) =>
    `${recordHref(spotlightId, recordId)}/${copy.path}`;

  return async function routes(app: FastifyInstance, opts: { services: Services }) {
    const { records } = opts.services;
    const url = `/spotlights/:spotlightId/records/:recordId/${copy.path}`;

    function page(reply: FastifyReply, view: NotesView, status = 200) {
      return reply.page(
        `${pages}/notes.njk`,
        {
          ...copy,
          spotlight: view.spotlight,
          fields: notesFields[part],
          values: view.values,
          version: view.version,
          errors: view.errors,
          limit: recordLimits.notes,
          limitText: recordLimits.notes.toLocaleString('en-GB'),
          action: hrefOf(view.spotlight.id, view.record.id),
          recordLink: recordHref(view.spotlight.id, view.record.id),
          backLink: recordHref(view.spotlight.id, view.record.id),
        },
        status,
      );
    }

    app.get(url, signedIn, async (request: RecordRequest, reply) => {
      const { spotlightId, recordId } = request.params;
      try {
        const view = await records.notes(contextOf(request), spotlightId, recordId, part);
        return await page(reply, { ...view, version: view.record.version });
      } catch (error) {
        // Submitted: there is nothing to change, so show the record (it says who can reopen it).
        if (error instanceof RecordSubmitted) {
          return reply.redirect(recordHref(spotlightId, recordId), 303);
        }
        throw error;
      }
    });

    /** Saves, or says why not; RecordSubmitted is left to the caller. */
    async function save(request: RecordRequest, reply: FastifyReply) {
      const ctx = contextOf(request);
      const { spotlightId, recordId } = request.params;
      // Whose record, and whether it may change, is checked before anything typed is looked at.
      const view = await records.notes(ctx, spotlightId, recordId, part);
      const href = hrefOf(spotlightId, recordId);
      return versionedSave(request, reply, {
        parse: (body) => parseNotesForm(part, body),
        again: (values, errors, version) =>
          page(
            reply,
            { spotlight: view.spotlight, record: view.record, version, values, errors },
            400,
          ),
        save: (value, version) =>
          records.saveNotes(ctx, spotlightId, recordId, part, value, version),
        passOn: (error) => error instanceof RecordSubmitted,
        conflict: async (value) => {
          const now = await records.notes(ctx, spotlightId, recordId, part);
          return reply.page(
            `${pages}/notes-conflict.njk`,
            {
              spotlight: now.spotlight,
              rows: notesConflictRows(part, now.values, value),
              version: now.record.version,
              yours: value,
              action: href,
              backLink: href,
            },
            409,
          );
        },
        done: () => {
          request.session.flash = copy.saved;
          const body = request.body as Record<string, unknown> | undefined;
          return reply.redirect(
            body?.then === 'record' ? recordHref(spotlightId, recordId) : href,
            303,
          );
        },
      });
    }

    app.post(url, signedIn, async (request: RecordRequest, reply) => {
      const autosave = isAutosave(request);
      try {
        return await save(request, reply);
      } catch (error) {
        if (!(error instanceof RecordSubmitted)) throw error;
        if (autosave) return autosaveConflict(reply);
        const { spotlightId, recordId } = request.params;
        return submittedPage(reply, { spotlightId, recordId }, typedNotes(part, request.body));
      }
    });
  };
}
