// Importing people and teams from a CSV or XLSX file (upload, check, confirm), the templates, and
// downloading the directory as CSV or XLSX.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { jobRoleNames, jobRoles } from '../../../core/job-roles.js';
import { contextOf } from '../../../platform/context.js';
import { Invalid } from '../../../platform/errors.js';
import {
  addError,
  emptyErrors,
  errorsFromInvalid,
  parseForm,
  type FormErrors,
} from '../../../platform/forms.js';
import type { Services } from '../../../services.js';
import type { Download, ImportedCounts } from './import.service.js';
import { previewView } from './preview.view.js';
import { fileMessages } from './spreadsheet.js';
import { chosenFile } from '../../../platform/files/uploaded-file.js';

const pages = {
  upload: 'features/directory/import/pages/upload.njk',
  preview: 'features/directory/import/pages/preview.njk',
  finished: 'features/directory/import/pages/finished.njk',
};

const uploadSchema = z.object({ file: chosenFile(fileMessages.none) });

// The job roles the import reads, as the upload page lists them.
const jobRoleList = jobRoles.map((role) => jobRoleNames[role]).join(', ');

function uploadPage(reply: FastifyReply, errors?: FormErrors, status = 200) {
  return reply.page(pages.upload, { jobRoleList, errors }, status);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function importCompleteMessage(counts: ImportedCounts): string {
  const people = plural(counts.peopleAdded, 'person', 'people');
  const teams = plural(counts.teamsAdded, 'team', 'teams');
  const changed = counts.peopleChanged + counts.teamsChanged;
  return `Import complete: ${people} and ${teams} added, ${changed} changed`;
}

function sendDownload(reply: FastifyReply, download: Download) {
  return reply
    .type(download.contentType)
    .header('content-disposition', `attachment; filename="${download.filename}"`)
    .send(download.body);
}

export async function directoryImportRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { directoryImport } = opts.services;
  const context = contextOf;
  const manage = { config: { permission: 'directory:manage' as const } };
  const view = { config: { permission: 'directory:view' as const } };

  app.get('/directory/import', manage, async (_request, reply) => uploadPage(reply));

  app.get('/directory/import/template.xlsx', manage, async (request, reply) =>
    sendDownload(reply, await directoryImport.template(context(request), 'xlsx')),
  );
  app.get('/directory/import/template.csv', manage, async (request, reply) =>
    sendDownload(reply, await directoryImport.template(context(request), 'csv')),
  );

  // In its own scope so that its error handler sees only this route's errors.
  await app.register(async (upload) => {
    // A file over the limit is refused while the body is read, before the handler runs.
    upload.setErrorHandler(async (error: FastifyError, _request, reply) => {
      if (error.code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
      return uploadPage(reply, addError(emptyErrors(), 'file', fileMessages.tooBig), 413);
    });
    upload.post('/directory/import', manage, async (request, reply) => {
      const form = parseForm(uploadSchema, request.body);
      if (!form.ok) return uploadPage(reply, form.errors, 400);
      try {
        const id = await directoryImport.upload(context(request), form.value.file.data);
        return await reply.redirect(`/directory/import/${id}`, 303);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        return uploadPage(reply, errorsFromInvalid(error), 400);
      }
    });
  });

  app.get<{ Params: { id: string } }>('/directory/import/:id', manage, async (request, reply) => {
    const preview = await directoryImport.preview(context(request), request.params.id);
    if (preview.status !== 'pending') return reply.page(pages.finished, { preview });
    return reply.page(pages.preview, previewView(preview.id, preview.plan));
  });

  app.post<{ Params: { id: string } }>(
    '/directory/import/:id/confirm',
    manage,
    async (request, reply) => {
      const { id } = request.params;
      const result = await directoryImport.confirm(context(request), id);
      if (result.status === 'not-pending') return reply.redirect(`/directory/import/${id}`, 303);
      if (result.status === 'problems') {
        const data = { ...previewView(id, result.plan), changedSinceUpload: true };
        return reply.page(pages.preview, data, 409);
      }
      request.session.flash = importCompleteMessage(result.counts);
      return reply.redirect('/directory', 303);
    },
  );

  app.get('/directory/export.csv', view, async (request, reply) =>
    sendDownload(reply, await directoryImport.exportCsv(context(request))),
  );
  app.get('/directory/export.xlsx', view, async (request, reply) =>
    sendDownload(reply, await directoryImport.exportXlsx(context(request))),
  );
}
