// Turns the token diff of one paragraph pair into edits as a reviewer sees them: one correction, one edit.
import { diffArrays } from 'diff';
import { type Run, splitRun } from './split-runs.ts';
import { isSpaceToken, isWordToken, tokenize } from './tokenize.ts';

/** A changed stretch of one paragraph pair, as character offsets into the MT and the corrected paragraph. */
export interface LocalEdit {
  mtStart: number;
  mtEnd: number;
  correctedStart: number;
  correctedEnd: number;
}

/** A word moved this many words or fewer (German word order) is one edit with the words it jumped over. */
const maxMoveDistance = 6;

/** Budget for diffing one paragraph pair; past it jsdiff returns undefined and the pair becomes one coarse edit. */
export interface DiffBudget {
  timeoutMs: number;
  maxEditLength: number;
}

/** The edits between two paragraphs; spans never overlap and the text between them is equal on both sides. */
export function groupParagraphEdits(mt: string, corrected: string, budget: DiffBudget): LocalEdit[] {
  if (mt === corrected) return [];
  const a = tokenize(mt);
  const b = tokenize(corrected);
  // Past this many token changes the pair counts as rewritten anyway (see isRewrite): no need to finish the diff.
  const rewriteBound = Math.max(60, Math.ceil((1 - rewrittenBelow) * (a.length + b.length)));
  const maxEditLength = Math.min(budget.maxEditLength, rewriteBound);
  // An explicit comparator is about a third faster than jsdiff's default equality, which consults its options.
  const changes = diffArrays(a, b, { timeout: budget.timeoutMs, maxEditLength, comparator: (x, y) => x === y });
  if (!changes || isRewrite(changes)) return toCharacterSpans([coarseRun(a, b)], a, b, mt, corrected);
  let runs = runsFromChanges(changes);
  runs = runs.flatMap((run) => splitRun(run, a, b));
  runs = mergeRephrasings(runs, a, b);
  runs = mergeAdjacent(runs, (left, right) => isMove(left, right, a, b));
  return toCharacterSpans(runs, a, b, mt, corrected);
}

/** Below this share of words kept, a paragraph was rewritten: one edit says so better than a dozen fragments. */
const rewrittenBelow = 0.6;
const minRewriteWords = 12;

function isRewrite(changes: { added: boolean; removed: boolean; value: string[] }[]): boolean {
  const counts = { kept: 0, removed: 0, added: 0 };
  for (const change of changes) {
    const words = change.value.filter(isWordToken).length;
    if (change.added) counts.added += words;
    else if (change.removed) counts.removed += words;
    else counts.kept += words;
  }
  const total = 2 * counts.kept + counts.removed + counts.added;
  // In a short line ("said president Wladimir Putin.") two fixes are not a rewrite.
  const long = counts.kept + counts.removed >= minRewriteWords;
  return total > 0 && (counts.kept === 0 || (long && (2 * counts.kept) / total < rewrittenBelow));
}

function runsFromChanges(changes: { added: boolean; removed: boolean; count: number }[]): Run[] {
  const runs: Run[] = [];
  let m = 0;
  let c = 0;
  let open: Run | undefined;
  for (const change of changes) {
    if (!change.added && !change.removed) {
      if (open) runs.push(open);
      open = undefined;
      m += change.count;
      c += change.count;
      continue;
    }
    open ??= { ms: m, me: m, cs: c, ce: c };
    if (change.removed) open.me = m += change.count;
    else open.ce = c += change.count;
  }
  if (open) runs.push(open);
  return runs;
}

/** The whole pair as one run, less the tokens both share at the start and at the end. */
function coarseRun(a: string[], b: string[]): Run {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { ms: start, me: endA, cs: start, ce: endB };
}

const isPunctuationOnly = (tokens: string[]) => tokens.every((t) => !isWordToken(t));
const isOneWord = (tokens: string[]) => tokens.length === 1 && isWordToken(tokens[0] as string);

/**
 * Runs that only spaces separate form a chain. A chain is one rephrasing ("paid a visit" → "visited China"), merged
 * into one run, unless every run in it is a one-word substitution ("president Wladimir" → "President Vladimir": two
 * corrections). Punctuation-only runs ("Putin*") never join a chain.
 */
function mergeRephrasings(runs: Run[], a: string[], b: string[]): Run[] {
  const chains: Run[][] = [];
  for (const run of runs) {
    const chain = chains.at(-1);
    const last = chain?.at(-1);
    if (chain && last && spaceSeparated(last, run, a, b)) chain.push(run);
    else chains.push([run]);
  }
  return chains.flatMap((chain) => {
    const first = chain[0] as Run;
    const last = chain.at(-1) as Run;
    const wordByWord = chain.every((run) => isOneWord(a.slice(run.ms, run.me)) && isOneWord(b.slice(run.cs, run.ce)));
    return wordByWord ? chain : [{ ms: first.ms, me: last.me, cs: first.cs, ce: last.ce }];
  });
}

function spaceSeparated(left: Run, right: Run, a: string[], b: string[]): boolean {
  const gap = a.slice(left.me, right.ms);
  if (gap.length === 0 || !gap.every(isSpaceToken) || gap.some((t) => t.includes('\n'))) return false;
  const punctuationOnly = (run: Run) => isPunctuationOnly([...a.slice(run.ms, run.me), ...b.slice(run.cs, run.ce)]);
  return !punctuationOnly(left) && !punctuationOnly(right);
}

/** Joins each run into the one before it while `join(previous, run)` holds. */
function mergeAdjacent(runs: Run[], join: (left: Run, right: Run) => boolean): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && join(last, run)) {
      last.me = run.me;
      last.ce = run.ce;
    } else merged.push({ ...run });
  }
  return merged;
}

/** A deletion and an insertion of the same word a few words apart are one word-order correction. */
function isMove(left: Run, right: Run, a: string[], b: string[]): boolean {
  const leftDeletes = left.cs === left.ce && left.ms < left.me;
  const leftInserts = left.ms === left.me && left.cs < left.ce;
  const rightDeletes = right.cs === right.ce && right.ms < right.me;
  const rightInserts = right.ms === right.me && right.cs < right.ce;
  if (!((leftDeletes && rightInserts) || (leftInserts && rightDeletes))) return false;
  const gap = a.slice(left.me, right.ms);
  if (gap.some((t) => t.includes('\n')) || gap.filter(isWordToken).length > maxMoveDistance) return false;
  const words = (tokens: string[]) => new Set(tokens.filter(isWordToken).map((t) => t.toLowerCase()));
  const deleted = words(leftDeletes ? a.slice(left.ms, left.me) : a.slice(right.ms, right.me));
  const inserted = words(leftInserts ? b.slice(left.cs, left.ce) : b.slice(right.cs, right.ce));
  return [...deleted].some((word) => inserted.has(word));
}

function toCharacterSpans(runs: Run[], a: string[], b: string[], mt: string, corrected: string): LocalEdit[] {
  const offsets = (tokens: string[]) => {
    const starts = [0];
    for (const token of tokens) starts.push((starts.at(-1) as number) + token.length);
    return starts;
  };
  const aAt = offsets(a);
  const bAt = offsets(b);
  return runs.map((run) => {
    let mtStart = aAt[run.ms] as number;
    let mtEnd = aAt[run.me] as number;
    let correctedStart = bAt[run.cs] as number;
    let correctedEnd = bAt[run.ce] as number;
    // Whitespace both sides share at an edge is context, not part of the correction.
    while (
      mtStart < mtEnd &&
      correctedStart < correctedEnd &&
      mt[mtStart] === corrected[correctedStart] &&
      /\s/.test(mt[mtStart] as string)
    ) {
      mtStart++;
      correctedStart++;
    }
    while (
      mtEnd > mtStart &&
      correctedEnd > correctedStart &&
      mt[mtEnd - 1] === corrected[correctedEnd - 1] &&
      /\s/.test(mt[mtEnd - 1] as string)
    ) {
      mtEnd--;
      correctedEnd--;
    }
    return { mtStart, mtEnd, correctedStart, correctedEnd };
  });
}
