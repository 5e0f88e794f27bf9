// Child process of the HTER benchmark: scores one article read from a JSON file, prints its time and memory as JSON.
import { readFileSync } from 'node:fs';
import { alignSegments, articleHter, resolvedSpans } from '../src/metrics/hter.ts';
import { tokenizeForTer } from '../src/metrics/ter-tokenize.ts';
import type { Resolution } from '../src/review/resolve.ts';

/** What the parent writes: the MT and its resolution (text and resolved edits). */
export interface HterInput {
  mt: string;
  resolution: Pick<Resolution, 'text' | 'edits'>;
}

/** What the child prints: times of `runs` scorings, the process's memory, and the segments scored. */
export interface HterFigures {
  times: number[];
  score: number;
  rssBeforeMb: number;
  peakRssMb: number;
  segments: number;
  longestSegment: number;
}

const { mt, resolution } = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as HterInput;
const runs = Number(process.argv[3] ?? 3);
const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);
// Memory at rest first, so that the peak afterwards is the scoring's (the input's parsing peaks far lower).
(globalThis as { gc?: () => void }).gc?.();
const rssBeforeMb = megabytes(process.memoryUsage().rss);
const times: number[] = [];
let score = 0;
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  score = articleHter(mt, resolution).score;
  times.push(performance.now() - started);
}
const peakRssMb = megabytes(process.resourceUsage().maxRSS * 1024);
const { hypotheses, references } = alignSegments(mt, resolution.text, resolvedSpans(resolution));
const longestSegment = Math.max(
  ...hypotheses.map((hypothesis, i) =>
    Math.max(tokenizeForTer(hypothesis).length, tokenizeForTer(references[i] as string).length),
  ),
);
const figures: HterFigures = { times, score, rssBeforeMb, peakRssMb, segments: hypotheses.length, longestSegment };
console.log(JSON.stringify(figures));
