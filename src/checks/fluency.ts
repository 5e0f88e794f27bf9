// Fluency checks: doubled words, misplaced spaces, and spelling against the English dictionary.
import { bestSuggestion, isClosedCompound, isKnownWord } from './dictionary.ts';
import { germanWords } from './german.ts';
import { loadHouseStyle } from './house-style.ts';
import { finding, isCapitalised, type Word, withoutPossessive, words } from './text.ts';
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

// British spellings are right too: colour, centre, organise, travelled, defence, catalogue, analyse.
const britishToAmerican: Array<[RegExp, string]> = [
  [/our(s|ed|ing|ite|ites|able)?$/, 'or$1'],
  [/is(e|es|ed|ing|ation|ations)$/, 'iz$1'],
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  [/tre(s)?$/, 'ter$1'],
  [/ll(ed|ing|er|ers)$/, 'l$1'],
  [/ogue(s)?$/, 'og$1'],
  [/ence(s)?$/, 'ense$1'],
  [/ae/, 'e'],
  [/oe/, 'e'],
];

// English builds words freely with these prefixes ("multipolar", "counterattack"): accept a known word after one.
const prefixes =
  /^(?:anti|counter|cyber|eco|hyper|inter|mega|micro|multi|neo|non|over|post|pre|pro|pseudo|re|semi|sub|super|ultra|un|under)(?=\p{L}{3})/u;

function isAcceptedSpelling(word: string): boolean {
  if (isKnownWord(word) || isClosedCompound(word)) return true;
  const stem = word.replace(prefixes, '');
  if (stem !== word && isKnownWord(stem)) return true;
  let american = word;
  for (const [pattern, replacement] of britishToAmerican) {
    const variant = word.replace(pattern, replacement);
    if (variant !== word && isKnownWord(variant)) return true;
    american = american.replace(pattern, replacement);
  }
  return american !== word && isKnownWord(american);
}

/** True when the word belongs to a URL, an e-mail address, a handle or a number ("5km", "www.fr.de"). */
function isInsideToken(text: string, word: Word): boolean {
  const before = text[word.start - 1] ?? ' ';
  const after = text[word.end] ?? ' ';
  if (/[\d@#/_.]/.test(before) || /[\d@_/]/.test(after)) return true;
  return after === '.' && /^\.[a-z]/.test(text.slice(word.end, word.end + 2));
}

/** Lowercase words the English dictionary does not know; names (capitalised) and house-style terms are accepted. */
export const spelling: Check = {
  id: 'spelling',
  name: 'Spelling',
  description: 'A lowercase word the English dictionary (hunspell en_US, British forms accepted) does not know.',
  family: 'spelling',
  category: 'linguistic/spelling',
  run(text, context) {
    const style = loadHouseStyle(context?.houseStylePath);
    const found: Finding[] = [];
    const accepted = new Map<string, boolean>();
    for (const word of words(text)) {
      const bare = withoutPossessive(word.text).replace(/’/g, "'");
      let ok = accepted.get(bare);
      if (ok === undefined) {
        ok = bare.length < 3 || /[\p{Lu}äöüß]/u.test(bare) || germanWords.has(bare) || style.words.has(bare);
        ok ||= isAcceptedSpelling(bare);
        accepted.set(bare, ok);
      }
      if (ok || isInsideToken(text, word)) continue;
      const suggestion = bestSuggestion(bare);
      const fields = {
        check: 'spelling',
        start: word.start,
        end: word.start + bare.length,
        suggestion,
        category: 'linguistic/spelling',
        confidence: 0.5,
      };
      found.push(
        finding(
          text,
          fields,
          'minor',
          `"${bare}" is not in the English dictionary${suggestion ? `: "${suggestion}"?` : '.'}`,
        ),
      );
    }
    return found;
  },
};

/** The fluency checks. */
export const fluencyChecks: readonly Check[] = [doubledWord, spacing, spelling];
