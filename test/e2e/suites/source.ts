// The source column in Chromium: three aligned columns, the selected edit's source paragraph highlighted, and the
// switch to two columns remembered by the browser.
import { describe, expect, it } from 'vitest';
import { computedStyles } from '../support/browser.ts';
import { type E2E, open } from '../support/context.ts';

/** The suite, run by test/e2e/review.test.ts in its one browser. */
export function sourceSuite(e2e: E2E): void {
  const currentSource = () => e2e.page.locator('.side-by-side tr.current td.source').textContent();
  const sourceShown = () => e2e.page.locator('th.source').isVisible();

  describe('the source column', () => {
    it('shows source, MT and corrected side by side, a row per paragraph, in the German of the source', async () => {
      const { page } = e2e;
      await page.setViewportSize({ width: 1400, height: 900 });
      await open(e2e, '/articles/bahn-with-source');
      const headings = page.locator('.side-by-side th');
      expect(await headings.allTextContents()).toEqual(['Source', 'Machine translation', 'Corrected']);
      const xs = await headings.evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().x));
      expect(xs[1]).toBeGreaterThan((xs[0] ?? 0) + 200);
      expect(xs[2]).toBeGreaterThan((xs[1] ?? 0) + 200);
      // Each row's three cells start at the same height: the paragraphs are aligned.
      const row = page.locator('.side-by-side tbody tr').nth(4);
      const tops = await row.locator('td').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().y));
      expect(new Set(tops).size).toBe(1);
      expect(await row.locator('td.source').getAttribute('lang')).toBe('de-DE');
      expect(await row.locator('td.source').textContent()).toMatch(/^Berlin – Die Bahn/);
    });

    it('highlights the source paragraph of the selected edit, and follows the selection', async () => {
      const { page } = e2e;
      expect(await currentSource()).toBe('Startseite Wirtschaft');
      const background = async (selector: string) =>
        (await computedStyles(page, selector, ['backgroundColor']))[0]?.backgroundColor;
      const plain = await background('.side-by-side tbody tr:not(.current) td.source');
      expect(plain).toBeDefined();
      expect(await background('.side-by-side tr.current td.source')).not.toBe(plain);
      await page.keyboard.press('j');
      await expect.poll(currentSource).toBe('Von: Anna Becker');
      await page.keyboard.press('k');
      await expect.poll(currentSource).toBe('Startseite Wirtschaft');
    });

    it('switches to two columns with s (or the button), and the browser remembers it', async () => {
      const { page } = e2e;
      await page.keyboard.press('s');
      await expect.poll(sourceShown).toBe(false);
      expect(await page.locator('#source-toggle').getAttribute('aria-pressed')).toBe('false');
      await page.reload();
      await expect.poll(sourceShown).toBe(false);
      await page.locator('#source-toggle').click();
      await expect.poll(sourceShown).toBe(true);
      await page.reload();
      expect(await sourceShown()).toBe(true);
    });
  });
}
