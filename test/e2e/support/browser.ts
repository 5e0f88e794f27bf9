// The browser side of the e2e tests: Debian's Chromium through playwright-core, signing in, and checks run in the
// page (axe-core, colour contrast, sideways scroll). Browser code is passed as strings: this project type-checks
// against Node's types, not the DOM's.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { reviewerName, reviewerPassword } from '../../support/server.ts';

/** Where Debian installs Chromium. */
export const executablePath = '/usr/bin/chromium';

/** Chromium with a fresh profile (Playwright takes --user-data-dir as the profile argument, not in args). */
export function launchChromium(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 900 },
    timeout: 20_000,
  });
}

/** Signs in through the sign-in form from wherever `page` is (it must show the form). */
export async function signInWithForm(page: Page): Promise<void> {
  await page.getByLabel('Name').fill(reviewerName);
  await page.getByLabel('Password').fill(reviewerPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A violation axe-core reports: its rule, impact and where. */
export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * The serious and critical violations of WCAG 2.0-2.2 A and AA that axe-core finds in the page. Its script is
 * evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(axeSource);
  const found = (await page.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
    .then((result) => result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    })))`)) as AxeViolation[];
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The page's width beyond its viewport: 0 when nothing scrolls sideways. */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
}

/**
 * The contrast ratio (WCAG 2.x) of the text colour of each element matching `selector` against the first opaque
 * background behind it, with the element's description.
 */
export async function contrastRatios(page: Page, selector: string): Promise<{ element: string; ratio: number }[]> {
  return (await page.evaluate(`(() => {
    const rgb = (css) => (css.match(/[\\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]) => {
      const lin = (c) => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const background = (element) => {
      for (let e = element; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || c[3] === 1) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    return [...document.querySelectorAll(${JSON.stringify(selector)})].map((element) => {
      const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(background(element))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      return { element: element.className + ' ' + element.tagName + ': ' + element.textContent.slice(0, 30), ratio };
    });
  })()`)) as { element: string; ratio: number }[];
}

/** The computed `properties` of each element matching `selector`, camel-cased as in CSSStyleDeclaration. */
export async function computedStyles(page: Page, selector: string, properties: string[]) {
  return (await page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => {
    const style = getComputedStyle(e);
    return Object.fromEntries(${JSON.stringify(properties)}.map((p) => [p, style[p]]));
  })`)) as Record<string, string>[];
}
