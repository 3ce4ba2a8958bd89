// Evidence items in a Team Member Information Record: the author adds one (theme, source, strength
// or area for development, what they saw, and the child it is about), changes it (autosaved when
// JavaScript is on, with a conflict page for a stale save) or removes it; everyone else who may see
// the day reads it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf, type RequestContext } from '../../../../platform/context.js';
import { Invalid } from '../../../../platform/errors.js';
import {
  addError,
  emptyErrors,
  parseForm,
  rawValues,
  type FormErrors,
} from '../../../../platform/forms.js';
import { versionedSave } from '../../../../platform/versioned-save.js';
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
      await recordItems.evidenceForEditing(ctx, spotlightId, recordId, itemId);
      const href = itemHref(request.params, itemId);
      return versionedSave(request, reply, {
        parse: (body) => parseForm(evidenceSchema, body),
        again: async (values, errors, version) => {
          const view = await recordItems.evidence(ctx, spotlightId, recordId, itemId);
          return page(reply, view, { values, errors, version }, 400);
        },
        save: (value, version) =>
          recordItems.saveEvidence(ctx, spotlightId, recordId, itemId, value, version),
        passOn: (error) => error instanceof RecordSubmitted,
        conflict: async (value) => {
          const now = await recordItems.evidence(ctx, spotlightId, recordId, itemId);
          return reply.page(
            `${pages}/conflict.njk`,
            {
              spotlight: now.spotlight,
              rows: evidenceConflictRows(now.item, value, now.children),
              version: now.item.version,
              yours: evidenceValues(value),
              then: returnsToRecord(request.body) ? 'record' : '',
              action: href,
              backLink: href,
            },
            409,
          );
        },
        done: () => {
          request.session.flash = 'Saved';
          return reply.redirect(
            returnsToRecord(request.body) ? recordHref(request.params) : href,
            303,
          );
        },
      });
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
