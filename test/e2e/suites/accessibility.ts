// WCAG 2.2 AA in Chromium: axe-core on every page (light and dark), text contrast of every edit state computed from
// the page's colours, skip links, and a focus ring unlike the selection.
import { describe, expect, it } from 'vitest';
import { axeViolations, computedStyles, contrastRatios } from '../support/browser.ts';
import { apiArticle, type E2E, open } from '../support/context.ts';
import { everyPage } from './layout.ts';

/** The suite, run by test/e2e/review.test.ts in its one browser; after the keyboard suite decided some edits. */
export function accessibilitySuite(e2e: E2E): void {
  describe('accessibility', () => {
    it('has no serious or critical axe-core violation on any page, light or dark', async () => {
      const edit = (await apiArticle(e2e, 'bahn-with-source')).edits[0];
      const pages = [...everyPage, `/articles/bahn-with-source/edits/${edit?.id}/history`];
      await e2e.page.setViewportSize({ width: 1400, height: 900 });
      for (const scheme of ['light', 'dark'] as const) {
        await e2e.page.emulateMedia({ colorScheme: scheme });
        for (const path of scheme === 'light' ? pages : ['/', '/articles/bahn-with-source', '/stats']) {
          await open(e2e, path);
          expect(await axeViolations(e2e.page), `${path} (${scheme})`).toEqual([]);
        }
      }
      await e2e.page.emulateMedia({ colorScheme: 'light' });
    }, 60_000); // a dozen pages through axe-core: seconds each on a busy 2-core machine

    it('keeps text at 4.5:1 or more in every edit state, in light and dark', async () => {
      await open(e2e, '/articles/bahn-with-source');
      const states = await e2e.page
        .locator('a.edit-mt')
        .evaluateAll((marks) => marks.map((mark) => /state-(\w+)/.exec(mark.className)?.[1]));
      for (const state of ['undecided', 'accept', 'reject', 'amend']) expect(states).toContain(state);
      const texts = 'a.edit, a.edit sup, .badge, .swatch, .legend li, td.source, #panel-origin, .hint, kbd';
      for (const scheme of ['light', 'dark'] as const) {
        await e2e.page.emulateMedia({ colorScheme: scheme });
        const ratios = await contrastRatios(e2e.page, texts);
        expect(ratios.length).toBeGreaterThan(40);
        expect(
          ratios.filter((r) => r.ratio < 4.5),
          scheme,
        ).toEqual([]);
      }
      await e2e.page.emulateMedia({ colorScheme: 'light' });
    });

    it('offers skip links: three Tabs and Enter reach the Accept button', async () => {
      const { page } = e2e;
      await open(e2e, '/articles/bahn-with-source');
      const active = () => page.evaluate('document.activeElement?.textContent.trim()');
      await page.keyboard.press('Tab');
      expect(await active()).toBe('Skip to content');
      await page.keyboard.press('Tab');
      expect(await active()).toBe('Skip to the verdict panel');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement?.id')).toBe('accept-button');
    });

    it('draws the keyboard focus unlike the selected edit', async () => {
      const { page } = e2e;
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await page.focus('a.edit-mt.selected');
      const look = async (selector: string) => {
        const [style] = await computedStyles(page, selector, [
          'outlineStyle',
          'outlineWidth',
          'outlineColor',
          'boxShadow',
        ]);
        return {
          outline: `${style?.outlineStyle} ${style?.outlineWidth} ${style?.outlineColor}`,
          ring: style?.boxShadow ?? '',
        };
      };
      const focused = await look('a.edit-mt.selected');
      const selectedOnly = await look('a.edit-corrected.selected');
      expect(focused.outline).toMatch(/^dashed 3px/);
      expect(selectedOnly.outline).toMatch(/^none/);
      expect(selectedOnly.ring).not.toBe('none');
      // The focus colour is not the selection's colour.
      const focusColour = /rgb\([^)]*\)/.exec(focused.outline)?.[0];
      expect(focusColour).toBeDefined();
      expect(selectedOnly.ring).not.toContain(focusColour as string);
    });
  });
}
