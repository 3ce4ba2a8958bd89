// The child-focus check (the guidance: "the focus of the exercise is on the child or young
// people"): a theme section should say what life is like for children, not only what processes
// happened. A heuristic on the words, sentence by sentence; a person decides.
import { trimmedSpan, type Finding } from './finding.js';

/** Words for children, young people and their families ("child's" and plurals included). */
const childWords = new RegExp(
  `\\b(?:${[
    'child(?:ren)?',
    'young\\s+(?:person|people)',
    'bab(?:y|ies)',
    'infants?',
    'toddlers?',
    'teenagers?',
    'adolescents?',
    'boys?',
    'girls?',
    'sons?',
    'daughters?',
    'siblings?',
    'brothers?',
    'sisters?',
    'famil(?:y|ies)',
    'parents?',
    'mums?',
    'dads?',
    'mothers?',
    'fathers?',
    'grandparents?',
    '(?:foster\\s+|kinship\\s+)?carers?',
    'care\\s+leavers?',
    'cyp',
  ].join('|')})(?:'s|’s|s'|’)?\\b`,
  'i',
);

/**
 * Words about children's lives and experience: what they said, wished, felt and lived, their
 * safety, relationships, school and health, and the difference the work made to them. Words for
 * processes ("visited", "seen", "plan", "assessment") are left out on purpose.
 */
const experienceWords = new RegExp(
  `\\b(?:${[
    'experienc(?:e|es|ed|ing)',
    'li(?:fe|ves|ving|ved)',
    'wish(?:es|ed)?',
    'feel(?:s|ing|ings)?',
    'felt',
    'voices?',
    'views?',
    'said',
    'says?',
    'told',
    'tells?',
    'want(?:s|ed)?',
    'hopes?',
    'dreams?',
    'likes?',
    'liked',
    'dislike[sd]?',
    'enjoy(?:s|ed)?',
    'happy',
    'happier',
    'unhappy',
    'safe',
    'safer',
    'safety',
    'unsafe',
    'settled',
    'unsettled',
    'worried',
    'worries',
    'scared',
    'frightened',
    'lonely',
    'confident',
    'proud',
    'friends?',
    'friendships?',
    'school',
    'education',
    'health',
    'healthy',
    'well-?being',
    'homes?',
    'relationships?',
    'routines?',
    'play(?:s|ed|ing)?',
    'hobb(?:y|ies)',
    'progress(?:ed)?',
    'outcomes?',
    'difference',
    'impact',
    'stab(?:le|ility)',
    'belonging',
    'identity',
    'understands?',
    'knows?',
    'own\\s+words',
    'direct\\s+work',
  ].join('|')})\\b`,
  'i',
);

/** "They", "their", ... carry a child from the sentence before ("Their wishes were recorded."). */
const pronouns = /\b(?:they|their|theirs|them|he|she|his|her|hers)\b/i;

/** Sentences, roughly: split after . ! ? or at a line break. Good enough for a word heuristic. */
const sentencesOf = (text: string) => text.split(/(?<=[.!?])\s+|\n+/);

/** Whether any sentence speaks of a child together with their experience. */
export function speaksOfChildrensExperience(text: string): boolean {
  let childBefore = false;
  for (const sentence of sentencesOf(text)) {
    const child = childWords.test(sentence);
    if (experienceWords.test(sentence) && (child || (childBefore && pronouns.test(sentence)))) {
      return true;
    }
    childBefore = child || (childBefore && pronouns.test(sentence));
  }
  return false;
}

/** The check on a theme section: flagged when it says nothing about children's experience. */
export function checkChildFocus(text: string): Finding[] {
  if (text.trim() === '' || speaksOfChildrensExperience(text)) return [];
  return [
    {
      category: 'child-focus',
      rule: 'no-child-experience',
      message:
        'This section does not say what life is like for the children: what they experienced, said, wished or felt.',
      ...trimmedSpan(text),
      suggestion:
        'Add what children told you or what their records show about their lives, for example whether they feel safe and what they want to happen.',
    },
  ];
}
