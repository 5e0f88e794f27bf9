// The export formats in one registry, so the HTTP route, the CLI and the download buttons list the same ones.

import type { ArticleReview } from '../review/article-review.ts';
import { type DecisionCounts, type Resolution, resolveReview } from '../review/resolve.ts';
import { renderCsv } from './csv.ts';
import { formatJson } from './json.ts';
import { formatMd } from './md.ts';
import { formatMqm } from './mqm.ts';
import type { ExportOptions } from './options.ts';
import { formatTxt } from './txt.ts';
import { formatXliff } from './xliff.ts';

/** What rendering an export gives: the file's text, and the decision counts (the undecided one for a header). */
export interface ExportOutput {
  body: string;
  counts: DecisionCounts;
}

/** One export format: how it is named, served and saved, and how it is made. */
export interface ExportFormat {
  id: string;
  label: string;
  /** The Content-Type to serve it with. */
  mediaType: string;
  /** File name extension, without the dot. */
  extension: string;
  /** True when the format carries the whole verdict history, which the review must then be loaded with. */
  history: boolean;
  render(review: ArticleReview, options?: ExportOptions): ExportOutput;
}

type Format = (review: ArticleReview, resolution: Resolution, options: ExportOptions) => string;

/** A registry entry whose render resolves the review once and hands the resolution to the format. */
function entry(
  id: string,
  label: string,
  mediaType: string,
  extension: string,
  format: Format,
  history = false,
): ExportFormat {
  return {
    id,
    label,
    mediaType,
    extension,
    history,
    render(review, options = {}) {
      const resolution = resolveReview(review, options.policy);
      return { body: format(review, resolution, options), counts: resolution.counts };
    },
  };
}

/** Every export format, in the order the download buttons show them. */
export const exportFormats: readonly ExportFormat[] = [
  entry('txt', 'Plain text', 'text/plain; charset=utf-8', 'txt', (_, resolution) => formatTxt(resolution).body),
  entry('md', 'Markdown', 'text/markdown; charset=utf-8', 'md', formatMd),
  entry('json', 'JSON (review data)', 'application/json; charset=utf-8', 'json', formatJson, true),
  entry('xliff', 'XLIFF 2.1', 'application/xliff+xml; charset=utf-8', 'xlf', formatXliff),
  entry('csv', 'CSV (verdicts)', 'text/csv; charset=utf-8; header=present', 'csv', (review) => renderCsv(review), true),
  entry('mqm', 'MQM (WMT layout)', 'text/tab-separated-values; charset=utf-8', 'mqm.tsv', formatMqm),
];

/** The format with this id, or undefined. */
export function findExportFormat(id: string): ExportFormat | undefined {
  return exportFormats.find((format) => format.id === id);
}
