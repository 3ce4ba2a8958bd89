// Evidence items in a Team Member Information Record: the author adds one (theme, source, strength
// or area for development, what they saw, and the child it is about), changes it (autosaved when
// JavaScript is on, with a conflict page for a stale save) or removes it; everyone else who may see
// the day reads it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  autosaveConflict,
  autosaved,
  autosaveInvalid,
  isAutosave,
} from '../../../../platform/autosave.js';
import { contextOf, type RequestContext } from '../../../../platform/context.js';
import { Conflict, Invalid } from '../../../../platform/errors.js';
import {
  addError,
  emptyErrors,
  parseForm,
  rawValues,
  versionOf,
  type FormErrors,
} from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import { RecordSubmitted, type OpenRecord } from '../../record-access.js';
import { recordLimits } from '../../record-limits.js';
import type { EvidenceItem } from '../../record-items.rules.js';
import type { RecordChild } from '../../records.model.js';
import {
  recordHref,
  recordPath,
  returnsToRecord,
  signedIn,
  unlessSubmitted,
  type RecordParams,
  type RecordRequest,
} from '../child/common.js';
import {
  evidenceConflictRows,
  evidenceItems,
  evidenceSchema,
  evidenceSummaryRows,
  evidenceValues,
  newEvidenceValues,
} from './form.js';

type ItemRequest = FastifyRequest<{ Params: RecordParams & { itemId: string } }>;

const pages = 'features/records/pages/evidence';
const newPath = `${recordPath}/evidence/new`;
const itemPath = `${recordPath}/evidence/:itemId`;

const itemHref = (params: RecordParams, itemId: string) =>
  `${recordHref(params)}/evidence/${itemId}`;

interface EvidenceView extends OpenRecord {
  children: RecordChild[];
  /** Absent for a new item. */
  item?: EvidenceItem;
}

export async function evidenceRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { recordItems, recordAccess } = opts.services;

  function page(
    reply: FastifyReply,
    view: EvidenceView,
    form: { values?: Record<string, unknown>; errors?: FormErrors; version?: number } = {},
    status = 200,
  ) {
    const params = { spotlightId: view.spotlight.id, recordId: view.record.id };
    const { item } = view;
    const values = form.values ?? (item ? evidenceValues(item) : newEvidenceValues());
    return reply.page(
      `${pages}/evidence.njk`,
      {
        ...view,
        isNew: !item,
        values,
        errors: form.errors,
        version: form.version ?? item?.version,
        items: evidenceItems(values, view.children),
        summary: item ? evidenceSummaryRows(item, view.children) : [],
        maxlength: recordLimits.seen,
        action: item ? itemHref(params, item.id) : `${recordHref(params)}/evidence/new`,
        removeHref: item ? `${itemHref(params, item.id)}/remove` : undefined,
        recordHref: recordHref(params),
        backLink: recordHref(params),
      },
      status,
    );
  }

  /** The new item's form again, with what was typed and the problems. */
  async function newAgain(
    ctx: RequestContext,
    request: RecordRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: FormErrors,
  ) {
    const { spotlightId, recordId } = request.params;
    const view = await recordItems.newEvidence(ctx, spotlightId, recordId);
    return page(reply, view, { values, errors }, 400);
  }

  app.get(newPath, signedIn, async (request: RecordRequest, reply) =>
    unlessSubmitted(request, reply, async () => {
      const { spotlightId, recordId } = request.params;
      return page(reply, await recordItems.newEvidence(contextOf(request), spotlightId, recordId));
    }),
  );

  app.post(newPath, signedIn, async (request: RecordRequest, reply) =>
    unlessSubmitted(request, reply, async () => {
      const ctx = contextOf(request);
      const { spotlightId, recordId } = request.params;
      // Whose record is checked before anything typed is looked at.
      await recordAccess.forAuthor(ctx, spotlightId, recordId);
      const form = parseForm(evidenceSchema, request.body);
      if (!form.ok) return newAgain(ctx, request, reply, form.values, form.errors);
      try {
        const itemId = await recordItems.addEvidence(ctx, spotlightId, recordId, form.value);
        request.session.flash = 'Evidence added';
        const to = returnsToRecord(request.body)
          ? recordHref(request.params)
          : itemHref(request.params, itemId);
        return await reply.redirect(to, 303);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        const errors = addError(emptyErrors(), error.field, error.message);
        return newAgain(ctx, request, reply, rawValues(request.body), errors);
      }
    }),
  );

  app.get(itemPath, signedIn, async (request: ItemRequest, reply) => {
    const { spotlightId, recordId, itemId } = request.params;
    return page(
      reply,
      await recordItems.evidence(contextOf(request), spotlightId, recordId, itemId),
    );
  });

  app.post(itemPath, signedIn, async (request: ItemRequest, reply) =>
    unlessSubmitted(request, reply, async () => {
      const ctx = contextOf(request);
      const { spotlightId, recordId, itemId } = request.params;
      const autosave = isAutosave(request);
      await recordItems.evidenceForEditing(ctx, spotlightId, recordId, itemId);
      const version = versionOf(request.body);
      const form = parseForm(evidenceSchema, request.body);
      const again = async (values: Record<string, unknown>, errors: FormErrors) => {
        if (autosave) return autosaveInvalid(reply, errors.list);
        const view = await recordItems.evidence(ctx, spotlightId, recordId, itemId);
        return page(reply, view, { values, errors, version }, 400);
      };
      if (!form.ok) return again(form.values, form.errors);
      try {
        const saved = await recordItems.saveEvidence(
          ctx,
          spotlightId,
          recordId,
          itemId,
          form.value,
          version,
        );
        if (autosave) return autosaved(reply, saved.version, saved.savedAt);
      } catch (error) {
        if (error instanceof Invalid) {
          return again(
            rawValues(request.body),
            addError(emptyErrors(), error.field, error.message),
          );
        }
        if (error instanceof RecordSubmitted || !(error instanceof Conflict)) throw error;
        if (autosave) return autosaveConflict(reply);
        const now = await recordItems.evidence(ctx, spotlightId, recordId, itemId);
        return reply.page(
          `${pages}/conflict.njk`,
          {
            spotlight: now.spotlight,
            rows: evidenceConflictRows(now.item, form.value, now.children),
            version: now.item.version,
            yours: evidenceValues(form.value),
            then: returnsToRecord(request.body) ? 'record' : '',
            action: itemHref(request.params, itemId),
            backLink: itemHref(request.params, itemId),
          },
          409,
        );
      }
      request.session.flash = 'Saved';
      const to = returnsToRecord(request.body)
        ? recordHref(request.params)
        : itemHref(request.params, itemId);
      return reply.redirect(to, 303);
    }),
  );

  app.get(`${itemPath}/remove`, signedIn, async (request: ItemRequest, reply) =>
    unlessSubmitted(request, reply, async () => {
      const { spotlightId, recordId, itemId } = request.params;
      const view = await recordItems.evidenceToRemove(
        contextOf(request),
        spotlightId,
        recordId,
        itemId,
      );
      const href = itemHref(request.params, view.item.id);
      return reply.page(`${pages}/remove.njk`, {
        ...view,
        summary: evidenceSummaryRows(view.item, view.child ? [view.child] : []),
        action: `${href}/remove`,
        cancelHref: href,
        backLink: href,
      });
    }),
  );

  app.post(`${itemPath}/remove`, signedIn, async (request: ItemRequest, reply) =>
    unlessSubmitted(request, reply, async () => {
      const { spotlightId, recordId, itemId } = request.params;
      await recordItems.removeEvidence(contextOf(request), spotlightId, recordId, itemId);
      request.session.flash = 'The evidence was removed from your record';
      return reply.redirect(recordHref(request.params), 303);
    }),
  );
}
