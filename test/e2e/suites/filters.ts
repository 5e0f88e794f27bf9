// The filters in Chromium: undecided only, by origin, by check, by category; applied at once, kept in the address,
// and the same after a reload (the server applies them too).
import { describe, expect, it } from 'vitest';
import { type ApiEdit, apiArticle, type E2E, open } from '../support/context.ts';

/** The suite, run by test/e2e/review.test.ts in its one browser; after the keyboard suite decided some edits. */
export function filtersSuite(e2e: E2E): void {
  const count = () => e2e.page.locator('#filter-count').textContent();
  const shownMarks = () => e2e.page.locator('.side-by-side a.edit-mt:not(.filtered-out)').count();
  let edits: ApiEdit[] = [];
  const categoryOf = (e: ApiEdit) => e.outcome.category ?? e.suggestedCategory ?? 'none';

  describe('the filters', () => {
    it('shows only undecided edits, hides the paragraphs without one, and moves only among them', async () => {
      const { page } = e2e;
      edits = (await apiArticle(e2e, 'bahn-with-source')).edits;
      const undecided = edits.filter((e) => e.outcome.state === 'undecided');
      expect(undecided.length).toBeLessThan(edits.length);
      await open(e2e, '/articles/bahn-with-source');
      await page.keyboard.press('f');
      await page.keyboard.press('Space');
      await expect.poll(count).toBe(`${undecided.length} of ${edits.length} edits shown`);
      expect(await shownMarks()).toBe(undecided.length);
      expect(new URL(page.url()).searchParams.get('undecided')).toBe('1');
      // Edits 1-3 are decided and fill the first three paragraphs: those rows are hidden.
      expect(await page.locator('.side-by-side tbody tr').evaluateAll((trs) => trs.map((tr) => tr.hidden))).toEqual(
        expect.arrayContaining([true, false]),
      );
      await page.locator('h1').click();
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('j');
        const id = await page.locator('a.edit-mt.selected').getAttribute('data-edit');
        expect(undecided.map((e) => e.id)).toContain(id);
      }
      await page.reload();
      expect(await page.locator('form.filters input[name="undecided"]').isChecked()).toBe(true);
      expect(await count()).toBe(`${undecided.length} of ${edits.length} edits shown`);
      await page.locator('form.filters input[name="undecided"]').uncheck();
      await expect.poll(count).toBe(`${edits.length} of ${edits.length} edits shown`);
    });

    it('filters by origin, by check and by category, each count as the API has it', async () => {
      const { page } = e2e;
      await page.locator('form.filters select[name="origin"]').selectOption('post-edit');
      const postEdit = edits.filter((e) => e.origin === 'post-edit').length;
      await expect.poll(count).toBe(`${postEdit} of ${edits.length} edits shown`);
      await page.locator('form.filters select[name="origin"]').selectOption('');

      const check = (edits.find((e) => e.checkId) as ApiEdit).checkId as string;
      await page.locator('form.filters select[name="check"]').selectOption(check);
      const byCheck = edits.filter((e) => e.checkId === check).length;
      await expect.poll(count).toBe(`${byCheck} of ${edits.length} edits shown`);
      expect(await shownMarks()).toBe(byCheck);
      await page.locator('form.filters select[name="check"]').selectOption('');

      await page.locator('form.filters select[name="category"]').selectOption('design/page-furniture');
      const furniture = edits.filter((e) => categoryOf(e) === 'design/page-furniture').length;
      expect(furniture).toBeGreaterThan(0);
      await expect.poll(count).toBe(`${furniture} of ${edits.length} edits shown`);
      expect(new URL(page.url()).searchParams.get('category')).toBe('design/page-furniture');
      await page.locator('form.filters select[name="category"]').selectOption('');
      await expect.poll(count).toBe(`${edits.length} of ${edits.length} edits shown`);
    });
  });
}
