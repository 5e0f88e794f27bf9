// Cuts the resolved text into one piece per MT paragraph, so that MT, source and correction line up paragraph by paragraph.
import { splitParagraphs } from '../diff/index.ts';
import type { ArticleReview } from './article-review.ts';
import type { Resolution, ResolvedEdit } from './resolve.ts';

/** One MT paragraph with what the review made of it. */
export interface ParagraphUnit {
  index: number;
  /** The MT paragraph as it was (no surrounding whitespace), and where it starts in the MT. */
  mt: string;
  mtStart: number;
  /** The source paragraph at the same position, when the source has as many paragraphs as the MT; else null. */
  source: string | null;
  /** The resolved text of this paragraph, trimmed; empty when the review removed the paragraph. */
  target: string;
  /** The current edits of this paragraph, with their spans made local to `target` (clamped into it). */
  edits: ResolvedEdit[];
}

/** An MT region: a paragraph with the separator after it; the first also takes the text's leading whitespace. */
interface Region {
  start: number;
  end: number;
  text: string;
  textStart: number;
}

/**
 * The units of a review, one per MT paragraph (at least one, for an empty MT). Each edit belongs to the paragraph
 * the edit engine gave it (`edit.paragraph`), even when its span reaches over a paragraph break, as a removed
 * paragraph's does; unchanged text belongs to the MT paragraph it lies in.
 */
export function paragraphUnits(review: ArticleReview, resolution: Resolution): ParagraphUnit[] {
  const regions = regionsOf(review.mt);
  const sourceParagraphs = review.source === null ? [] : splitParagraphs(review.source).paragraphs;
  const aligned = sourceParagraphs.length === regions.length;
  const ranges = resolvedRanges(regions, resolution, review.mt.length);
  return ranges.map((range, index) => {
    const raw = resolution.text.slice(range.start, range.end);
    const from = range.start + (raw.length - raw.trimStart().length);
    const to = Math.max(from, range.end - (raw.length - raw.trimEnd().length));
    const clamp = (offset: number) => Math.min(Math.max(offset, from), to) - from;
    return {
      index,
      mt: (regions[index] as Region).text,
      mtStart: (regions[index] as Region).textStart,
      source: aligned ? (sourceParagraphs[index]?.text ?? null) : null,
      target: resolution.text.slice(from, to),
      edits: range.edits.map((edit) => ({ ...edit, start: clamp(edit.start), end: clamp(edit.end) })),
    };
  });
}

interface Range {
  start: number;
  end: number;
  edits: ResolvedEdit[];
}

/** Where each region's share of the resolved text starts and ends, walking the MT and the edits in order. */
function resolvedRanges(regions: Region[], resolution: Resolution, mtLength: number): Range[] {
  const ranges: Range[] = regions.map(() => ({ start: -1, end: -1, edits: [] }));
  let unit = 0;
  let resolvedAt = 0;
  const put = (index: number, length: number, edit?: ResolvedEdit) => {
    for (; unit < index; unit++) closeRange(ranges[unit], resolvedAt);
    const range = ranges[unit] as Range;
    if (range.start < 0) range.start = resolvedAt;
    resolvedAt += length;
    range.end = resolvedAt;
    if (edit) range.edits.push(edit);
  };
  let mtAt = 0;
  const unchanged = (to: number) => {
    regions.forEach((region, index) => {
      const length = Math.min(to, region.end) - Math.max(mtAt, region.start);
      if (length > 0) put(Math.max(index, unit), length);
    });
    mtAt = Math.max(mtAt, to);
  };
  for (const resolved of resolution.edits) {
    unchanged(resolved.edit.mtStart);
    put(Math.max(unit, Math.min(resolved.edit.paragraph, regions.length - 1)), resolved.end - resolved.start, resolved);
    mtAt = resolved.edit.mtEnd;
  }
  unchanged(mtLength);
  for (; unit < regions.length; unit++) closeRange(ranges[unit], resolvedAt);
  return ranges;
}

/** A range nothing was put in: empty, where the text stands (its paragraph was removed, or merged into another). */
function closeRange(range: { start: number; end: number } | undefined, at: number): void {
  if (range && range.start < 0) {
    range.start = at;
    range.end = at;
  }
}

/** The MT paragraphs as contiguous regions covering the whole text; an MT without paragraphs is one empty region. */
function regionsOf(mt: string): Region[] {
  const { paragraphs } = splitParagraphs(mt);
  if (paragraphs.length === 0) return [{ start: 0, end: mt.length, text: '', textStart: 0 }];
  return paragraphs.map((paragraph, index) => ({
    start: index === 0 ? 0 : paragraph.start,
    end: paragraphs[index + 1]?.start ?? mt.length,
    text: paragraph.text,
    textStart: paragraph.start,
  }));
}
