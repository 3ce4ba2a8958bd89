// The plain-language checks that work on sentences: readability, long sentences, passive voice
// and complex words. retext does the reading; its messages become our findings, in our words.
import { retext } from 'retext';
import retextEnglish from 'retext-english';
import retextPassive from 'retext-passive';
import retextReadability from 'retext-readability';
import retextSimplify from 'retext-simplify';
import { quote, type Finding } from './finding.js';
import { passiveFinding, regularPassives, withBeVerbBefore, type Word } from './passive.js';

/**
 * The reading age a sentence should suit, for text "understood by everyone". The formulas score
 * high (plain sentences such as "Children said they liked their social worker and wanted to keep
 * seeing her" score 12 on several of them), so the settings were chosen on example sentences:
 * reading age 13, flagged when 5 of retext-readability's 7 formulas agree, and only sentences of
 * 7 words or more (in shorter ones a single long word decides). Every hard sentence in our examples
 * is flagged and nearly all the plain ones pass.
 */
export const readingAge = 13;
const readability = { age: readingAge, threshold: 5 / 7, minWords: 7 };
/** GOV.UK's advice: sentences of 25 words or fewer. */
export const longestSentence = 25;

/**
 * retext-simplify phrases not flagged: "it is", "there is" and "there are" (only "omit it",
 * and they begin plain sentences), "type", "function", "option", "overall" (the report's overall
 * judgement), and words the guidance itself uses for the programme's steps ("allocate",
 * "authorise", "submit", "observe", "monitor").
 */
const simplifyIgnored = [
  'it is',
  'there is',
  'there are',
  'type',
  'function',
  'option',
  'overall',
  'allocate',
  'authorise',
  'authorize',
  'submit',
  'observe',
  'monitor',
];

/**
 * retext-passive participles not flagged: after "was" these describe a state ("was born", "is
 * gone", "was upset") rather than hide who acted.
 */
const passiveIgnored = ['born', 'gone', 'upset', 'become', 'come', 'been', 'fit'];

const processor = retext()
  .use(retextEnglish)
  .use(retextReadability, readability)
  .use(retextSimplify, { ignore: simplifyIgnored })
  .use(retextPassive, { ignore: passiveIgnored })
  .freeze();

/** Just enough of the nlcst tree to walk it: every node has a type and a position. */
interface TextNode {
  type: string;
  value?: string;
  children?: TextNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const offsets = (node: TextNode) => ({
  start: node.position?.start.offset ?? 0,
  end: node.position?.end.offset ?? 0,
});

const textOf = (node: TextNode): string => node.value ?? (node.children ?? []).map(textOf).join('');

/** Every sentence in the tree, with its words. */
function sentences(tree: TextNode): { start: number; end: number; words: Word[] }[] {
  const found: { start: number; end: number; words: Word[] }[] = [];
  const visit = (node: TextNode) => {
    if (node.type === 'SentenceNode') {
      const words = (node.children ?? [])
        .filter((child) => child.type === 'WordNode')
        .map((word) => ({ value: textOf(word), ...offsets(word) }));
      found.push({ ...offsets(node), words });
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return found;
}

interface Place {
  start: number;
  end: number;
}

/** Where a retext message points, as character offsets; undefined if it does not say. */
function placeOf(place: unknown): Place | undefined {
  if (typeof place !== 'object' || place === null || !('start' in place) || !('end' in place))
    return undefined;
  const { start, end } = place as { start: { offset?: number }; end: { offset?: number } };
  return start.offset === undefined || end.offset === undefined
    ? undefined
    : { start: start.offset, end: end.offset };
}

const listOf = (words: readonly string[]) =>
  words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join('”, “')}” or “${words.at(-1) ?? ''}`;

/** Readability, long sentences, passive voice and complex words in the text. */
export function checkLanguage(text: string): Finding[] {
  if (text.trim() === '') return [];
  const findings: Finding[] = [];
  const long = new Set<number>();
  const passives = new Set<string>();

  for (const sentence of sentences(processor.parse(text))) {
    if (sentence.words.length > longestSentence) {
      long.add(sentence.start);
      findings.push({
        category: 'readability',
        rule: 'long-sentence',
        message: `This sentence has ${sentence.words.length} words. Sentences of ${longestSentence} words or fewer are easier to read.`,
        start: sentence.start,
        end: sentence.end,
        suggestion: 'Split it into shorter sentences.',
      });
    }
    for (const { start, end } of regularPassives(sentence.words)) {
      passives.add(`${start}:${end}`);
      findings.push(passiveFinding(text, start, end));
    }
  }

  for (const message of processor.processSync(text).messages) {
    const place = placeOf(message.place);
    if (!place) continue;
    if (message.source === 'retext-readability') {
      // A long sentence is already flagged, with clearer advice.
      if (long.has(place.start)) continue;
      findings.push({
        category: 'readability',
        rule: 'hard-to-read',
        message: `This sentence is hard to read: most readability measures say it needs a reading age above ${readingAge}.`,
        ...place,
        suggestion: 'Use shorter sentences and everyday words.',
      });
    } else if (message.source === 'retext-passive') {
      const start = withBeVerbBefore(text, place.start);
      if (!passives.has(`${start}:${place.end}`))
        findings.push(passiveFinding(text, start, place.end));
    } else if (message.source === 'retext-simplify') {
      const simpler = (message.expected ?? []).filter((word) => word !== '');
      const found = text.slice(place.start, place.end);
      findings.push({
        category: 'complex-word',
        rule: simpler.length > 0 ? 'simpler-word' : 'needless-word',
        message:
          simpler.length > 0
            ? `${quote(found)} has a simpler alternative that everyone will understand.`
            : `${quote(found)} usually adds nothing: the sentence is clearer without it.`,
        ...place,
        suggestion:
          simpler.length === 0
            ? 'Leave it out.'
            : `${message.reason.includes('remove it') ? 'Leave it out, or use' : 'Use'} “${listOf(simpler)}”.`,
      });
    }
  }
  return findings;
}
