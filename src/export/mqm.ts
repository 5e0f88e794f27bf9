// WMT MQM export: the tab-separated layout of the published WMT MQM ratings, one row per error, segments = paragraphs.

import type { ArticleReview } from '../review/article-review.ts';
import { issueLabel } from '../review/labels.ts';
import { type ParagraphUnit, paragraphUnits } from '../review/paragraph-units.ts';
import { type Resolution, type ResolvedEdit, resolveReview, settles, standingDecision } from '../review/resolve.ts';
import { wmtCategoryOf, wmtSeverityOf } from '../review/wmt-labels.ts';
import type { ExportOptions } from './options.ts';

/**
 * The nine columns of the WMT files. The TED files add a tenth free-text `comment` (Marot reads a tenth column as
 * JSON metadata); it is left out, so every row has exactly nine fields: the notes are in the CSV and JSON exports.
 */
export const MQM_COLUMNS = ['system', 'doc', 'doc_id', 'seg_id', 'rater', 'source', 'target', 'category', 'severity'];

/** The review as a WMT MQM file (resolved once; the policy does not matter: only decided edits are errors). */
export function renderMqm(review: ArticleReview, options: ExportOptions = {}): string {
  return formatMqm(review, resolveReview(review, options.policy), options);
}

/**
 * The review in the WMT MQM layout. The rated translation is the MT (`system`), so `target` is the MT paragraph
 * and `<v>...</v>` marks the MT span of each error: each edit whose outcome stands (agreed or adjudicated) as accept
 * or amend, one row each; a paragraph without one gets a `No-error` row. Rejected, disputed and undecided edits are
 * not errors. WMT averages a segment's score over its raters, while the review has one outcome per edit; so every
 * row carries one rater: the reviewers (and leads) whose word stands, joined by `+`, and the WMT score of a segment
 * is the sum of its errors, as in the statistics. An article with no outcome standing has no rated segment: only
 * the header is written.
 */
export function formatMqm(review: ArticleReview, resolution: Resolution, options: ExportOptions = {}): string {
  const decided = resolution.edits.filter((resolved) => settles(resolved.outcome));
  const rater = [...new Set(decided.flatMap((resolved) => resolved.outcome.by))].join('+');
  const lines = [MQM_COLUMNS.join('\t')];
  if (decided.length > 0) {
    for (const unit of paragraphUnits(review, resolution)) {
      const n = unit.index + 1;
      const front = [options.system ?? 'mt', review.id, String(n), String(n + (options.segIdOffset ?? 0)), rater];
      const errors = unit.edits.filter(isError);
      const source = neutral(unit.source ?? '');
      if (errors.length === 0) lines.push(row([...front, source, neutral(unit.mt), 'No-error', 'No-error']));
      for (const error of errors) {
        const label = issueLabel(error.edit, error.outcome);
        const target = markSpan(unit, error);
        lines.push(row([...front, source, target, wmtCategoryOf(label.categoryId), wmtSeverityOf(label.severity)]));
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function isError(resolved: ResolvedEdit): boolean {
  const decision = standingDecision(resolved.outcome);
  return decision === 'accept' || decision === 'amend';
}

/** The MT paragraph with the edit's MT span (clipped to the paragraph: a removed paragraph's span holds its break) marked. */
function markSpan(unit: ParagraphUnit, { edit }: ResolvedEdit): string {
  const end = unit.mtStart + unit.mt.length;
  const from = Math.min(Math.max(edit.mtStart, unit.mtStart), end) - unit.mtStart;
  const to = Math.min(Math.max(edit.mtEnd, unit.mtStart), end) - unit.mtStart;
  const mt = unit.mt;
  return `${neutral(mt.slice(0, from))}<v>${neutral(mt.slice(from, to))}</v>${neutral(mt.slice(to))}`;
}

/** Article text that would read as our own `<v>`/`</v>` markers gets a space (`<v >`), so the span stays ours. */
function neutral(text: string): string {
  return text.replace(/<(\/?)v>/g, '<$1v >');
}

/**
 * One line of the file. The WMT files do not quote fields, so a tab or line break inside a field would break the
 * layout: each becomes a space (text changes only in whitespace, which the MQM scores do not depend on).
 */
function row(fields: string[]): string {
  return fields.map((field) => field.replace(/[\t\r\n]/g, ' ')).join('\t');
}
