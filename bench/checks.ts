// Benchmark of the automatic checks: all of them over a 600-word article and a 60,000-word text.
import { readFileSync } from 'node:fs';
import { runChecks } from '../src/checks/registry.ts';
import { medianMs } from './measure.ts';

const fixtures = new URL('../test/fixtures/checks/', import.meta.url);

/** About `count` words of real MT text: the seed and the fixtures, repeated and numbered so no two are alike. */
function textOf(count: number): string {
  const sources = ['seed-lavrov.txt', 'sport-bundesliga.txt', 'war-ticker.txt', 'economy-inflation.txt'].map((name) =>
    readFileSync(new URL(name, fixtures), 'utf8'),
  );
  const paragraphs = sources.flatMap((text) => text.split('\n\n'));
  const out: string[] = [];
  let words = 0;
  for (let i = 0; words < count; i++) {
    const paragraph = paragraphs[i % paragraphs.length] as string;
    // Past the first round, vary the text so the look-up caches see new words as a long text would.
    const text = i < paragraphs.length ? paragraph : paragraph.replace(/\b(\w+)\b/, `$1 ${i}`);
    out.push(text);
    words += text.split(/\s+/).length;
  }
  return out.join('\n\n');
}

/** Prints the median time of all checks over 600 and 60,000 words against the targets (5 ms, 500 ms). */
export async function benchChecks(): Promise<void> {
  const article = textOf(600);
  const long = textOf(60_000);
  const loadStarted = performance.now();
  runChecks(article);
  const firstMs = performance.now() - loadStarted;
  // Warm up the JIT and the look-up caches, as a server does after its first article.
  for (let i = 0; i < 5; i++) runChecks(`${article}  `);
  const rows: Array<[string, number, number]> = [
    [`600 words (${article.split(/\s+/).length})`, medianMs(() => runChecks(`${article} `), 51, 0), 5],
    [`60,000 words (${long.split(/\s+/).length})`, medianMs(() => runChecks(`${long} `), 5, 0), 500],
  ];
  console.log(`checks: first run (dictionary load) ${firstMs.toFixed(0)} ms`);
  for (const [label, ms, target] of rows) {
    console.log(
      `checks: ${label.padEnd(24)} median ${ms.toFixed(2).padStart(8)} ms  target < ${target} ms  ratio ${(ms / target).toFixed(2)}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchChecks();
