// Tests for the names a category may be given by: every level of MQM, WMT's labels, any case, one stored id each.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalCategory, categoryAliases, categoryNameKey } from '../../src/review/category-names.ts';
import { categories, dimensions, findCategory } from '../../src/review/taxonomy.ts';
import { WMT_LABELS } from '../../src/review/wmt-categories.ts';
import { wmtCategoryOf } from '../../src/review/wmt-labels.ts';

// Every name this module knows, to draw from.
const knownNames = [...categories.map((c) => c.id), ...categoryAliases().map((alias) => alias.name)];
/** `name` with the case of each letter flipped at random and white space around it. */
const respelled = (name: string) =>
  fc
    .tuple(fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }), fc.constantFrom('', ' ', '\t'))
    .map(
      ([upper, pad]) => pad + [...name].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join('') + pad,
    );

describe('canonicalCategory', () => {
  it('gives every canonical id back as itself', () => {
    for (const category of categories) expect(canonicalCategory(category.id)).toBe(category.id);
  });

  it('reads a dimension alone as its own category, by id, label or other name', () => {
    for (const dimension of dimensions) {
      expect(canonicalCategory(dimension.id)).toBe(`${dimension.id}/other`);
      expect(canonicalCategory(dimension.label)).toBe(`${dimension.id}/other`);
    }
    expect(canonicalCategory('Fluency')).toBe('linguistic/other');
    expect(canonicalCategory('Locale convention')).toBe('locale/other');
  });

  it('reads every WMT label, those of the published ratings and those the mqm export writes', () => {
    const sample = readFileSync(new URL('../fixtures/wmt-mqm/ted-ende.mqm.first2000.tsv', import.meta.url), 'utf8');
    const rated = new Set(
      sample
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((line) => line.split('\t')[7] as string),
    );
    rated.delete('No-error');
    const labels = [...rated, ...Object.keys(WMT_LABELS), ...categories.map((c) => wmtCategoryOf(c.id))];
    for (const label of labels) expect(findCategory(canonicalCategory(label) ?? '')).toBeDefined();
    expect(canonicalCategory('Non-translation!')).toBe('accuracy/non-translation');
    expect(canonicalCategory('Fluency/Register')).toBe('style/register');
  });

  it('writes back the WMT label it read: export, import and export again give the same label', () => {
    for (const category of categories) {
      const label = wmtCategoryOf(category.id);
      expect(wmtCategoryOf(canonicalCategory(label) ?? null)).toBe(label);
    }
  });

  it('reads a type alone only where one dimension has it', () => {
    expect(canonicalCategory('omission')).toBe('accuracy/omission');
    expect(canonicalCategory('Word order')).toBe('linguistic/word-order');
    expect(canonicalCategory('fluency/grammar')).toBe('linguistic/grammar');
    // Every dimension has `other`: alone it is the dimension Other.
    expect(canonicalCategory('other')).toBe('other/other');
  });

  it('refuses what names no category', () => {
    for (const name of ['accuracy/nonsense', 'No-error', '', ' ', 'accuracy/', '/other', 'fluency/omission']) {
      expect(canonicalCategory(name)).toBeUndefined();
    }
  });

  it('ignores case, white space around a name and the spelling of word breaks', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...knownNames).chain((name) => fc.tuple(fc.constant(name), respelled(name))),
        ([name, variant]) => {
          expect(canonicalCategory(variant)).toBe(canonicalCategory(name));
          expect(canonicalCategory(variant.replaceAll('-', ' '))).toBe(canonicalCategory(name));
        },
      ),
    );
  });

  it('answers any string with a category of the taxonomy or nothing, and is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...knownNames)), (name) => {
        const category = canonicalCategory(name);
        if (category !== undefined) {
          expect(findCategory(category)).toBeDefined();
          expect(canonicalCategory(category)).toBe(category);
        }
      }),
    );
  });
});

describe('categoryAliases', () => {
  it('lists names that each read as their category, one per comparison key', () => {
    const aliases = categoryAliases();
    for (const alias of aliases) expect(canonicalCategory(alias.name)).toBe(alias.category);
    const keys = aliases.map((alias) => categoryNameKey(alias.name));
    expect(new Set(keys).size).toBe(keys.length);
    expect(aliases).toContainEqual({ name: 'Fluency/Punctuation', category: 'linguistic/punctuation' });
  });
});
