// TER's edit count for one hypothesis and one reference: sacrebleu's greedy block shifts, then word edit distance.
import {
  type Alignment,
  alignCurrent,
  createDistanceGrid,
  type DistanceGrid,
  measureCandidate,
  measureHypothesis,
} from './ter-edit-distance.ts';

// Tercom's limits on a shift (sacrebleu's MAX_SHIFT_SIZE, MAX_SHIFT_DIST), and sacrebleu's own cap on the
// candidates tried per sentence: once reached, it stops shifting and keeps the shifts made so far.
const maxShiftSize = 10;
const maxShiftDistance = 50;
const maxShiftCandidates = 1000;

interface Shift {
  gain: number;
  start: number;
  length: number;
  target: number;
}

function copyWords(from: Int32Array, start: number, end: number, to: Int32Array, at: number): number {
  const stop = Math.min(end, from.length);
  let next = at;
  for (let index = start; index < stop; index++) to[next++] = from[index] as number;
  return next;
}

// sacrebleu inserts the block *before* word `target` of the original sequence; a target inside or just after the
// block moves it past the words that follow it (its third case, kept with Python's slice clamping).
function applyShift(words: Int32Array, { start, length, target }: Omit<Shift, 'gain'>, out: Int32Array): void {
  const end = start + length;
  let at = 0;
  if (target < start) {
    at = copyWords(words, 0, target, out, at);
    at = copyWords(words, start, end, out, at);
    at = copyWords(words, target, start, out, at);
    copyWords(words, end, words.length, out, at);
  } else if (target > end) {
    at = copyWords(words, 0, start, out, at);
    at = copyWords(words, end, target, out, at);
    at = copyWords(words, start, end, out, at);
    copyWords(words, target, words.length, out, at);
  } else {
    at = copyWords(words, 0, start, out, at);
    at = copyWords(words, end, length + target, out, at);
    at = copyWords(words, start, end, out, at);
    copyWords(words, length + target, words.length, out, at);
  }
}

// Tercom's ranking: the largest gain, then the longest block, then the earliest block, then the earliest target.
function outranks(candidate: Shift, best: Shift | undefined): boolean {
  if (!best) return true;
  if (candidate.gain !== best.gain) return candidate.gain > best.gain;
  if (candidate.length !== best.length) return candidate.length > best.length;
  if (candidate.start !== best.start) return candidate.start < best.start;
  return candidate.target < best.target;
}

interface ShiftSearch {
  grid: DistanceGrid;
  words: Int32Array;
  distance: number;
  alignment: Alignment;
  candidate: Int32Array;
  checked: number;
  best: Shift | undefined;
}

// Tries moving hypothesis words [start, start+length), which match the reference at `referenceStart`, to each
// position aligned with that reference block (or just before it).
function tryBlock(search: ShiftSearch, start: number, referenceStart: number, length: number): void {
  const { grid, words, candidate, alignment } = search;
  const position = alignment.hypothesisPositionOfReference;
  const hypothesisErrors = alignment.hypothesisErrorsBefore;
  const referenceErrors = alignment.referenceErrorsBefore;
  // Only shift words that are wrong where they are, towards reference words that are not yet matched.
  if (hypothesisErrors[start + length] === hypothesisErrors[start]) return;
  if (referenceErrors[referenceStart + length] === referenceErrors[referenceStart]) return;
  const aligned = position[referenceStart] as number;
  if (start <= aligned && aligned < start + length) return;
  let previousTarget = -1;
  for (let offset = -1; offset < length; offset++) {
    const target = referenceStart + offset === -1 ? 0 : (position[referenceStart + offset] as number) + 1;
    if (target === previousTarget) continue;
    previousTarget = target;
    const shift = { gain: 0, start, length, target };
    applyShift(words, shift, candidate);
    shift.gain = search.distance - measureCandidate(grid, candidate, Math.min(start, target));
    search.checked++;
    if (outranks(shift, search.best)) search.best = shift;
  }
}

interface Occurrences {
  first: Map<number, number>;
  next: Int32Array;
}

// Each reference position's next position holding the same word, so that a round visits only matching pairs.
function indexOccurrences(reference: Int32Array): Occurrences {
  const first = new Map<number, number>();
  const next = new Int32Array(reference.length);
  for (let position = reference.length - 1; position >= 0; position--) {
    const word = reference[position] as number;
    next[position] = first.get(word) ?? -1;
    first.set(word, position);
  }
  return { first, next };
}

// One round of sacrebleu's _shift: every matching block within the distance limit, in its order.
function searchShifts(search: ShiftSearch, reference: Int32Array, occurrences: Occurrences): void {
  const { words } = search;
  for (let start = 0; start < words.length; start++) {
    const first = Math.max(0, start - maxShiftDistance);
    const last = start + maxShiftDistance;
    let referenceStart = occurrences.first.get(words[start] as number) ?? -1;
    for (
      ;
      referenceStart !== -1 && referenceStart <= last;
      referenceStart = occurrences.next[referenceStart] as number
    ) {
      if (referenceStart < first) continue;
      for (let length = 0; length < maxShiftSize && words[start + length] === reference[referenceStart + length]; ) {
        length++;
        tryBlock(search, start, referenceStart, length);
        if (search.checked >= maxShiftCandidates) return;
        if (start + length === words.length || referenceStart + length === reference.length) break;
      }
    }
  }
}

/** TER edits (shifts + insertions + deletions + substitutions) turning `hypothesis` into `reference` (word ids). */
export function countTerEdits(hypothesis: Int32Array, reference: Int32Array): number {
  if (reference.length === 0) return hypothesis.length;
  const grid = createDistanceGrid(hypothesis.length, reference);
  // Each round's best shift is built in the buffer the current words are not in.
  const buffers = [new Int32Array(hypothesis.length), new Int32Array(hypothesis.length)] as const;
  const occurrences = indexOccurrences(reference);
  let words = hypothesis;
  let shifts = 0;
  let checked = 0;
  let unchangedPrefix = 0;
  for (;;) {
    const distance = measureHypothesis(grid, words, unchangedPrefix);
    const alignment = alignCurrent(grid);
    const candidate = buffers[shifts % 2] as Int32Array;
    const search: ShiftSearch = { grid, words, distance, alignment, candidate, checked, best: undefined };
    searchShifts(search, reference, occurrences);
    checked = search.checked;
    if (checked >= maxShiftCandidates || !search.best || search.best.gain <= 0) return shifts + distance;
    applyShift(words, search.best, candidate);
    unchangedPrefix = Math.min(search.best.start, search.best.target);
    words = candidate;
    shifts++;
  }
}
