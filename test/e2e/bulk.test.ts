// Bulk review and "Article done" in Debian's Chromium, in a browser of their own (see review.test.ts for the rest).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { repoRoot, startTestServer } from '../support/server.ts';
import { bulkSuite } from './suites/bulk.ts';
import { executablePath, launchChromium, signInWithForm } from './support/browser.ts';
import { type E2E, open } from './support/context.ts';

const haveChromium = existsSync(executablePath);
const mustRun = process.env.CI === 'true';

const e2e = { artifacts: join(repoRoot, 'test-artifacts') } as E2E;
const pageErrors: string[] = [];
let profile = '';

describe.runIf(haveChromium || mustRun)('bulk review in Chromium', () => {
  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${executablePath} is missing and CI=true: the browser test must run in CI`);
    e2e.server = await startTestServer();
    mkdirSync(e2e.artifacts, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'mt-review-chromium-'));
    e2e.context = await launchChromium(profile);
    e2e.page = e2e.context.pages()[0] ?? (await e2e.context.newPage());
    e2e.page.setDefaultTimeout(5_000);
    e2e.page.on('pageerror', (error) => pageErrors.push(error.message));
    await open(e2e, '/');
    await signInWithForm(e2e.page);
    await e2e.page.waitForURL(`${e2e.server.url}/`);
  });

  afterAll(async () => {
    await e2e.context?.close();
    await e2e.server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  bulkSuite(e2e);

  it('ran every page without a script error', () => {
    if (pageErrors.length > 0) throw new Error(pageErrors.join('\n'));
  });
});

if (!haveChromium && !mustRun) {
  const reason = `skipped: ${executablePath} not found; apt-get install chromium`;
  console.warn(`bulk review in Chromium ${reason}`);
  describe.skip('bulk review in Chromium', () => {
    it(reason, () => {});
  });
}
