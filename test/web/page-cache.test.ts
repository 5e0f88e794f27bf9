// Tests of the page cache: its memory bound across articles, versions, and the slots filled per request.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillSlots, PageCache, type Slots } from '../../src/web/page-cache.ts';

const values: Slots = { csrfToken: 'token-1', reviewer: 'ana <b>', clientRequestId: 'req-1' };
/** A page of about `chars` characters with every slot in it once. */
const pageOf = (chars: number) => async (slots: Slots) =>
  `<p>${'x'.repeat(chars)}</p>${slots.csrfToken}|${slots.reviewer}|${slots.clientRequestId}`;

describe('PageCache', () => {
  it('keeps at most maxBytes across articles, dropping the least recently used page first', async () => {
    const pages = new PageCache(10_000);
    for (let i = 0; i < 40; i++) await pages.get(`article-${i % 8}`, '1', `edit-${i}`, pageOf(1000));
    expect(pages.bytes).toBeLessThanOrEqual(10_000);
    expect(pages.size).toBeGreaterThan(1);
    // Touch the oldest kept page, add one more: the touched one stays, another goes.
    let rendered = 0;
    const counting = (chars: number) => (slots: Slots) => {
      rendered++;
      return pageOf(chars)(slots);
    };
    const size = pages.size;
    const oldest = 40 - size;
    await pages.get(`article-${oldest % 8}`, '1', `edit-${oldest}`, counting(1000));
    expect(rendered).toBe(0);
    await pages.get('article-new', '1', 'edit-new', counting(1000));
    await pages.get(`article-${oldest % 8}`, '1', `edit-${oldest}`, counting(1000));
    expect(rendered).toBe(1);
    expect(pages.size).toBe(size);
  });

  it('drops the pages of an older version of an article when a newer one is rendered', async () => {
    const pages = new PageCache();
    for (const edit of ['a', 'b', 'c']) await pages.get('lavrov', '1', edit, pageOf(10));
    await pages.get('other', '1', 'a', pageOf(10));
    expect(pages.size).toBe(4);
    await pages.get('lavrov', '2', 'a', pageOf(10));
    expect(pages.size).toBe(2);
  });

  it('serves a page larger than the whole budget without keeping it', async () => {
    const pages = new PageCache(1000);
    const page = await pages.get('big', '1', '', pageOf(5000));
    expect(fillSlots(page, values).toString()).toContain('x'.repeat(5000));
    expect(pages.size).toBe(0);
    expect(pages.bytes).toBe(0);
  });
});

describe('fillSlots', () => {
  it('puts the escaped values exactly where the slots were, whatever text surrounds them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 4, maxLength: 4 }), async (texts) => {
        const [a, b, c, d] = texts as [string, string, string, string];
        const render = async (slots: Slots) =>
          `${a}${slots.csrfToken}${b}${slots.reviewer}${c}${slots.csrfToken}${d}${slots.clientRequestId}`;
        const page = await new PageCache().get('article', '1', '', render);
        expect(fillSlots(page, values).toString()).toBe(`${a}token-1${b}ana &lt;b&gt;${c}token-1${d}req-1`);
      }),
    );
  });

  it('sends the page as UTF-8, however many bytes a character takes', async () => {
    const text = 'Sergej Lawrow – 王毅 – 😀 – naïve';
    const page = await new PageCache().get('a', '1', '', async (slots) => `<p>${text}</p>${slots.reviewer}`);
    const filled = fillSlots(page, { ...values, reviewer: 'Zoë' });
    expect(filled.toString('utf8')).toBe(`<p>${text}</p>Zoë`);
    expect(filled.length).toBe(Buffer.byteLength(`<p>${text}</p>Zoë`));
    expect(page.bytes).toBe(Buffer.byteLength(`<p>${text}</p>`));
  });

  it('leaves text alone that looks like a slot marker or an old placeholder', async () => {
    const stored = '@@mtr-csrf-token@@ @@mtr-reviewer@@ mtr-slot-00-csrfToken';
    const page = await new PageCache().get('a', '1', '', async (slots) => `${stored}<i>${slots.reviewer}</i>`);
    expect(fillSlots(page, values).toString()).toBe(`${stored}<i>ana &lt;b&gt;</i>`);
  });
});
