// Passive voice hides who did what ("the meeting was convened"). retext-passive knows only
// irregular participles ("was given", "were seen"); this finds the regular ones ("was convened",
// "were not informed") and words both kinds the same way.
import { quote, type Finding } from './finding.js';

/** A word of a sentence and where it is in the text. */
export interface Word {
  value: string;
  start: number;
  end: number;
}

const beVerbs = new Set([
  'am',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
]);

/** Words that may stand between "was" and the participle: "was not informed", "were all told". */
const between = new Set([
  'not',
  'never',
  'also',
  'always',
  'often',
  'sometimes',
  'then',
  'only',
  'all',
  'both',
  'each',
  'still',
  'just',
  'already',
  'being',
  'been',
  'rarely',
  'seldom',
  'usually',
  'generally',
]);

/**
 * "-ed" words after "was" that describe rather than report an action ("she was worried", "the team
 * is based in"), and "-ed" words that are no participle at all ("need", "hundred").
 */
const notParticiples = new Set([
  'aged',
  'ashamed',
  'based',
  'beloved',
  'bored',
  'committed',
  'concerned',
  'confused',
  'crooked',
  'dedicated',
  'delighted',
  'detailed',
  'determined',
  'disappointed',
  'embarrassed',
  'excited',
  'experienced',
  'focused',
  'focussed',
  'frightened',
  'hatred',
  'hundred',
  'interested',
  'involved',
  'isolated',
  'jagged',
  'kindred',
  'learned',
  'married',
  'motivated',
  'naked',
  'organised',
  'organized',
  'outdated',
  'overwhelmed',
  'pleased',
  'qualified',
  'ragged',
  'relaxed',
  'rugged',
  'sacred',
  'satisfied',
  'scared',
  'settled',
  'skilled',
  'stressed',
  'supposed',
  'surprised',
  'talented',
  'tired',
  'unsettled',
  'valued',
  'wicked',
  'worried',
  'wretched',
]);

const normalise = (word: string) => word.toLowerCase().replace(/’/g, "'");

/** A regular past participle: ends in "-ed", and is not one of the describing words above. */
const isRegularParticiple = (word: string) =>
  /^[a-z][a-z-]*[a-z]ed$/.test(word) && !notParticiples.has(word);

/** The regular passives in one sentence: a form of "be", perhaps "not" or the like, then "-ed". */
export function regularPassives(words: readonly Word[]): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const verb = words[i] as Word;
    if (!beVerbs.has(normalise(verb.value))) continue;
    let j = i + 1;
    while (j < words.length && between.has(normalise((words[j] as Word).value))) j += 1;
    const participle = words[j];
    if (participle && isRegularParticiple(normalise(participle.value))) {
      found.push({ start: verb.start, end: participle.end });
      i = j;
    }
  }
  return found;
}

/** The finding for a passive phrase, `text.slice(start, end)`, such as "was convened". */
export function passiveFinding(text: string, start: number, end: number): Finding {
  return {
    category: 'passive',
    rule: 'passive-voice',
    message: `${quote(text.slice(start, end))} is passive: it does not say who did it.`,
    start,
    end,
    suggestion: 'Say who did it, for example “the team manager agreed the plan”.',
  };
}

/** For an irregular participle flagged on its own, the form of "be" just before it, if any. */
export function withBeVerbBefore(text: string, start: number): number {
  const before = /(?<![\p{L}'’])(?:am|is|are|was|were|be|been|being)\s+$/iu.exec(
    text.slice(Math.max(0, start - 40), start),
  );
  return before ? start - before[0].length : start;
}
