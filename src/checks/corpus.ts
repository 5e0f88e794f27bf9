// Corpus consistency: a name spelled one way in one article and another way elsewhere in the corpus.
import { type HouseStyle, loadHouseStyle } from './house-style.ts';
import { nameCandidates } from './name-candidates.ts';
import {
  buildNameIndex,
  type CorpusNameIndex,
  type CorpusVariant,
  type NameVariantLookup,
  type SpellingUse,
} from './name-index.ts';
import { finding } from './text.ts';
import type { Check, CheckContext, CorpusText, Finding } from './types.ts';

export type { CorpusVariant, SpellingUse };

/** Every name the corpus spells more than one way (across or within articles): the statistics' view. */
export function corpusNameVariants(corpus: readonly CorpusText[], houseStylePath?: string): CorpusVariant[] {
  return buildNameIndex(corpus, loadHouseStyle(houseStylePath)).variants();
}

// The review runs the check once per article over the same corpus array: index it once.
const indexCache = new WeakMap<readonly CorpusText[], { style: HouseStyle; index: CorpusNameIndex }>();

/** The index the context offers (kept by the importer), or one built once per corpus array. */
function indexFor(context: CheckContext, style: HouseStyle): NameVariantLookup | undefined {
  if (context.nameIndex) return context.nameIndex;
  if (!context.corpus?.length) return undefined;
  let cached = indexCache.get(context.corpus);
  if (cached?.style !== style) {
    cached = { style, index: buildNameIndex(context.corpus, style) };
    indexCache.set(context.corpus, cached);
  }
  return cached.index;
}

/** A name this article spells differently from the rest of the corpus; in-article mixes are `name-variant`'s. */
export const corpusNameVariant: Check = {
  id: 'corpus-name-variant',
  name: 'Name spelled differently in the corpus',
  description: 'A name spelled one way here and another way in other articles of the corpus (Kharkiv/Kharkov).',
  family: 'corpus',
  category: 'terminology/inconsistent-entity',
  run(text, context) {
    if (!context) return [];
    const style = loadHouseStyle(context.houseStylePath);
    const index = indexFor(context, style);
    if (!index) return [];
    const candidates = nameCandidates(text, style);
    const spellingsHere = new Set(candidates.map((word) => word.text));
    const found: Finding[] = [];
    for (const word of candidates) {
      const variant = index.variantSummary(word.text);
      if (!variant || variant.canonical === word.text || style.names.has(word.text)) continue;
      // The article mixes spellings itself: `name-variant` reports that, with the spelling the article offers.
      if (variant.spellings.some((use) => use.spelling !== word.text && spellingsHere.has(use.spelling))) continue;
      const elsewhere = variant.spellings.find((use) => use.spelling === variant.canonical);
      // A tie between two spellings is no evidence either way, unless the house style settles it.
      const here = variant.spellings.find((use) => use.spelling === word.text)?.articleCount ?? 0;
      if (!style.targets.has(variant.canonical) && (elsewhere?.articleCount ?? 0) <= here) continue;
      const where = elsewhere?.articleCount ? ` (as in ${elsewhere.firstArticles.join(', ')})` : '';
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
