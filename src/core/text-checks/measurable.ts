// The measurable-recommendation check (the guidance: "recommendations within the report are
// clear and measurable"): each recommendation should say who will do it, by when, and how anyone
// will know it has worked. Heuristics on the words, documented below; a person decides.
import { quote, trimmedSpan, type Finding } from './finding.js';

/**
 * Verbs that sound like action but promise nothing that can be checked. Each is a pattern for its
 * forms ("improve", "improves", "improved", "improving"); nouns such as "improvement" are left
 * alone, since "Requires improvement to be good" is a grade.
 */
const vagueVerbs = [
  'improv(?:e|es|ed|ing)',
  'ensur(?:e|es|ed|ing)',
  'continu(?:e|es|ed|ing)',
  'consider(?:s|ed|ing)?',
  'strengthen(?:s|ed|ing)?',
  'enhanc(?:e|es|ed|ing)',
  'develop(?:s|ed|ing)?',
  'embed(?:s|ded|ding)?',
  'promot(?:e|es|ed|ing)',
  'encourag(?:e|es|ed|ing)',
  'maintain(?:s|ed|ing)?',
  'explor(?:e|es|ed|ing)',
  'support(?:s|ed|ing)?',
  'monitor(?:s|ed|ing)?',
  'prioriti[sz](?:e|es|ed|ing)',
  'raise awareness',
  '(?:look|looks|looked|looking) (?:at|into)',
  '(?:reflect|reflects|reflected|reflecting) on',
  '(?:work|works|worked|working) towards?',
  '(?:focus|focuses|focused|focusing|focussed|focussing) on',
  '(?:build|builds|built|building) on',
];
const vagueVerb = new RegExp(`(?<![\\p{L}\\-])(?:${vagueVerbs.join('|')})(?![\\p{L}\\-])`, 'giu');

const fullMonth =
  'january|february|march|april|june|july|august|september|october|november|december';
const shortMonth = 'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const numberWords =
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred';
const period = '(?:working\\s+)?(?:days?|weeks?|fortnights?|months?|years?|terms?)';

/**
 * A date or timescale: "31 March 2027", "31/03/2027", "2027-03-31", "by March", "in May 2027",
 * "by the end of the year", "within six weeks", "Q2 2027", "by the next Spotlight". "May" counts
 * only after "by", "in", "until", ... or before a year, since it is also an everyday word; short
 * month names ("Jan") only with a day or a year, since "Jan" is also a name.
 */
const datePatterns = [
  /\b\d{4}-\d{2}-\d{2}\b/g,
  /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g,
  new RegExp(`\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:${fullMonth})\\b(?:\\s+\\d{4})?`, 'gi'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${shortMonth}|may)\\b\\.?(?:\\s+\\d{4})?`, 'gi'),
  new RegExp(`\\b(?:${shortMonth}|may)\\.?\\s+\\d{4}\\b`, 'gi'),
  /\b(?:by|before|until|till|in|from|during|end\s+of)\s+(?:the\s+end\s+of\s+)?may\b/gi,
  /\b(?:by|before|until|within|in|from|during)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:next\s+|this\s+|current\s+)?(?:financial\s+)?(?:week|month|quarter|year|term|spring|summer|autumn|winter)\b/gi,
  /\b(?:spring|summer|autumn|winter)\s+(?:term\s+)?\d{4}\b/gi,
  new RegExp(`\\bwithin\\s+(?:\\d+|one|a|${numberWords}|the\\s+next)\\s+${period}`, 'gi'),
  /\bq[1-4]\b(?:\s+\d{4}(?:\/\d{2,4})?)?/gi,
  /\b(?:19|20)\d{2}(?:\/\d{2,4})?\b/g,
  /\b(?:by|before)\s+the\s+next\s+(?:spotlight|review|audit|inspection|team\s+meeting)\b/gi,
];

/**
 * A measure: a number or a percentage (not one that is part of a date, nor the 47 of "s47"), a
 * number in words ("one" is left out: "no one" is not a measure), how often ("monthly", "every
 * week", "twice a month"), or a stated target or baseline. "From 60% to 90%" is a measure
 * because of its numbers.
 */
const measurePatterns = [
  /(?<![\p{L}\p{N}_])\d+(?:[.,]\d+)?(?![\p{L}\p{N}_])/u,
  new RegExp(`\\b(?:${numberWords}|half|twice|double|treble)\\b`, 'i'),
  /\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly)\b/i,
  /\b(?:every|each)\s+(?:day|week|fortnight|month|quarter|term|year)\b/i,
  /\b(?:times|once)\s+(?:a|per)\s+(?:day|week|fortnight|month|quarter|year)\b/i,
  /\b(?:target|targets|baseline|measured\s+by|measured\s+through|measured\s+using)\b/i,
];

/**
 * Who owns it: an explicit "Owner:" or "led by", or a role or a two-word name followed by "will",
 * "should", "must", "is to" and the like ("The Team Manager will audit ...", "Priya Shah will
 * ..."). "<role> to ..." counts only at the start of a clause ("Team Manager to audit ..."), so
 * that "from the team to families" does not.
 */
const roleWords =
  '(?:managers?|directors?|workers?|practitioners?|supervisors?|leads?|chairs?|officers?|co-?ordinators?|advis[eo]rs?|team|teams|service|staff|IROs?|ISROs?|heads?\\s+of\\s+service|panel|board|partnership|business\\s+support)';
const roleModifiers =
  '(?:(?:assistant|deputy|senior|principal|advanced|consultant|social|family|support|practice|service|team|quality|assurance|QA|independent|reviewing|safeguarding|learning|development|workforce|spotlight|child|protection|conference|performance|data|the|each|all|every|our|and)\\s+){0,5}';
/** What may follow a role's name: "Head of Service QA and Safeguarding". */
const roleQualifiers =
  "(?:\\s+(?:QA|quality|assurance|and|safeguarding|children['’]s|social|care|services?|for\\s+\\p{L}+)){0,4}";
const role = `${roleModifiers}${roleWords}${roleQualifiers}`;
const name = "\\p{Lu}[\\p{Ll}'’-]+\\s+\\p{Lu}[\\p{Ll}'’-]+";
const bracketed = '(?:\\s*\\([^)]{1,80}\\))?';
const commits =
  '(?:will|shall|should|must|(?:is|are)\\s+to|needs?\\s+to|(?:has|have)\\s+agreed\\s+to|agreed\\s+to|(?:is|are)\\s+responsible|owns?|leads?)\\b';
const clauseStart = '(?:^|[.;:,(–—]\\s*|\\band\\s+)\\s*';
const ownerPatterns = [
  /\b(?:owner|lead|responsible|accountable|action\s+by|who)\s*[:–—-]\s*\S/i,
  /\b(?:owned|led)\s+by\b/i,
  new RegExp(`(?<![\\p{L}])${role}${bracketed}\\s+${commits}`, 'iu'),
  new RegExp(`${clauseStart}${role}${bracketed}\\s+to\\s+\\p{L}`, 'iu'),
  // Names are matched case-sensitively: with the "i" flag \p{Lu} would match any letter.
  new RegExp(`(?<![\\p{L}])${name}${bracketed}\\s+(?:${commits})`, 'u'),
  new RegExp(`${clauseStart}${name}${bracketed}\\s+to\\s+\\p{Ll}`, 'u'),
];

/** The text with every date blanked out, so that "31 March 2027" is not taken for a measure. */
function withoutDates(text: string): { blanked: string; hasDate: boolean } {
  let blanked = text;
  let hasDate = false;
  for (const pattern of datePatterns) {
    blanked = blanked.replace(pattern, (found) => {
      hasDate = true;
      return ' '.repeat(found.length);
    });
  }
  return { blanked, hasDate };
}

/** The checks on one recommendation: owner, date, measure, and vague verbs with nothing to check. */
export function checkRecommendation(text: string): Finding[] {
  if (text.trim() === '') return [];
  const { blanked, hasDate } = withoutDates(text);
  const hasMeasure = measurePatterns.some((p) => p.test(blanked));
  const hasOwner = ownerPatterns.some((p) => p.test(text));
  const whole = trimmedSpan(text);
  const findings: Finding[] = [];

  // A vague verb is only a problem when nothing in the recommendation can be checked.
  const vague = hasMeasure || hasDate ? [] : [...text.matchAll(vagueVerb)];
  for (const m of vague) {
    findings.push({
      category: 'measurable',
      rule: 'vague-verb',
      message: `${quote(m[0])} does not say what will be different, so no one can tell whether it has happened.`,
      start: m.index,
      end: m.index + m[0].length,
      suggestion:
        'Say what will change and how it will be measured, for example “from 60% to 90% of children’s plans written with the child by June 2027”.',
    });
  }
  if (!hasOwner) {
    findings.push({
      category: 'measurable',
      rule: 'no-owner',
      message: 'This recommendation does not say who will do it.',
      ...whole,
      suggestion: 'Name the person or role responsible, for example “The Team Manager will …”.',
    });
  }
  if (!hasDate) {
    findings.push({
      category: 'measurable',
      rule: 'no-date',
      message: 'This recommendation does not say when it will be done by.',
      ...whole,
      suggestion: 'Add a date, for example “by 31 March 2027”.',
    });
  }
  // When a vague verb was flagged it already says that a measure is missing.
  if (!hasMeasure && vague.length === 0) {
    findings.push({
      category: 'measurable',
      rule: 'no-measure',
      message: 'This recommendation does not say how anyone will know it has worked.',
      ...whole,
      suggestion:
        'Add a measure, with where things are now and the target, for example “from 60% to 90%”.',
    });
  }
  return findings;
}
