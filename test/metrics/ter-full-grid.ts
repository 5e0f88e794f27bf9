// The full (n+1)×(m+1) grid TER counted with before it stored only the band: the reference the band-only grid must match.

// sacrebleu computes only a band of each row around the length-scaled diagonal; cells outside stay "unreachable".
// Its results (and its tie-breaks, which decide the alignment and hence the shifts tried) follow from that band,
// so it is reproduced exactly rather than replaced by a full Levenshtein matrix.
const beamWidth = 25;
const unreachable = 2 ** 30;

const opMatch = 0;
const opSubstitute = 1;
/** Consumes a reference word (an insertion into the hypothesis). */
const opInsert = 2;
/** Consumes a hypothesis word (a deletion from the hypothesis). */
const opDelete = 3;

/** Edit-distance rows for hypotheses of one length against one reference: the current one and a scratch copy. */
export interface DistanceGrid extends Buffers {
  reference: Int32Array;
  hypothesisLength: number;
  width: number;
}

/** Where each reference word aligns in the hypothesis, and running counts of the erroneous words on each side. */
export interface Alignment {
  hypothesisPositionOfReference: Int32Array;
  hypothesisErrorsBefore: Int32Array;
  referenceErrorsBefore: Int32Array;
}

interface Buffers {
  cost: Int32Array;
  ops: Uint8Array;
  scratchCost: Int32Array;
  scratchOps: Uint8Array;
  bandStart: Int32Array;
  bandEnd: Int32Array;
  path: Uint8Array;
  position: Int32Array;
  hypothesisErrors: Int32Array;
  referenceErrors: Int32Array;
}

function allocate(cells: number, words: number): Buffers {
  return {
    cost: new Int32Array(cells),
    ops: new Uint8Array(cells),
    scratchCost: new Int32Array(cells),
    scratchOps: new Uint8Array(cells),
    bandStart: new Int32Array(words + 1),
    bandEnd: new Int32Array(words + 1),
    path: new Uint8Array(2 * words),
    position: new Int32Array(words),
    hypothesisErrors: new Int32Array(words + 1),
    referenceErrors: new Int32Array(words + 1),
  };
}

// Allocating typed arrays costs more than filling them for a 30-word sentence, and TER needs a grid per sentence
// pair, so one set of buffers grows as needed and is reused. A grid lives only inside one synchronous TER count.
let buffers = allocate(64 * 64, 64);

function buffersFor(hypothesisLength: number, referenceLength: number): Buffers {
  const cells = (hypothesisLength + 1) * (referenceLength + 1);
  const words = Math.max(hypothesisLength, referenceLength);
  if (cells > buffers.cost.length || words >= buffers.bandStart.length) {
    buffers = allocate(Math.max(cells, buffers.cost.length), Math.max(words, buffers.bandStart.length));
  }
  return buffers;
}

/** Prepares the band limits and buffers for hypotheses of `hypothesisLength` words against `reference`. */
export function createDistanceGrid(hypothesisLength: number, reference: Int32Array): DistanceGrid {
  const width = reference.length + 1;
  const ratio = hypothesisLength > 0 ? reference.length / hypothesisLength : 1;
  // Very unequal lengths would leave consecutive bands without overlap; sacrebleu widens the beam for them.
  const beam = beamWidth < ratio / 2 ? Math.ceil(ratio / 2 + beamWidth) : beamWidth;
  const grid: DistanceGrid = { reference, hypothesisLength, width, ...buffersFor(hypothesisLength, reference.length) };
  for (let row = 1; row <= hypothesisLength; row++) {
    const diagonal = Math.floor(row * ratio);
    grid.bandStart[row] = Math.max(0, diagonal - beam);
    grid.bandEnd[row] = row === hypothesisLength ? width : Math.min(width, diagonal + beam);
  }
  for (let column = 0; column < width; column++) {
    grid.cost[column] = column;
    grid.ops[column] = opInsert;
  }
  return grid;
}

// A row reads its left neighbour of the band, and the next row reads this row up to its own (later) band end:
// those cells must say "unreachable", as sacrebleu's rows of infinities do; no other cell outside the band is read.
function markOutsideBand(cost: Int32Array, rowOffset: number, start: number, end: number, nextEnd: number): void {
  if (start > 0) cost[rowOffset + start - 1] = unreachable;
  for (let column = end; column < nextEnd; column++) cost[rowOffset + column] = unreachable;
}

function fillRows(grid: DistanceGrid, hypothesis: Int32Array, cost: Int32Array, ops: Uint8Array, fromRow: number) {
  const { reference, width, bandStart, bandEnd, hypothesisLength } = grid;
  for (let row = fromRow; row <= hypothesisLength; row++) {
    const here = row * width;
    const above = here - width;
    const word = hypothesis[row - 1];
    const start = bandStart[row] as number;
    const end = bandEnd[row] as number;
    markOutsideBand(cost, here, start, end, row < hypothesisLength ? (bandEnd[row + 1] as number) : end);
    for (let column = start; column < end; column++) {
      if (column === 0) {
        cost[here] = (cost[above] as number) + 1;
        ops[here] = opDelete;
        continue;
      }
      // Strict comparisons in this order keep sacrebleu's preference: match/substitution, deletion, insertion.
      const same = word === reference[column - 1];
      let best = (cost[above + column - 1] as number) + (same ? 0 : 1);
      let op = same ? opMatch : opSubstitute;
      const deletion = (cost[above + column] as number) + 1;
      if (best > deletion) {
        best = deletion;
        op = opDelete;
      }
      const insertion = (cost[here + column - 1] as number) + 1;
      if (best > insertion) {
        best = insertion;
        op = opInsert;
      }
      cost[here + column] = Math.min(best, unreachable);
      ops[here + column] = op;
    }
  }
  return cost[hypothesisLength * width + width - 1] as number;
}

/**
 * Edit distance of `hypothesis`, kept in the grid as the current hypothesis whose alignment is read next;
 * `unchangedPrefix` words are the same as in the hypothesis measured before, so their rows are kept.
 */
export function measureHypothesis(grid: DistanceGrid, hypothesis: Int32Array, unchangedPrefix = 0): number {
  return fillRows(grid, hypothesis, grid.cost, grid.ops, unchangedPrefix + 1);
}

/** Edit distance of a candidate that shares its first `sharedPrefix` words with the current hypothesis. */
export function measureCandidate(grid: DistanceGrid, candidate: Int32Array, sharedPrefix: number): number {
  const { width, scratchCost } = grid;
  scratchCost.set(grid.cost.subarray(sharedPrefix * width, (sharedPrefix + 1) * width), sharedPrefix * width);
  return fillRows(grid, candidate, scratchCost, grid.scratchOps, sharedPrefix + 1);
}

function backtrace(grid: DistanceGrid): number {
  const { width, ops, path } = grid;
  let length = 0;
  let row = grid.hypothesisLength;
  let column = width - 1;
  while (row > 0 || column > 0) {
    const op = ops[row * width + column] as number;
    path[length++] = op;
    if (op !== opInsert) row--;
    if (op !== opDelete) column--;
  }
  return length;
}

/** Aligns the current hypothesis with the reference along the optimal path of its last measurement. */
export function alignCurrent(grid: DistanceGrid): Alignment {
  const { path, position, hypothesisErrors, referenceErrors } = grid;
  let hypothesisIndex = -1;
  let referenceIndex = -1;
  for (let step = backtrace(grid) - 1; step >= 0; step--) {
    const op = path[step] as number;
    const error = op === opMatch ? 0 : 1;
    if (op !== opInsert) {
      hypothesisIndex++;
      hypothesisErrors[hypothesisIndex + 1] = (hypothesisErrors[hypothesisIndex] as number) + error;
    }
    if (op !== opDelete) {
      referenceIndex++;
      position[referenceIndex] = hypothesisIndex;
      referenceErrors[referenceIndex + 1] = (referenceErrors[referenceIndex] as number) + error;
    }
  }
  return {
    hypothesisPositionOfReference: position,
    hypothesisErrorsBefore: hypothesisErrors,
    referenceErrorsBefore: referenceErrors,
  };
}
