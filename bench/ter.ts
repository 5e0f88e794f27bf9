// Benchmark of corpus TER over 10,000 generated sentence pairs: median wall time of a few runs.
import { corpusTer } from '../src/stats/ter.ts';

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

/** Times corpus TER over 10,000 generated pairs and prints the median of five runs. */
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
}
