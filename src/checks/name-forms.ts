// Name variants beyond transliteration: one letter apart beside the same name, ALL CAPS, and casing within a name.
import { headlineRanges } from './capital-context.ts';
import { isKnownWord } from './dictionary.ts';
import { isCapitalised, opensSentence, type Word, words } from './text.ts';

/** Spellings of one name and their occurrences, as `groupVariants` builds them. */
export type VariantGroup = Map<string, Word[]>;

/** True when `a` and `b` differ by one letter added, dropped or replaced ("Georg"/"George", "Birte"/"Birthe"). */
export function oneLetterApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Spellings one letter apart that stand beside the same name ("Georg Brandl", "George Brandl"): one name. Only
 * spellings that share a neighbour are compared, so the cost follows the text, not the square of its names.
 */
export function oneLetterGroups(text: string, candidates: readonly Word[]): VariantGroup[] {
  const list = words(text);
  const index = new Map(list.map((word, i) => [word.start, i]));
  const byNeighbour = new Map<string, Set<string>>();
  for (const word of candidates) {
    const i = index.get(word.start) ?? -1;
    for (const [side, other] of [
      ['<', list[i - 1]],
      ['>', list[i + 1]],
    ] as const) {
      if (
        !other ||
        !isCapitalised(other.text) ||
        !/^ $/.test(text.slice(Math.min(word.end, other.end), Math.max(word.start, other.start)))
      )
        continue;
      const key = `${side}${other.text}`;
      byNeighbour.set(key, (byNeighbour.get(key) ?? new Set()).add(word.text));
    }
  }
  const pairs = new Map<string, [string, string]>();
  for (const spellings of byNeighbour.values()) {
    const all = [...spellings];
    for (const [k, a] of all.entries()) {
      for (const b of all.slice(k + 1)) {
        if (a.length >= 4 && oneLetterApart(a, b)) pairs.set([a, b].sort().join('|'), [a, b]);
      }
    }
  }
  return [...pairs.values()].map(([a, b]) => {
    const group: VariantGroup = new Map();
    for (const word of candidates)
      if (word.text === a || word.text === b) group.set(word.text, [...(group.get(word.text) ?? []), word]);
    return group;
  });
}

/** A word in capitals ("KIEV", "KESSLER") that the text or the house style also writes in title case. */
export interface CapsVariant {
  word: Word;
  /** The title-case spelling ("Kiev"), to look up among the text's names. */
  title: string;
}

/** Words of four or more capitals outside all-caps lines; acronyms ("NATO") have no title-case twin and drop out later. */
export function capitalisedWords(text: string): CapsVariant[] {
  const found: CapsVariant[] = [];
  for (const word of words(text)) {
    if (word.text.length < 4 || word.text !== word.text.toUpperCase() || !/\p{Lu}/u.test(word.text)) continue;
    const lineStart = text.lastIndexOf('\n', word.start) + 1;
    const lineEnd = text.indexOf('\n', word.end);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    // A line in capitals is a heading; a word in capitals opening a line is a dateline ("VIENNA (AP) –").
    if (line === line.toUpperCase() || word.start === lineStart) continue;
    found.push({ word, title: word.text.charAt(0) + word.text.slice(1).toLowerCase() });
  }
  return found;
}

/** A multi-word name written once with a small letter inside ("Free voters" beside "Free Voters"). */
export interface CasingVariant {
  start: number;
  end: number;
  text: string;
  name: string;
}

const namePhrase = /\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,2}/gu;

/** The multi-word names of `text` in title case, outside title-case headlines, by their lowercase form. */
function titleCaseNames(text: string): Map<string, string> {
  const headlines = headlineRanges(text);
  const names = new Map<string, string>();
  for (const match of text.matchAll(namePhrase)) {
    if (headlines.some(([s, e]) => match.index >= s && match.index < e)) continue;
    // "The Free Voters": the opener goes; the name is what follows it.
    const parts = match[0].split(' ');
    const first = parts[0] ?? '';
    const name = opensSentence(text, match.index) && isKnownWord(first.toLowerCase()) ? parts.slice(1) : parts;
    if (name.length >= 2) names.set(name.join(' ').toLowerCase(), name.join(' '));
  }
  return names;
}

/** Where the text writes one of its multi-word names with a small letter after the first ("Free voters"). */
export function casingVariants(text: string): CasingVariant[] {
  if (!/\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+/u.test(text)) return [];
  const names = titleCaseNames(text);
  const found: CasingVariant[] = [];
  for (const match of text.matchAll(/\p{Lu}\p{Ll}+(?: \p{Ll}+){1,2}/gu)) {
    for (const length of [3, 2]) {
      const phrase = match[0].split(' ').slice(0, length).join(' ');
      const name = names.get(phrase.toLowerCase());
      if (!name || name === phrase) continue;
      found.push({ start: match.index, end: match.index + phrase.length, text: phrase, name });
      break;
    }
  }
  return found;
}
