// Which edits can stand together in one article: the rule applyVerdicts relies on, checked before anything is stored.
import type { Edit } from './types.ts';

type Span = Pick<Edit, 'mtStart' | 'mtEnd'>;

/**
 * True when two edits cannot both apply to one MT: their spans overlap, or an insertion (empty span) lies at the
 * start, inside or at the end of the other's span, or two insertions share a point. Touching insertions are refused
 * too, because their order in the text would depend on which was stored first.
 */
export function spansConflict(a: Span, b: Span): boolean {
  if (a.mtStart < b.mtEnd && b.mtStart < a.mtEnd) return true;
  const insertionAt = (x: Span, y: Span) => x.mtStart === x.mtEnd && y.mtStart <= x.mtStart && x.mtStart <= y.mtEnd;
  return insertionAt(a, b) || insertionAt(b, a);
}

/** Why an edit cannot apply to `mt`: its span is outside the text or its MT text is no longer there; else undefined. */
export function spanProblem(mt: string, edit: Pick<Edit, 'mtStart' | 'mtEnd' | 'mtText'>): string | undefined {
  const { mtStart, mtEnd } = edit;
  if (!Number.isInteger(mtStart) || !Number.isInteger(mtEnd) || mtStart < 0 || mtEnd < mtStart || mtEnd > mt.length) {
    return `its span ${mtStart}-${mtEnd} lies outside the MT (0-${mt.length})`;
  }
  if (mt.slice(mtStart, mtEnd) !== edit.mtText) return `the MT at ${mtStart}-${mtEnd} is no longer "${edit.mtText}"`;
  return undefined;
}

/** Each pair of edits (in the given order) that cannot apply together; edits sorted by mtStart keep this linear. */
export function conflictingPairs<T extends Span>(edits: readonly T[]): [T, T][] {
  const sorted = [...edits].sort((a, b) => a.mtStart - b.mtStart || a.mtEnd - b.mtEnd);
  const pairs: [T, T][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as T;
    // Only edits starting at or before a's end can conflict with it; the sort stops the scan there.
    for (let j = i + 1; j < sorted.length && (sorted[j] as T).mtStart <= a.mtEnd; j++) {
      const b = sorted[j] as T;
      if (spansConflict(a, b)) pairs.push([a, b]);
    }
  }
  return pairs;
}
