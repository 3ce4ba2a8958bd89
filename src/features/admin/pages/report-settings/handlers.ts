// "Words to avoid in reports" and "Grade judgements": the QA coordinator edits the council's jargon
// list and grade scale, one entry a line. Bad lines are explained by their number, a stale save
// gets a conflict page with both lists, and the jargon list can go back to the default.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isFlaggedGrade } from '../../../../core/report/report-model.js';
import { defaultJargon, type JargonEntry } from '../../../../core/text-checks/index.js';
import { Conflict, Invalid } from '../../../../platform/errors.js';
import type { FormErrors } from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import { contextOf, errorsAt } from '../../common.js';
import type { ReportSettings } from '../../report-settings.service.js';
import { jargonLines } from '../../report-settings.rules.js';
import { manageSettings } from '../settings/settings.js';
import { settingsVersionOf } from '../settings/settings-form.js';
import { parseGradesForm, parseJargonForm, textOf, type ListForm } from './form.js';

const pages = 'features/admin/pages/report-settings';
export const jargonHref = '/admin/settings/jargon';
export const gradesHref = '/admin/settings/grades';

/** What differs between the two lists: their page, their field and their words. */
interface ListPage<T> {
  href: string;
  field: 'jargon' | 'grades';
  template: string;
  title: string;
  saved: string;
  /** The list as the textarea holds it. */
  lines: (settings: ReportSettings) => string;
  parse: (text: string) => ListForm<T>;
  save: (request: FastifyRequest, value: T, version: number) => Promise<boolean>;
}

export async function reportSettingsPages(app: FastifyInstance, services: Services) {
  const { reportSettings } = services;

  const jargon: ListPage<JargonEntry[]> = {
    href: jargonHref,
    field: 'jargon',
    template: `${pages}/jargon.njk`,
    title: 'Words to avoid in reports',
    saved: 'Words to avoid in reports saved',
    lines: (settings) => jargonLines(settings.jargon),
    parse: parseJargonForm,
    save: (request, entries, version) =>
      reportSettings.saveJargon(contextOf(request), entries, version),
  };
  const grades: ListPage<string[]> = {
    href: gradesHref,
    field: 'grades',
    template: `${pages}/grades.njk`,
    title: 'Grade judgements',
    saved: 'Grade judgements saved',
    lines: (settings) => settings.gradeScale.join('\n'),
    parse: parseGradesForm,
    save: (request, scale, version) =>
      reportSettings.saveGradeScale(contextOf(request), scale, version),
  };

  function form<T>(
    reply: FastifyReply,
    page: ListPage<T>,
    settings: ReportSettings,
    text: string,
    errors?: FormErrors,
    status = 200,
  ) {
    const scale = settings.gradeScale;
    return reply.page(
      page.template,
      {
        settings,
        text,
        errors,
        flaggedGrade: scale.find((grade) => isFlaggedGrade(grade, scale)),
        defaultJargonCount: defaultJargon.length,
      },
      status,
    );
  }

  /** Somebody saved first: what is saved now beside what was entered, which is kept. */
  async function conflict<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    page: ListPage<T>,
    yours: string,
  ) {
    const now = await reportSettings.forEditing(contextOf(request));
    return reply.page(
      `${pages}/conflict.njk`,
      {
        pageTitle: `Somebody else changed the ${page.title.toLowerCase()}`,
        action: page.href,
        field: page.field,
        version: now.version,
        savedLines: page.lines(now).split('\n'),
        yours,
      },
      409,
    );
  }

  function listRoutes<T>(page: ListPage<T>) {
    app.get(page.href, manageSettings, async (request, reply) => {
      const settings = await reportSettings.forEditing(contextOf(request));
      return form(reply, page, settings, page.lines(settings));
    });

    app.post(page.href, manageSettings, async (request, reply) => {
      const saved = await reportSettings.forEditing(contextOf(request));
      const version = settingsVersionOf(request.body);
      const text = textOf(request.body, page.field);
      // The form keeps the version it was read at, so that a second try still sees the conflict.
      const asRead = { ...saved, version };
      const parsed = page.parse(text);
      if (!parsed.ok) return form(reply, page, asRead, text, parsed.errors, 400);
      try {
        const changed = await page.save(request, parsed.value, version);
        request.session.flash = changed ? page.saved : 'You did not change anything';
        return await reply.redirect(page.href, 303);
      } catch (error) {
        if (error instanceof Invalid) {
          return form(reply, page, asRead, text, errorsAt(error, `#${page.field}`), 400);
        }
        if (error instanceof Conflict) return conflict(request, reply, page, text);
        throw error;
      }
    });
  }

  listRoutes(jargon);
  listRoutes(grades);

  app.post(`${jargonHref}/default`, manageSettings, async (request, reply) => {
    const version = settingsVersionOf(request.body);
    try {
      const changed = await reportSettings.restoreDefaultJargon(contextOf(request), version);
      request.session.flash = changed
        ? 'The default list of words to avoid is in use again'
        : 'The default list of words to avoid was already in use';
      return await reply.redirect(jargonHref, 303);
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      return conflict(request, reply, jargon, jargonLines(defaultJargon));
    }
  });
}
