// Test harness for the HTTP and browser tests: the real app on port 0 over a real store (a SQLite file, or PostgreSQL
// in the run's postgres project: see test-store.ts).
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AppOptions, createApp } from '../../src/app.ts';
import { importArticleFolder, importCorpus } from '../../src/import-corpus.ts';
import {
  createApiToken,
  createReviewer,
  findReviewerByName,
  listArticles,
  listVerdicts,
  openStore,
  type Reviewer,
  type Store,
  type StoredVerdict,
} from '../../src/store/index.ts';
import { createTestStore, type TestStore } from './test-store.ts';

/** The repository root, so tests find `corpus/` and the fixtures whatever the working directory. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The reviewer every harness creates, and their password. */
export const reviewerName = 'tester';
export const reviewerPassword = 'correct horse battery staple';
/** The fixture folders imported beside the repository's corpus. */
const fixtureArticles = ['html-injection', 'mt-only'].map((id) => join(repoRoot, 'test/fixtures/corpus', id));

/** A signed-in browser-like client: keeps the session cookie and knows the page's CSRF token. */
export interface Session {
  cookie: string;
  csrfToken: string;
  /** fetch with the session cookie and no redirect following. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** POSTs form fields (with `_csrf` unless given) as application/x-www-form-urlencoded. */
  postForm(path: string, fields: Record<string, string>): Promise<Response>;
}

/** A running app with its store; `close` stops both, `restart` reopens the same store behind a new app. */
export interface TestServer {
  url: string;
  port: number;
  db: Store;
  /** The store's file or URL, as `--db` takes it. */
  dbLocation: string;
  /** A temp folder beside the store, removed with it. */
  folder: string;
  reviewer: Reviewer;
  apiToken: string;
  /** fetch with `Authorization: Bearer <apiToken>`; a JSON body is sent as JSON. */
  api(path: string, init?: Omit<RequestInit, 'body'> & { body?: unknown }): Promise<Response>;
  signIn(): Promise<Session>;
  /** Every verdict ever recorded, over all articles (the history, not only current verdicts), oldest first. */
  savedVerdicts(): Promise<StoredVerdict[]>;
  restart(): Promise<TestServer>;
  close(): Promise<void>;
}

/** The `content` of `<meta name="csrf-token">` in an HTML page. */
export function csrfTokenOf(html: string): string {
  const token = /<meta name="csrf-token" content="([^"]*)">/.exec(html)?.[1];
  if (!token) throw new Error('the page has no csrf-token meta element with a value');
  return token;
}

/** The `name=value` part of a Set-Cookie header for `name`. */
function cookieFrom(response: Response, name: string): string {
  const header = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!header) throw new Error(`no ${name} cookie in the response (status ${response.status})`);
  return header.split(';')[0] as string;
}

/** What a test may set on the app besides its store and secret. */
export type TestAppOptions = Omit<AppOptions, 'db' | 'secret'>;

async function listen(db: Store, secret: string, options: TestAppOptions): Promise<Server> {
  const app = createApp({ ...options, db, secret });
  return new Promise<Server>((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
    server.on('error', reject);
  });
}

async function stop(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function running(testStore: TestStore, db: Store, secret: string, options: TestAppOptions): Promise<TestServer> {
  await importCorpus(db, join(repoRoot, 'corpus'));
  for (const folder of fixtureArticles) await importArticleFolder(db, folder);
  const reviewer =
    (await findReviewerByName(db, reviewerName)) ?? (await createReviewer(db, reviewerName, reviewerPassword));
  const apiToken = await createApiToken(db, reviewer.id, 'tests');
  const server = await listen(db, secret, options);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  let closed = false;
  const shutdown = async (remove: boolean) => {
    if (closed) return;
    closed = true;
    await stop(server);
    await db.close();
    if (remove) await testStore.remove();
  };

  const harness: TestServer = {
    url,
    port,
    db,
    dbLocation: testStore.location,
    folder: testStore.folder,
    reviewer,
    apiToken,
    api(path, init = {}) {
      const { body, headers, ...rest } = init;
      const json = body !== undefined && typeof body !== 'string';
      return fetch(`${url}${path}`, {
        redirect: 'manual',
        ...rest,
        headers: {
          Authorization: `Bearer ${apiToken}`,
          Accept: 'application/json',
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(headers as Record<string, string> | undefined),
        },
        ...(body !== undefined ? { body: json ? JSON.stringify(body) : (body as string) } : {}),
      });
    },
    signIn: () => signInAs(url, reviewerName, reviewerPassword),
    async savedVerdicts() {
      const all: StoredVerdict[] = [];
      for (const article of await listArticles(db)) all.push(...(await listVerdicts(db, article.id)));
      return all.sort((a, b) => a.id - b.id);
    },
    async restart() {
      await shutdown(false);
      return running(testStore, await openStore(testStore.location), secret, options);
    },
    close: () => shutdown(true),
  };
  return harness;
}

/** Signs in through the sign-in form as `name`; throws unless it answers 303 with a session cookie. */
export async function signInAs(url: string, name: string, password: string): Promise<Session> {
  const response = await fetch(`${url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ name, password, next: '/' }),
  });
  if (response.status !== 303) throw new Error(`sign-in as ${name} answered ${response.status}`);
  return sessionFor(url, cookieFrom(response, 'mtr_session'));
}

/** A session client for an existing cookie; reads the CSRF token from the article list page. */
export async function sessionFor(url: string, cookie: string): Promise<Session> {
  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, {
      redirect: 'manual',
      ...init,
      headers: { Cookie: cookie, ...(init.headers as Record<string, string> | undefined) },
    });
  const page = await get('/');
  if (page.status !== 200) throw new Error(`the article list answered ${page.status} to a signed-in request`);
  const csrfToken = csrfTokenOf(await page.text());
  return {
    cookie,
    csrfToken,
    fetch: get,
    postForm: (path, fields) =>
      get(path, { method: 'POST', body: new URLSearchParams({ _csrf: csrfToken, ...fields }) }),
  };
}

/** Starts the app on 127.0.0.1 port 0 over a new, empty store, with the corpus and the fixtures imported. */
export async function startTestServer(options: TestAppOptions = {}): Promise<TestServer> {
  const testStore = await createTestStore();
  return running(testStore, testStore.store, randomBytes(32).toString('base64url'), options);
}
