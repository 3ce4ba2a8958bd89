// Cover: a team member who cannot attend picks who takes their place; the QA team reads the
// notices this sends them.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contextOf } from '../../platform/context.js';
import { Invalid } from '../../platform/errors.js';
import { errorsFromInvalid, parseForm, type FormErrors } from '../../platform/forms.js';
import type { Services } from '../../services.js';

const pages = 'features/timetable/pages/cover';
export const coverReasonMaxLength = 500;

const chooseMessage = 'Select who will cover for you';
const coverSchema = z.object({
  coverPersonId: z.string({ error: chooseMessage }).trim().min(1, chooseMessage),
  reason: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || [...v].length <= coverReasonMaxLength, {
      message: `Reason must be ${String(coverReasonMaxLength)} characters or fewer`,
    })
    .transform((v) => (v ? v : undefined)),
  // A missing or altered version is treated as a stale form (a conflict), never trusted.
  version: z.coerce.number().int().catch(-1),
});

type SpotlightRequest = FastifyRequest<{ Params: { spotlightId: string } }>;
type NoticeRequest = FastifyRequest<{ Params: { noticeId: string } }>;

export async function coverRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { cover, timetableNotices } = opts.services;

  const showChoice = async (
    request: SpotlightRequest,
    extra: { errors?: FormErrors; values?: Record<string, unknown> } = {},
  ) => {
    const choice = await cover.coverChoice(contextOf(request), request.params.spotlightId);
    return {
      ...choice,
      values: extra.values ?? {},
      errors: extra.errors,
      reasonMaxLength: coverReasonMaxLength,
      backLink: '/my-spotlights',
    };
  };

  app.get(
    '/my-spotlights/:spotlightId/cover',
    { config: { permission: 'signed-in' } },
    async (request: SpotlightRequest, reply) =>
      reply.page(`${pages}/choose.njk`, await showChoice(request)),
  );

  app.post(
    '/my-spotlights/:spotlightId/cover',
    { config: { permission: 'signed-in' } },
    async (request: SpotlightRequest, reply) => {
      const form = parseForm(coverSchema, request.body);
      if (!form.ok) {
        const data = await showChoice(request, { errors: form.errors, values: form.values });
        return reply.page(`${pages}/choose.njk`, data, 400);
      }
      try {
        const done = await cover.arrangeCover(
          contextOf(request),
          request.params.spotlightId,
          form.value,
        );
        request.session.flash = `${done.coverName} will take your place in the Spotlight of ${done.teamName}. The Quality Assurance and Safeguarding Team has been told.`;
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        const values = { reason: form.value.reason };
        const data = await showChoice(request, { errors: errorsFromInvalid(error), values });
        return reply.page(`${pages}/choose.njk`, data, 400);
      }
      return reply.redirect('/my-spotlights', 303);
    },
  );

  app.get(
    '/timetable/notices',
    { config: { permission: 'timetable:manage' } },
    async (request, reply) => {
      const notices = await timetableNotices.list(contextOf(request));
      return reply.page(`${pages}/notices.njk`, { ...notices });
    },
  );

  app.post(
    '/timetable/notices/:noticeId/read',
    { config: { permission: 'timetable:manage' } },
    async (request: NoticeRequest, reply) => {
      await timetableNotices.markRead(contextOf(request), request.params.noticeId);
      request.session.flash = 'Notice marked as read';
      return reply.redirect('/timetable/notices', 303);
    },
  );
}
