// Splits a run of changed tokens that holds two corrections, so that a reviewer decides each on its own.
import { isSpaceToken, isWordToken } from './tokenize.ts';

/** A changed stretch: token ranges [ms, me) of the MT and [cs, ce) of the corrected tokens that differ. */
export interface Run {
  ms: number;
  me: number;
  cs: number;
  ce: number;
}

const sentenceEnd = /^[.!?…)\]]$/;

/**
 * Splits a pure deletion or insertion where it holds two corrections: after a sentence end ("(marv) *footer") and
 * after punctuation glued to the word before it ("Jinping* use"). Each piece takes one of the spaces between them:
 * the one before it, or, when the run ends with a space and starts with none, the one after it, so that any piece
 * applied alone leaves single spaces.
 */
export function splitRun(run: Run, a: string[], b: string[]): Run[] {
  const deletion = run.cs === run.ce;
  if (!deletion && run.ms !== run.me) return [run];
  const tokens = deletion ? a : b;
  const [from, to] = deletion ? [run.ms, run.me] : [run.cs, run.ce];
  const glued = from > 0 && !isSpaceToken(tokens[from - 1] ?? ' ');
  const spaceAfterPiece = isSpaceToken(tokens[to - 1] as string) && !isSpaceToken(tokens[from] as string);
  const cuts: number[] = [];
  let punctuationOnly = true;
  for (let k = from + 1; k < to - 1; k++) {
    const before = tokens[k - 1] as string;
    if (isWordToken(before)) punctuationOnly = false;
    if (!isSpaceToken(tokens[k] as string)) continue;
    if (sentenceEnd.test(before) || (glued && punctuationOnly && cuts.length === 0)) {
      cuts.push(spaceAfterPiece ? k + 1 : k);
    }
  }
  const bounds = [from, ...cuts, to];
  return bounds.slice(0, -1).map((start, i) => {
    const end = bounds[i + 1] as number;
    return deletion ? { ms: start, me: end, cs: run.cs, ce: run.ce } : { ms: run.ms, me: run.me, cs: start, ce: end };
  });
}
