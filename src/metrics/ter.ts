// TER scores as sacrebleu reports them: one sentence against its references, or a corpus of line-parallel streams.
import { countTerEdits } from './ter-shifts.ts';
import { type TerOptions, tokenizeForTer } from './ter-tokenize.ts';

export type { TerOptions } from './ter-tokenize.ts';

/** A TER result: `score` on sacrebleu's 0-100 scale, the `edits`, and the (average) reference length divided by. */
export interface TerScore {
  score: number;
  edits: number;
  refLength: number;
}

function toWordIds(words: readonly string[], ids: Map<string, number>): Int32Array {
  const result = new Int32Array(words.length);
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    let id = ids.get(word);
    if (id === undefined) {
      id = ids.size;
      ids.set(word, id);
    }
    result[index] = id;
  }
  return result;
}

// Edits against the closest reference, length averaged over all of them (Snover et al.; sacrebleu).
function segmentStatistics(hypothesis: string, references: readonly string[], options: TerOptions) {
  // Like sacrebleu, an empty line in one reference stream means "no reference here" when another stream has one.
  const present = references.filter((reference) => reference !== '');
  const used = present.length > 0 ? present : references;
  const ids = new Map<string, number>();
  const hypothesisIds = toWordIds(tokenizeForTer(hypothesis, options), ids);
  let edits = Number.POSITIVE_INFINITY;
  let totalLength = 0;
  for (const reference of used) {
    const referenceIds = toWordIds(tokenizeForTer(reference, options), ids);
    edits = Math.min(edits, countTerEdits(hypothesisIds, referenceIds));
    totalLength += referenceIds.length;
  }
  return { edits, refLength: totalLength / used.length };
}

function toScore(edits: number, refLength: number): TerScore {
  // sacrebleu's convention when every reference is empty: 100 if anything was left to delete, else 0.
  const rate = refLength > 0 ? edits / refLength : edits > 0 ? 1 : 0;
  return { score: 100 * rate, edits, refLength };
}

/** TER of one hypothesis against one or more references. */
export function sentenceTer(hypothesis: string, references: readonly string[], options: TerOptions = {}): TerScore {
  if (references.length === 0) throw new RangeError('sentenceTer needs at least one reference');
  const { edits, refLength } = segmentStatistics(hypothesis, references, options);
  return toScore(edits, refLength);
}

/** Corpus TER: total edits over total average reference length; each reference stream is line-parallel to the hypotheses. */
export function corpusTer(
  hypotheses: readonly string[],
  referenceStreams: readonly (readonly string[])[],
  options: TerOptions = {},
): TerScore {
  if (referenceStreams.length === 0) throw new RangeError('corpusTer needs at least one reference stream');
  for (const [index, stream] of referenceStreams.entries()) {
    if (stream.length !== hypotheses.length) {
      throw new RangeError(
        `reference stream ${index + 1} has ${stream.length} lines but there are ${hypotheses.length} hypotheses`,
      );
    }
  }
  let edits = 0;
  let refLength = 0;
  for (const [line, hypothesis] of hypotheses.entries()) {
    const segment = segmentStatistics(
      hypothesis,
      referenceStreams.map((stream) => stream[line] as string),
      options,
    );
    edits += segment.edits;
    refLength += segment.refLength;
  }
  return toScore(edits, refLength);
}
