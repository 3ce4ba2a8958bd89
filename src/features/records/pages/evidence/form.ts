// The form for one evidence item: which theme, where it came from, strength or area for
// development, what was seen, and which child (if one) it is about. One zod schema, GOV.UK
// messages, and what the form, the read-only page and the conflict page show.
import { z } from 'zod';
import {
  childKindNames,
  evidenceKindNames,
  evidenceKinds,
  evidenceSourceNames,
  evidenceSources,
  isEvidenceKind,
  isEvidenceSource,
  isThemeKey,
  themeOf,
  themes,
} from '../../../../core/record-themes.js';
import { characters, cleanText } from '../../../day/day-input.js';
import { recordLimits } from '../../record-limits.js';
import {
  evidenceMessages,
  type EvidenceInput,
  type EvidenceItem,
} from '../../record-items.rules.js';
import type { RecordChild } from '../../records.model.js';

/** A text field as a form sends it: a repeated field counts once, a missing one is blank. */
const text = z
  .preprocess((value) => (Array.isArray(value) ? (value[0] as unknown) : value), z.unknown())
  .transform((value) => (typeof value === 'string' ? value : ''));

/** The "Not about one child" choice. */
export const notAboutOneChild = 'none';

/** In the order of the page, so the error summary lists problems in that order. */
export const evidenceSchema = z
  .object({
    theme: text.refine(isThemeKey, evidenceMessages.theme),
    source: text.refine(isEvidenceSource, evidenceMessages.source),
    kind: text.refine(isEvidenceKind, evidenceMessages.kind),
    seen: text
      .transform(cleanText)
      .refine((value) => value !== '', evidenceMessages.seen)
      .refine((value) => characters(value) <= recordLimits.seen, evidenceMessages.seenLength),
    child: text,
  })
  .transform((form): EvidenceInput => ({
    theme: form.theme,
    source: form.source,
    kind: form.kind,
    seen: form.seen,
    childId: form.child === '' || form.child === notAboutOneChild ? null : form.child,
  }));

/** The item as the form's fields hold them. */
export function evidenceValues(item: EvidenceItem | EvidenceInput): Record<string, string> {
  return {
    theme: item.theme ?? '',
    source: item.source ?? '',
    kind: item.kind ?? '',
    seen: item.seen,
    child: item.childId ?? notAboutOneChild,
  };
}

/** A new item's form: nothing chosen, not about one child. */
export const newEvidenceValues = (): Record<string, string> => ({
  theme: '',
  source: '',
  kind: '',
  seen: '',
  child: notAboutOneChild,
});

const caseNumberOf = (child: RecordChild) => `${child.caseSystem} ${child.caseNumber}`;

function shown(item: EvidenceItem | EvidenceInput, children: readonly RecordChild[]) {
  const child = children.find((c) => c.id === item.childId);
  return {
    theme: item.theme ? themeOf(item.theme).name : 'Not known',
    source: item.source ? evidenceSourceNames[item.source] : 'Not known',
    kind: item.kind ? evidenceKindNames[item.kind] : 'Not known',
    child: child ? caseNumberOf(child) : 'Not about one child',
    seen: item.seen,
  };
}

const labels = {
  theme: 'Theme',
  source: 'Where it came from',
  kind: 'Strength or area for development',
  child: 'Which child it is about',
  seen: 'What you saw, heard or read',
} as const;

/** The item for reading. */
export function evidenceSummaryRows(item: EvidenceItem, children: readonly RecordChild[]) {
  const words = shown(item, children);
  return (Object.keys(labels) as (keyof typeof labels)[]).map((field) => ({
    key: labels[field],
    value: words[field],
  }));
}

/** Each part as saved now beside what was entered, for the conflict page. */
export function evidenceConflictRows(
  saved: EvidenceItem,
  yours: EvidenceInput,
  children: readonly RecordChild[],
) {
  const [now, typed] = [shown(saved, children), shown(yours, children)];
  return (Object.keys(labels) as (keyof typeof labels)[]).map((field) => ({
    label: labels[field],
    saved: now[field],
    yours: typed[field],
    different: now[field] !== typed[field],
  }));
}

/** The radios' items, each checked when it is the value. */
export function evidenceItems(values: Record<string, unknown>, children: readonly RecordChild[]) {
  return {
    themes: themes.map((theme) => ({
      value: theme.key,
      text: theme.name,
      hint: { text: theme.question },
      checked: values.theme === theme.key,
    })),
    sources: evidenceSources.map((source) => ({
      value: source,
      text: evidenceSourceNames[source],
      checked: values.source === source,
    })),
    kinds: evidenceKinds.map((kind) => ({
      value: kind,
      text: evidenceKindNames[kind],
      checked: values.kind === kind,
    })),
    children:
      children.length === 0
        ? []
        : [
            ...children.map((child) => ({
              value: child.id,
              text: caseNumberOf(child),
              hint: { text: childKindNames[child.kind] },
              checked: values.child === child.id,
            })),
            { divider: 'or' },
            {
              value: notAboutOneChild,
              text: 'Not about one child',
              checked: values.child === notAboutOneChild || values.child === '',
            },
          ],
  };
}
