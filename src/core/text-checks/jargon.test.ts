import { describe, expect, it } from 'vitest';
import { defaultJargon, findJargon, type JargonEntry } from './jargon.js';

/** What a reader sees: each flagged stretch of text and the plain alternative offered. */
const flagged = (text: string, jargon: readonly JargonEntry[] = defaultJargon) =>
  findJargon(text, jargon).map((f) => [text.slice(f.start, f.end), f.suggestion]);

describe('the jargon and abbreviation check', () => {
  it('has a plain alternative for every entry of the default list, the issue’s among them', () => {
    expect(defaultJargon.length).toBeGreaterThanOrEqual(30);
    for (const entry of defaultJargon) expect(entry.plain.trim()).not.toBe('');
    const terms = defaultJargon.map((entry) => entry.term);
    for (const named of ['LAC', 'CIN', 'CP', 's47', 'ICPC', 'RCPC', 'PLO', 'TAF', 'MASH']) {
      expect(terms).toContain(named);
    }
    for (const named of ['IRO', 'NFA', 'CYP']) expect(terms).toContain(named);
    expect(new Set(terms.map((term) => term.toLowerCase())).size).toBe(terms.length);
  });

  it('flags abbreviations where they are, with the plain words to use', () => {
    const text =
      'The LAC review and the ICPC were held after the s47 enquiry; NFA for CYP in MASH.';
    expect(flagged(text)).toEqual([
      ['LAC', 'child in care (or use the child’s name)'],
      ['ICPC', 'first child protection conference'],
      ['s47', 'child protection enquiry'],
      ['NFA', 'no further action'],
      ['CYP', 'children and young people'],
      ['MASH', 'the team that first hears worries about a child (Multi-Agency Safeguarding Hub)'],
    ]);
    const [lac] = findJargon(text, defaultJargon);
    expect(lac).toMatchObject({ category: 'jargon', rule: 'jargon-abbreviation' });
    expect(lac?.message).toContain('“LAC”');
  });

  it('knows other spellings and plurals, and prefers the longest match', () => {
    expect(
      flagged('Two ICPCs, a Section 47 enquiry, an S47 and two IROs.').map(([f]) => f),
    ).toEqual(['ICPCs', 'Section 47', 'S47', 'IROs']);
    // "CPP" is its own abbreviation, not "CP" followed by a letter.
    expect(flagged('She has a CPP.')).toEqual([['CPP', 'child protection plan']]);
  });

  it('matches abbreviations in capitals only, so everyday words are left alone', () => {
    expect(flagged('We had mash for lunch, then a lac of ideas; the cp folder.')).toEqual([]);
    expect(flagged('Send the plan to the cin team.')).toEqual([]);
    expect(flagged('Send the plan to the CiN team.')).toEqual([['CiN', 'child in need']]);
  });

  it('flags professional phrases in any case, with hyphens or spaces', () => {
    const text =
      'Looked-after children told us their Placement felt like home; supervised contact is weekly.';
    expect(flagged(text)).toEqual([
      ['Looked-after children', 'child in care'],
      ['Placement', 'home (for example, foster home)'],
      ['supervised contact', 'family time'],
    ]);
    expect(findJargon(text, defaultJargon)[1]?.rule).toBe('jargon-term');
  });

  it('does not flag words that merely contain an abbreviation', () => {
    expect(flagged('Capacity, LACK of support, CPR training, IRON rules, the PLOT.')).toEqual([]);
    expect(flagged('contacts, contacted, placements?')).toEqual([
      ['placements', expect.any(String)],
    ]);
  });

  it('uses the council’s own list when given one', () => {
    const council: JargonEntry[] = [
      { term: 'FOO', plain: 'the family support team' },
      { term: 'front door', plain: 'the team that takes first calls', variants: ['front-door'] },
    ];
    expect(flagged('The front door sent it to FOO, not the LAC team.', council)).toEqual([
      ['front door', 'the team that takes first calls'],
      ['FOO', 'the family support team'],
    ]);
  });

  it('has no finding on plain text', () => {
    expect(flagged('The children we met told us they feel safe and listened to.')).toEqual([]);
  });
});
