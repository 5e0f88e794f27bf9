// Corpus consistency: a name spelled one way in one article and another way elsewhere in the corpus.
import { type HouseStyle, loadHouseStyle } from './house-style.ts';
import { canonicalSpelling, nameCandidates, nameSkeleton } from './names.ts';
import { finding } from './text.ts';
import type { Check, CorpusText, Finding } from './types.ts';

/** One spelling of a name across the corpus: how often, and in which articles. */
export interface SpellingUse {
  spelling: string;
  count: number;
  articles: string[];
}

/** A name the corpus spells more than one way, with the spelling the house style or the majority settles on. */
export interface CorpusVariant {
  skeleton: string;
  canonical: string;
  spellings: SpellingUse[];
}

type Index = Map<string, Map<string, SpellingUse>>;

function buildIndex(corpus: readonly CorpusText[], style: HouseStyle): Index {
  const index: Index = new Map();
  for (const article of corpus) {
    for (const word of nameCandidates(article.text, style)) {
      const key = nameSkeleton(word.text);
      const group = index.get(key) ?? new Map<string, SpellingUse>();
      const use = group.get(word.text) ?? { spelling: word.text, count: 0, articles: [] };
      use.count++;
      if (!use.articles.includes(article.id)) use.articles.push(article.id);
      group.set(word.text, use);
      index.set(key, group);
    }
  }
  return index;
}

function variantsOf(index: Index, style: HouseStyle): CorpusVariant[] {
  const variants: CorpusVariant[] = [];
  for (const [skeleton, group] of index) {
    if (group.size < 2) continue;
    const counts = new Map([...group].map(([spelling, use]) => [spelling, use.count]));
    variants.push({ skeleton, canonical: canonicalSpelling(counts, style), spellings: [...group.values()] });
  }
  return variants;
}

/** Every name the corpus spells more than one way (across or within articles): the statistics' view. */
export function corpusNameVariants(corpus: readonly CorpusText[], houseStylePath?: string): CorpusVariant[] {
  const style = loadHouseStyle(houseStylePath);
  return variantsOf(buildIndex(corpus, style), style);
}

// The review runs the check once per article over the same corpus array: index it once.
const indexCache = new WeakMap<readonly CorpusText[], Map<string, CorpusVariant>>();

function variantsBySpelling(corpus: readonly CorpusText[], style: HouseStyle): Map<string, CorpusVariant> {
  let bySpelling = indexCache.get(corpus);
  if (!bySpelling) {
    bySpelling = new Map();
    for (const variant of variantsOf(buildIndex(corpus, style), style)) {
      for (const use of variant.spellings) bySpelling.set(use.spelling, variant);
    }
    indexCache.set(corpus, bySpelling);
  }
  return bySpelling;
}

/** A name this article spells differently from the rest of the corpus; in-article mixes are `name-variant`'s. */
export const corpusNameVariant: Check = {
  id: 'corpus-name-variant',
  name: 'Name spelled differently in the corpus',
  description: 'A name spelled one way here and another way in other articles of the corpus (Kharkiv/Kharkov).',
  family: 'corpus',
  category: 'terminology/inconsistent-entity',
  run(text, context) {
    if (!context?.corpus?.length) return [];
    const style = loadHouseStyle(context.houseStylePath);
    const bySpelling = variantsBySpelling(context.corpus, style);
    const candidates = nameCandidates(text, style);
    const spellingsHere = new Set(candidates.map((word) => word.text));
    const found: Finding[] = [];
    for (const word of candidates) {
      const variant = bySpelling.get(word.text);
      if (!variant || variant.canonical === word.text || style.names.has(word.text)) continue;
      // The article mixes spellings itself: `name-variant` reports that, with the spelling the article offers.
      if (variant.spellings.some((use) => use.spelling !== word.text && spellingsHere.has(use.spelling))) continue;
      const elsewhere = variant.spellings.find((use) => use.spelling === variant.canonical)?.articles ?? [];
      // A tie between two spellings is no evidence either way, unless the house style settles it.
      const here = variant.spellings.find((use) => use.spelling === word.text)?.articles.length ?? 0;
      if (!style.targets.has(variant.canonical) && elsewhere.length <= here) continue;
      const where = elsewhere.length ? ` (as in ${elsewhere.slice(0, 3).join(', ')})` : '';
      const fields = {
        check: 'corpus-name-variant',
        start: word.start,
        end: word.end,
        suggestion: variant.canonical,
        category: 'terminology/inconsistent-entity',
        confidence: 0.7,
      };
      found.push(finding(text, fields, 'minor', `The corpus spells "${word.text}" as "${variant.canonical}"${where}.`));
    }
    return found;
  },
};

/** The corpus-consistency checks. */
export const corpusChecks: readonly Check[] = [corpusNameVariant];
