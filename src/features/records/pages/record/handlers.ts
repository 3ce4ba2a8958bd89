// The record page. Its author, while it is a draft, sees the record as a list of things to do
// (themes, children, evidence, other notes, submit); everyone else who may see the day, and the
// author once it is submitted, reads it in full. Case numbers show, so the view is audited.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { childKindNames, otherNotes, themes } from '../../../../core/record-themes.js';
import { contextOf } from '../../../../platform/context.js';
import type { Services } from '../../../../services.js';
import { childProgress } from '../../records.rules.js';
import type { RecordPage } from '../../records.service.js';
import {
  answersOf,
  caseNumberOf,
  dueTag,
  evidenceWords,
  paragraphs,
  progressNames,
  recordHref,
  recordsHref,
  shortened,
  signedIn,
  stateTags,
  themeNameOf,
} from './view.js';

type RecordRequest = FastifyRequest<{ Params: { spotlightId: string; recordId: string } }>;

const pages = 'features/records/pages/record';

const written = (text: string) =>
  text === ''
    ? { tag: { text: 'Not written yet', classes: 'govuk-tag--blue' } }
    : { text: 'Written' };

/** The author's draft: a task list and summary cards, each part linking to where it is changed. */
function draftView(view: RecordPage) {
  const { spotlight, record } = view;
  const href = recordHref(spotlight.id, record.id);
  const caseNumbers = new Map(view.children.map((child) => [child.id, caseNumberOf(child)]));
  return {
    spotlight,
    record,
    href,
    themes: themes.map((theme) => ({
      title: { text: theme.name },
      href: `${href}/themes#${theme.field}`,
      status: written(record.themes[theme.key]),
    })),
    otherNotes: otherNotes.map((note) => ({
      title: { text: note.name },
      href: `${href}/other-notes#${note.field}`,
      status: written(record[note.field]),
    })),
    children: view.children.map((child) => {
      const progress = childProgress(child);
      return {
        caseNumber: caseNumberOf(child),
        why: childKindNames[child.kind],
        progress: progressNames[progress],
        href: `${href}/children/${child.id}`,
        action: progress === 'untouched' ? 'Answer the questions' : 'Change',
      };
    }),
    evidence: view.evidence.map((item, i) => {
      const words = evidenceWords(item);
      const child = item.childId ? caseNumbers.get(item.childId) : undefined;
      const row = (key: string, text: string) => ({
        key: { text: key },
        value: { text, classes: 'app-break-words' },
      });
      return {
        number: i + 1,
        href: `${href}/evidence/${item.id}`,
        rows: [
          row('Theme', themeNameOf(item.theme)),
          row('Source', words.source),
          row('Strength or area', words.kind),
          row('What you saw', shortened(item.seen)),
          ...(child ? [row('About', child)] : []),
        ],
      };
    }),
    deadline: { due: view.deadline.due, tag: dueTag(view.deadline.status) },
    backLink: recordsHref(spotlight.id),
  };
}

/** The record in full, for reading. */
function readView(view: RecordPage) {
  const { spotlight, record } = view;
  const caseNumbers = new Map(view.children.map((child) => [child.id, caseNumberOf(child)]));
  const evidenceItem = (item: RecordPage['evidence'][number]) => ({
    ...evidenceWords(item),
    seen: paragraphs(item.seen),
    child: item.childId ? (caseNumbers.get(item.childId) ?? null) : null,
  });
  const known = new Set<string>(themes.map((theme) => theme.key));
  const unknownTheme = view.evidence.filter((item) => !item.theme || !known.has(item.theme));
  return {
    spotlight,
    record,
    isAuthor: view.isAuthor,
    isLead: view.isLead,
    stateTag: stateTags[view.state],
    late: view.state === 'submitted-late',
    deadline: { due: view.deadline.due },
    themes: themes.map((theme) => ({
      name: theme.name,
      question: theme.question,
      paragraphs: paragraphs(record.themes[theme.key]),
    })),
    children: view.children.map((child) => ({
      caseNumber: caseNumberOf(child),
      answers: answersOf(child),
    })),
    evidenceByTheme: [
      ...themes.map((theme) => ({
        name: theme.name,
        items: view.evidence.filter((item) => item.theme === theme.key).map(evidenceItem),
      })),
      { name: 'Theme not known', items: unknownTheme.map(evidenceItem) },
    ].filter((group, i) => i < themes.length || group.items.length > 0),
    evidenceCount: view.evidence.length,
    otherNotes: otherNotes.map((note) => ({
      name: note.name,
      paragraphs: paragraphs(record[note.field]),
    })),
    reopenHref: `${recordHref(spotlight.id, record.id)}/reopen`,
    backLink: recordsHref(spotlight.id),
  };
}

export async function recordPageRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { records } = opts.services;

  app.get(
    '/spotlights/:spotlightId/records/:recordId',
    signedIn,
    async (request: RecordRequest, reply) => {
      const { spotlightId, recordId } = request.params;
      const view = await records.record(contextOf(request), spotlightId, recordId);
      if (view.editable) return reply.page(`${pages}/record-draft.njk`, draftView(view));
      return reply.page(`${pages}/record-read.njk`, readView(view));
    },
  );
}
