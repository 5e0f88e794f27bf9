// House-style name check: German transliterations and German forms of names and places, from the list or by rule.
import { type HouseStyle, loadHouseStyle } from './house-style.ts';
import { groupVariants, nameCandidates } from './name-candidates.ts';
import { finding, words } from './text.ts';
import { englishTransliteration, isAboutCyrillicRegion, looksTransliterated } from './transliteration.ts';
import type { Check, Finding } from './types.ts';

export { canonicalSpelling, groupVariants, nameCandidates, nameSkeleton } from './name-candidates.ts';

// "1. FC Köln", "Fortuna Köln", "Boris Rhein": a place's German form inside a club's or a person's name stays.
const beforeInName =
  /(?:\b\d+\.|\b(?:FC|SC|SV|TSV|VfB|VfL|SpVgg|Fortuna|Viktoria|Borussia|Eintracht|Alemannia|Preußen|Union|Hertha|Rot-Weiss|Rot-Weiß))\s$|\p{Lu}\p{Ll}+\s$/u;

/** True when the place at `offset` is part of a longer proper name: a club's, a person's ("Boris Rhein"). */
function insideProperName(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 12), offset);
  const match = beforeInName.exec(before);
  if (!match) return false;
  // A capitalised word that opens the sentence ("In Köln", "The Köln") is no first name.
  const previousStart = offset - match[0].length;
  return /\d|[A-Z]{2}/.test(match[0]) || !opensSentenceAt(text, previousStart);
}

const opensSentenceAt = (text: string, offset: number) =>
  /(?:^|[.!?:“"(]\s*|\n\s*)$/.test(text.slice(Math.max(0, offset - 3), offset));

/** The house-style entries found in `text`: German forms of the list, wherever they occur. */
function listedNames(text: string, style: HouseStyle): Finding[] {
  const found: Finding[] = [];
  // A look-up per word (entries are indexed by their first word) instead of one regex of all entries: the text's
  // words are split once for every check anyway.
  for (const word of words(text)) {
    const entries = style.byFirstWord.get(word.text);
    if (!entries) continue;
    const entry = entries.find(
      (key) => text.startsWith(key, word.start) && !/[\p{L}\p{M}]/u.test(text[word.start + key.length] ?? ''),
    );
    if (!entry || (style.places.has(entry) && insideProperName(text, word.start))) continue;
    const standard = style.names.get(entry) ?? entry;
    const fields = {
      check: 'house-style-name',
      start: word.start,
      end: word.start + entry.length,
      suggestion: standard,
      category: 'locale/name-format',
      confidence: 0.9,
    };
    found.push(finding(text, fields, 'minor', `"${entry}" is the German spelling; English news writes "${standard}".`));
  }
  return found;
}

/**
 * Names the list does not hold but that show German transliteration marks ("Budanow", "Pokrowsk"), in texts about
 * the region, with the English spelling by rule. A name the text also spells another way is `name-variant`'s:
 * the spelling the text itself offers beats the rule's guess.
 */
function transliteratedNames(text: string, style: HouseStyle, listed: readonly Finding[]): Finding[] {
  if (!isAboutCyrillicRegion(text)) return [];
  const candidates = nameCandidates(text, style);
  const mixed = new Set([...groupVariants(candidates).values()].flatMap((group) => [...group.keys()]));
  const taken = new Set(listed.map((f) => f.start));
  const found: Finding[] = [];
  for (const word of candidates) {
    if (taken.has(word.start) || mixed.has(word.text) || style.words.has(word.text)) continue;
    if (!looksTransliterated(word.text)) continue;
    const english = englishTransliteration(word.text);
    const fields = {
      check: 'house-style-name',
      start: word.start,
      end: word.end,
      suggestion: english,
      category: 'locale/name-format',
      confidence: 0.9,
    };
    found.push(
      finding(text, fields, 'minor', `"${word.text}" looks like a German transliteration; in English: "${english}"?`),
    );
  }
  return found;
}

/** A German transliteration or German form of a name: from the house style ("Wladimir", "Kiew"), or by rule. */
export const houseStyleName: Check = {
  id: 'house-style-name',
  name: 'House-style name',
  description:
    'A German transliteration or German form of a name: from the house style ("Wladimir", "Kiew") or by its marks ("Budanow").',
  family: 'names',
  category: 'locale/name-format',
  run(text, context) {
    const style = loadHouseStyle(context?.houseStylePath);
    const listed = listedNames(text, style);
    return [...listed, ...transliteratedNames(text, style, listed)].sort((a, b) => a.start - b.start);
  },
};

/** The house-style name check (name variants are in `name-variant.ts`). */
export const nameChecks: readonly Check[] = [houseStyleName];
