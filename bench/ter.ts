// Benchmarks of TER: corpus TER over 10,000 generated sentence pairs; an article's HTER at 6,000 to 350,000 words.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractEdits } from '../src/diff/index.ts';
import { corpusTer } from '../src/metrics/ter.ts';
import { resolveReview } from '../src/review/resolve.ts';
import { generateArticle } from '../test/metrics/generate-article.ts';
import type { HterFigures, HterInput } from './hter-child.ts';
import { fixed, printTable } from './measure.ts';

const pairCount = 10_000;
const runs = 5;

// A fixed-seed generator, so every run and every machine times the same corpus.
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

// News-like pairs: a reference of 10-40 words and a hypothesis with a moved block and a few word edits.
function generatePairs(count: number): { hypotheses: string[]; references: string[] } {
  const random = seededRandom(20_06);
  const pick = (limit: number) => Math.floor(random() * limit);
  const hypotheses: string[] = [];
  const references: string[] = [];
  for (let pair = 0; pair < count; pair++) {
    const reference = Array.from({ length: 10 + pick(31) }, () => `w${pick(400)}`);
    const hypothesis = [...reference];
    const block = hypothesis.splice(pick(hypothesis.length), 1 + pick(4));
    hypothesis.splice(pick(hypothesis.length + 1), 0, ...block);
    for (let edit = pick(5); edit > 0; edit--) hypothesis[pick(hypothesis.length)] = `w${pick(400)}`;
    hypotheses.push(hypothesis.join(' '));
    references.push(reference.join(' '));
  }
  return { hypotheses, references };
}

/** Times corpus TER over 10,000 generated pairs (the median of five runs), then an article's HTER per size. */
export async function benchTer(): Promise<void> {
  const { hypotheses, references } = generatePairs(pairCount);
  const times: number[] = [];
  let score = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    score = corpusTer(hypotheses, [references]).score;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(runs / 2)] as number;
  const perPair = (median * 1000) / pairCount;
  console.log(
    `ter: ${pairCount} pairs, median ${median.toFixed(0)} ms over ${runs} runs (${perPair.toFixed(1)} µs/pair), TER ${score.toFixed(2)}`,
  );
  benchHter();
}

const childFile = fileURLToPath(new URL('./hter-child.ts', import.meta.url));

// A generated article reviewed as imported (its post-edit's edits, undecided), in the file the child reads.
function writeArticle(folder: string, words: number): string {
  const { mt, corrected } = generateArticle(words, words, 0.03);
  // A generous diff budget, so that every run scores the same fine-grained edits.
  const edits = extractEdits(mt, corrected, { salt: 'bench', timeoutMs: 600_000 });
  const review = { id: 'bench', meta: {}, mt, corrected, source: null, verdicts: [], activity: [] };
  const { text, edits: resolved } = resolveReview({
    ...review,
    edits: edits.map((e) => ({ ...e, status: 'current' })),
  });
  const input: HterInput = { mt, resolution: { text, edits: resolved } };
  const file = join(folder, `article-${words}.json`);
  writeFileSync(file, JSON.stringify(input));
  return file;
}

/**
 * HTER of one generated article (3% of its words post-edited) per size, each in a fresh process so that its peak
 * memory is its own: median time of three scorings, resident memory before and at the peak.
 */
function benchHter(): void {
  const folder = mkdtempSync(join(tmpdir(), 'mt-review-bench-hter-'));
  const rows: (string | number)[][] = [];
  try {
    for (const words of [6_000, 60_000, 350_000]) {
      const file = writeArticle(folder, words);
      const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', childFile, file, '3']);
      const figures = JSON.parse(output.toString()) as HterFigures;
      const median = [...figures.times].sort((a, b) => a - b)[1] as number;
      rows.push([
        ...[words, figures.segments, figures.longestSegment, fixed(figures.score, 2)],
        ...[fixed(median, 0), fixed((median * 1000) / words, 1), figures.rssBeforeMb, figures.peakRssMb],
        figures.peakRssMb - figures.rssBeforeMb,
      ]);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  printTable(
    'Article HTER per segment (median of 3 runs; RSS of a process that only scores, at rest and at its peak). Before, one TER over the whole article: 6,000 words 3.1 s, +100 MB; 60,000 words 76 s, +1,025 MB; 350,000 words RangeError',
    ['words', 'segments', 'longest', 'HTER', 'ms', 'µs/word', 'RSS MB', 'peak MB', '+MB'],
    rows,
  );
}
