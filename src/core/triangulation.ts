// Triangulation: where the sources of evidence for a theme agree or conflict, in plain English, and
// what the children reviewed experience in short. Pure logic: the board page and the report use it.
import {
  evidenceSources,
  type EvidenceKind,
  type EvidenceSource,
  type GoodEnoughAnswer,
  type ProportionateAnswer,
} from './record-themes.js';

/** One piece of evidence, as far as triangulation cares: where it came from and which way it points. */
export interface Observation {
  source: EvidenceSource;
  kind: EvidenceKind;
}

export interface SourceTally {
  source: EvidenceSource;
  strengths: number;
  areas: number;
}

/** One kind of evidence seen in two or more sources, none of which shows the other kind. */
export interface Agreement {
  kind: EvidenceKind;
  sources: EvidenceSource[];
}

export type Disagreement =
  /** Some sources show areas for development while other sources describe strengths. */
  | { type: 'between'; areas: EvidenceSource[]; strengths: EvidenceSource[] }
  /** One source shows both strengths and areas for development. */
  | { type: 'within'; source: EvidenceSource };

export interface Triangulation {
  /** Each source with evidence, in the order of the guidance's types of evidence. */
  sources: SourceTally[];
  agreements: Agreement[];
  conflicts: Disagreement[];
  /** All the evidence comes from this one source: nothing to check it against yet. */
  onlySource: EvidenceSource | null;
  /** The same, as sentences for the page (no full stops: the page adds them). */
  sentences: string[];
}

/** How a source reads inside a sentence, and whether it takes "show" or "shows". */
export const sourcePhrases: Record<EvidenceSource, { text: string; plural: boolean }> = {
  'case-record': { text: 'case records', plural: true },
  conversation: { text: 'conversations with staff', plural: true },
  observation: { text: 'observation of practice', plural: false },
  'performance-data': { text: 'performance data', plural: false },
  document: { text: 'documents', plural: true },
  'complaint-compliment-review': {
    text: 'complaints, compliments and practice reviews',
    plural: true,
  },
  'team-environment': { text: 'the team environment', plural: false },
};

/** "a", "a and b", "a, b and c" */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function phraseOf(sources: readonly EvidenceSource[]): { text: string; plural: boolean } {
  const [first] = sources;
  if (sources.length === 1 && first) return sourcePhrases[first];
  return { text: listOf(sources.map((s) => sourcePhrases[s].text)), plural: true };
}

/** Counts strengths and areas for development per source, in the guidance's order of sources. */
export function tallySources(evidence: readonly Observation[]): SourceTally[] {
  return evidenceSources
    .map((source) => {
      const here = evidence.filter((e) => e.source === source);
      return {
        source,
        strengths: here.filter((e) => e.kind === 'strength').length,
        areas: here.filter((e) => e.kind === 'area').length,
      };
    })
    .filter((tally) => tally.strengths + tally.areas > 0);
}

/**
 * Where the sources agree or conflict. Agreement: one kind seen in two or more sources, with none
 * of the other kind in those sources. Conflict: a source that shows only one kind against another
 * source that shows the other kind; or a source that shows both kinds.
 */
export function triangulate(evidence: readonly Observation[]): Triangulation {
  const sources = tallySources(evidence);
  const strengthOnly = sources.filter((s) => s.areas === 0).map((s) => s.source);
  const areaOnly = sources.filter((s) => s.strengths === 0).map((s) => s.source);
  const mixed = sources.filter((s) => s.strengths > 0 && s.areas > 0).map((s) => s.source);

  const agreements: Agreement[] = [];
  if (strengthOnly.length >= 2) agreements.push({ kind: 'strength', sources: strengthOnly });
  if (areaOnly.length >= 2) agreements.push({ kind: 'area', sources: areaOnly });

  // Against a one-sided source, a mixed source counts for the other side only when no source is
  // one-sided that way: "case records show areas, but conversations describe strengths" is clearer
  // than naming the same source on both sides (a mixed source has a sentence of its own).
  const conflicts: Disagreement[] = [];
  const areasSide = areaOnly.length > 0 ? areaOnly : mixed;
  const strengthsSide = strengthOnly.length > 0 ? strengthOnly : mixed;
  if (
    areaOnly.length + strengthOnly.length > 0 &&
    areasSide.length > 0 &&
    strengthsSide.length > 0
  ) {
    conflicts.push({ type: 'between', areas: areasSide, strengths: strengthsSide });
  }
  for (const source of mixed) conflicts.push({ type: 'within', source });

  const [single] = sources;
  const onlySource = sources.length === 1 && single ? single.source : null;
  return {
    sources,
    agreements,
    conflicts,
    onlySource,
    sentences: sentencesOf({ sources, agreements, conflicts, onlySource }),
  };
}

function sentencesOf(found: Omit<Triangulation, 'sentences'>): string[] {
  if (found.sources.length === 0) return ['No evidence has been recorded for this theme yet'];
  const sentences: string[] = [];
  for (const agreement of found.agreements) {
    const what = agreement.kind === 'strength' ? 'Strengths' : 'Areas for development';
    sentences.push(`${what} were seen in ${phraseOf(agreement.sources).text}`);
  }
  for (const conflict of found.conflicts) {
    if (conflict.type === 'between') {
      const areas = phraseOf(conflict.areas);
      const strengths = phraseOf(conflict.strengths);
      sentences.push(
        `${capitalise(areas.text)} ${areas.plural ? 'show' : 'shows'} areas for development, ` +
          `but ${strengths.text} ${strengths.plural ? 'describe' : 'describes'} strengths: talk this through`,
      );
    } else {
      const source = sourcePhrases[conflict.source];
      sentences.push(
        `${capitalise(source.text)} ${source.plural ? 'show' : 'shows'} both strengths and areas for development: talk this through`,
      );
    }
  }
  const [tally] = found.sources;
  if (found.onlySource && tally) {
    const where = sourcePhrases[found.onlySource].text;
    const seen =
      tally.areas === 0
        ? `Strengths were seen only in ${where}`
        : tally.strengths === 0
          ? `Areas for development were seen only in ${where}`
          : `All the evidence comes from ${where}`;
    sentences.push(`${seen} so far: look for another source to check it against`);
  }
  return sentences;
}

/** What the children reviewed experience, in two short lines for the board. */
export interface ChildrenSummary {
  children: number;
  proportionate: Record<ProportionateAnswer, number>;
  goodEnough: Record<GoodEnoughAnswer, number>;
  /** "Help about right for 5 children, too little for 1" */
  proportionateText: string;
  /** "Good enough for my own family: 5 yes, 1 no" */
  goodEnoughText: string;
}

const proportionateWords: [ProportionateAnswer, string][] = [
  ['about-right', 'about right'],
  ['too-much', 'too much'],
  ['too-little', 'too little'],
];

const childrenOf = (n: number) => (n === 1 ? '1 child' : `${n} children`);

export function summariseChildren(
  children: readonly {
    proportionate: ProportionateAnswer | null;
    goodEnough: GoodEnoughAnswer | null;
  }[],
): ChildrenSummary {
  const proportionate: Record<ProportionateAnswer, number> = {
    'about-right': 0,
    'too-much': 0,
    'too-little': 0,
  };
  const goodEnough: Record<GoodEnoughAnswer, number> = { yes: 0, no: 0 };
  for (const child of children) {
    if (child.proportionate) proportionate[child.proportionate] += 1;
    if (child.goodEnough) goodEnough[child.goodEnough] += 1;
  }
  const answered = proportionateWords.filter(([answer]) => proportionate[answer] > 0);
  const notProportionate =
    children.length - answered.reduce((n, [answer]) => n + proportionate[answer], 0);
  const notYet = (n: number) => (n > 0 ? ` (not answered yet for ${childrenOf(n)})` : '');

  let proportionateText: string;
  if (children.length === 0) proportionateText = 'No children reviewed yet';
  else if (answered.length === 0)
    proportionateText = `Whether the help is proportionate: not answered yet for ${childrenOf(children.length)}`;
  else
    proportionateText =
      'Help ' +
      answered
        .map(([answer, words], i) => {
          const n = proportionate[answer];
          return `${words} for ${i === 0 ? childrenOf(n) : String(n)}`;
        })
        .join(', ') +
      notYet(notProportionate);

  const notGoodEnough = children.length - goodEnough.yes - goodEnough.no;
  let goodEnoughText: string;
  if (children.length === 0)
    goodEnoughText = 'Good enough for my own family: no children reviewed yet';
  else if (notGoodEnough === children.length)
    goodEnoughText = `Good enough for my own family: not answered yet for ${childrenOf(children.length)}`;
  else
    goodEnoughText =
      `Good enough for my own family: ${goodEnough.yes} yes, ${goodEnough.no} no` +
      notYet(notGoodEnough);

  return {
    children: children.length,
    proportionate,
    goodEnough,
    proportionateText,
    goodEnoughText,
  };
}
