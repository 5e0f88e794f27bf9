// Name checks: German transliterations from the house style, and one name spelled several ways in one text.
import { isKnownWord } from './dictionary.ts';
import { type HouseStyle, loadHouseStyle } from './house-style.ts';
import { capitalisedWords, casingVariants, oneLetterGroups, type VariantGroup } from './name-forms.ts';
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

// Photo credits name photographers ("© Swen Pförtner/dpa"), not the people of the story: not name candidates.
const creditLine = /©[^\n]*/g;

// The name checks, the possessive check and the corpus check all ask for the same text's candidates: keep the last.
let candidatesMemo: { text: string; style: HouseStyle; candidates: Word[] } | undefined;

/** Capitalised words that may be names: not common words at a sentence start, not acronyms, not too short. */
export function nameCandidates(text: string, style: HouseStyle): Word[] {
  if (candidatesMemo?.text !== text || candidatesMemo.style !== style) {
    candidatesMemo = { text, style, candidates: findNameCandidates(text, style) };
  }
  return candidatesMemo.candidates;
}

function findNameCandidates(text: string, style: HouseStyle): Word[] {
  const candidates: Word[] = [];
  const credits = text.includes('©') ? [...text.matchAll(creditLine)].map((m) => [m.index, m.index + m[0].length]) : [];
  // Words and credits both run in text order: one pointer walks the credits.
  let credit = 0;
  for (const word of words(text)) {
    while (credit < credits.length && (credits[credit]?.[1] ?? 0) <= word.start) credit++;
    if (credit < credits.length && (credits[credit]?.[0] ?? 0) <= word.start) continue;
    const bare = withoutPossessive(word.text);
    // "DDresden" is a drop cap, the drop-cap check's; "KIEV" is read in title case below.
    if (bare.length < 4 || !isCapitalised(bare) || bare === bare.toUpperCase() || /^\p{Lu}\p{Lu}/u.test(bare)) continue;
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
  // Not ß: "Großmann" is how the person writes the name, as often as "Grossmann" is the English form.
  const features = [/w/i, /sch/i, /j[aeiou]/i, /(?:ow|ew|ij|yj)$/i, /[äöü]/i];
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
    const candidates = nameCandidates(text, style);
    const groups = [...groupVariants(candidates).values(), ...oneLetterGroups(text, candidates)];
    const found = groups.flatMap((group) => groupFindings(text, group, style));
    found.push(...capsFindings(text, candidates, style), ...casingFindings(text));
    const seen = new Set<number>();
    return found.sort((a, b) => a.start - b.start).filter((f) => !seen.has(f.start) && seen.add(f.start) !== undefined);
  },
};

function variantFinding(text: string, word: Word, canonical: string, others: string, confidence: number): Finding {
  const fields = {
    check: 'name-variant',
    start: word.start,
    end: word.end,
    suggestion: canonical,
    category: 'terminology/inconsistent-entity',
    confidence,
  };
  return finding(
    text,
    fields,
    'major',
    `"${others}" and "${canonical}" name the same: write "${canonical}" throughout.`,
  );
}

/** Every spelling of a group but its canonical one, as findings (German forms are the house-style check's). */
function groupFindings(text: string, group: VariantGroup, style: HouseStyle): Finding[] {
  const counts = new Map([...group].map(([spelling, list]) => [spelling, list.length]));
  const canonical = canonicalSpelling(counts, style);
  const others = [...group.keys()].filter((spelling) => spelling !== canonical).join('", "');
  const found: Finding[] = [];
  for (const [spelling, list] of group) {
    if (spelling === canonical || style.names.has(spelling)) continue;
    for (const word of list) found.push(variantFinding(text, word, canonical, others, 0.8));
  }
  return found;
}

/** "KIEV", "KESSLER": a name in capitals that the text (or the house style) writes in title case. */
function capsFindings(text: string, candidates: readonly Word[], style: HouseStyle): Finding[] {
  const found: Finding[] = [];
  const capitals = capitalisedWords(text);
  if (capitals.length === 0) return found;
  const bySkeleton = new Map<string, Map<string, number>>();
  for (const candidate of candidates) {
    const key = nameSkeleton(candidate.text);
    const spellings = bySkeleton.get(key) ?? new Map<string, number>();
    spellings.set(candidate.text, (spellings.get(candidate.text) ?? 0) + 1);
    bySkeleton.set(key, spellings);
  }
  for (const { word, title } of capitals) {
    const spellings = new Map(bySkeleton.get(nameSkeleton(title)) ?? []);
    const mapped = style.names.get(title) ?? style.variants.get(title);
    if (mapped) spellings.set(mapped, (spellings.get(mapped) ?? 0) + 1);
    if (spellings.size === 0) continue;
    const canonical = canonicalSpelling(spellings, style);
    found.push(variantFinding(text, word, canonical, word.text, 0.85));
  }
  return found;
}

/** "Free voters" beside "Free Voters": the name's casing throughout. */
function casingFindings(text: string): Finding[] {
  return casingVariants(text).map((variant) =>
    variantFinding(
      text,
      { start: variant.start, end: variant.end, text: variant.text },
      variant.name,
      variant.text,
      0.8,
    ),
  );
}

/** The name checks. */
export const nameChecks: readonly Check[] = [houseStyleName, nameVariant];
