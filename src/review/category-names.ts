// The names a verdict's category may be given by (any level of MQM's typology, WMT labels) and the one id each stores.
import { type Category, categories, type Dimension, dimensionCategory, dimensions } from './taxonomy.ts';
import { WMT_LABELS } from './wmt-categories.ts';

/** A name accepted for a category, in its own spelling, and the canonical category id it stands for. */
export interface CategoryAlias {
  name: string;
  category: string;
}

/** Names of dimensions beside their id and label: Fluency (MQM 1.0, WMT) is MQM 2.0's linguistic conventions. */
const otherDimensionNames: Readonly<Record<string, readonly string[]>> = {
  linguistic: ['Fluency'],
  locale: ['Locale convention'],
};

/** How names compare: case, hyphens, underscores and runs of white space do not matter (`Word order` = `word-order`). */
export function categoryNameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

const namesOfDimension = (dimension: Dimension) => [
  dimension.id,
  dimension.label,
  ...(otherDimensionNames[dimension.id] ?? []),
];
const typeOf = (category: Category) => category.id.slice(category.dimension.length + 1);

// Names in order of precedence: the first to claim a key keeps it. A type name alone (`omission`) counts only when
// one dimension has that type; `other` alone is the dimension Other.
function buildAliases(): Map<string, CategoryAlias> {
  const aliases = new Map<string, CategoryAlias>();
  const add = (name: string, category: string) => {
    const key = categoryNameKey(name);
    if (!aliases.has(key)) aliases.set(key, { name, category });
  };
  for (const category of categories) add(category.id, category.id);
  for (const dimension of dimensions) {
    for (const name of namesOfDimension(dimension)) add(name, dimensionCategory(dimension.id));
  }
  for (const [label, category] of Object.entries(WMT_LABELS)) add(label, category);
  for (const category of categories) {
    const dimension = dimensions.find((candidate) => candidate.id === category.dimension) as Dimension;
    for (const name of namesOfDimension(dimension).slice(1)) add(`${name}/${typeOf(category)}`, category.id);
  }
  const bare = new Map<string, Set<string>>();
  for (const category of categories) {
    for (const name of [typeOf(category), category.label]) {
      const key = categoryNameKey(name);
      bare.set(key, (bare.get(key) ?? new Set()).add(category.id));
    }
  }
  for (const category of categories) {
    for (const name of [typeOf(category), category.label]) {
      if (bare.get(categoryNameKey(name))?.size === 1) add(name, category.id);
    }
  }
  return aliases;
}

const aliases = buildAliases();

/**
 * The canonical category id for a name: an id in any case, an MQM dimension alone (`Accuracy` → `accuracy/other`),
 * a WMT label (`Fluency/Punctuation` → `linguistic/punctuation`), a type with its dimension's other name
 * (`fluency/grammar`) or alone when only one dimension has it (`omission`); undefined for anything else.
 */
export function canonicalCategory(name: string): string | undefined {
  return aliases.get(categoryNameKey(name))?.category;
}

/** Every name accepted besides the canonical ids themselves, in order of precedence: for `GET /api/taxonomy`. */
export function categoryAliases(): CategoryAlias[] {
  return [...aliases.values()].filter((alias) => alias.name !== alias.category);
}
