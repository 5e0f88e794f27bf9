// Bulk review in Chromium: the recurring view lists a check's suggestion found in three articles, its page shows
// each occurrence in context, Accept all records a verdict on each, Undo takes them all back; and the review page
// says "Article done" with the way on once its last edit is decided.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importArticleFolder } from '../../../src/import-corpus.ts';
import { repoRoot } from '../../support/server.ts';
import { axeViolations, sidewaysOverflow } from '../support/browser.ts';
import { apiArticle, type E2E, open } from '../support/context.ts';

const articles = ['recurring-1', 'recurring-2', 'recurring-3'];

/** The suite, run by test/e2e/bulk.test.ts. */
export function bulkSuite(e2e: E2E): void {
  // Each article's share-button suggestion as the store holds it now.
  const shareEdits = async () =>
    Promise.all(
      articles.map(async (id) => (await apiArticle(e2e, id)).edits.find((e) => e.checkId === 'share-button')),
    );

  describe('bulk review', () => {
    beforeAll(async () => {
      for (const id of articles)
        await importArticleFolder(e2e.server.db, join(repoRoot, 'test/fixtures/recurring', id));
    });

    it('accepts a check’s suggestion across three articles in one action, and undoes it in one step', async () => {
      const { page } = e2e;
      await open(e2e, '/recurring');
      const row = page.locator('table.recurring tr', { hasText: 'Print Share' });
      await expect.poll(() => row.locator('td').nth(2).textContent()).toBe('3');
      await row.getByRole('link').click();
      await page.waitForURL(/\/recurring\/[A-Za-z0-9_-]{22}$/);
      const boxes = page.locator('input[name="editIds"]');
      expect(await boxes.count()).toBe(3);
      for (const title of ['Council budget', 'Rules for cyclists', 'Farmers protest']) {
        await expect.poll(() => page.locator('.occurrences').textContent()).toContain(title);
      }
      expect(await page.locator('.snippet mark del').first().textContent()).toContain('Print Share');
      // Deselecting one and choosing it again: the count follows.
      await boxes.nth(1).uncheck();
      expect(await page.locator('#bulk-count').textContent()).toBe('2');
      await boxes.nth(1).check();
      expect(await page.locator('#bulk-count').textContent()).toBe('3');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Accept all' }).click();
      await expect.poll(() => page.locator('#bulk-outcome').textContent()).toContain('3 recorded, 0 skipped');
      for (const edit of await shareEdits()) {
        expect(edit?.verdicts).toMatchObject([{ decision: 'accept' }]);
        expect(edit?.verdicts[0]?.note).toMatch(/^bulk: share-button: "⏎⏎Print Share" → \(delete\) \(action \d+\)$/);
      }
      await page.screenshot({ path: join(e2e.artifacts, 'bulk-result-1400.png') });
      await page.getByRole('button', { name: 'Undo this action' }).click();
      await expect.poll(() => page.locator('#bulk-outcome').textContent()).toContain('3 retracted');
      for (const edit of await shareEdits()) expect(edit?.outcome.state).toBe('undecided');
    });

    it('fits a phone: no sideways scroll on the recurring pages at 390 px', async () => {
      const { page } = e2e;
      await page.setViewportSize({ width: 390, height: 800 });
      try {
        await open(e2e, '/recurring');
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
        await page.locator('table.recurring a', { hasText: 'Print Share' }).click();
        await page.waitForURL(/\/recurring\/[A-Za-z0-9_-]{22}$/);
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(e2e.artifacts, 'recurring-390.png'), fullPage: true });
      } finally {
        await page.setViewportSize({ width: 1400, height: 900 });
      }
    });

    it('says "Article done" when the last edit is decided, with a link to the next article', async () => {
      const { page } = e2e;
      await open(e2e, '/articles/recurring-1');
      expect(await page.locator('#article-done').isHidden()).toBe(true);
      await page.locator('body').click({ position: { x: 2, y: 2 } });
      const edits = (await apiArticle(e2e, 'recurring-1')).edits.length;
      const reviewed = async () =>
        Number(/^(\d+) of/.exec((await page.locator('#progress-text').textContent()) ?? '')?.[1]);
      // Accept each edit by key, waiting for each verdict to show before the next key.
      for (let done = 0; done < edits; done = await reviewed()) {
        expect(await page.locator('#article-done').isHidden()).toBe(true);
        await page.keyboard.press('a');
        await expect.poll(reviewed).toBeGreaterThan(done);
      }
      await expect.poll(() => page.locator('#article-done').isVisible()).toBe(true);
      const link = page.locator('#next-article');
      await expect.poll(() => link.textContent()).toContain('Rules for cyclists');
      await link.click();
      // A full page load on a busy machine; the review page puts its first edit in the address (?edit=) as it
      // loads, so the path alone is compared.
      await page.waitForURL((url) => url.pathname === '/articles/recurring-2', { timeout: 15_000 });
    });
  });
}
