// Tests for the corpus name index: incremental adds and removes give exactly what a fresh build gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadHouseStyle } from '../../src/checks/house-style.ts';
import { buildNameIndex, CorpusNameIndex } from '../../src/checks/name-index.ts';
import type { CorpusText } from '../../src/checks/types.ts';

const style = loadHouseStyle();
// Spellings that group by skeleton (Sergey/Sergei, Budanov/Budanow, Kharkiv/Kharkov) and names that stand alone.
const names = [
  'Sergey',
  'Sergei',
  'Budanov',
  'Budanow',
  'Kharkiv',
  'Kharkov',
  'Zelensky',
  'Selenskyj',
  'Tannert',
  'Weidmann',
];
const articleText = fc
  .array(fc.constantFrom(...names), { minLength: 0, maxLength: 6 })
  .map((picked) => picked.map((name) => `Minister ${name} spoke on Monday.`).join(' '));
const operation = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), text: articleText }),
  fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom('a', 'b', 'c', 'd', 'e') }),
);

describe('CorpusNameIndex', () => {
  it('after any adds, replacements and removes equals a fresh build of the articles left (property)', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 30 }), (operations) => {
        const index = new CorpusNameIndex(style);
        const live = new Map<string, CorpusText>();
        for (const op of operations) {
          if (op.kind === 'add') {
            index.add({ id: op.id, text: op.text });
            live.set(op.id, { id: op.id, text: op.text });
          } else {
            index.remove(op.id);
            live.delete(op.id);
          }
          // Reading between steps fills the cache that later steps must keep right.
          index.variants();
        }
        const fresh = buildNameIndex([...live.values()], style);
        expect(index.variants()).toEqual(fresh.variants());
        expect(index.size).toBe(live.size);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order the articles come in', () => {
    const corpus = [
      { id: 'a', text: 'Sergey Lavrov spoke.' },
      { id: 'b', text: 'Sergei Lavrov answered.' },
    ];
    expect(buildNameIndex(corpus, style).variants()).toEqual(buildNameIndex([...corpus].reverse(), style).variants());
  });

  it('forgets an article completely when it is removed', () => {
    const index = new CorpusNameIndex(style);
    index.add({ id: 'a', text: 'Budanov said so.' });
    index.add({ id: 'b', text: 'Budanow spoke.' });
    expect(index.variantOf('Budanow')?.spellings.map((use) => use.spelling)).toEqual(['Budanov', 'Budanow']);
    index.remove('b');
    expect(index.variantOf('Budanow')).toBeUndefined();
    expect(index.variants()).toEqual([]);
  });
});
