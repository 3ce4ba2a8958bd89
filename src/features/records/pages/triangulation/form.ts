// The key finding form: strength or area for development, what the Lead found, and the evidence it
// rests on. One zod schema, GOV.UK messages, and what the form and the conflict page show.
import { z } from 'zod';
import {
  evidenceKindNames,
  evidenceSourceNames,
  isEvidenceKind,
} from '../../../../core/record-themes.js';
import { characters, cleanText } from '../../../day/day-input.js';
import type { BoardEvidence, KeyFinding, KeyFindingInput } from '../../triangulation.service.js';
import { recordLimits } from '../../record-limits.js';

export const keyFindingMessages = {
  kind: 'Select whether this is a strength or an area for development',
  text: 'Enter the key finding',
  textLength: `The key finding must be ${recordLimits.keyFinding.toLocaleString('en-GB')} characters or fewer`,
};

/** A text field as a form sends it: a repeated field counts once, a missing one is blank. */
const text = z
  .preprocess((value) => (Array.isArray(value) ? (value[0] as unknown) : value), z.unknown())
  .transform((value) => (typeof value === 'string' ? value : ''));

/** Ticked checkboxes: none, one (a string) or several (an array). */
const ticked = z
  .preprocess(
    (value) => (Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value]),
    z.array(z.unknown()),
  )
  .transform((list) => list.filter((v): v is string => typeof v === 'string' && v !== ''));

export const keyFindingSchema = z
  .object({
    kind: text.refine(isEvidenceKind, keyFindingMessages.kind),
    text: text
      .transform(cleanText)
      .refine((value) => value !== '', keyFindingMessages.text)
      .refine(
        (value) => characters(value) <= recordLimits.keyFinding,
        keyFindingMessages.textLength,
      ),
    evidence: ticked,
  })
  .transform((form): KeyFindingInput => ({
    kind: form.kind === 'area' ? 'area' : 'strength',
    text: form.text,
    evidenceIds: form.evidence,
  }));

/** What the form shows typed: raw values as sent, or a saved finding. */
export interface KeyFindingValues {
  kind: string;
  text: string;
  evidence: string[];
}

export function typedValues(body: unknown): KeyFindingValues {
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const first = (value: unknown) =>
    typeof value === 'string' ? value : Array.isArray(value) ? String(value[0] ?? '') : '';
  const evidence = ticked.safeParse(raw.evidence);
  return {
    kind: first(raw.kind),
    text: first(raw.text),
    evidence: evidence.success ? evidence.data : [],
  };
}

export function savedValues(finding: KeyFinding | KeyFindingInput | null): KeyFindingValues {
  return {
    kind: finding?.kind ?? '',
    text: finding?.text ?? '',
    evidence: finding?.evidenceIds ?? [],
  };
}

/** "Supervision notes are reflective…" (at most 120 characters, one line). */
export function excerpt(seen: string, length = 120): string {
  const line = seen.replace(/\s+/g, ' ').trim();
  const letters = [...line];
  return letters.length <= length ? line : `${letters.slice(0, length).join('').trimEnd()}…`;
}

/** How an evidence item is named on the form and beside a key finding. */
export function evidenceLabel(item: BoardEvidence): string {
  return `${excerpt(item.seen)} (${item.member.name})`;
}

export function evidenceHint(item: BoardEvidence): string {
  const kind = evidenceKindNames[item.kind];
  const draft = item.fromDraft ? ', from a draft record' : '';
  return `${kind}: ${evidenceSourceNames[item.source].toLowerCase()}${draft}`;
}

/** The checkboxes: this theme's evidence, ticked as typed or saved. */
export function evidenceItems(evidence: readonly BoardEvidence[], values: KeyFindingValues) {
  return evidence.map((item) => ({
    value: item.id,
    text: evidenceLabel(item),
    hint: { text: evidenceHint(item) },
    checked: values.evidence.includes(item.id),
    label: { classes: 'app-break-words' },
  }));
}

/** The finding as saved now beside what was entered, for the conflict page. */
export function conflictRows(
  saved: KeyFinding,
  yours: KeyFindingInput,
  evidence: readonly BoardEvidence[],
) {
  const named = (ids: readonly string[]) => {
    const labels = ids.flatMap((id) => {
      const item = evidence.find((e) => e.id === id);
      return item ? [evidenceLabel(item)] : [];
    });
    return labels.length > 0 ? labels : ['None'];
  };
  return [
    {
      label: 'Strength or area for development',
      saved: [evidenceKindNames[saved.kind]],
      yours: [evidenceKindNames[yours.kind]],
    },
    { label: 'Key finding', saved: [saved.text], yours: [yours.text] },
    { label: 'Evidence', saved: named(saved.evidenceIds), yours: named(yours.evidenceIds) },
  ].map((row) => ({ ...row, different: row.saved.join('\n') !== row.yours.join('\n') }));
}
