// Emails, for the QA coordinator: whether Spotlight can send them, how many wait, went and did
// not, and the newest with where each stands (ADR 0012).
import type { FastifyInstance } from 'fastify';
import { recentDays, type MailState } from '../../../../platform/mail/mail-log.js';
import type { Services } from '../../../../services.js';
import { contextOf } from '../../common.js';
import { manageSettings } from '../settings/settings.js';

const tags: Record<MailState, { text: string; classes: string }> = {
  sent: { text: 'Sent', classes: 'govuk-tag--green' },
  waiting: { text: 'Waiting', classes: 'govuk-tag--blue' },
  retrying: { text: 'Trying again', classes: 'govuk-tag--yellow' },
  'not-sent': { text: 'Not sent', classes: 'govuk-tag--red' },
};

export async function emailPages(app: FastifyInstance, services: Services) {
  const { mailLog } = services;

  app.get('/admin/emails', manageSettings, async (request, reply) => {
    const log = await mailLog.read(contextOf(request));
    return reply.page('features/admin/pages/emails/emails.njk', {
      sending: mailLog.sending,
      log,
      recentDays,
      entries: log.entries.map((entry) => ({ ...entry, tag: tags[entry.state] })),
    });
  });
}
