// Article list benchmark at 10,000 articles: time and size of `/` and `/api/articles`, first and deep pages, filters
// and search, against the old list's query (every article with its counts) measured in the same run.
import { createApiToken, createReviewer, listArticles, type Store } from '../src/store/index.ts';
import { type Session, signInAs, startTestServer } from '../test/support/server.ts';
import { fixed, medianMsAsync, printTable } from './measure.ts';

const articles = 10_000;
const publishers = ['Frankfurter Rundschau', 'Der Spiegel', 'Die Zeit', 'Bild', 'taz', 'Tagesschau', 'n-tv', 'Focus'];
const words = ['harbour', 'election', 'weather', 'coalition', 'inflation', 'football', 'railway', 'hospital'];

/** Inserts `count` short articles directly (the triggers add their review rows, revisions and search rows). */
export async function generateListArticles(db: Store, count: number, assigneeId: number): Promise<void> {
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const id = `bench-${String(i).padStart(5, '0')}`;
      const topic = words[i % words.length] as string;
      const mt = `Report ${i} about the ${topic}. The mayor say that the ${words[(i * 7) % words.length]} was discussed.`;
      await tx.run(
        `INSERT INTO articles (id, title, published, publisher, mt, content_hash, imported_at, updated_at)
         VALUES (:id, :title, :published, :publisher, :mt, :hash, :at, :at)`,
        {
          id,
          title: `Generated report ${i} on the ${topic} and what it means for the region`,
          published:
            i % 50 === 0
              ? null
              : `20${20 + (i % 5)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
          publisher: publishers[i % publishers.length] as string,
          mt,
          hash: id,
          at: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
        },
      );
      if (i % 40 === 0) {
        await tx.run(
          `INSERT INTO assignments (article_id, reviewer_id, assigned_by, assigned_at) VALUES (:id, :r, :r, :at)`,
          { id, r: assigneeId, at: new Date().toISOString() },
        );
      }
    }
    // Counts of edits by outcome as verdicts would have left them: some new, some under way, some done or disputed.
    await tx.run(`UPDATE article_review SET edits = 20,
      undecided = CAST(substr(article_id, 7) AS INTEGER) % 21,
      disputed = CASE WHEN CAST(substr(article_id, 7) AS INTEGER) % 13 = 0 AND CAST(substr(article_id, 7) AS INTEGER) % 21 < 20 THEN 1 ELSE 0 END,
      agreed = 20 - CAST(substr(article_id, 7) AS INTEGER) % 21
        - CASE WHEN CAST(substr(article_id, 7) AS INTEGER) % 13 = 0 AND CAST(substr(article_id, 7) AS INTEGER) % 21 < 20 THEN 1 ELSE 0 END
      WHERE article_id LIKE 'bench-%'`);
  });
}

/** The API path of the page `depth` pages after `path` (following next links, as `get`'s viewer sees them). */
async function deepPath(get: (path: string) => Promise<Response>, path: string, depth: number): Promise<string> {
  let url = path;
  for (let i = 0; i < depth; i++) {
    const body = (await (await get(url)).json()) as { nextUrl: string | null };
    if (!body.nextUrl) throw new Error(`${path} has fewer than ${depth + 1} pages`);
    url = body.nextUrl;
  }
  return url;
}

/** The page's path for an API path: the same query on `/`. */
const html = (apiPath: string) => apiPath.replace('/api/articles', '/');

/** Runs the list benchmark and prints its table. */
export async function benchList(): Promise<void> {
  const server = await startTestServer();
  try {
    const lead = await createReviewer(server.db, 'bench-lead', 'correct horse battery staple', { role: 'lead' });
    const leadToken = await createApiToken(server.db, lead.id, 'bench');
    const started = performance.now();
    await generateListArticles(server.db, articles, server.reviewer.id);
    console.log(`\nList bench: ${articles} articles inserted in ${fixed((performance.now() - started) / 1000, 1)} s`);
    const sessions: Record<string, Session> = {
      reviewer: await server.signIn(),
      lead: await signInAs(server.url, 'bench-lead', 'correct horse battery staple'),
    };
    const api = (path: string) =>
      fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${leadToken}`, Accept: 'application/json' } });
    const baseline = await medianMsAsync(() => listArticles(server.db), 5, 1);
    const rows: (string | number)[][] = [];
    const asReviewer = (path: string) => (sessions.reviewer as Session).fetch(path);
    const cases: [string, string, string][] = [
      ['reviewer', 'HTML first page', '/'],
      ['reviewer', 'HTML page 100', html(await deepPath(asReviewer, '/api/articles', 99))],
      ['lead', 'HTML first page', '/'],
      ['lead', 'HTML page 150', html(await deepPath(api, '/api/articles', 149))],
      ['lead', 'HTML by progress, page 100', html(await deepPath(api, '/api/articles?sort=progress', 99))],
      ['lead', 'HTML search "harbour"', '/?q=harbour'],
      ['lead', 'HTML disputed, Die Zeit', `/?outcome=disputed&publisher=${encodeURIComponent('Die Zeit')}`],
      ['lead', 'JSON first page', '/api/articles'],
      ['lead', 'JSON page 150', await deepPath(api, '/api/articles', 149)],
      ['lead', 'JSON 100 rows', '/api/articles?limit=100'],
      ['lead', 'JSON search, imported dates', '/api/articles?q=hospital+report&date=imported&from=2025-01-02'],
    ];
    for (const [who, label, path] of cases) {
      const get = () => (sessions[who] as Session).fetch(path, { headers: { Accept: 'text/html,application/json' } });
      const first = await get();
      if (first.status !== 200) throw new Error(`${path} answered ${first.status}`);
      const bytes = (await first.arrayBuffer()).byteLength;
      const ms = await medianMsAsync(async () => (await get()).arrayBuffer(), 9, 2);
      rows.push([who, label, fixed(ms, 1), fixed(bytes / 1024, 1), fixed(ms / baseline, 2)]);
    }
    printTable(
      `Article list at ${articles} articles (median of 9 requests; baseline: the old list's query of every article, ${fixed(baseline, 1)} ms)`,
      ['viewer', 'page', 'ms', 'kB', 'x baseline'],
      rows,
    );
  } finally {
    await server.close();
  }
}
