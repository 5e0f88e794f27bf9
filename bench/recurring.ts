// Benchmark of the recurring view on a generated corpus: 10,000 articles of 20 edits, a third of them recurring.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { groupKeyOf } from '../src/store/group-keys.ts';
import {
  createReviewer,
  getRecurring,
  listOccurrences,
  listRecurring,
  openStore,
  recordBulkVerdicts,
  type Store,
  undoBulkAction,
} from '../src/store/index.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { fixed, medianMsAsync } from './measure.ts';

// Writes the rows straight through the SQLite connection: 200,000 edits through the Store would take minutes.
export function generate(db: Store, articles: number, editsPerArticle: number): number {
  if (!(db instanceof SqliteStore)) throw new Error('the recurring bench generates on SQLite');
  const c = db.connection;
  c.pragma('synchronous = OFF');
  const now = new Date().toISOString();
  const article = c.prepare(
    `INSERT INTO articles (id, title, mt, content_hash, imported_at, updated_at)
     VALUES (?, ?, 'mt', ?, ?, ?)`,
  );
  const edit = c.prepare(
    `INSERT INTO edits (id, article_id, ordinal, mt_start, mt_end, mt_text, corrected_start, corrected_end,
       corrected_text, paragraph, context_before, context_after, origin, check_id, group_key, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'before ', ' after', ?, ?, ?, 'current', ?)`,
  );
  let n = 0;
  c.transaction(() => {
    for (let a = 0; a < articles; a++) {
      const id = `article-${a}`;
      article.run(id, `Article ${a}`, id, now, now);
      for (let e = 0; e < editsPerArticle; e++) {
        // Every third edit is one of 300 recurring corrections (a few very frequent), the others unique.
        const recurring = e % 3 === 0;
        const r = recurring ? Math.floor((300 * ((a * 7 + e) % 1000) ** 2) / 1_000_000) : -1;
        const mtText = recurring ? `Recurring phrase ${r}` : `unique text ${a}-${e}`;
        const correctedText = recurring ? (r % 2 ? '' : `Fixed ${r}`) : `fixed ${a}-${e}`;
        const origin = recurring && r % 3 === 0 ? `check:check-${r % 5}` : 'post-edit';
        const checkId = origin.startsWith('check:') ? origin.slice(6) : null;
        const key = groupKeyOf({ origin, checkId, mtText, correctedText });
        edit.run(
          `${id}-e${e}`,
          id,
          e,
          e * 10,
          e * 10 + 5,
          mtText,
          e * 10,
          e * 10 + 5,
          correctedText,
          origin,
          checkId,
          key,
          now,
        );
        n++;
      }
    }
  })();
  c.pragma('synchronous = FULL');
  c.exec('ANALYZE');
  return n;
}

/** Prints the time of the recurring view's queries, against grouping the texts themselves without the key's index. */
export async function benchRecurring(articles = 10_000, editsPerArticle = 20): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'mt-review-bench-recurring-'));
  try {
    const db = await openStore(join(folder, 'recurring.db'));
    let start = performance.now();
    const edits = generate(db, articles, editsPerArticle);
    console.log(
      `\nRecurring corrections on ${articles} articles, ${edits} edits (generated in ${fixed((performance.now() - start) / 1000, 1)} s)`,
    );
    const reviewer = await createReviewer(db, 'anna', 'a long passphrase');
    const page = () => listRecurring(db, { limit: 50, offset: 0, minOccurrences: 2 });
    const first = await page();
    const top = first.groups[0];
    if (!top) throw new Error('no recurring group generated');
    const listMs = await medianMsAsync(page, 5, 1);
    // The baseline: the same grouping over the texts, as a query without the group key would have to do it.
    const baseline = await medianMsAsync(
      () =>
        db.all(
          `SELECT check_id, mt_text, corrected_text, count(*) AS n FROM edits WHERE status = 'current'
           GROUP BY check_id, mt_text, corrected_text HAVING count(*) >= 2 ORDER BY n DESC LIMIT 50`,
        ),
      5,
      1,
    );
    const groupMs = await medianMsAsync(
      async () => {
        await getRecurring(db, top.key);
        await listOccurrences(db, top.key, reviewer.id, { limit: 500, offset: 0 });
      },
      5,
      1,
    );
    start = performance.now();
    const dry = await recordBulkVerdicts(db, {
      key: top.key,
      reviewerId: reviewer.id,
      decision: 'accept',
      dryRun: true,
    });
    const dryMs = performance.now() - start;
    start = performance.now();
    const real = await recordBulkVerdicts(db, { key: top.key, reviewerId: reviewer.id, decision: 'accept' });
    const recordMs = performance.now() - start;
    start = performance.now();
    await undoBulkAction(db, real.actionId as number, reviewer.id);
    const undoMs = performance.now() - start;
    console.log(`  ${first.total} groups; the largest: ${top.occurrences} occurrences in ${top.articles} articles`);
    console.log(`  first page of groups (50, with texts and undecided counts): ${fixed(listMs, 1)} ms`);
    console.log(
      `  baseline, grouping the texts (no key):                      ${fixed(baseline, 1)} ms   ratio ${fixed(baseline / listMs, 1)}x`,
    );
    console.log(`  the largest group and its first 500 occurrences:            ${fixed(groupMs, 1)} ms`);
    console.log(`  bulk accept, dry run (${dry.recorded.length} edits):                         ${fixed(dryMs, 0)} ms`);
    console.log(
      `  bulk accept, recorded (${real.recorded.length} verdicts):                     ${fixed(recordMs, 0)} ms`,
    );
    console.log(
      `  its undo (${real.recorded.length} retractions):                               ${fixed(undoMs, 0)} ms`,
    );
    await db.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
