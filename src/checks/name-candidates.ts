// Name candidates: capitalised words that may be names, grouped by a spelling skeleton, and the spelling a group takes.
import { isKnownWord } from './dictionary.ts';
import type { HouseStyle } from './house-style.ts';
import { isCapitalised, type Word, withoutPossessive, words } from './text.ts';

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
