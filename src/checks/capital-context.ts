// Where capitals are normal: names (capitals side by side), short quoted titles, title-case headlines.
import { isDictionaryEntry, isKnownWord } from './dictionary.ts';
import { isCapitalised, nonEmptyLines, opensSentence, type Word, withoutPossessive } from './text.ts';

/** Ranges of short quotations ("“Just and Democratic World Order”"): titles and slogans keep their capitals. */
export function shortQuotes(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(/[“"„«»‘]([^”"“«»\n]{1,60})[”"“«»’]/gu)) {
    if (match[1] && match[1].split(/\s+/).length <= 8) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

// "Ministry of Defense", "Bank of England", "Alternative für Deutschland": capitals joined by a small word.
const nameConnectors = /^[ \t]+(?:of|for|of the|for the|on|de|del|du|and|für|von|van|der|di|da|la|le|zu)[ \t]+$/;
// "Saturday Temperatures", "March Figures": a day or month makes no name of the word after it.
const dayOrMonth =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** True for "Weather-Expert": a hyphenated pair of common words, which German capitalises and names do not join. */
export function isCommonHyphenPair(a: Word, b: Word, text: string): boolean {
  if (text.slice(a.end, b.start) !== '-') return false;
  const common = (w: Word) => isKnownWord(w.text.toLowerCase()) && !isDictionaryEntry(w.text);
  return common(a) && common(b);
}

/** Capitalised words that stand next to another capitalised word somewhere: parts of names ("Left Party"). */
export function namePartWords(text: string, list: readonly Word[]): Set<string> {
  const parts = new Set<string>();
  const add = (word: Word) => parts.add(withoutPossessive(word.text));
  for (let i = 1; i < list.length; i++) {
    const b = list[i] as Word;
    // The capitalised word before: the previous one, or the one before a connector ("Ministry of Defense").
    const previous = list[i - 1];
    const before = previous && isCapitalised(previous.text) ? previous : list[i - 2];
    if (!before || !isCapitalised(b.text) || !isCapitalised(before.text)) continue;
    const gap = text.slice(before.end, b.start);
    // "The Fans": a common word opening the sentence makes no name of what follows.
    if (opensSentence(text, before.start) && isKnownWord(before.text.toLowerCase())) continue;
    if (dayOrMonth.test(before.text) || isCommonHyphenPair(before, b, text)) continue;
    if (/^[ \t-]*$/.test(gap) || nameConnectors.test(gap)) {
      add(before);
      add(b);
    }
  }
  return parts;
}

/**
 * Headline and label lines in title case ("Storm Warning For Hesse"), or of three words at most: capitals are
 * normal there. A line in sentence case is read as prose, with or without its full stop.
 */
export function headlineRanges(text: string): Array<[number, number]> {
  return nonEmptyLines(text)
    .filter((line) => isHeadlineLine(line.text))
    .map((line) => [line.start, line.end]);
}

/** A line of three words or fewer, or in title case without sentence punctuation at its end. */
export function isHeadlineLine(line: string): boolean {
  const tokens = line.split(/\s+/);
  if (tokens.length <= 3) return true;
  if (/[.!?…:;][”"’)]*$/.test(line)) return false;
  const long = tokens.slice(1).filter((token) => /^\p{L}{4,}/u.test(token));
  const capitals = long.filter((token) => isCapitalised(token)).length;
  return capitals * 2 >= long.length;
}
