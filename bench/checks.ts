// Benchmark of the automatic checks: all of them over a 600-word article and a 60,000-word text, and the corpus
// name index built for 1,000 and 10,000 generated articles.
import { readFileSync } from 'node:fs';
import { loadHouseStyle } from '../src/checks/house-style.ts';
import { buildNameIndex } from '../src/checks/name-index.ts';
import { runChecks } from '../src/checks/registry.ts';
import type { CorpusText } from '../src/checks/types.ts';
import { medianMs } from './measure.ts';

const fixtures = new URL('../test/fixtures/checks/', import.meta.url);
const sourceNames = ['seed-lavrov.txt', 'sport-bundesliga.txt', 'war-ticker.txt', 'economy-inflation.txt'];

function paragraphs(): string[] {
  return sourceNames.flatMap((name) => readFileSync(new URL(name, fixtures), 'utf8').split('\n\n'));
}

/** About `count` words of real MT text: the seed and the fixtures, repeated and numbered so no two are alike. */
function textOf(count: number, salt = 0): string {
  const source = paragraphs();
  const out: string[] = [];
  let words = 0;
  for (let i = 0; words < count; i++) {
    const paragraph = source[i % source.length] as string;
    // Past the first round, vary the text so the look-up caches see new words as a long text would.
    const text = i < source.length && salt === 0 ? paragraph : paragraph.replace(/\b(\w+)\b/, `$1 ${i + salt}`);
    out.push(text);
    words += text.split(/\s+/).length;
  }
  return out.join('\n\n');
}

/** Median CPU milliseconds (user + system) of `runs` calls: less swayed than wall time by other load on the machine. */
function medianCpuMs(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

// Thirty names every article mentions, as a wire service's recurring politicians: the case that made the old
// index quadratic (each occurrence scanned the growing list of articles that name already had).
const recurringNames = Array.from({ length: 30 }, (_, i) => `Kor${'abcdefghij'[i % 10]}${'klmno'[i % 5]}ovsky${i}`);

/** `count` generated articles of about 300 words, with recurring names and a few names spelled one of two ways. */
function articlesOf(count: number): CorpusText[] {
  const source = paragraphs();
  const spellings = [
    ['Sergey', 'Sergei'],
    ['Kharkiv', 'Kharkov'],
    ['Budanov', 'Budanow'],
  ];
  return Array.from({ length: count }, (_, i) => {
    const body = [0, 1, 2, 3].map((k) => source[(i * 4 + k) % source.length] as string).join('\n\n');
    const names = spellings.map((pair) => pair[(i >> 1) % 2]).join(' and ');
    const recurring = recurringNames.join(', ');
    return {
      id: `article-${i}`,
      text: `${names} met ${recurring} in article ${i}.\n\n${body.replace(/\b(\w+)\b/, `$1 ${i}`)}`,
    };
  });
}

function line(label: string, ms: number, target: number, extra = ''): void {
  console.log(
    `checks: ${label.padEnd(30)} ${ms.toFixed(2).padStart(9)} ms  target < ${target} ms  ratio ${(ms / target).toFixed(2)}${extra}`,
  );
}

/** Prints the checks' times against the targets (20 ms, 2 s) and the name index's per-article cost at 1k and 10k. */
export async function benchChecks(): Promise<void> {
  const article = textOf(600);
  const long = textOf(60_000);
  const loadStarted = performance.now();
  runChecks(article);
  console.log(
    `checks: first run (dictionaries, lexicon, tagger load) ${(performance.now() - loadStarted).toFixed(0)} ms`,
  );
  const coldStarted = performance.now();
  const coldCpu = process.cpuUsage();
  runChecks(textOf(60_000, 7));
  const cold = process.cpuUsage(coldCpu);
  console.log(
    `checks: a first 60,000-word text (its sentences untagged) ${(performance.now() - coldStarted).toFixed(0)} ms wall, ${((cold.user + cold.system) / 1000).toFixed(0)} ms CPU`,
  );
  // Warm up the JIT and the look-up caches, as a server does after its first article.
  for (let i = 0; i < 5; i++) runChecks(`${article}  `);
  line(
    `600 words (${article.split(/\s+/).length}), wall`,
    medianMs(() => runChecks(`${article} `), 51, 0),
    20,
  );
  line(
    '600 words, CPU',
    medianCpuMs(() => runChecks(`${article} `), 51),
    20,
  );
  line(
    `60,000 words (${long.split(/\s+/).length}), wall`,
    medianMs(() => runChecks(`${long} `), 5, 0),
    2000,
  );
  line(
    '60,000 words, CPU',
    medianCpuMs(() => runChecks(`${long} `), 5),
    2000,
  );
  benchNameIndex();
}

/** The corpus name index: a fresh build at 1,000 and 10,000 articles (linear: the same cost per article). */
function benchNameIndex(): void {
  const style = loadHouseStyle();
  const perArticle: number[] = [];
  for (const count of [1_000, 10_000]) {
    const articles = articlesOf(count);
    const started = performance.now();
    const index = buildNameIndex(articles, style);
    const ms = performance.now() - started;
    perArticle.push(ms / count);
    const updateStarted = performance.now();
    index.add({ id: 'article-0', text: (articles[1] as CorpusText).text });
    index.remove('article-1');
    const updateMs = performance.now() - updateStarted;
    console.log(
      `checks: name index, ${String(count).padStart(6)} articles  ${ms.toFixed(0).padStart(6)} ms  ${(ms / count).toFixed(3)} ms/article  one article replaced and one removed ${updateMs.toFixed(2)} ms`,
    );
  }
  const ratio = (perArticle[1] as number) / (perArticle[0] as number);
  console.log(`checks: name index per-article cost at 10k / at 1k: ${ratio.toFixed(2)} (linear: about 1)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchChecks();
