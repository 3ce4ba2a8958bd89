// The social-care jargon and abbreviation check: professional shorthand that children, families
// and colleagues from other services may not know, each with a plain alternative. The list below
// is the default; the QA coordinator will be able to edit the council's own copy.
import { quote, type Finding } from './finding.js';

export interface JargonEntry {
  /** The word, phrase or abbreviation as people write it, such as "LAC" or "placement". */
  term: string;
  /** What to write instead, in everyday words. */
  plain: string;
  /** Other spellings of the same thing, such as "S47" or "section 47" for "s47". */
  variants?: readonly string[];
}

/**
 * The default list, drawn from UK children's social care usage and from what children in care
 * have asked professionals to stop saying (such as "placement" for their home, "contact" for time
 * with their family). Abbreviations come first, then professional phrases.
 */
export const defaultJargon: readonly JargonEntry[] = [
  { term: 'LAC', plain: 'child in care (or use the child’s name)', variants: ['L.A.C.'] },
  { term: 'CLA', plain: 'children in care' },
  { term: 'CiC', plain: 'child in care', variants: ['CIC'] },
  { term: 'CIN', plain: 'child in need', variants: ['CiN'] },
  { term: 'CP', plain: 'child protection' },
  { term: 'CPP', plain: 'child protection plan' },
  {
    term: 's47',
    plain: 'child protection enquiry',
    variants: ['s.47', 'section 47'],
  },
  { term: 's17', plain: 'help for a child in need', variants: ['s.17', 'section 17'] },
  {
    term: 's20',
    plain: 'care that the parents have agreed to',
    variants: ['s.20', 'section 20'],
  },
  { term: 'ICPC', plain: 'first child protection conference' },
  { term: 'RCPC', plain: 'review child protection conference' },
  { term: 'PLO', plain: 'the formal steps taken with parents before going to court' },
  { term: 'TAF', plain: 'a meeting of the family and the people helping them' },
  {
    term: 'MASH',
    plain: 'the team that first hears worries about a child (Multi-Agency Safeguarding Hub)',
  },
  {
    term: 'IRO',
    plain: 'Independent Reviewing Officer (who checks the plan for a child in care)',
  },
  { term: 'ISRO', plain: 'Independent Safeguarding and Reviewing Officer' },
  { term: 'NFA', plain: 'no further action' },
  { term: 'CYP', plain: 'children and young people' },
  { term: 'SW', plain: 'social worker' },
  { term: 'TM', plain: 'team manager' },
  { term: 'ATM', plain: 'assistant team manager' },
  { term: 'HoS', plain: 'Head of Service', variants: ['HOS'] },
  { term: 'ASYE', plain: 'social worker in their first year after qualifying' },
  { term: 'NQSW', plain: 'newly qualified social worker' },
  { term: 'EHCP', plain: 'education, health and care plan' },
  { term: 'SEND', plain: 'special educational needs and disabilities', variants: ['SEN'] },
  { term: 'UASC', plain: 'children seeking asylum on their own' },
  { term: 'CSE', plain: 'child sexual exploitation' },
  { term: 'CCE', plain: 'child criminal exploitation' },
  { term: 'DA', plain: 'domestic abuse', variants: ['DV'] },
  { term: 'FGC', plain: 'family group conference (a meeting where the family makes a plan)' },
  { term: 'PEP', plain: 'personal education plan' },
  {
    term: 'LADO',
    plain: 'the council’s officer for worries about adults who work with children',
  },
  { term: 'SGO', plain: 'special guardianship order' },
  { term: 'ICO', plain: 'interim care order' },
  { term: 'EPO', plain: 'emergency protection order' },
  { term: 'CAMHS', plain: 'children’s mental health services' },
  { term: 'YOT', plain: 'youth justice team', variants: ['YOS', 'YJS'] },
  { term: 'EHA', plain: 'early help assessment' },
  { term: 'CSC', plain: 'children’s social care' },
  { term: 'MARAC', plain: 'meeting to plan safety for people at high risk of domestic abuse' },
  { term: 'C&F', plain: 'child and family assessment' },
  { term: 'RHI', plain: 'a talk with the child after they have been missing' },
  { term: 'CME', plain: 'children missing education' },
  { term: 'CWD', plain: 'disabled children' },
  { term: 'CSPR', plain: 'a review after a child was seriously harmed' },
  { term: 'DSL', plain: 'the school’s safeguarding lead' },
  {
    term: 'looked after child',
    plain: 'child in care',
    variants: ['looked after children'],
  },
  { term: 'placement', plain: 'home (for example, foster home)' },
  {
    term: 'contact session',
    plain: 'family time',
    variants: [
      'contact arrangements',
      'contact centre',
      'family contact',
      'sibling contact',
      'supervised contact',
    ],
  },
  { term: 'respite', plain: 'short breaks' },
  {
    term: 'absconded',
    plain: 'left without saying where they were going',
    variants: ['abscond', 'absconds', 'absconding'],
  },
  { term: 'sibling', plain: 'brother or sister' },
  {
    term: 'strategy discussion',
    plain: 'meeting to decide whether to start a child protection enquiry',
    variants: ['strategy meeting'],
  },
  { term: 'core group', plain: 'the family and workers who carry out the child protection plan' },
  {
    term: 'step down',
    plain: 'move to less intensive help',
    variants: ['stepped down', 'stepping down'],
  },
  { term: 'threshold', plain: 'the level of need or risk that a service is for' },
  { term: 'permanence', plain: 'a stable, lasting home', variants: ['permanency'] },
  { term: 'residential unit', plain: 'children’s home' },
  { term: 'challenging behaviour', plain: 'say what the child did, and what might be behind it' },
  { term: 'voice of the child', plain: 'what the child says, wants and feels' },
  { term: 'direct work', plain: 'time spent with the child, talking and doing activities' },
  { term: 'drift and delay', plain: 'delays in the child’s plan' },
  { term: 'chronology', plain: 'a timeline of important events', variants: ['chronologies'] },
  { term: 'contingency plan', plain: 'what will happen if the plan does not work' },
  { term: 'management oversight', plain: 'managers checking and guiding the work' },
  {
    term: 'escalate',
    plain: 'pass to a more senior person',
    variants: ['escalated', 'escalating', 'escalation'],
  },
];

/**
 * Abbreviations are written in capitals ("LAC", "CiN", "HoS"), so they are matched exactly: "mash"
 * and "sen" are ordinary words. Anything else ("s47", "placement") is matched in any case.
 */
export const isAbbreviation = (term: string): boolean =>
  !/\s/.test(term) && ((term.match(/\p{Lu}/gu) ?? []).length >= 2 || /\d/.test(term));
const matchCase = (spelling: string) => (spelling.match(/\p{Lu}/gu) ?? []).length >= 2;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for one spelling: spaces and hyphens match either, a plural "s" is allowed. */
function spellingPattern(spelling: string): RegExp {
  const words = spelling
    .trim()
    .split(/[\s-]+/)
    .map(escape)
    .join('[\\s\\-]+');
  const flags = matchCase(spelling) ? 'gu' : 'giu';
  return new RegExp(`(?<![\\p{L}\\p{N}_])${words}s?(?![\\p{L}\\p{N}_])`, flags);
}

interface Match {
  start: number;
  end: number;
  entry: JargonEntry;
}

/** Every jargon word or phrase in the text; where spellings overlap, the longest one counts. */
export function findJargon(text: string, jargon: readonly JargonEntry[]): Finding[] {
  const matches: Match[] = [];
  for (const entry of jargon) {
    for (const spelling of [entry.term, ...(entry.variants ?? [])]) {
      if (spelling.trim() === '') continue;
      for (const m of text.matchAll(spellingPattern(spelling))) {
        matches.push({ start: m.index, end: m.index + m[0].length, entry });
      }
    }
  }
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Match[] = [];
  for (const m of matches) {
    const last = kept.at(-1);
    if (!last || m.start >= last.end) kept.push(m);
  }
  return kept.map(({ start, end, entry }) => {
    const found = text.slice(start, end);
    const abbreviation = isAbbreviation(entry.term);
    return {
      category: 'jargon',
      rule: abbreviation ? 'jargon-abbreviation' : 'jargon-term',
      message: abbreviation
        ? `${quote(found)} is an abbreviation that children, families and other services may not know.`
        : `${quote(found)} is professional language; children and families may not use it or understand it.`,
      start,
      end,
      suggestion: entry.plain,
    };
  });
}
