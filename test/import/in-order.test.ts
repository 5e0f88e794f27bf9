// The import's pipeline: results in the items' order, never more than the limit in flight, the first error thrown.
import { describe, expect, it } from 'vitest';
import { inOrder } from '../../src/import/in-order.ts';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('inOrder', () => {
  it('hands results over in order while work finishing out of order runs at most `limit` at a time', async () => {
    let running = 0;
    let most = 0;
    const used: number[] = [];
    await inOrder(
      [5, 1, 4, 2, 3, 0, 2, 1],
      3,
      async (ms) => {
        most = Math.max(most, ++running);
        await later(ms);
        running--;
        return ms * 10;
      },
      (ms, result) => {
        expect(result).toBe(ms * 10);
        used.push(ms);
      },
    );
    expect(used).toEqual([5, 1, 4, 2, 3, 0, 2, 1]);
    expect(most).toBe(3);
  });

  it('throws the first error in order, and counts no rejection left in flight as unhandled', async () => {
    const used: number[] = [];
    const run = inOrder(
      [1, 2, 3, 4],
      4,
      async (n) => {
        await later(5 - n);
        if (n >= 2) throw new Error(`item ${n}`);
        return n;
      },
      (n) => {
        used.push(n);
      },
    );
    await expect(run).rejects.toThrow('item 2');
    expect(used).toEqual([1]);
    await later(10);
  });

  it('computes synchronous work one item at a time with a limit of 1', async () => {
    const order: string[] = [];
    await inOrder(
      ['a', 'b'],
      1,
      (item) => {
        order.push(`work ${item}`);
        return item;
      },
      (item) => {
        order.push(`use ${item}`);
      },
    );
    expect(order).toEqual(['work a', 'use a', 'work b', 'use b']);
  });
});
