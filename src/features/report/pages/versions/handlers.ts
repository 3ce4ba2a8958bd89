// The report's versions: each one kept when the draft went to the team members or the QA team, was
// returned, or was finalised, with who, when and what changed; and each version's words, read-only.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { themeOf } from '../../../../core/record-themes.js';
import { sectionName } from '../../../../core/report/report-diff.js';
import { isThemeSection } from '../../../../core/report/report-model.js';
import { contextOf } from '../../../../platform/context.js';
import { NotFound } from '../../../../platform/errors.js';
import type { Services } from '../../../../services.js';
import { reportHref, signedIn, signOffHref, type SpotlightRequest } from '../sign-off/common.js';

type VersionRequest = FastifyRequest<{ Params: { spotlightId: string; number: string } }>;

const pages = 'features/report/pages/versions';

export async function versionsRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { reportReview } = opts.services;
  const url = '/spotlights/:spotlightId/report/versions';

  app.get(url, signedIn, async (request: SpotlightRequest, reply) => {
    const view = await reportReview.versions(contextOf(request), request.params.spotlightId);
    return reply.page(`${pages}/versions.njk`, {
      ...view,
      versionsLink: `${reportHref(view.spotlight.id)}/versions`,
      backLink: signOffHref(view.spotlight.id),
    });
  });

  app.get(`${url}/:number`, signedIn, async (request: VersionRequest, reply) => {
    const { spotlightId, number } = request.params;
    if (!/^[1-9]\d{0,6}$/.test(number)) throw new NotFound('Version');
    const view = await reportReview.version(contextOf(request), spotlightId, Number(number));
    const sections = view.content.sections.map((section) =>
      isThemeSection(section.key) && 'grade' in section
        ? {
            theme: true,
            name: sectionName(section.key),
            grade: section.grade,
            workingWell: section.workingWell,
            toImprove: section.toImprove,
            forChildren: section.forChildren,
          }
        : {
            theme: false,
            name: sectionName(section.key),
            body: 'body' in section ? section.body : '',
          },
    );
    const recommendations = view.content.recommendations.map((r, i) => ({
      ...r,
      number: i + 1,
      themeName: themeOf(r.theme).name,
    }));
    return reply.page(`${pages}/version.njk`, {
      ...view,
      sections,
      recommendations,
      backLink: `${reportHref(view.spotlight.id)}/versions`,
    });
  });
}
