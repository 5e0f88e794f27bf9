// Name checks: German transliterations from the house style, and one name spelled several ways in one text.
import { isKnownWord } from './dictionary.ts';
import { type HouseStyle, loadHouseStyle } from './house-style.ts';
import { finding, isCapitalised, type Word, withoutPossessive, words } from './text.ts';
import { englishTransliteration, isAboutCyrillicRegion, looksTransliterated } from './transliteration.ts';
import type { Check, Finding } from './types.ts';

/**
 * A coarse spelling skeleton under which German and English transliterations of one name coincide:
 * tsch/ch, sch/sh/zh, ch/kh/k, z/s/ts, w/v, j/y/i, -ij/-iy/-y, doubled letters. "Tschernihiw" and "Chernihiv",
 * "Selenskyj" and "Zelensky", "Sergej", "Sergei" and "Sergey" each share one skeleton.
 */
export function nameSkeleton(word: string): string {
  let skeleton = skeletonCache.get(word);
  if (skeleton === undefined) {
    skeleton = computeSkeleton(word);
    skeletonCache.set(word, skeleton);
  }
  return skeleton;
}

// A dozen replacements per word add up over 60,000 words; names repeat, so remember them.
const skeletonCache = new Map<string, string>();

function computeSkeleton(word: string): string {
  return word
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/tsch|tch/g, 'c')
    .replace(/sch|sh|zh/g, 's')
    .replace(/kh|ch|ck|k|q/g, 'c')
    .replace(/ts|tz|z/g, 's')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/ie/g, 'i')
    .replace(/[jy]/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/** The house-style entries found in `text`: German forms of the list, wherever they occur. */
function listedNames(text: string, style: HouseStyle): Finding[] {
  if (!style.pattern) return [];
  return [...text.matchAll(style.pattern)].map((match) => {
    const standard = style.names.get(match[0]) ?? match[0];
    const fields = {
      check: 'house-style-name',
      start: match.index,
      end: match.index + match[0].length,
      suggestion: standard,
      category: 'locale/name-format',
      confidence: 0.9,
    };
    return finding(text, fields, 'minor', `"${match[0]}" is the German spelling; English news writes "${standard}".`);
  });
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

// Photo credits name photographers ("© Swen Pförtner/dpa"), not the people of the story: not name candidates.
const creditLine = /©[^\n]*/g;

/** Capitalised words that may be names: not common words at a sentence start, not acronyms, not too short. */
export function nameCandidates(text: string, style: HouseStyle): Word[] {
  const candidates: Word[] = [];
  const credits = text.includes('©') ? [...text.matchAll(creditLine)].map((m) => [m.index, m.index + m[0].length]) : [];
  for (const word of words(text)) {
    if (credits.length && credits.some(([start = 0, end = 0]) => word.start >= start && word.start < end)) continue;
    const bare = withoutPossessive(word.text);
    if (bare.length < 4 || !isCapitalised(bare) || bare === bare.toUpperCase()) continue;
    if (!style.words.has(bare) && isKnownWord(bare.toLowerCase())) continue;
    candidates.push({ start: word.start, end: word.start + bare.length, text: bare });
  }
  return candidates;
}

/** Groups words by skeleton; only groups with more than one spelling are kept. */
export function groupVariants(candidates: readonly Word[]): Map<string, Map<string, Word[]>> {
  const groups = new Map<string, Map<string, Word[]>>();
  for (const word of candidates) {
    const key = nameSkeleton(word.text);
    const group = groups.get(key) ?? new Map<string, Word[]>();
    groups.set(key, group);
    const list = group.get(word.text);
    if (list) list.push(word);
    else group.set(word.text, [word]);
  }
  for (const [key, group] of groups) if (group.size < 2) groups.delete(key);
  return groups;
}

/** How German a spelling looks: w, sch, j before a vowel, -ow/-ew/-ij endings. Fewer is more English. */
function germanness(spelling: string): number {
  const features = [/w/i, /sch/i, /j[aeiou]/i, /(?:ow|ew|ij|yj)$/i, /[äöüß]/i];
  return features.filter((feature) => feature.test(spelling)).length;
}

/** The spelling a group of variants settles on: a house-style form, else the most English, most frequent, first. */
export function canonicalSpelling(spellings: ReadonlyMap<string, number>, style: HouseStyle): string {
  const all = [...spellings.keys()];
  const house = all.find((spelling) => style.targets.has(spelling));
  if (house) return house;
  const mapped = all.map((spelling) => style.names.get(spelling) ?? style.variants.get(spelling)).find(Boolean);
  if (mapped) return mapped;
  // Stable sort keeps first occurrence first among equals.
  return (
    [...all].sort((a, b) => germanness(a) - germanness(b) || (spellings.get(b) ?? 0) - (spellings.get(a) ?? 0))[0] ?? ''
  );
}

/** One person or place spelled more than one way in one text ("Sergey" and "Sergei"): propose one spelling. */
export const nameVariant: Check = {
  id: 'name-variant',
  name: 'Name spelled two ways',
  description:
    'One name spelled more than one way in the text (Sergey/Sergei, Medwedew/Medvedev), found by transliteration.',
  family: 'names',
  category: 'terminology/inconsistent-entity',
  run(text, context) {
    const style = loadHouseStyle(context?.houseStylePath);
    const found: Finding[] = [];
    for (const group of groupVariants(nameCandidates(text, style)).values()) {
      const counts = new Map([...group].map(([spelling, list]) => [spelling, list.length]));
      const canonical = canonicalSpelling(counts, style);
      const others = [...group.keys()].filter((spelling) => spelling !== canonical).join('", "');
      for (const [spelling, list] of group) {
        // German forms in the house style are the house-style check's to report.
        if (spelling === canonical || style.names.has(spelling)) continue;
        for (const word of list) {
          const fields = {
            check: 'name-variant',
            start: word.start,
            end: word.end,
            suggestion: canonical,
            category: 'terminology/inconsistent-entity',
            confidence: 0.8,
          };
          found.push(
            finding(
              text,
              fields,
              'major',
              `"${others}" and "${canonical}" name the same: write "${canonical}" throughout.`,
            ),
          );
        }
      }
    }
    return found.sort((a, b) => a.start - b.start);
  },
};

/** The name checks. */
export const nameChecks: readonly Check[] = [houseStyleName, nameVariant];
