// Two app instances (two real servers) on one PostgreSQL database: verdicts on both, a request id raced across them,
// a change on one seen by the other (next load and live), and kill -9 of an instance during a burst losing nothing.
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { importCorpus } from '../../../src/import-corpus.ts';
import { sessionSecret } from '../../../src/server.ts';
import { createApiToken, createReviewer, listEdits, openStore, type Store } from '../../../src/store/index.ts';
import { type EventStream, openEventStream } from '../../support/events.ts';
import { killDuringBurst } from '../../support/instances.ts';
import { createDatabase, type TestDatabase } from '../../support/postgres.ts';
import { repoRoot } from '../../support/server.ts';
import { pgUrl } from './helpers.ts';

const article = 'lavrov-in-china';
let database: TestDatabase;
const stores: Store[] = [];
const servers: Server[] = [];
let urlA: string;
let urlB: string;
let token: string;
let editIds: string[];
const streams: EventStream[] = [];

async function startInstance(location: string, secret: string): Promise<string> {
  const store = await openStore(location);
  stores.push(store);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = createApp({ db: store, secret }).listen(0, '127.0.0.1', () => resolve(listening));
    listening.on('error', reject);
  });
  servers.push(server);
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

const api = (base: string, path: string, body?: unknown) =>
  fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const postVerdict = (base: string, editId: string, body: Record<string, unknown>) =>
  api(base, `/api/edits/${encodeURIComponent(editId)}/verdicts`, body);
const countWithRequestId = async (id: string) =>
  (
    await (stores[0] as Store).get<{ n: number }>('SELECT count(*) AS n FROM verdicts WHERE client_request_id = :id', {
      id,
    })
  )?.n;

interface PageEdit {
  id: string;
  current: { decision: string; reviewer: string }[];
}
/** The edits as the review page's data has them (what review.js starts from). */
async function pageEdits(base: string): Promise<PageEdit[]> {
  const html = await (await api(base, `/articles/${article}`)).text();
  const json = /<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(html)?.[1];
  return (JSON.parse(json as string) as { edits: PageEdit[] }).edits;
}

describe.runIf(pgUrl)('two app instances on one PostgreSQL', () => {
  beforeAll(async () => {
    database = await createDatabase(pgUrl, 'instances');
    const setup = await openStore(database.url);
    try {
      await importCorpus(setup, join(repoRoot, 'corpus'));
      const reviewer = await createReviewer(setup, 'tester', 'correct horse battery staple');
      token = await createApiToken(setup, reviewer.id, 'instances');
      editIds = (await listEdits(setup, article)).map((edit) => edit.id);
    } finally {
      await setup.close();
    }
    const secret = await (async () => {
      const store = await openStore(database.url);
      try {
        return await sessionSecret(store);
      } finally {
        await store.close();
      }
    })();
    urlA = await startInstance(database.url, secret);
    urlB = await startInstance(database.url, secret);
  });

  afterAll(async () => {
    for (const stream of streams) stream.close();
    for (const server of servers) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
    for (const store of stores) await store.close();
    await database?.drop();
  });

  it('records verdicts on both instances, each seen through the other', async () => {
    const [a, b] = await Promise.all([
      postVerdict(urlA, editIds[0] as string, { decision: 'accept' }),
      postVerdict(urlB, editIds[1] as string, { decision: 'reject' }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    for (const base of [urlA, urlB]) {
      const edits = (await (await api(base, `/api/articles/${article}`)).json()) as {
        edits: { id: string; verdicts: { decision: string }[] }[];
      };
      expect(edits.edits.find((e) => e.id === editIds[0])?.verdicts).toMatchObject([{ decision: 'accept' }]);
      expect(edits.edits.find((e) => e.id === editIds[1])?.verdicts).toMatchObject([{ decision: 'reject' }]);
    }
  });

  it('records a client request id once when it reaches both instances at the same moment', async () => {
    for (let n = 0; n < 10; n++) {
      const clientRequestId = `raced-${n}`;
      const body = { decision: 'amend', amendedText: `raced ${n}`, clientRequestId };
      const answers = await Promise.all([
        postVerdict(urlA, editIds[2] as string, body),
        postVerdict(urlB, editIds[2] as string, body),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 201]);
      const [first, second] = (await Promise.all(answers.map((answer) => answer.json()))) as {
        verdict: { id: number };
        duplicate: boolean;
      }[];
      expect(first?.verdict.id).toBe(second?.verdict.id);
      expect([first?.duplicate, second?.duplicate].sort()).toEqual([false, true]);
      expect(await countWithRequestId(clientRequestId)).toBe(1);
    }
  });

  it('shows a verdict made on A on a page of B: live within a second, and on the next load', async () => {
    const editId = editIds[3] as string;
    expect((await pageEdits(urlB)).find((e) => e.id === editId)?.current).toEqual([]);
    const live = await openEventStream(`${urlB}/api/articles/${article}/events`, { Authorization: `Bearer ${token}` });
    streams.push(live);
    await live.next((event) => event.event === 'ready');
    const sent = performance.now();
    expect((await postVerdict(urlA, editId, { decision: 'reject' })).status).toBe(201);
    await live.next((event) => event.event === 'change', 1_000);
    expect(performance.now() - sent).toBeLessThan(1_000);
    expect((await pageEdits(urlB)).find((e) => e.id === editId)?.current).toMatchObject([
      { decision: 'reject', reviewer: 'tester' },
    ]);
  });

  it('loses no acknowledged verdict when an instance is killed (-9) during a burst (2 trials)', async () => {
    for (let trial = 0; trial < 2; trial++) {
      const { acknowledged, lost } = await killDuringBurst({
        location: database.url,
        corpus: join(repoRoot, 'corpus'),
        store: stores[0] as Store,
        token,
        editIds,
        prefix: `kill-${trial}`,
      });
      expect(acknowledged.length).toBeGreaterThanOrEqual(40);
      expect(lost).toEqual([]);
      // The instance that stayed up goes on answering.
      expect((await postVerdict(urlA, editIds[4] as string, { decision: 'accept' })).status).toBe(201);
    }
  }, 180_000);
});
