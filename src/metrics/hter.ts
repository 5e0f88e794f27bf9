// An article's HTER as sacrebleu and tercom score documents: TER per aligned segment, pooled as corpus TER.
import type { Resolution } from '../review/resolve.ts';
import { corpusTer, type TerScore } from './ter.ts';
import { isTerWhitespace, terWhitespace } from './ter-tokenize.ts';

/** An edit's span in the MT and the span its result takes in the resolved text; listed in MT order, disjoint. */
export interface AlignedSpan {
  mtStart: number;
  mtEnd: number;
  start: number;
  end: number;
}

/** The MT and its reference cut at the same places: `hypotheses[i]` is scored against `references[i]`. */
export interface AlignedSegments {
  hypotheses: string[];
  references: string[];
}

/**
 * The most words (of the MT or the reference, whichever has more) a segment takes when a cut point allows. Measured
 * on a generated 20,000-word paragraph at 3% edits: bounds of 100 to 1,000 words give the same HTER (25: +9%, 50: +3%,
 * shifts lost at the cuts); 100-300 words cost least per word, 1,000 words 4 times as much, the whole text as one
 * segment 100 times (and sacrebleu's search then stops at 1,000 shift candidates: HTER +34%). 150 keeps a shift's
 * 50-word reach inside most segments, and most news paragraphs whole.
 */
export const segmentWordLimit = 150;

const paragraphLevel = 0;
const sentenceLevel = 1;
const wordLevel = 2;

/** A place where both texts can be cut: offsets into each, the words before it on each side, and how good a cut. */
interface Cut {
  mt: number;
  reference: number;
  mtWords: number;
  referenceWords: number;
  level: number;
}

const whitespaceRuns = new RegExp(terWhitespace.source, 'g');
// A sentence end: final punctuation with closing quotes or brackets; the next sentence must not start in lower case.
const sentenceEnd = /[.!?…]["'”’»)\]]*$/;
const lowerCase = /\p{Ll}/u;

// Words of text[from, to): `from` is a cut, so no word runs across it.
function countWords(text: string, from: number, to: number): number {
  let words = 0;
  let inWord = false;
  for (let index = from; index < to; index++) {
    const separator = isTerWhitespace(text.charCodeAt(index));
    if (!separator && !inWord) words++;
    inWord = !separator;
  }
  return words;
}

function levelOf(mt: string, start: number, end: number): number {
  const run = mt.slice(start, end);
  const newline = run.indexOf('\n');
  if (newline !== run.lastIndexOf('\n')) return paragraphLevel;
  if (newline >= 0) return sentenceLevel;
  const ended = sentenceEnd.test(mt.slice(Math.max(0, start - 4), start));
  return ended && !lowerCase.test(mt[end] as string) ? sentenceLevel : wordLevel;
}

// The last offset in [start, end] outside every span, ends included, or -1; spans before `first` end before `start`.
function freeOffset(spans: readonly AlignedSpan[], first: number, start: number, end: number): number {
  let blocking = first;
  while (blocking + 1 < spans.length && (spans[blocking + 1] as AlignedSpan).mtStart <= end) blocking++;
  let at = end;
  for (; blocking >= first && blocking < spans.length; blocking--) {
    const span = spans[blocking] as AlignedSpan;
    if (span.mtEnd < at) break;
    if (span.mtStart <= at) at = span.mtStart - 1;
  }
  return at >= start ? at : -1;
}

// Outside the edits the texts agree: an MT offset there moves by what the edits before it added or took away.
function resolvedOffset(spans: readonly AlignedSpan[], first: number, at: number): number {
  let last = first - 1;
  while (last + 1 < spans.length && (spans[last + 1] as AlignedSpan).mtEnd < at) last++;
  const span = last >= 0 ? (spans[last] as AlignedSpan) : { mtEnd: 0, end: 0 };
  return span.end + (at - span.mtEnd);
}

// A cut after `previous`, with the words between them counted on both sides (a plain literal: spreading one here
// cost seconds on a 350,000-word article).
function cutAfter(previous: Cut, texts: [string, string], mt: number, reference: number, level: number): Cut {
  return {
    mt,
    reference,
    level,
    mtWords: previous.mtWords + countWords(texts[0], previous.mt, mt),
    referenceWords: previous.referenceWords + countWords(texts[1], previous.reference, reference),
  };
}

/**
 * The places where both texts can be cut, from the start to the end: each whitespace run between two MT words gives
 * its last offset outside every edit's MT span, ends included (an edit's text is never split, nor the place of an
 * insertion made ambiguous), where neither text has a word running across.
 */
function findCuts(mt: string, resolved: string, spans: readonly AlignedSpan[]): Cut[] {
  const texts: [string, string] = [mt, resolved];
  const cuts: Cut[] = [{ mt: 0, reference: 0, mtWords: 0, referenceWords: 0, level: paragraphLevel }];
  let first = 0;
  for (const run of mt.matchAll(whitespaceRuns)) {
    const start = run.index;
    const end = start + run[0].length;
    if (start === 0 || end === mt.length) continue;
    while (first < spans.length && (spans[first] as AlignedSpan).mtEnd < start) first++;
    const at = freeOffset(spans, first, start, end);
    if (at < 0) continue;
    const previous = cuts[cuts.length - 1] as Cut;
    cuts.push(cutAfter(previous, texts, at, resolvedOffset(spans, first, at), levelOf(mt, start, end)));
  }
  cuts.push(cutAfter(cuts[cuts.length - 1] as Cut, texts, mt.length, resolved.length, paragraphLevel));
  return cuts;
}

const wordsBetween = (from: Cut, to: Cut) =>
  Math.max(to.mtWords - from.mtWords, to.referenceWords - from.referenceWords);

/**
 * The cuts to make: every paragraph break, and inside a piece longer than `limit` words as few sentence ends (then
 * spaces) as keep each part within it, taken greedily as far as each part reaches; a part no cut shortens stays whole.
 */
function chooseCuts(cuts: readonly Cut[], limit: number): number[] {
  const chosen = [0];
  for (let index = 1; index < cuts.length; index++) {
    if ((cuts[index] as Cut).level !== paragraphLevel) continue;
    chosen.push(...refine(cuts, chosen[chosen.length - 1] as number, index, sentenceLevel, limit), index);
  }
  return chosen;
}

// The cuts strictly inside the piece from `first` to `last`, of `level` or better, that keep it within `limit` words.
function refine(cuts: readonly Cut[], first: number, last: number, level: number, limit: number): number[] {
  if (level > wordLevel || wordsBetween(cuts[first] as Cut, cuts[last] as Cut) <= limit) return [];
  const chosen: number[] = [];
  let from = first;
  let fits = -1;
  for (let index = first + 1; index <= last; index++) {
    if ((cuts[index] as Cut).level > level) continue;
    if (wordsBetween(cuts[from] as Cut, cuts[index] as Cut) <= limit) {
      fits = index;
      continue;
    }
    // The piece up to `index` is too long: end it at the last cut that fitted, or (none did) here, and go finer.
    const end = fits > from ? fits : index;
    chosen.push(...refine(cuts, from, end, level + 1, limit));
    if (end < last) chosen.push(end);
    from = end;
    fits = -1;
    if (end < index) index = end;
  }
  chosen.push(...refine(cuts, from, last, level + 1, limit));
  return chosen;
}

/**
 * Cuts the MT and the resolved text at the same places: paragraph breaks, and inside a paragraph longer than
 * `wordLimit` words at sentence ends, then at spaces, never inside an edit, so that every segment of one is the
 * counterpart of the same segment of the other and each stays within `wordLimit` words where a cut allows.
 */
export function alignSegments(
  mt: string,
  resolved: string,
  spans: readonly AlignedSpan[],
  wordLimit = segmentWordLimit,
): AlignedSegments {
  const cuts = findCuts(mt, resolved, spans);
  const chosen = chooseCuts(cuts, wordLimit);
  const segments: AlignedSegments = { hypotheses: [], references: [] };
  for (let index = 1; index < chosen.length; index++) {
    const from = cuts[chosen[index - 1] as number] as Cut;
    const to = cuts[chosen[index] as number] as Cut;
    segments.hypotheses.push(mt.slice(from.mt, to.mt));
    segments.references.push(resolved.slice(from.reference, to.reference));
  }
  return segments;
}

/** The MT span and resolved span of each current edit of a resolution. */
export function resolvedSpans(resolution: Pick<Resolution, 'edits'>): AlignedSpan[] {
  return resolution.edits.map(({ edit, start, end }) => ({ mtStart: edit.mtStart, mtEnd: edit.mtEnd, start, end }));
}

/** HTER of an article: the MT against the corrected text as the verdicts stand, as corpus TER of aligned segments. */
export function articleHter(mt: string, resolution: Pick<Resolution, 'text' | 'edits'>): TerScore {
  const { hypotheses, references } = alignSegments(mt, resolution.text, resolvedSpans(resolution));
  return corpusTer(hypotheses, [references]);
}
