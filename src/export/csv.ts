// CSV export (RFC 4180): one row per verdict, the whole history, with the edit it is about.

import type { ArticleReview } from '../review/article-review.ts';
import type { ExportOptions } from './options.ts';

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

// RFC 4180 quotes a field holding a quote, a comma, CR or LF; a lone CR or LF counts as much as CRLF does.
const needsQuotes = /[",\r\n]/;
// What makes Excel, LibreOffice and Google Sheets read a cell as a formula (OWASP's list), and the apostrophe itself,
// so that removing one leading apostrophe always gives back the text.
const formulaStart = /^[=+\-@\t\r']/;

// One field as RFC 4180 writes it: quoted, with its quotes doubled, when it needs to be; as it is otherwise.
function csvField(value: string): string {
  return needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

// Free text (corpus text, reviewers' words) as a spreadsheet cell: a leading `=`, `+`, `-`, `@`, tab, CR or
// apostrophe gets an apostrophe in front, which spreadsheets take as "text, not formula". MT text comes from web
// pages, so a cell like `=HYPERLINK(...)` is hostile input; the apostrophe is the one change, and dropping one
// leading apostrophe restores the text (the JSON export carries it unchanged).
function defuseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/**
 * Every verdict as a row, oldest first: CRLF after each record, fields quoted as RFC 4180 has it, text cells
 * defused against formula injection (an apostrophe before a leading `=`, `+`, `-`, `@`, tab, CR or `'`); ids,
 * times and vocabularies are written as they are. Options are accepted for the registry; the verdict history
 * does not depend on the undecided policy.
 */
export function renderCsv(review: ArticleReview, _options: ExportOptions = {}): string {
  const edits = new Map(review.edits.map((edit) => [edit.id, edit]));
  const rows = review.verdicts.map((verdict) => {
    const edit = edits.get(verdict.editId);
    const text = (value: string | null | undefined) => defuseFormula(value ?? '');
    return [
      review.id,
      verdict.editId,
      text(edit?.mtText),
      text(edit?.correctedText),
      text(verdict.reviewer),
      verdict.createdAt,
      verdict.decision,
      verdict.category ?? '',
      verdict.severity ?? '',
      text(verdict.note),
      text(verdict.amendedText),
    ];
  });
  return [[...CSV_COLUMNS], ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
