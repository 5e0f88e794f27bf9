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
    // A neighbour shared by many spellings ("Russian ...") is a title or an adjective, not one person's other name.
    if (spellings.size < 2 || spellings.size > 12) continue;
    const all = [...spellings];
    for (const [k, a] of all.entries()) {
      for (const b of all.slice(k + 1)) {
        if (a.length >= 4 && oneLetterApart(a, b)) pairs.set([a, b].sort().join('|'), [a, b]);
      }
    }
  }
  if (pairs.size === 0) return [];
  const bySpelling = new Map<string, Word[]>();
  for (const word of candidates) bySpelling.set(word.text, [...(bySpelling.get(word.text) ?? []), word]);
  return [...pairs.values()].map(
    ([a, b]) =>
      new Map([
        [a, bySpelling.get(a) ?? []],
        [b, bySpelling.get(b) ?? []],
      ]),
  );
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

/** True for a capitalised word that is part of a name here: not a common word capitalised to open a sentence. */
function namePart(text: string, word: Word): boolean {
  return isCapitalised(word.text) && !(opensSentence(text, word.start) && isKnownWord(word.text.toLowerCase()));
}

/** For each word, whether it stands on a title-case headline line (one pass, words and lines both in order). */
function onHeadline(text: string, list: readonly Word[]): boolean[] {
  const headlines = headlineRanges(text);
  let h = 0;
  return list.map((word) => {
    while (h < headlines.length && (headlines[h]?.[1] ?? 0) <= word.start) h++;
    return h < headlines.length && (headlines[h]?.[0] ?? 0) <= word.start;
  });
}

/** Where the text writes one of its multi-word names with a small letter after the first ("Free voters"). */
export function casingVariants(text: string): CasingVariant[] {
  const list = words(text);
  const headline = onHeadline(text, list);
  const spaced = (i: number) => text.slice((list[i] as Word).end, (list[i + 1] as Word | undefined)?.start) === ' ';
  // The names: two or three capitalised words in a row, outside headlines ("Free Voters", "Social Democrats").
  const names = new Map<string, string>();
  for (let i = 0; i + 1 < list.length; i++) {
    if (headline[i] || !namePart(text, list[i] as Word) || !spaced(i) || !isCapitalised((list[i + 1] as Word).text))
      continue;
    const third = spaced(i + 1) && isCapitalised(list[i + 2]?.text ?? '') ? [list[i + 2] as Word] : [];
    for (const name of [
      [list[i] as Word, list[i + 1] as Word, ...third],
      [list[i] as Word, list[i + 1] as Word],
    ]) {
      const phrase = name.map((w) => w.text).join(' ');
      names.set(phrase.toLowerCase(), phrase);
    }
  }
  if (names.size === 0) return [];
  const found: CasingVariant[] = [];
  for (let i = 0; i + 1 < list.length; i++) {
    const first = list[i] as Word;
    if (!isCapitalised(first.text) || !spaced(i) || isCapitalised((list[i + 1] as Word).text)) continue;
    for (const length of [3, 2]) {
      const last = list[i + length - 1];
      if (!last || (length === 3 && (!spaced(i + 1) || isCapitalised(last.text)))) continue;
      const phrase = text.slice(first.start, last.end);
      const name = names.get(phrase.toLowerCase());
      if (!name || name === phrase) continue;
      found.push({ start: first.start, end: last.end, text: phrase, name });
      break;
    }
  }
  return found;
}
