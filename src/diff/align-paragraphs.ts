// Pairs the paragraphs of the MT with those of the corrected text, so that word diffs stay inside one paragraph.
import { diffArrays } from 'diff';

/** One step of the alignment: a paragraph pair (similar enough to diff word by word, or not), or one side alone. */
export type ParagraphOp =
  | { kind: 'pair'; mt: number; corrected: number; similar: boolean }
  | { kind: 'remove'; mt: number }
  | { kind: 'insert'; corrected: number };

/** Paragraphs at least this similar (Dice on their word bags) are the same paragraph, edited. */
const sameParagraph = 0.5;
/** Inside a changed stretch, paragraphs at least this similar are still paired for a word diff. */
const relatedParagraph = 0.3;
/** Above this many candidate pairs in one stretch, pairing by similarity is skipped: it would be quadratic. */
const maxPairingWork = 10_000;

interface WordBag {
  counts: Map<string, number>;
  total: number;
}

/** The words of a paragraph as a bag. Split on spaces only: similarity needs no exact words, and it is fast. */
function wordBag(text: string): WordBag {
  const counts = new Map<string, number>();
  let total = 0;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
    total++;
  }
  return { counts, total };
}

/** Characters at each end that, equal on both, mark the same paragraph edited in its middle. */
const endLength = 32;

/**
 * The cheap test first: an edited paragraph usually keeps its opening and its close, and two different paragraphs
 * almost never share both. Only long paragraphs of similar length qualify, so short lines still go by their words.
 */
function sameEnds(a: string, b: string): boolean {
  if (a.length < 4 * endLength || b.length < 4 * endLength || Math.abs(a.length - b.length) > a.length / 4)
    return false;
  return a.startsWith(b.slice(0, endLength)) && a.endsWith(b.slice(-endLength));
}

type Bags = (index: number) => WordBag;

/** Word bags computed on first use: paragraphs equal on both sides never need theirs. */
function lazyBags(texts: string[]): Bags {
  const bags: (WordBag | undefined)[] = [];
  return (index) => {
    let bag = bags[index];
    if (!bag) {
      bag = wordBag(texts[index] ?? '');
      bags[index] = bag;
    }
    return bag;
  };
}

function similarity(a: WordBag, b: WordBag): number {
  if (a.total + b.total === 0) return 1;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [word, count] of small.counts) shared += Math.min(count, large.counts.get(word) ?? 0);
  return (2 * shared) / (a.total + b.total);
}

/** Aligns MT paragraphs with corrected ones, in order; every paragraph of each side appears in exactly one op. */
export function alignParagraphs(mt: string[], corrected: string[], timeoutMs = 200): ParagraphOp[] {
  const mtBags = lazyBags(mt);
  const correctedBags = lazyBags(corrected);
  const mtIndex = mt.map((_, i) => i);
  const correctedIndex = corrected.map((_, i) => i);
  const same = (a: number, b: number) =>
    mt[a] === corrected[b] ||
    sameEnds(mt[a] as string, corrected[b] as string) ||
    similarity(mtBags(a), correctedBags(b)) >= sameParagraph;
  const changes = diffArrays(mtIndex, correctedIndex, { comparator: same, timeout: timeoutMs });
  const ops: ParagraphOp[] = [];
  let m = 0;
  let c = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    ops.push(...pairStretch(removed, added, mtBags, correctedBags));
    removed = [];
    added = [];
  };
  // jsdiff gives up (undefined) on a pathological pair: treat the whole text as one changed stretch.
  for (const change of changes ?? [
    { removed: true, added: false, count: mt.length },
    { added: true, count: corrected.length },
  ]) {
    for (let k = 0; k < (change.count ?? 0); k++) {
      if (change.removed) removed.push(m++);
      else if (change.added) added.push(c++);
      else {
        flush();
        ops.push({ kind: 'pair', mt: m++, corrected: c++, similar: true });
      }
    }
  }
  flush();
  return ops;
}

/**
 * Pairs the removed and added paragraphs of one changed stretch: related ones by an order-keeping best match, the
 * rest by position (a rewritten paragraph is one edit, not a deletion and an insertion); leftovers stand alone.
 */
function pairStretch(removed: number[], added: number[], mtBags: Bags, correctedBags: Bags): ParagraphOp[] {
  if (removed.length === 0 || added.length === 0) {
    return [
      ...removed.map((mt): ParagraphOp => ({ kind: 'remove', mt })),
      ...added.map((corrected): ParagraphOp => ({ kind: 'insert', corrected })),
    ];
  }
  const related =
    removed.length * added.length <= maxPairingWork ? bestRelatedPairs(removed, added, mtBags, correctedBags) : [];
  const ops: ParagraphOp[] = [];
  let r = 0;
  let a = 0;
  for (const [pr, pa] of [...related, [removed.length, added.length] as const]) {
    while (r < pr && a < pa)
      ops.push({ kind: 'pair', mt: removed[r++] as number, corrected: added[a++] as number, similar: false });
    while (r < pr) ops.push({ kind: 'remove', mt: removed[r++] as number });
    while (a < pa) ops.push({ kind: 'insert', corrected: added[a++] as number });
    if (pr < removed.length && pa < added.length) {
      ops.push({ kind: 'pair', mt: removed[pr] as number, corrected: added[pa] as number, similar: true });
      r = pr + 1;
      a = pa + 1;
    }
  }
  return ops;
}

/** Order-keeping pairs (indexes into `removed`, `added`) that maximise the total similarity of related paragraphs. */
function bestRelatedPairs(removed: number[], added: number[], mtBags: Bags, correctedBags: Bags): [number, number][] {
  const rows = removed.length;
  const cols = added.length;
  const width = cols + 1;
  const sims = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const s = similarity(mtBags(removed[i] as number), correctedBags(added[j] as number));
      sims[i * cols + j] = s >= relatedParagraph ? s : 0;
    }
  }
  // best[i * width + j]: the best total over removed[i..] and added[j..] (a classic LCS table, weighted).
  const best = new Float64Array((rows + 1) * width);
  const at = (i: number, j: number) => best[i * width + j] as number;
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      const s = sims[i * cols + j] as number;
      best[i * width + j] = Math.max(s > 0 ? s + at(i + 1, j + 1) : 0, at(i + 1, j), at(i, j + 1));
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < rows && j < cols; ) {
    const s = sims[i * cols + j] as number;
    if (s > 0 && at(i, j) === s + at(i + 1, j + 1)) pairs.push([i++, j++]);
    else if (at(i, j) === at(i + 1, j)) i++;
    else j++;
  }
  return pairs;
}
