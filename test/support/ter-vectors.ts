// sacrebleu's TER test vectors, copied into the repository with their notice (test/fixtures/ter/NOTICE.md).
import { readFileSync } from 'node:fs';
import type { TerOptions } from '../../src/metrics/ter.ts';

/** One vector: hypothesis lines, reference streams (line-parallel), options, and sacrebleu's result. */
export interface TerVector {
  id: number;
  hyp: string[];
  refs: string[][];
  options: TerOptions;
  score: number;
  edits?: number;
  refLength?: number;
}

const vectorsUrl = new URL('../fixtures/ter/sacrebleu-ter-vectors.json', import.meta.url);

/** All 13 vectors, in file order. */
export const terVectors = (JSON.parse(readFileSync(vectorsUrl, 'utf8')) as { cases: TerVector[] }).cases;
