// The triangulation board: the overview of the five themes, each theme's board, and the Lead's key
// findings (add, change with a conflict page on a stale save, remove). Addresses carry ids and the
// theme's name, never case numbers.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  childKindNames,
  evidenceKindNames,
  evidenceKinds,
  goodEnoughNames,
  proportionateNames,
  themes,
  type Theme,
} from '../../../../core/record-themes.js';
import { contextOf } from '../../../../platform/context.js';
import { Invalid, unlessGone } from '../../../../platform/errors.js';
import { addError, emptyErrors, parseForm, type FormErrors } from '../../../../platform/forms.js';
import { versionedSave } from '../../../../platform/versioned-save.js';
import type { Services } from '../../../../services.js';
import { recordLimits } from '../../record-limits.js';
import type { BoardEvidence, KeyFinding } from '../../triangulation.service.js';
import type { Spotlight } from '../../../spotlight/spotlight.service.js';
import {
  conflictRows,
  evidenceItems,
  evidenceLabel,
  keyFindingSchema,
  savedValues,
  typedValues,
  type KeyFindingValues,
} from './form.js';

type SpotlightRequest = FastifyRequest<{ Params: { spotlightId: string } }>;
type ThemeRequest = FastifyRequest<{ Params: { spotlightId: string; theme: string } }>;
type FindingRequest = FastifyRequest<{
  Params: { spotlightId: string; theme: string; findingId: string };
}>;

const pages = 'features/records/pages/triangulation';
const signedIn = { config: { permission: 'signed-in' as const } };

export const triangulationHref = (spotlightId: string) =>
  `/spotlights/${spotlightId}/triangulation`;
const themeHref = (spotlightId: string, theme: Theme) =>
  `${triangulationHref(spotlightId)}/${theme.key}`;
const findingsHref = (spotlightId: string, theme: Theme) =>
  `${themeHref(spotlightId, theme)}/key-findings`;

/** Text as paragraphs of lines, so that line breaks show as typed. */
export const paragraphsOf = (text: string) =>
  text.split(/\n\s*\n/).map((paragraph) => paragraph.split('\n'));

/** What each evidence item needs on a page: its words as paragraphs. */
const shown = (item: BoardEvidence) => ({ ...item, paragraphs: paragraphsOf(item.seen) });

export async function triangulationPages(app: FastifyInstance, opts: { services: Services }) {
  const { triangulation } = opts.services;

  function findingForm(
    reply: FastifyReply,
    data: {
      spotlight: Spotlight;
      theme: Theme;
      evidence: BoardEvidence[];
      values: KeyFindingValues;
      finding?: KeyFinding;
      version?: number;
      errors?: FormErrors;
    },
    status = 200,
  ) {
    const { spotlight, theme, finding } = data;
    const base = findingsHref(spotlight.id, theme);
    return reply.page(
      `${pages}/finding.njk`,
      {
        spotlight,
        theme,
        finding,
        values: data.values,
        errors: data.errors,
        version: data.version ?? finding?.version,
        kindItems: evidenceKinds.map((kind) => ({
          value: kind,
          text: evidenceKindNames[kind],
          checked: data.values.kind === kind,
        })),
        evidenceItems: evidenceItems(data.evidence, data.values),
        limit: recordLimits.keyFinding.toLocaleString('en-GB'),
        action: finding ? `${base}/${finding.id}` : `${base}/new`,
        removeHref: finding ? `${base}/${finding.id}/remove` : undefined,
        cancelHref: `${themeHref(spotlight.id, theme)}#key-findings`,
        backLink: `${themeHref(spotlight.id, theme)}#key-findings`,
      },
      status,
    );
  }

  app.get(
    '/spotlights/:spotlightId/triangulation',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const view = await triangulation.overview(contextOf(request), request.params.spotlightId);
      const base = triangulationHref(view.spotlight.id);
      return reply.page(`${pages}/triangulation.njk`, {
        ...view,
        cards: view.cards.map((card) => ({ ...card, href: `${base}/${card.theme.key}` })),
        backLink: `/spotlights/${view.spotlight.id}/day`,
      });
    },
  );

  app.get(
    '/spotlights/:spotlightId/triangulation/:theme',
    signedIn,
    async (request: ThemeRequest, reply) => {
      const { spotlightId, theme } = request.params;
      const view = await triangulation.themePage(contextOf(request), spotlightId, theme);
      const base = triangulationHref(view.spotlight.id);
      const index = themes.findIndex((t) => t.key === view.theme.key);
      const neighbour = (t: Theme | undefined) =>
        t ? { href: `${base}/${t.key}`, labelText: t.name } : undefined;
      return reply.page(`${pages}/theme.njk`, {
        ...view,
        groups: view.groups.map((group) => ({
          ...group,
          strengths: group.strengths.map(shown),
          areas: group.areas.map(shown),
        })),
        notes: view.notes.map((note) => ({ ...note, paragraphs: paragraphsOf(note.text) })),
        children: view.children.map((child) => ({
          ...child,
          life: paragraphsOf(child.lifeForChild),
          proportionateWhyParagraphs: paragraphsOf(child.proportionateWhy),
          goodEnoughWhyParagraphs: paragraphsOf(child.goodEnoughWhy),
        })),
        findings: view.findings.map((finding) => ({
          ...finding,
          kindName: evidenceKindNames[finding.kind],
          paragraphs: paragraphsOf(finding.text),
          evidenceLabels: finding.evidence.map(evidenceLabel),
        })),
        childKindNames,
        proportionateNames,
        goodEnoughNames,
        base,
        findingsHref: findingsHref(view.spotlight.id, view.theme),
        previous: neighbour(themes[index - 1]),
        next: neighbour(themes[index + 1]),
        backLink: base,
      });
    },
  );

  app.get(
    '/spotlights/:spotlightId/triangulation/:theme/key-findings/new',
    signedIn,
    async (request: ThemeRequest, reply) => {
      const { spotlightId, theme } = request.params;
      const form = await triangulation.findingForm(contextOf(request), spotlightId, theme);
      return findingForm(reply, { ...form, values: savedValues(null) });
    },
  );

  app.post(
    '/spotlights/:spotlightId/triangulation/:theme/key-findings/new',
    signedIn,
    async (request: ThemeRequest, reply) => {
      const ctx = contextOf(request);
      const { spotlightId, theme } = request.params;
      const parsed = parseForm(keyFindingSchema, request.body);
      const again = async (errors: FormErrors) => {
        // The Lead's form: anyone else is refused before seeing what they typed.
        const form = await triangulation.findingForm(ctx, spotlightId, theme);
        return findingForm(reply, { ...form, values: typedValues(request.body), errors }, 400);
      };
      if (!parsed.ok) return again(parsed.errors);
      try {
        const finding = await triangulation.addKeyFinding(ctx, spotlightId, theme, parsed.value);
        request.session.flash = 'Key finding added';
        return await reply.redirect(`${triangulationHref(spotlightId)}/${finding.theme}`, 303);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        return again(addError(emptyErrors(), error.field, error.message));
      }
    },
  );

  app.get(
    '/spotlights/:spotlightId/triangulation/:theme/key-findings/:findingId',
    signedIn,
    async (request: FindingRequest, reply) => {
      const { spotlightId, theme, findingId } = request.params;
      const view = await triangulation.keyFinding(
        contextOf(request),
        spotlightId,
        theme,
        findingId,
      );
      return findingForm(reply, { ...view, values: savedValues(view.finding) });
    },
  );

  app.post(
    '/spotlights/:spotlightId/triangulation/:theme/key-findings/:findingId',
    signedIn,
    async (request: FindingRequest, reply) => {
      const ctx = contextOf(request);
      const { spotlightId, theme, findingId } = request.params;
      // Whether the finding exists, and who may change it, is checked before what was typed.
      const view = await triangulation.keyFinding(ctx, spotlightId, theme, findingId);
      const { spotlight, finding } = view;
      return versionedSave(request, reply, {
        parse: (body) => ({ ...parseForm(keyFindingSchema, body), values: typedValues(body) }),
        // The form keeps the version it was read at, so that a second try still sees the conflict.
        again: (values, errors, version) =>
          findingForm(reply, { ...view, values, version, errors }, 400),
        save: (value, version) =>
          triangulation.changeKeyFinding(
            ctx,
            spotlight.id,
            view.theme.key,
            finding.id,
            value,
            version,
          ),
        conflict: async (value) => {
          const now =
            (
              await unlessGone(
                triangulation.keyFinding(ctx, spotlight.id, view.theme.key, finding.id),
              )
            )?.finding ?? null;
          return reply.page(
            `${pages}/conflict.njk`,
            {
              spotlight,
              theme: view.theme,
              removed: now === null,
              rows: now ? conflictRows(now, value, view.evidence) : [],
              version: now?.version,
              yours: value,
              action: `${findingsHref(spotlight.id, view.theme)}/${finding.id}`,
              themeHref: `${themeHref(spotlight.id, view.theme)}#key-findings`,
              backLink: `${themeHref(spotlight.id, view.theme)}#key-findings`,
            },
            409,
          );
        },
        done: () => {
          request.session.flash = 'Key finding changed';
          return reply.redirect(themeHref(spotlight.id, view.theme), 303);
        },
      });
    },
  );

  app.get(
    '/spotlights/:spotlightId/triangulation/:theme/key-findings/:findingId/remove',
    signedIn,
    async (request: FindingRequest, reply) => {
      const { spotlightId, theme, findingId } = request.params;
      const view = await triangulation.keyFinding(
        contextOf(request),
        spotlightId,
        theme,
        findingId,
      );
      const href = `${themeHref(view.spotlight.id, view.theme)}#key-findings`;
      return reply.page(`${pages}/remove.njk`, {
        spotlight: view.spotlight,
        theme: view.theme,
        finding: view.finding,
        kindName: evidenceKindNames[view.finding.kind],
        textParagraphs: paragraphsOf(view.finding.text),
        action: `${findingsHref(view.spotlight.id, view.theme)}/${view.finding.id}/remove`,
        cancelHref: href,
        backLink: href,
      });
    },
  );

  app.post(
    '/spotlights/:spotlightId/triangulation/:theme/key-findings/:findingId/remove',
    signedIn,
    async (request: FindingRequest, reply) => {
      const { spotlightId, theme, findingId } = request.params;
      const finding = await triangulation.removeKeyFinding(
        contextOf(request),
        spotlightId,
        theme,
        findingId,
      );
      request.session.flash = 'Key finding removed';
      return reply.redirect(`${triangulationHref(spotlightId)}/${finding.theme}`, 303);
    },
  );
}
