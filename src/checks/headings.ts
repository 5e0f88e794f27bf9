// Heading checks: a headline or kicker printed twice, and a drop cap printed before its word ("TThe minister").
import { isKnownWord } from './dictionary.ts';
import { finding, type Line, lineDeletionSpan, nonEmptyLines } from './text.ts';
import type { Check, Finding } from './types.ts';

const category = 'design/page-furniture';

/** How many opening lines count as the page header, where a headline can come back after the byline. */
const headerLines = 12;

const normalised = (line: Line) => line.text.replace(/\s+/g, ' ');
const wordCount = (value: string) => value.split(/\s+/).length;

/** A line that repeats an earlier header line, or any line that repeats the line before it: its second copy. */
function repeatedLines(text: string): Array<[number, number]> {
  const lines = nonEmptyLines(text);
  const spans: Array<[number, number]> = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const key = normalised(line);
    const previous = lines[line.index - 1];
    const again = (previous && normalised(previous) === key) || (line.index < headerLines && seen.has(key));
    if (again && wordCount(key) <= 30) spans.push(lineDeletionSpan(text, lines, line.index));
    if (line.index < headerLines) seen.add(key);
  }
  return spans;
}

// "Heading Heading" on one line: a phrase of three or more words printed twice in a row.
const doubledPhrase = /^(.{12,}?) \1$/u;

/** A line holding one phrase twice ("Trial in Münster: ... Trial in Münster: ..."): its second copy. */
function doubledInLine(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const line of nonEmptyLines(text)) {
    const match = doubledPhrase.exec(line.text);
    if (!match?.[1] || wordCount(match[1]) < 3) continue;
    spans.push([line.start + match[1].length, line.end]);
  }
  return spans;
}

/** A headline, kicker or caption printed twice, on two lines or twice on one: the second copy goes. */
export const repeatedHeading: Check = {
  id: 'repeated-heading',
  name: 'Repeated heading',
  description: 'A headline or kicker printed twice by the page, on two lines or twice on one line.',
  family: 'furniture',
  category,
  run(text) {
    return [...repeatedLines(text), ...doubledInLine(text)]
      .sort((a, b) => a[0] - b[0])
      .map(([start, end]) =>
        finding(
          text,
          { check: 'repeated-heading', start, end, suggestion: '', category, confidence: 0.9 },
          'major',
          'This heading is printed twice (page layout): delete the second copy.',
        ),
      );
  },
};

// A capital glued before a capitalised word at a line's start, or after its dateline ("Berlin – TThe").
const dropCapPattern = /(?<=^|^[\p{Lu}][\p{L}./ -]{0,40} [–—-] )(\p{Lu})(\p{Lu}\p{Ll}+)/gmu;

/** True when dropping the first letter leaves a word: the same letter doubled, or a known word after it. */
function isDropCap(first: string, rest: string): boolean {
  if (first === rest[0]) return true;
  return isKnownWord(rest) || isKnownWord(rest.toLowerCase());
}

/** A drop cap the page printed apart, left before its word ("TThe", "LLast", "EOne"): delete the extra letter. */
export const dropCap: Check = {
  id: 'drop-cap',
  name: 'Doubled drop cap',
  description: 'The big first letter of a paragraph left before its word ("TThe minister", "AAccording to").',
  family: 'furniture',
  category: 'linguistic/spelling',
  run(text) {
    const found: Finding[] = [];
    for (const match of text.matchAll(dropCapPattern)) {
      const [word, first = '', rest = ''] = match;
      if (!isDropCap(first, rest) || isKnownWord(word)) continue;
      const fields = {
        check: 'drop-cap',
        start: match.index,
        end: match.index + word.length,
        suggestion: rest,
        category: 'linguistic/spelling',
        confidence: first === rest[0] ? 0.95 : 0.8,
      };
      found.push(finding(text, fields, 'minor', `"${word}" carries the drop cap twice: "${rest}".`));
    }
    return found;
  },
};
