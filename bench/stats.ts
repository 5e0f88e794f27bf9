// Benchmark of the statistics on a generated corpus: 10,000 articles and 1,000,000 verdicts, cold and kept.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractEdits } from '../src/diff/index.ts';
import { loadStatistics } from '../src/stats/load-stats.ts';
import {
  createReviewer,
  importArticle,
  listEdits,
  openStore,
  recordVerdict,
  recordVerdictBatch,
  type Store,
} from '../src/store/index.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { articlePair, random } from '../test/diff/generate-pairs.ts';
import { fixed, medianMsAsync } from './measure.ts';

const decisions = ['accept', 'accept', 'accept', 'reject', 'amend'] as const;
const severities = ['minor', 'minor', 'major', 'neutral', 'critical'] as const;
const categories = ['design/page-furniture', 'design/link-residue', 'linguistic/grammar', 'accuracy/mistranslation'];

/** Fills `db` with `articles` articles of about 20 edits, and `verdictsPerArticle` verdicts on each from 5 reviewers. */
export async function generate(db: Store, articles: number, verdictsPerArticle: number): Promise<void> {
  const reviewers: { id: number }[] = [];
  for (const name of ['anna', 'ben', 'cleo', 'dan', 'eva'])
    reviewers.push(await createReviewer(db, name, 'a long passphrase'));
  const rand = random(7);
  // Bulk load only: no fsync per transaction while generating (the measured reads do not depend on it).
  const connection = db instanceof SqliteStore ? db.connection : undefined;
  connection?.pragma('synchronous = OFF');
  for (let i = 0; i < articles; i++) {
    const id = `article-${i}`;
    const { mt, corrected } = articlePair(i, 6, 25, 0.12);
    await importArticle(
      db,
      { id, dir: id, meta: { title: `Article ${i}`, published: '2026-01-01' }, mt, corrected },
      extractEdits(mt, corrected, { salt: id }),
    );
    const edits = await listEdits(db, id);
    if (edits.length === 0) continue;
    const inputs = Array.from({ length: verdictsPerArticle }, (_, v) => {
      const pick = Math.floor(rand() * 5);
      return {
        editId: (edits[v % edits.length] as { id: string }).id,
        reviewerId: (reviewers[v % 5] as { id: number }).id,
        decision: decisions[pick] as (typeof decisions)[number],
        amendedText: 'amended',
        category: categories[pick % categories.length] as string,
        severity: severities[pick] as (typeof severities)[number],
      };
    });
    await recordVerdictBatch(db, inputs);
  }
  connection?.pragma('synchronous = FULL');
}

/** Prints the time of the statistics: cold (every article computed), kept (nothing changed), after one verdict. */
export async function benchStats(articles = 10_000, verdictsPerArticle = 100): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'mt-review-bench-stats-'));
  try {
    const db = await openStore(join(folder, 'stats.db'));
    let start = performance.now();
    await generate(db, articles, verdictsPerArticle);
    const verdicts = ((await db.get<{ n: number }>('SELECT count(*) AS n FROM verdicts')) as { n: number }).n;
    console.log(
      `\nStatistics on ${articles} articles and ${verdicts} verdicts (generated in ${fixed((performance.now() - start) / 1000, 1)} s)`,
    );
    start = performance.now();
    await loadStatistics(db);
    console.log(`  cold (every article's part computed):  ${fixed(performance.now() - start, 0)} ms`);
    const kept = await medianMsAsync(() => loadStatistics(db), 5, 1);
    console.log(`  nothing changed (parts kept):          ${fixed(kept, 1)} ms   target < 100 ms`);
    const anna = 1;
    const edit = (await listEdits(db, 'article-42'))[0] as { id: string };
    const afterVerdict = await medianMsAsync(
      async () => {
        await recordVerdict(db, { editId: edit.id, reviewerId: anna, decision: 'reject' });
        await loadStatistics(db);
      },
      5,
      0,
    );
    console.log(`  a verdict, then the statistics:        ${fixed(afterVerdict, 1)} ms   target < 100 ms`);
    await db.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
