// CSV export (RFC 4180): one row per verdict, the whole history, with the edit it is about.
import { stringify } from 'csv-stringify/sync';
import type { ExportOptions } from './resolve.ts';
import type { ArticleReview } from './types.ts';

/** The header row, in column order. */
export const CSV_COLUMNS = [
  'article',
  'edit id',
  'mt text',
  'corrected text',
  'reviewer',
  'time',
  'decision',
  'category',
  'severity',
  'note',
  'amended text',
] as const;

/**
 * Every verdict as a row, oldest first, CRLF between records as RFC 4180 has it; fields with a comma, quote or
 * line break are quoted. Cells are written exactly as stored: a note starting with `=` is not defused for
 * spreadsheets, because that would change the data the file exists to carry. Options are accepted for the
 * registry; the verdict history does not depend on the undecided policy.
 */
export function renderCsv(review: ArticleReview, _options: ExportOptions = {}): string {
  const edits = new Map(review.edits.map((edit) => [edit.id, edit]));
  const rows = review.verdicts.map((verdict) => {
    const edit = edits.get(verdict.editId);
    return [
      review.id,
      verdict.editId,
      edit?.mtText ?? '',
      edit?.correctedText ?? '',
      verdict.reviewer,
      verdict.createdAt,
      verdict.decision,
      verdict.category ?? '',
      verdict.severity ?? '',
      verdict.note ?? '',
      verdict.amendedText ?? '',
    ];
  });
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows' });
}
