// The Lead writes one section of the report: the summary, about the team, or a theme (its texts,
// grade judgement and evidence). A stale save gets a conflict page with both versions and the
// Lead's text kept in the form; autosave answers in JSON (platform/autosave.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { autosaveConflict, isAutosave } from '../../../../platform/autosave.js';
import { contextOf } from '../../../../platform/context.js';
import type { FormErrors } from '../../../../platform/forms.js';
import { versionedSave } from '../../../../platform/versioned-save.js';
import type { Services } from '../../../../services.js';
import { ReportLocked, themeTextFields } from '../../report-drafting.rules.js';
import type { EvidenceChoice, SectionView } from '../../report-drafting.service.js';
import { lockedPage } from '../draft/handlers.js';
import { paragraphsOf, reportHref, sectionHref, signedIn } from '../draft/view.js';
import {
  conflictRows,
  introNames,
  parseSectionForm,
  savedValues,
  typedValues,
  type SectionValues,
} from './form.js';
import { draftingLimits } from '../../report-drafting.rules.js';

type SectionRequest = FastifyRequest<{ Params: { spotlightId: string; section: string } }>;

const pages = 'features/report/pages/section';
const url = '/spotlights/:spotlightId/report/sections/:section';

/** "Supervision notes are reflective…" (at most `length` characters, one line). */
const excerpt = (seen: string, length = 200) => {
  const letters = [...seen.replace(/\s+/g, ' ').trim()];
  return letters.length <= length
    ? letters.join('')
    : `${letters.slice(0, length).join('').trimEnd()}…`;
};

const evidenceName = (item: EvidenceChoice) => `${item.sourceName}: ${excerpt(item.seen)}`;

/** What was typed, by field name, for the page that says it cannot be saved now. */
function typedList(values: SectionValues) {
  return [
    { name: 'Summary or about the team', text: values.body },
    ...themeTextFields.map(({ field, name }) => ({ name, text: values[field] })),
  ];
}

/** Everything the section form needs, whether shown alone or on the conflict page. */
function formData(view: SectionView, values: SectionValues, version: number, errors?: FormErrors) {
  const id = view.spotlight.id;
  return {
    spotlight: view.spotlight,
    section: view,
    values,
    version,
    errors,
    limit: draftingLimits.text,
    limitText: draftingLimits.text.toLocaleString('en-GB'),
    isTheme: view.theme !== null,
    gradeItems: [
      ...view.grades.map((grade) => ({
        value: grade,
        text: grade,
        checked: values.grade === grade,
      })),
      { divider: 'or' },
      { value: '', text: 'No grade judgement yet', checked: values.grade === '' },
    ],
    evidenceItems: view.evidence.map((item) => ({
      value: item.id,
      text: excerpt(item.seen),
      hint: { text: `${item.kindName}: ${item.sourceName.toLowerCase()}` },
      checked: values.evidence.includes(item.id),
      label: { classes: 'app-break-words' },
    })),
    keyFindings: view.keyFindings.map((f) => ({ ...f, paragraphs: paragraphsOf(f.text) })),
    contextHint:
      view.key === 'context'
        ? 'The team’s size, the children it works with, changes since the last Spotlight.'
        : undefined,
    action: sectionHref(id, view.key),
    cancelHref: `${reportHref(id)}#section-${view.key}`,
    backLink: `${reportHref(id)}#section-${view.key}`,
  };
}

export async function sectionPages(app: FastifyInstance, opts: { services: Services }) {
  const { reportDrafting } = opts.services;

  const formPage = (reply: FastifyReply, data: ReturnType<typeof formData>, status = 200) =>
    reply.page(`${pages}/section.njk`, data, status);

  app.get(url, signedIn, async (request: SectionRequest, reply) => {
    const { spotlightId, section } = request.params;
    try {
      const view = await reportDrafting.section(contextOf(request), spotlightId, section);
      return await formPage(reply, formData(view, savedValues(view), view.version));
    } catch (error) {
      if (error instanceof ReportLocked) return lockedPage(reply, spotlightId, error);
      throw error;
    }
  });

  async function save(request: SectionRequest, reply: FastifyReply) {
    const ctx = contextOf(request);
    const { spotlightId, section } = request.params;
    // Who may change it, and whether it may change now, come before what was typed.
    const view = await reportDrafting.section(ctx, spotlightId, section);
    return versionedSave(request, reply, {
      parse: (body) => parseSectionForm(view.key, body),
      again: (values, errors, version) =>
        formPage(reply, formData(view, values, version, errors), 400),
      save: (value, version) =>
        reportDrafting.saveSection(ctx, spotlightId, view.key, value, version),
      passOn: (error) => error instanceof ReportLocked,
      conflict: async (_value, values) => {
        const now = await reportDrafting.section(ctx, spotlightId, view.key);
        const name = (id: string) => {
          const item = now.evidence.find((e) => e.id === id);
          return item ? evidenceName(item) : 'Evidence no longer on the board';
        };
        return reply.page(
          `${pages}/conflict.njk`,
          {
            ...formData(now, values, now.version),
            rows: conflictRows(view.key, savedValues(now), values, name),
            savedBy: now.updatedBy ?? 'somebody no longer listed',
            savedAt: now.updatedAt,
            conflict: true,
          },
          409,
        );
      },
      done: () => {
        request.session.flash = `${view.theme ? view.theme.name : introNames[view.key as 'summary' | 'context']} saved`;
        return reply.redirect(`${reportHref(spotlightId)}#section-${view.key}`, 303);
      },
    });
  }

  app.post(url, signedIn, async (request: SectionRequest, reply) => {
    const autosave = isAutosave(request);
    try {
      return await save(request, reply);
    } catch (error) {
      if (!(error instanceof ReportLocked)) throw error;
      if (autosave) return autosaveConflict(reply);
      return lockedPage(
        reply,
        request.params.spotlightId,
        error,
        typedList(typedValues(request.body)),
      );
    }
  });
}
