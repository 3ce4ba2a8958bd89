// Names spelt nearly but not quite as the Spotlight spells them ("Lena Laed" for "Lena Lead",
// "Assesment Team South"): a finding for each, with the right spelling. A heuristic: words of four
// letters or more may differ by one or two letters in all (a swap counts as one); shorter words
// must match; a word that differs must start with a capital, as a name does, so that ordinary
// words ("will stands" against "Will Sands") are left alone.
import { quote } from '../../text-checks/finding.js';
import { at, type Located, type TextPart } from './parts.js';

interface Word {
  value: string;
  start: number;
  end: number;
}

const wordPattern = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;

/** The words of a text, a possessive "’s" left off: "Lena Laed’s team" has "Laed". */
function wordsOf(text: string): Word[] {
  return [...text.matchAll(wordPattern)].map((m) => {
    const value = m[0].replace(/['’]s?$/u, '');
    return { value, start: m.index, end: m.index + value.length };
  });
}

const comparable = (word: string) => word.toLocaleLowerCase('en-GB').replace(/’/g, "'");

/** Edit distance where swapping two neighbouring letters counts as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const cell = (i: number, j: number) => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(cell(i - 1, j) + 1, cell(i, j - 1) + 1, cell(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, cell(i - 2, j - 2) + 1);
      }
      (rows[i] as number[])[j] = best;
    }
  }
  return cell(a.length, b.length);
}

const maxDistance = 2;
const shortestComparedWord = 4;
const startsWithCapital = (word: string) => /^\p{Lu}/u.test(word);

/** How far the words are from the name's words; undefined when they are not a near miss. */
function distanceFrom(words: readonly Word[], name: readonly string[]): number | undefined {
  let total = 0;
  for (const [index, word] of words.entries()) {
    const wanted = comparable(name[index] ?? '');
    const found = comparable(word.value);
    if (found === wanted) continue;
    if (found.length < shortestComparedWord || wanted.length < shortestComparedWord)
      return undefined;
    if (!startsWithCapital(word.value)) return undefined;
    total += editDistance(found, wanted);
    if (total > maxDistance) return undefined;
  }
  return total;
}

interface Candidate {
  start: number;
  end: number;
  name: string;
  distance: number;
}

function nearMisses(text: string, names: readonly string[]): Candidate[] {
  const words = wordsOf(text);
  const spelt = names
    .map((name) => ({ name: name.trim(), words: wordsOf(name).map((w) => w.value) }))
    .filter((name) => name.words.length > 0);
  // Windows of words side by side, with only spaces between them: "Lena, Laed" is not a name.
  const windows = (size: number) =>
    words.flatMap((_, first) => {
      const window = words.slice(first, first + size);
      if (window.length < size) return [];
      const joined = window.every(
        (w, i) => i === 0 || /^\s+$/u.test(text.slice((window[i - 1] as Word).end, w.start)),
      );
      return joined ? [window] : [];
    });

  const exact: Candidate[] = [];
  const near: Candidate[] = [];
  for (const name of spelt) {
    for (const window of windows(name.words.length)) {
      const distance = distanceFrom(window, name.words);
      if (distance === undefined) continue;
      const found = {
        start: (window[0] as Word).start,
        end: (window.at(-1) as Word).end,
        name: name.name,
        distance,
      };
      (distance === 0 ? exact : near).push(found);
    }
  }
  const overlaps = (a: Candidate, b: Candidate) => a.start < b.end && b.start < a.end;
  const kept: Candidate[] = [];
  for (const candidate of near.sort((a, b) => a.start - b.start || a.distance - b.distance)) {
    // Somebody else's name spelt right ("Sam Naylor" beside "Sam Taylor") is not a misspelling.
    if (exact.some((e) => overlaps(e, candidate)) || kept.some((k) => overlaps(k, candidate))) {
      continue;
    }
    kept.push(candidate);
  }
  return kept;
}

export function nameChecks(parts: readonly TextPart[], names: readonly string[]): Located[] {
  if (names.length === 0) return [];
  return parts.flatMap((part) =>
    nearMisses(part.text, names).map(({ start, end, name }) => {
      const excerpt = part.text.slice(start, end);
      return {
        check: {
          category: 'presentation' as const,
          rule: 'name-spelling',
          place: part.place,
          part: part.part,
          excerpt,
          message: `${quote(excerpt)} looks like a misspelling of ${quote(name)}, as the Spotlight spells it.`,
          suggestion: name,
        },
        order: at(part, start),
      };
    }),
  );
}
