// The report as a page in the app, and as Word and PDF downloads. Who may read it, and when, is
// the report document service's to decide; each reading and download is audited there.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contextOf } from '../../../../platform/context.js';
import { contentDisposition } from '../../../../platform/files/file-name.js';
import type { Services } from '../../../../services.js';
import { reportOutline } from '../../formats/report-outline.js';

type SpotlightRequest = FastifyRequest<{ Params: { spotlightId: string } }>;

const downloads = { word: 'docx', pdf: 'pdf' } as const;

export async function finalReportRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { reportDocuments } = opts.services;

  app.get(
    '/spotlights/:spotlightId/report/final',
    { config: { permission: 'signed-in' } },
    async (request: SpotlightRequest, reply) => {
      const { spotlightId } = request.params;
      const document = await reportDocuments.read(contextOf(request), spotlightId);
      const base = `/spotlights/${spotlightId}/report/download`;
      return reply.page('features/report/pages/final/final.njk', {
        outline: reportOutline(document),
        teamName: document.teamName,
        date: document.date,
        downloads: { word: `${base}/word`, pdf: `${base}/pdf` },
        backLink: `/spotlights/${spotlightId}`,
      });
    },
  );

  // The team's last report, read from this Spotlight's preparation pack.
  app.get(
    '/spotlights/:spotlightId/documents/last-report',
    { config: { permission: 'signed-in' } },
    async (request: SpotlightRequest, reply) => {
      const { spotlightId } = request.params;
      const document = await reportDocuments.lastReport(contextOf(request), spotlightId);
      return reply.page('features/report/pages/final/final.njk', {
        outline: reportOutline(document),
        teamName: document.teamName,
        date: document.date,
        backLink: `/spotlights/${spotlightId}/documents`,
      });
    },
  );

  for (const [name, format] of Object.entries(downloads)) {
    app.get(
      `/spotlights/:spotlightId/report/download/${name}`,
      { config: { permission: 'signed-in' } },
      async (request: SpotlightRequest, reply) => {
        const file = await reportDocuments.download(
          contextOf(request),
          request.params.spotlightId,
          format,
        );
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', contentDisposition(file.name))
          .header('cache-control', 'private, no-store')
          .send(file.body);
      },
    );
  }
}
