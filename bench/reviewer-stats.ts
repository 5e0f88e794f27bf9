// Benchmark of the per-reviewer statistics on a generated corpus: 10,000 articles, 1,000,000 verdicts, adjudications.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReviewerStats } from '../src/stats/load-reviewer-stats.ts';
import { createReviewer, listEdits, openStore, recordVerdict, recordVerdictBatch } from '../src/store/index.ts';
import { fixed, medianMsAsync } from './measure.ts';
import { generate } from './stats.ts';

/** Prints the time of /api/stats/reviewers' figures: cold, kept (nothing changed), after one verdict, a deep page. */
export async function benchReviewerStats(articles = 10_000, verdictsPerArticle = 100): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'mt-review-bench-reviewers-'));
  try {
    const db = await openStore(join(folder, 'reviewers.db'));
    let start = performance.now();
    await generate(db, articles, verdictsPerArticle);
    // A lead's final word on the first two edits of every tenth article.
    const lead = await createReviewer(db, 'lea', 'a long passphrase', { role: 'lead' });
    for (let i = 0; i < articles; i += 10) {
      const edits = (await listEdits(db, `article-${i}`)).slice(0, 2);
      const decision = i % 20 === 0 ? 'accept' : 'reject';
      await recordVerdictBatch(
        db,
        edits.map((e) => ({ editId: e.id, reviewerId: lead.id, kind: 'adjudication' as const, decision })),
      );
    }
    const verdicts = ((await db.get<{ n: number }>('SELECT count(*) AS n FROM verdicts')) as { n: number }).n;
    console.log(
      `\nPer-reviewer statistics on ${articles} articles and ${verdicts} verdicts (generated in ${fixed((performance.now() - start) / 1000, 1)} s)`,
    );
    start = performance.now();
    const first = await loadReviewerStats(db);
    console.log(`  cold (the grouped scans):               ${fixed(performance.now() - start, 0)} ms`);
    console.log(
      `  ${first.reviewers.length} reviewers, ${first.pairs.length} pairs, ${first.articles.length} articles on the page`,
    );
    const kept = await medianMsAsync(() => loadReviewerStats(db), 5, 1);
    console.log(`  nothing changed (aggregates kept):      ${fixed(kept, 1)} ms`);
    const deep = await medianMsAsync(() => loadReviewerStats(db, { after: 'article-9000', limit: 200 }), 5, 1);
    console.log(`  a deep page of 200 articles (kept):     ${fixed(deep, 1)} ms`);
    const edit = (await listEdits(db, 'article-42'))[0] as { id: string };
    const afterVerdict = await medianMsAsync(
      async () => {
        await recordVerdict(db, { editId: edit.id, reviewerId: 1, decision: 'reject' });
        await loadReviewerStats(db);
      },
      3,
      0,
    );
    console.log(`  a verdict, then the figures:            ${fixed(afterVerdict, 1)} ms`);
    await db.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
