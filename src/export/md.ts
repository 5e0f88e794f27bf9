// Markdown export: front matter with the review's state, the title as a heading, paragraphs escaped to stay text.
import { splitParagraphs } from '../diff/index.ts';
import type { ArticleReview } from '../review/article-review.ts';
import { type Resolution, resolveReview } from '../review/resolve.ts';
import type { ExportOptions } from './options.ts';

/** The review as Markdown (resolved once with the options' undecided policy). */
export function renderMd(review: ArticleReview, options: ExportOptions = {}): string {
  return formatMd(review, resolveReview(review, options.policy));
}

/**
 * The review as Markdown. The undecided and disputed counts (and the disputed edits' ids: reviewers disagree and
 * no lead has decided; the undecided policy applies to them) go in YAML front matter, not in a note at the end: the desk
 * editor publishes this file, and publishing tools (Hugo, Jekyll, Pandoc) read front matter as metadata and keep
 * it out of the article, where a trailing note would be printed unless someone remembers to delete it.
 */
export function formatMd(review: ArticleReview, resolution: Resolution): string {
  const { counts } = resolution;
  // JSON strings are valid YAML double-quoted scalars, escapes and all, so any title stays one safe line.
  const frontMatter = [
    '---',
    `title: ${JSON.stringify(review.meta.title ?? review.id)}`,
    ...(review.meta.url ? [`source_url: ${JSON.stringify(review.meta.url)}`] : []),
    `undecided_edits: ${counts.undecided}`,
    `disputed_edits: ${counts.disputed}`,
    ...(counts.disputed > 0 ? [`disputed: ${JSON.stringify(disputedIds(resolution))}`] : []),
    `undecided_policy: ${resolution.policy}`,
    `accepted: ${counts.accepted}`,
    `amended: ${counts.amended}`,
    `rejected: ${counts.rejected}`,
    '---',
  ];
  const title = `# ${escapeInline((review.meta.title ?? review.id).replace(/\s+/g, ' ').trim())}`;
  const paragraphs = splitParagraphs(resolution.text).paragraphs.map((paragraph) => escapeParagraph(paragraph.text));
  return `${[frontMatter.join('\n'), title, ...paragraphs].join('\n\n')}\n`;
}

/** The ids of the edits whose reviewers disagree and no lead has decided. */
export function disputedIds(resolution: Resolution): string[] {
  return resolution.edits.filter((e) => e.outcome.state === 'disputed').map((e) => e.edit.id);
}

/**
 * One paragraph, every line kept as article text. Indentation is dropped (four spaces would make a code block and
 * means nothing in news text); a line that would open a block (heading, quote, list, rule, setext underline) gets
 * its marker escaped.
 */
export function escapeParagraph(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeLineStart(escapeInline(line.trim())))
    .join('\n');
}

/**
 * Characters that start inline markup anywhere in a line: emphasis, code, links, HTML (`<`), GFM strikethrough
 * and tables, headings and quotes (`#`, `>`), the backslash itself, and `&` where it would start an entity
 * reference (`&amp;` must show as typed; "AT&T" needs nothing). CommonMark turns a backslash before any of them
 * back into the plain character.
 */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>~|#]|&(?=#?\w+;)/g, (char) => `\\${char}`);
}

function escapeLineStart(line: string): string {
  const ordered = /^(\d{1,9})([.)])/.exec(line);
  if (ordered) return `${ordered[1]}\\${line.slice((ordered[1] as string).length)}`;
  return /^[+\-=]/.test(line) ? `\\${line}` : line;
}
