// Spelling check: lowercase words neither American nor British English knows, fixed only when one slip explains them.
import { bestSuggestion, isClosedCompound, isEnglishWord, isKnownWord } from './dictionary.ts';
import { germanWords } from './german.ts';
import { loadHouseStyle } from './house-style.ts';
import { finding, type Word, withoutPossessive, words } from './text.ts';
import type { Check, Finding } from './types.ts';

// British spellings the British dictionary may miss in derived forms ("deindustrialisation"): map them over.
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
  /^(?:anti|counter|cyber|de|eco|ex|hyper|inter|mega|micro|multi|neo|non|over|post|pre|pro|pseudo|re|semi|sub|super|ultra|un|under)(?=\p{L}{3})/u;
// Agencies and outlets written in lowercase: "dpa", "epd", "taz"; no misspellings of anything.
const lowercaseNames = new Set(['dpa', 'epd', 'kna', 'sid', 'ddp', 'apa', 'afp', 'taz', 'ntv', 'ots', 'svz']);
// Prefixes written before a hyphen ("pre-crisis", "co-leader"): words of their own there.
const hyphenPrefixes = /^(?:pre|post|co|ex|mid|non|anti|semi|multi|re|self|sub|quasi|neo|pro)$/;

function isAcceptedSpelling(word: string): boolean {
  if (isKnownWord(word) || isClosedCompound(word) || isEnglishWord(word)) return true;
  const stem = word.replace(prefixes, '');
  if (stem !== word && (isKnownWord(stem) || isEnglishWord(stem) || isAcceptedSpelling(stem))) return true;
  let american = word;
  for (const [pattern, replacement] of britishToAmerican) {
    const variant = word.replace(pattern, replacement);
    if (variant !== word && isKnownWord(variant)) return true;
    american = american.replace(pattern, replacement);
  }
  return american !== word && isKnownWord(american);
}

/** True for "pre" in "pre-crisis": a prefix before a hyphen. */
function isHyphenPrefix(text: string, word: Word): boolean {
  return text[word.end] === '-' && hyphenPrefixes.test(word.text.toLowerCase());
}

function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words(text)) counts.set(word.text, (counts.get(word.text) ?? 0) + 1);
  return counts;
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
  description:
    'A lowercase word neither English dictionary (hunspell en_US, en_GB) knows; a fix only for a typing slip.',
  family: 'spelling',
  category: 'linguistic/spelling',
  run(text, context) {
    const style = loadHouseStyle(context?.houseStylePath);
    const found: Finding[] = [];
    const accepted = new Map<string, boolean>();
    let counts: Map<string, number> | undefined;
    for (const word of words(text)) {
      const bare = withoutPossessive(word.text).replace(/’/g, "'");
      let ok = accepted.get(bare);
      if (ok === undefined) {
        ok = bare.length < 4 || /[\p{Lu}äöüß]/u.test(bare) || germanWords.has(bare) || style.words.has(bare);
        ok ||= lowercaseNames.has(bare) || isAcceptedSpelling(bare);
        accepted.set(bare, ok);
      }
      if (ok || isInsideToken(text, word) || isHyphenPrefix(text, word)) continue;
      // A word the text repeats is meant: a coined word or a name, not a slip; no fix proposed.
      counts ??= countWords(text);
      const repeated = counts.get(bare) ?? 0;
      const suggestion = repeated > 1 ? null : bestSuggestion(bare);
      const fields = {
        check: 'spelling',
        start: word.start,
        end: word.start + bare.length,
        suggestion,
        category: 'linguistic/spelling',
        confidence: suggestion ? 0.7 : 0.4,
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
