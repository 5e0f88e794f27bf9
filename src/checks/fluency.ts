// Fluency checks: doubled words and misplaced spaces (spelling is in `spelling.ts`).
import { finding, isCapitalised, type Word, words } from './text.ts';
import type { Check, Finding } from './types.ts';

// Doubles that English uses on purpose ("had had", "that that") or that are one name ("Bora Bora").
const intendedDoubles = new Set(['had', 'that', 'ha', 'bye', 'no', 'very', 'blah', 'so', 'knock']);

/** The same word twice in a row ("the the"): delete the second with the space before it. */
export const doubledWord: Check = {
  id: 'doubled-word',
  name: 'Doubled word',
  description: 'The same word twice in a row ("the the", "in in").',
  family: 'fluency',
  category: 'linguistic/duplication',
  run(text) {
    const list = words(text);
    const found: Finding[] = [];
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1] as Word, list[i] as Word];
      if (
        a.text.length !== b.text.length ||
        a.text.toLowerCase() !== b.text.toLowerCase() ||
        !/^[ \t]+$/.test(text.slice(a.end, b.start))
      )
        continue;
      if (intendedDoubles.has(b.text.toLowerCase()) || (isCapitalised(a.text) && isCapitalised(b.text))) continue;
      const fields = {
        check: 'doubled-word',
        start: a.end,
        end: b.end,
        suggestion: '',
        category: 'linguistic/duplication',
        confidence: 0.9,
      };
      found.push(finding(text, fields, 'minor', `"${b.text}" is doubled: delete the second one.`));
    }
    return found;
  },
};

// Spaces before closing punctuation (" :", " ,", "5 %"), after an opening bracket, and runs of spaces. An
// ellipsis may follow a space, and " .5" is a number.
const spacePatterns: Array<[RegExp, string, string]> = [
  [/[ \t]+(?=[,;:!?)%]|\.(?![.\d]))/gu, '', 'Space before punctuation: delete it.'],
  [/(?<=\()[ \t]+/gu, '', 'Space after an opening bracket: delete it.'],
  [/(?<=\S)[ \t]{2,}(?=\S)/gu, ' ', 'Several spaces in a row: one is enough.'],
];

/** Misplaced spaces: before punctuation, after "(", doubled between words. */
export const spacing: Check = {
  id: 'spacing',
  name: 'Misplaced space',
  description: 'A space before punctuation (" :", " ,", "5 %"), after "(", or several spaces between words.',
  family: 'fluency',
  category: 'linguistic/whitespace',
  run(text) {
    const found: Finding[] = [];
    for (const [pattern, suggestion, message] of spacePatterns) {
      for (const match of text.matchAll(pattern)) {
        // A space before "(" ... ")" never matches; " *" is the link-marker check's.
        const fields = {
          check: 'spacing',
          start: match.index,
          end: match.index + match[0].length,
          suggestion,
          category: 'linguistic/whitespace',
          confidence: 0.9,
        };
        found.push(finding(text, fields, 'minor', message));
      }
    }
    return found.sort((a, b) => a.start - b.start);
  },
};

/** The fluency checks. */
export const fluencyChecks: readonly Check[] = [doubledWord, spacing];
