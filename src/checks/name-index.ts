// The corpus name index: every name spelling per skeleton, with per-article contributions that can be added and removed.
import type { HouseStyle } from './house-style.ts';
import { canonicalSpelling, nameCandidates, nameSkeleton } from './name-candidates.ts';
import type { CorpusText } from './types.ts';

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

interface Use {
  count: number;
  articles: Set<string>;
}

/**
 * What the corpus check reads of a name spelled more than one way: the canonical spelling and, per spelling, how many
 * articles write it and the first few of them (as its message names them). Bounded per name, however large the corpus.
 */
export interface VariantSummary {
  canonical: string;
  spellings: { spelling: string; articleCount: number; firstArticles: string[] }[];
}

/** The name index as the corpus check reads it: the whole index, or one article's view of it (sent to a worker). */
export interface NameVariantLookup {
  /** The summary of the variant a spelling belongs to, or undefined when the corpus writes that name one way only. */
  variantSummary(spelling: string): VariantSummary | undefined;
}

/** Articles a summary (and a names context) lists per spelling: the corpus check's message names up to three. */
const FIRST_ARTICLES = 3;

/** Summaries by skeleton: a plain value, so it can be posted to a worker thread. */
export type NameIndexViewData = [skeleton: string, summary: VariantSummary][];

/** One article's view of the index: the summaries of its own names' variants, all the corpus check asks it for. */
export class NameIndexView implements NameVariantLookup {
  readonly #summaries: Map<string, VariantSummary>;

  constructor(data: NameIndexViewData) {
    this.#summaries = new Map(data);
  }

  variantSummary(spelling: string): VariantSummary | undefined {
    return this.#summaries.get(nameSkeleton(spelling));
  }
}

/**
 * An article's view as text (CorpusNameIndex.contextOf): what the check reads in a worker is exactly what the import
 * key compares.
 */
export function contextText(view: NameIndexViewData): string {
  return view
    .map(([, { canonical, spellings }]) => {
      const uses = spellings.map((u) => `${u.spelling}:${u.articleCount}:${u.firstArticles.join(',')}`);
      return `${canonical}=${uses.join(';')}`;
    })
    .join('\n');
}

function summarize(variant: CorpusVariant): VariantSummary {
  const spellings = variant.spellings.map((use) => ({
    spelling: use.spelling,
    articleCount: use.articles.length,
    firstArticles: use.articles.slice(0, FIRST_ARTICLES),
  }));
  return { canonical: variant.canonical, spellings };
}

/**
 * The names of a corpus, kept incrementally: adding an article costs its own names, removing it takes exactly its
 * contribution back out, so an import of N articles is linear and a changed article costs one article's work. The
 * result never depends on the order articles came in: ties are settled alphabetically, and article lists are sorted.
 */
export class CorpusNameIndex implements NameVariantLookup {
  readonly #style: HouseStyle;
  /** Per article: how often it writes each spelling. */
  readonly #contributions = new Map<string, Map<string, number>>();
  /** Per skeleton: each spelling's total count and the articles that write it. */
  readonly #groups = new Map<string, Map<string, Use>>();
  /** The variant of each skeleton with more than one spelling, computed on demand and dropped when it changes. */
  readonly #variants = new Map<string, CorpusVariant | null>();

  constructor(style: HouseStyle) {
    this.#style = style;
  }

  /** How many articles the index holds. */
  get size(): number {
    return this.#contributions.size;
  }

  /** Adds an article's names; an article already in the index is replaced (its old names removed first). */
  add(article: CorpusText): void {
    this.addNames(article.id, nameCounts(article.text, this.#style));
  }

  /** The names an article contributes (spelling → count), as `add` found them; kept so a restart can reuse them. */
  namesOf(id: string): ReadonlyMap<string, number> | undefined {
    return this.#contributions.get(id);
  }

  /** Adds an article by the names found in it before (nameCounts of its text under the same house style). */
  addNames(id: string, names: ReadonlyMap<string, number>): void {
    this.remove(id);
    const contribution = new Map(names);
    this.#contributions.set(id, contribution);
    for (const [spelling, count] of contribution) {
      const skeleton = nameSkeleton(spelling);
      const group = this.#groups.get(skeleton) ?? new Map<string, Use>();
      this.#groups.set(skeleton, group);
      const use = group.get(spelling) ?? { count: 0, articles: new Set<string>() };
      group.set(spelling, use);
      use.count += count;
      use.articles.add(id);
      this.#variants.delete(skeleton);
    }
  }

  /** Removes an article's names (nothing when the index does not hold it). */
  remove(id: string): void {
    const contribution = this.#contributions.get(id);
    if (!contribution) return;
    this.#contributions.delete(id);
    for (const [spelling, count] of contribution) {
      const skeleton = nameSkeleton(spelling);
      const group = this.#groups.get(skeleton);
      const use = group?.get(spelling);
      if (!group || !use) continue;
      use.count -= count;
      use.articles.delete(id);
      if (use.articles.size === 0) group.delete(spelling);
      if (group.size === 0) this.#groups.delete(skeleton);
      this.#variants.delete(skeleton);
    }
  }

  /** The variant a spelling belongs to, or undefined when the corpus writes that name one way only. */
  variantOf(spelling: string): CorpusVariant | undefined {
    return this.#variant(nameSkeleton(spelling)) ?? undefined;
  }

  variantSummary(spelling: string): VariantSummary | undefined {
    const variant = this.#variant(nameSkeleton(spelling));
    return variant ? summarize(variant) : undefined;
  }

  /**
   * One article's view: the summary of every variant its names belong to. The corpus check asks only about the
   * spellings the article writes, which are its contribution (nameCounts of its text under the same house style).
   */
  viewOf(id: string): NameIndexViewData {
    const data: NameIndexViewData = [];
    for (const skeleton of this.#skeletonsOf(id)) {
      const variant = this.#variant(skeleton);
      if (variant) data.push([skeleton, summarize(variant)]);
    }
    return data;
  }

  /**
   * What the corpus check can read about one article's names: for each name it writes that the corpus spells more
   * than one way, the canonical spelling and each spelling's article count and first articles (as the check's message
   * names them). Bounded per name, so an import can compare it for every article without quadratic cost.
   */
  contextOf(id: string): string {
    return contextText(this.viewOf(id));
  }

  /** Every name the corpus spells more than one way, ordered by skeleton. */
  variants(): CorpusVariant[] {
    return [...this.#groups.keys()]
      .sort()
      .map((skeleton) => this.#variant(skeleton))
      .filter((variant): variant is CorpusVariant => variant !== null);
  }

  // The skeletons of an article's names, sorted.
  #skeletonsOf(id: string): string[] {
    const skeletons = new Set<string>();
    for (const spelling of this.#contributions.get(id)?.keys() ?? []) skeletons.add(nameSkeleton(spelling));
    return [...skeletons].sort();
  }

  #variant(skeleton: string): CorpusVariant | null {
    const cached = this.#variants.get(skeleton);
    if (cached !== undefined) return cached;
    const group = this.#groups.get(skeleton);
    let variant: CorpusVariant | null = null;
    if (group && group.size > 1) {
      const spellings = [...group]
        .map(([spelling, use]) => ({ spelling, count: use.count, articles: [...use.articles].sort() }))
        .sort((a, b) => b.count - a.count || (a.spelling < b.spelling ? -1 : 1));
      const counts = new Map(
        [...spellings].sort((a, b) => (a.spelling < b.spelling ? -1 : 1)).map((u) => [u.spelling, u.count]),
      );
      variant = { skeleton, canonical: canonicalSpelling(counts, this.#style), spellings };
    }
    this.#variants.set(skeleton, variant);
    return variant;
  }
}

/** Each name spelling a text writes, and how often: an article's contribution to the index. */
export function nameCounts(text: string, style: HouseStyle): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of nameCandidates(text, style)) counts.set(word.text, (counts.get(word.text) ?? 0) + 1);
  return counts;
}

/** A fresh index of `corpus`: one pass over its articles. */
export function buildNameIndex(corpus: readonly CorpusText[], style: HouseStyle): CorpusNameIndex {
  const index = new CorpusNameIndex(style);
  for (const article of corpus) index.add(article);
  return index;
}
