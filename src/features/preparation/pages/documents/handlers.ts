// The preparation pack's documents: the list everyone in the Spotlight sees, the form the visited
// team's managers add files with, safe downloads, and removal after a confirmation.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  allowedFileKinds,
  fileKindList,
  packDocumentTypeNames,
  packDocumentTypes,
} from '../../../../core/pack-documents.js';
import { contextOf } from '../../../../platform/context.js';
import { Forbidden, NotFound } from '../../../../platform/errors.js';
import { contentDisposition } from '../../../../platform/files/files.service.js';
import { chosenFile } from '../../../../platform/files/uploaded-file.js';
import {
  addError,
  emptyErrors,
  parseForm,
  rawValues,
  type FormErrors,
} from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import type { PackDocumentsPage } from '../../documents.service.js';

type SpotlightParams = { Params: { spotlightId: string } };
type DocumentParams = { Params: { spotlightId: string; documentId: string } };

const templates = {
  documents: 'features/preparation/pages/documents/documents.njk',
  remove: 'features/preparation/pages/documents/remove.njk',
};

export const documentMessages = {
  type: 'Select the type of document',
  file: 'Select a file to add',
  tooMany: 'Add one file at a time',
  unreadable: 'The file could not be read. Select it again and then select Add document',
};

const uploadSchema = z.object({
  documentType: z.enum(packDocumentTypes, { error: documentMessages.type }),
  file: chosenFile(documentMessages.file),
});

const packHref = (spotlightId: string) => `/spotlights/${spotlightId}/documents`;

// The radios' items, each saying which files it takes.
const typeItems = packDocumentTypes.map((type) => ({
  value: type,
  text: packDocumentTypeNames[type],
  hint:
    type === 'performance-data'
      ? { text: `${fileKindList(allowedFileKinds[type])} only` }
      : undefined,
}));

function packPage(
  reply: FastifyReply,
  page: PackDocumentsPage,
  maxBytes: number,
  form: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  status = 200,
) {
  const { spotlight } = page;
  const values = form.values ?? {};
  return reply.page(
    templates.documents,
    {
      ...page,
      typeItems: typeItems.map((item) => ({
        ...item,
        checked: values.documentType === item.value,
      })),
      anyKinds: fileKindList(allowedFileKinds.other),
      maxMegabytes: Math.round(maxBytes / (1024 * 1024)),
      packHref: packHref(spotlight.id),
      backLink: `/spotlights/${spotlight.id}`,
      errors: form.errors,
    },
    status,
  );
}

// Which requests reached their handler: an error before that was in reading the form's body.
const reachedHandler = new WeakSet<FastifyRequest>();

function bodyProblem(error: FastifyError, request: FastifyRequest): string | undefined {
  if (reachedHandler.has(request)) return undefined;
  if (error instanceof NotFound || error instanceof Forbidden) return undefined;
  const code = error.code ?? '';
  if (code.startsWith('FST_CSRF')) return undefined;
  if (code === 'FST_FILES_LIMIT') return documentMessages.tooMany;
  return documentMessages.unreadable;
}

export async function documentsRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { packDocuments, config } = opts.services;
  const maxBytes = config.files.maxBytes;
  const signedIn = { config: { permission: 'signed-in' as const } };

  app.get<SpotlightParams>(
    '/spotlights/:spotlightId/documents',
    signedIn,
    async (request, reply) => {
      const page = await packDocuments.page(contextOf(request), request.params.spotlightId);
      return packPage(reply, page, maxBytes);
    },
  );

  // In its own scope so that its error handler sees only this route's errors.
  await app.register(async (upload) => {
    // A problem with the form's body (a broken or over-full form) is told on the page, not as a
    // bare error. Every other error goes on to the app's error pages.
    upload.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply) => {
      const problem = request.isMultipart() ? bodyProblem(error, request) : undefined;
      if (!problem) throw error;
      const { spotlightId } = request.params as { spotlightId: string };
      const page = await packDocuments.page(contextOf(request), spotlightId, 'prepare');
      const errors = addError(emptyErrors(), 'file', problem);
      return packPage(reply, page, maxBytes, { errors }, 400);
    });

    // A file over the limit arrives cut off (truncated) rather than as a bare 413, so that the
    // page can say why it was refused. The extra byte tells "at the limit" from "over it".
    const multipartOptions = {
      limits: { fileSize: maxBytes + 1, files: 1 },
      throwFileSizeLimit: false,
    };
    upload.post<SpotlightParams>(
      '/spotlights/:spotlightId/documents',
      { config: { permission: 'signed-in', multipartOptions } },
      async (request, reply) => {
        reachedHandler.add(request);
        const ctx = contextOf(request);
        const { spotlightId } = request.params;
        const form = parseForm(uploadSchema, request.body);
        if (!form.ok) {
          const page = await packDocuments.page(ctx, spotlightId, 'prepare');
          return packPage(reply, page, maxBytes, form, 400);
        }
        const result = await packDocuments.add(ctx, spotlightId, form.value);
        if (!result.ok) {
          const page = await packDocuments.page(ctx, spotlightId, 'prepare');
          const errors = addError(emptyErrors(), 'file', result.message);
          return packPage(reply, page, maxBytes, { values: rawValues(request.body), errors }, 400);
        }
        request.session.flash = `${result.name} added to the preparation pack`;
        return reply.redirect(packHref(spotlightId), 303);
      },
    );
  });

  app.get<DocumentParams>(
    '/spotlights/:spotlightId/documents/:documentId',
    signedIn,
    async (request, reply) => {
      const { spotlightId, documentId } = request.params;
      const download = await packDocuments.download(contextOf(request), spotlightId, documentId);
      // Never shown inside Spotlight's own pages: downloaded, not sniffed, not cached, and any
      // active content in it sandboxed.
      return reply
        .type(download.mediaType)
        .header('content-disposition', contentDisposition(download.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'; sandbox")
        .header('cache-control', 'no-store')
        .send(download.data);
    },
  );

  app.get<DocumentParams>(
    '/spotlights/:spotlightId/documents/:documentId/remove',
    signedIn,
    async (request, reply) => {
      const { spotlightId, documentId } = request.params;
      const { spotlight, document } = await packDocuments.toRemove(
        contextOf(request),
        spotlightId,
        documentId,
      );
      return reply.page(templates.remove, {
        spotlight,
        document,
        packHref: packHref(spotlight.id),
        backLink: packHref(spotlight.id),
      });
    },
  );

  app.post<DocumentParams>(
    '/spotlights/:spotlightId/documents/:documentId/remove',
    signedIn,
    async (request, reply) => {
      const { spotlightId, documentId } = request.params;
      const name = await packDocuments.remove(contextOf(request), spotlightId, documentId);
      request.session.flash = `${name} removed from the preparation pack`;
      return reply.redirect(packHref(spotlightId), 303);
    },
  );
}
