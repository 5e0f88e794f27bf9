// sacrebleu's beam-limited word edit distance for TER, with the alignment that its shift search reads from the trace.

// sacrebleu computes only a band of each row around the length-scaled diagonal; cells outside stay "unreachable".
// Its results (and its tie-breaks, which decide the alignment and hence the shifts tried) follow from that band,
// so it is reproduced exactly rather than replaced by a full Levenshtein matrix. Only the band is stored: memory
// grows with hypothesis length × band width (about 50 cells a word), not with the product of the two lengths.
const beamWidth = 25;
const unreachable = 2 ** 30;

const opMatch = 0;
const opSubstitute = 1;
/** Consumes a reference word (an insertion into the hypothesis). */
const opInsert = 2;
/** Consumes a hypothesis word (a deletion from the hypothesis). */
const opDelete = 3;

/** Edit-distance rows for hypotheses of one length against one reference: the current ones and a scratch copy. */
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
  /** Each row's computed columns [bandStart, bandEnd). */
  bandStart: Int32Array;
  bandEnd: Int32Array;
  /** Where a row's stored cells begin, and the cell index of its column 0 (rowOrigin + column is a cell). */
  rowOffset: Int32Array;
  rowOrigin: Int32Array;
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
    rowOffset: new Int32Array(words + 2),
    rowOrigin: new Int32Array(words + 1),
    path: new Uint8Array(2 * words),
    position: new Int32Array(words),
    hypothesisErrors: new Int32Array(words + 1),
    referenceErrors: new Int32Array(words + 1),
  };
}

// Allocating typed arrays costs more than filling them for a 30-word sentence, and TER needs a grid per sentence
// pair, so one set of buffers grows as needed and is reused. It is kept only up to a size that covers any sentence
// or segment (about 20,000 words against a reference of similar length); a larger grid is allocated for its one
// count and left to the garbage collector. A grid lives only inside one synchronous TER count.
const retainedCellLimit = 1 << 20;
const retainedWordLimit = 1 << 15;
let buffers = allocate(64 * 64, 64);

function buffersFor(cells: number, words: number): Buffers {
  if (cells <= buffers.cost.length && words < buffers.bandStart.length) return buffers;
  const grown = allocate(Math.max(cells, buffers.cost.length), Math.max(words, buffers.bandStart.length - 1));
  if (grown.cost.length <= retainedCellLimit && grown.bandStart.length <= retainedWordLimit) buffers = grown;
  return grown;
}

/** The cells the reusable buffers hold now (they never keep more than about a million). */
export function retainedGridCells(): number {
  return buffers.cost.length;
}

// What sets each row's band around the length-scaled diagonal, as sacrebleu's _edit_distance does.
interface BandShape {
  ratio: number;
  beam: number;
  width: number;
  hypothesisLength: number;
}

function shapeOf(hypothesisLength: number, referenceLength: number): BandShape {
  const ratio = hypothesisLength > 0 ? referenceLength / hypothesisLength : 1;
  // Very unequal lengths would leave consecutive bands without overlap; sacrebleu widens the beam for them.
  const beam = beamWidth < ratio / 2 ? Math.ceil(ratio / 2 + beamWidth) : beamWidth;
  return { ratio, beam, width: referenceLength + 1, hypothesisLength };
}

const bandStartOf = (shape: BandShape, row: number) => Math.max(0, Math.floor(row * shape.ratio) - shape.beam);
const bandEndOf = (shape: BandShape, row: number) =>
  row === shape.hypothesisLength || row === 0
    ? shape.width
    : Math.min(shape.width, Math.floor(row * shape.ratio) + shape.beam);

// Row r computes [start, end) and reads the row above in [start - 1, end); it marks the cell left of its band and
// its columns from its end to the next row's end "unreachable", for the next row to read. Those are what is stored.
const storedStart = (shape: BandShape, row: number) => (row === 0 ? 0 : Math.max(0, bandStartOf(shape, row) - 1));
const storedEnd = (shape: BandShape, row: number) =>
  row < shape.hypothesisLength ? bandEndOf(shape, row + 1) : bandEndOf(shape, row);

function storedCells(shape: BandShape): number {
  let cells = 0;
  for (let row = 0; row <= shape.hypothesisLength; row++) cells += storedEnd(shape, row) - storedStart(shape, row);
  return cells;
}

/** Prepares the band limits and buffers for hypotheses of `hypothesisLength` words against `reference`. */
export function createDistanceGrid(hypothesisLength: number, reference: Int32Array): DistanceGrid {
  const shape = shapeOf(hypothesisLength, reference.length);
  const words = Math.max(hypothesisLength, reference.length);
  const cells = storedCells(shape);
  const grid: DistanceGrid = { reference, hypothesisLength, width: shape.width, ...buffersFor(cells, words) };
  let offset = 0;
  for (let row = 0; row <= hypothesisLength; row++) {
    grid.bandStart[row] = bandStartOf(shape, row);
    grid.bandEnd[row] = bandEndOf(shape, row);
    grid.rowOffset[row] = offset;
    grid.rowOrigin[row] = offset - storedStart(shape, row);
    offset += storedEnd(shape, row) - storedStart(shape, row);
  }
  grid.rowOffset[hypothesisLength + 1] = offset;
  for (let column = 0; column < storedEnd(shape, 0); column++) {
    grid.cost[column] = column;
    grid.ops[column] = opInsert;
  }
  return grid;
}

// A row reads its left neighbour of the band, and the next row reads this row up to its own (later) band end:
// those cells must say "unreachable", as sacrebleu's rows of infinities do; no other cell outside the band is read.
function markOutsideBand(cost: Int32Array, origin: number, start: number, end: number, nextEnd: number): void {
  if (start > 0) cost[origin + start - 1] = unreachable;
  for (let column = end; column < nextEnd; column++) cost[origin + column] = unreachable;
}

function fillRows(grid: DistanceGrid, hypothesis: Int32Array, cost: Int32Array, ops: Uint8Array, fromRow: number) {
  const { reference, bandStart, bandEnd, rowOrigin, hypothesisLength } = grid;
  for (let row = fromRow; row <= hypothesisLength; row++) {
    const here = rowOrigin[row] as number;
    const above = rowOrigin[row - 1] as number;
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
  return cost[(rowOrigin[hypothesisLength] as number) + grid.width - 1] as number;
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
  const { rowOffset, scratchCost } = grid;
  const from = rowOffset[sharedPrefix] as number;
  scratchCost.set(grid.cost.subarray(from, rowOffset[sharedPrefix + 1] as number), from);
  return fillRows(grid, candidate, scratchCost, grid.scratchOps, sharedPrefix + 1);
}

function backtrace(grid: DistanceGrid): number {
  const { width, ops, path, rowOrigin } = grid;
  let length = 0;
  let row = grid.hypothesisLength;
  let column = width - 1;
  while (row > 0 || column > 0) {
    const op = ops[(rowOrigin[row] as number) + column] as number;
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
