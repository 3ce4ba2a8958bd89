// "Council settings": the QA coordinator chooses whose bank holidays count, how many working days
// each deadline sits from a Spotlight, and the LCS and EHM number formats. A stale save gets a
// conflict page that shows both and loses nothing.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Conflict, Invalid } from '../../../../platform/errors.js';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import type { CouncilSettings } from '../../council-settings.service.js';
import { contextOf } from '../../common.js';
import {
  parseSettingsForm,
  settingsConflictRows,
  settingsPageData,
  settingsValues,
  settingsVersionOf,
} from './settings-form.js';

export const manageSettings = { config: { permission: 'settings:manage' as const } };
const pages = 'features/admin/pages/settings';

export async function settingsPages(app: FastifyInstance, services: Services) {
  const { councilSettings } = services;

  async function form(
    reply: FastifyReply,
    saved: CouncilSettings,
    values: Record<string, unknown>,
    errors?: FormErrors,
    status = 200,
  ) {
    const upcoming = (await councilSettings.closureDays()).filter(
      (day) => day.date >= services.spotlights.today(),
    ).length;
    return reply.page(
      `${pages}/settings.njk`,
      { ...settingsPageData(saved, values, errors), upcomingClosureDays: upcoming },
      status,
    );
  }

  app.get('/admin/settings', manageSettings, async (request, reply) => {
    const saved = await councilSettings.forEditing(contextOf(request));
    return form(reply, saved, settingsValues(saved));
  });

  app.post('/admin/settings', manageSettings, async (request, reply) => {
    const ctx = contextOf(request);
    const saved = await councilSettings.forEditing(ctx);
    const version = settingsVersionOf(request.body);
    const parsed = parseSettingsForm(request.body);
    // The form keeps the version it was read at, so that a second try still sees the conflict.
    const asRead = { ...saved, version };
    if (!parsed.ok) return form(reply, asRead, parsed.values, parsed.errors, 400);
    try {
      const changes = await councilSettings.save(ctx, parsed.value, version);
      request.session.flash = changes.length > 0 ? 'Settings saved' : 'You did not change anything';
      return await reply.redirect('/admin/settings', 303);
    } catch (error) {
      if (error instanceof Invalid) {
        const errors = addError(emptyErrors(), error.field, error.message);
        return form(reply, asRead, rawValues(request.body), errors, 400);
      }
      if (!(error instanceof Conflict)) throw error;
      const now = await councilSettings.forEditing(ctx);
      return reply.page(
        `${pages}/conflict.njk`,
        {
          rows: settingsConflictRows(now, parsed.value),
          version: now.version,
          yours: settingsValues(parsed.value),
        },
        409,
      );
    }
  });
}
