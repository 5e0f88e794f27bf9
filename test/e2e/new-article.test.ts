// The New-article page in Chromium: a lead pastes an article and uploads a zip of folders, from the article list.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getArticle, setReviewerRole } from '../../src/store/index.ts';
import { repoRoot, startTestServer, type TestServer } from '../support/server.ts';
import { executablePath, launchChromium, signInWithForm } from './support/browser.ts';

const haveChromium = existsSync(executablePath);
const mustRun = process.env.CI === 'true';

describe.runIf(haveChromium || mustRun)('the New-article page in Chromium', () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let profile = '';

  beforeAll(async () => {
    server = await startTestServer();
    await setReviewerRole(server.db, server.reviewer.id, 'lead');
    profile = mkdtempSync(join(tmpdir(), 'mt-review-chromium-'));
    context = await launchChromium(profile);
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(5_000);
    await page.goto(`${server.url}/`);
    await signInWithForm(page);
    await page.waitForURL(`${server.url}/`);
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('creates an article from the pasted texts and shows its review page', async () => {
    await page.getByRole('link', { name: 'New article' }).click();
    await page.waitForURL(`${server.url}/articles/new`);
    await page.getByLabel('Machine translation (required)').fill('The Minister-President spoke loud the agency.');
    await page.getByLabel(/^Corrected text/).fill('The state premier spoke, according to the agency.');
    await page.getByLabel('Title', { exact: true }).fill('Premier speaks');
    await page.getByLabel('Publisher', { exact: true }).fill('Example Zeitung');
    await page.getByRole('button', { name: 'Create the article' }).click();
    // The review page selects its first edit in the address (?edit=) as it loads: the path alone is compared.
    await page.waitForURL((url) => url.pathname === '/articles/premier-speaks');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Premier speaks');
    expect(await page.locator('#progress-text').textContent()).toMatch(/^0 of [1-9]\d* reviewed$/);
  });

  it('uploads a zip of article folders and lists what came in and what was refused', async () => {
    await page.goto(`${server.url}/articles/new`);
    await page
      .getByLabel('Files', { exact: true })
      .setInputFiles(join(repoRoot, 'test/fixtures/upload/two-articles.zip'));
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.waitForURL(`${server.url}/articles/upload`);
    const imported = page.locator('.upload-result .imported');
    expect(await imported.textContent()).toContain('flood-in-valencia: new');
    expect(await page.locator('.upload-result .problems').textContent()).toContain('is not a slug');
    await imported.getByRole('link', { name: 'flood-in-valencia' }).click();
    // The review page selects its first edit in the address (?edit=) as it loads: the path alone is compared.
    await page.waitForURL((url) => url.pathname === '/articles/flood-in-valencia');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Flood in Valencia');
    expect(await getArticle(server.db, 'strike-at-the-port')).toBeDefined();
  });
});
