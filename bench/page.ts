// Browser benchmark of the review page in Chromium: page weight (HTML, CSS, scripts) and time to first verdict
// (navigation to the page, then `a` to the verdict shown) for the seed article and a generated 1,000-edit article.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { importArticleFolder } from '../src/import-corpus.ts';
import { launchChromium, signInWithForm } from '../test/e2e/support/browser.ts';
import { generateArticle } from '../test/metrics/generate-article.ts';
import { startTestServer } from '../test/support/server.ts';
import { fixed, printTable } from './measure.ts';

const runs = 5;

/** Bytes of every response of one cold load of `url` (the browser's cache off), by kind. */
async function pageWeight(page: Page, url: string): Promise<Record<string, number>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  const sizes: Promise<[string, number]>[] = [];
  const listener = (response: import('playwright-core').Response) => {
    const kind = response.request().resourceType();
    sizes.push(
      response.body().then(
        (body) => [kind, body.length] as [string, number],
        () => [kind, 0],
      ),
    );
  };
  page.on('response', listener);
  await page.goto(url, { waitUntil: 'load' });
  page.off('response', listener);
  await session.send('Network.setCacheDisabled', { cacheDisabled: false });
  const weight: Record<string, number> = {};
  for (const [kind, bytes] of await Promise.all(sizes)) weight[kind] = (weight[kind] ?? 0) + bytes;
  return weight;
}

/** Milliseconds from navigation to the page's script running, and from the key `a` to the verdict shown. */
async function timeToFirstVerdict(page: Page, url: string): Promise<{ ready: number; verdict: number }> {
  const start = performance.now();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  // Locators, not waitForFunction: the page's Content-Security-Policy forbids the eval that one uses.
  await page.locator('html.js').waitFor({ state: 'attached' });
  const ready = performance.now() - start;
  const reviewed = Number.parseInt((await page.locator('#progress-text').textContent()) ?? '', 10);
  const pressed = performance.now();
  await page.keyboard.press('a');
  await page.locator('#progress-text', { hasText: new RegExp(`^${reviewed + 1} of `) }).waitFor();
  return { ready, verdict: performance.now() - pressed };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Runs the page benchmark and prints its table. */
export async function benchPage(): Promise<void> {
  const server = await startTestServer();
  const folder = mkdtempSync(join(tmpdir(), 'mt-review-bench-page-'));
  const generated = join(folder, 'generated-1000');
  mkdirSync(generated);
  const { mt, corrected } = generateArticle(11, 32_000, 0.03);
  writeFileSync(join(generated, 'mt.txt'), mt);
  writeFileSync(join(generated, 'corrected.txt'), corrected);
  await importArticleFolder(server.db, generated);
  const context = await launchChromium(join(folder, 'profile'));
  const page = context.pages()[0] ?? (await context.newPage());
  try {
    await page.goto(`${server.url}/sign-in`);
    await signInWithForm(page);
    await page.waitForURL(/\/$/);
    const rows: (string | number)[][] = [];
    for (const id of ['lavrov-in-china', 'generated-1000']) {
      const url = `${server.url}/articles/${id}`;
      const edits = ((await (await server.api(`/api/articles/${id}`)).json()) as { edits: unknown[] }).edits.length;
      const weight = await pageWeight(page, url);
      const times = [];
      for (let i = 0; i < runs; i++) times.push(await timeToFirstVerdict(page, url));
      const kb = (bytes = 0) => fixed(bytes / 1024, 1);
      const total = Object.values(weight).reduce((a, b) => a + b, 0);
      rows.push([
        id,
        edits,
        kb(weight.document),
        kb(weight.stylesheet),
        kb(weight.script),
        kb(total),
        fixed(median(times.map((t) => t.ready)), 0),
        fixed(median(times.map((t) => t.verdict)), 0),
        fixed(median(times.map((t) => t.ready + t.verdict)), 0),
      ]);
    }
    printTable(
      `Review page in Chromium (median of ${runs}; weight of a cold load, uncompressed)`,
      ['article', 'edits', 'HTML kB', 'CSS kB', 'JS kB', 'total kB', 'ready ms', 'a→shown ms', 'first verdict ms'],
      rows,
    );
  } finally {
    await context.close();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
