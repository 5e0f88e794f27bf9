// `mt-review migrate --from FILE.db --to postgres://...` on the seed corpus plus generated data: everything arrives,
// counts and checksums match, sign-ins and tokens keep working, new ids come after the copied ones, and a non-empty
// target is refused unless --replace.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli.ts';
import { importArticleFolder, importCorpus } from '../../../src/import-corpus.ts';
import {
  approveArticle,
  articleEvents,
  assignReviewer,
  createApiToken,
  createReviewer,
  createSession,
  createSignInLink,
  findReviewerByApiToken,
  findSessionReviewer,
  listArticles,
  listEdits,
  listReviewers,
  loadArticleReview,
  openStore,
  recordVerdict,
  retractVerdict,
  type Store,
  setReviewMode,
} from '../../../src/store/index.ts';
import { createDatabase, type TestDatabase } from '../../support/postgres.ts';
import { repoRoot } from '../../support/server.ts';
import { pgUrl } from './helpers.ts';

let folder: string;
let file: string;
let database: TestDatabase;
let apiToken: string;
let sessionToken: string;
const generatedArticles = 24;

/** A deterministic pseudo-random sequence, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const words = ['minister', 'Lavrov', 'Beijing', 'said', 'the', 'talks', 'Wang', 'Yi', 'Kyiv', 'Ukraine', '„quote“'];

/** Article folders with an MT and a post-edit that differs in a few words per paragraph, some with a source. */
function generateCorpus(dir: string): void {
  const next = random(7);
  const pick = () => words[Math.floor(next() * words.length)] as string;
  for (let a = 0; a < generatedArticles; a++) {
    const article = join(dir, `generated-${a}`);
    mkdirSync(article, { recursive: true });
    const mt: string[] = [];
    const corrected: string[] = [];
    for (let p = 0; p < 6; p++) {
      const sentence = Array.from({ length: 25 }, pick);
      mt.push(sentence.join(' '));
      corrected.push(sentence.map((word) => (next() < 0.08 ? `${pick()}é` : word)).join(' '));
    }
    writeFileSync(join(article, 'mt.txt'), `${mt.join('\n\n')}\n`);
    writeFileSync(join(article, 'corrected.txt'), `${corrected.join('\n\n')}\n`);
    writeFileSync(join(article, 'article.json'), JSON.stringify({ title: `Generated ${a} — “ünïcødé” 🚀` }));
  }
}

/** A SQLite database with the seed corpus, the fixtures and generated articles, reviewed by a team. */
async function fill(db: Store): Promise<void> {
  await importCorpus(db, join(repoRoot, 'corpus'));
  for (const fixture of ['bahn-with-source', 'source-unaligned']) {
    await importArticleFolder(db, join(repoRoot, 'test/fixtures/articles', fixture));
  }
  await importArticleFolder(db, join(repoRoot, 'test/fixtures/corpus/html-injection'));
  const generated = join(folder, 'generated');
  generateCorpus(generated);
  await importCorpus(db, generated);
  const lead = await createReviewer(db, 'lea', 'correct horse battery staple', { role: 'lead' });
  const ann = await createReviewer(db, 'ann', 'correct horse battery staple');
  const bob = await createReviewer(db, 'Bünal', 'correct horse battery staple');
  await createReviewer(db, 'admin', 'correct horse battery staple', { role: 'admin' });
  apiToken = await createApiToken(db, ann.id, 'laptop');
  sessionToken = await createSession(db, bob.id, 24 * 3600 * 1000);
  await createSignInLink(db, lead.id, 3600 * 1000);
  const next = random(11);
  const decisions = ['accept', 'reject', 'amend'] as const;
  for (const article of await listArticles(db)) {
    for (const edit of await listEdits(db, article.id)) {
      for (const reviewer of [ann, bob]) {
        const decision = decisions[Math.floor(next() * 3)] as (typeof decisions)[number];
        await recordVerdict(db, {
          editId: edit.id,
          reviewerId: reviewer.id,
          decision,
          severity: next() < 0.5 ? 'minor' : 'major',
          note: next() < 0.3 ? `note ✓ ${edit.id} <b>&amp;</b>` : null,
          amendedText: decision === 'amend' ? `${edit.correctedText} ✎` : null,
          clientRequestId: `${reviewer.id}-${edit.id}`,
        });
      }
      if (next() < 0.2) await retractVerdict(db, edit.id, ann.id, 'verdict');
      if (next() < 0.2)
        await recordVerdict(db, { editId: edit.id, reviewerId: lead.id, kind: 'adjudication', decision: 'accept' });
    }
    if (next() < 0.3) await assignReviewer(db, article.id, ann.id, lead.id);
    if (next() < 0.3) await setReviewMode(db, article.id, 'open', lead.id);
  }
  await approveArticle(db, 'lavrov-in-china', lead.id, 'ready').catch(() => undefined);
}

/** Runs the CLI and returns its exit code and what it printed. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const code = await main(args);
    return { code, out: out.join('\n'), err: err.join('') };
  } finally {
    log.mockRestore();
    write.mockRestore();
  }
}

async function both<T>(read: (db: Store) => Promise<T>): Promise<[T, T]> {
  const source = await openStore(file);
  const target = await openStore(database.url);
  try {
    return [await read(source), await read(target)];
  } finally {
    await source.close();
    await target.close();
  }
}

describe.runIf(pgUrl)('mt-review migrate (SQLite to PostgreSQL)', () => {
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'mt-review-migrate-'));
    file = join(folder, 'mt-review.db');
    const db = await openStore(file);
    try {
      await fill(db);
    } finally {
      await db.close();
    }
    database = await createDatabase(pgUrl, 'migrate');
  }, 120_000);

  afterAll(async () => {
    await database?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('copies every table, and says that counts and checksums match', async () => {
    const { code, out, err } = await cli(['migrate', '--from', file, '--to', database.url]);
    expect(err).toBe('');
    expect(code).toBe(0);
    for (const table of ['reviewers', 'sessions', 'api_tokens', 'articles', 'edits', 'verdicts', 'retractions']) {
      expect(out).toMatch(new RegExp(`^${table} +[1-9]\\d* row\\(s\\)  ok`, 'm'));
    }
    for (const table of ['article_events', 'assignments', 'settings', 'sign_in_links', 'edit_outcomes']) {
      expect(out).toMatch(new RegExp(`^${table} +[1-9]\\d* row\\(s\\)  ok`, 'm'));
    }
    expect(out).toMatch(/counts and checksums match\.$/);
  }, 120_000);

  it('reads the same on both: every article review, the reviewers, the events', async () => {
    const [articlesFrom, articlesTo] = await both(listArticles);
    expect(articlesTo).toEqual(articlesFrom);
    expect(articlesFrom.length).toBeGreaterThanOrEqual(generatedArticles + 4);
    for (const { id } of articlesFrom) {
      const [from, to] = await both((db) => loadArticleReview(db, id));
      expect(to).toEqual(from);
      const [eventsFrom, eventsTo] = await both((db) => articleEvents(db, id));
      expect(eventsTo).toEqual(eventsFrom);
    }
    const [reviewersFrom, reviewersTo] = await both(listReviewers);
    expect(reviewersTo).toEqual(reviewersFrom);
  }, 120_000);

  it('keeps sign-ins and tokens working, and gives new rows ids after the copied ones', async () => {
    const target = await openStore(database.url);
    try {
      expect((await findReviewerByApiToken(target, apiToken))?.name).toBe('ann');
      expect((await findSessionReviewer(target, sessionToken, 3600 * 1000))?.name).toBe('Bünal');
      const before = await target.get<{ max: number }>('SELECT max(id) AS max FROM verdicts');
      const ann = (await listReviewers(target)).find((r) => r.name === 'ann');
      const editId = (await listEdits(target, 'generated-0'))[0]?.id as string;
      const { verdict } = await recordVerdict(target, { editId, reviewerId: ann?.id as number, decision: 'reject' });
      expect(verdict.id).toBe((before?.max as number) + 1);
      const carl = await createReviewer(target, 'carl', 'correct horse battery staple');
      expect(carl.id).toBe(Math.max(...(await listReviewers(target)).map((r) => r.id)));
    } finally {
      await target.close();
    }
  });

  it('refuses a target that holds data, and replaces it with --replace', async () => {
    const refused = await cli(['migrate', '--from', file, '--to', database.url]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is not empty \(.*verdicts.*\): pass --replace/);
    const replaced = await cli(['migrate', '--from', file, '--to', database.url, '--replace']);
    expect(replaced.err).toBe('');
    expect(replaced.code).toBe(0);
    const [from, to] = await both((db) => db.get<{ n: number }>('SELECT count(*) AS n FROM reviewers'));
    expect(to?.n).toBe(from?.n);
  }, 120_000);

  it('refuses wrong arguments with a usage error (2)', async () => {
    expect((await cli(['migrate', '--from', file])).code).toBe(2);
    expect((await cli(['migrate', '--from', database.url, '--to', database.url])).code).toBe(2);
    expect((await cli(['migrate', '--from', file, '--to', join(folder, 'other.db')])).code).toBe(2);
    const missing = await cli(['migrate', '--from', join(folder, 'missing.db'), '--to', database.url]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no database at');
  });
});
