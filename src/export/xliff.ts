// XLIFF 2.1 export: one unit per MT paragraph, the corrected text as target, reviewed errors as ITS 2.0 quality issues.

import type { ArticleReview } from '../review/article-review.ts';
import { issueLabel, itsSeverity } from '../review/labels.ts';
import { type ParagraphUnit, paragraphUnits } from '../review/paragraph-units.ts';
import { type Resolution, type ResolvedEdit, resolveReview, settles } from '../review/resolve.ts';
import type { ExportOptions } from './options.ts';
import { xliffContent, xmlAttrs, xmlText } from './xml.ts';

const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';
const MATCHES_NS = 'urn:oasis:names:tc:xliff:matches:2.0';
const ITS_NS = 'http://www.w3.org/2005/11/its';

/** A segment state of XLIFF 2.1, in its order (`initial` is never written: every unit has a target). */
export type SegmentState = 'translated' | 'reviewed' | 'final';

/** The review as an XLIFF 2.1 document (resolved once with the options' undecided policy). */
export function renderXliff(review: ArticleReview, options: ExportOptions = {}): string {
  return formatXliff(review, resolveReview(review, options.policy));
}

/**
 * The review as XLIFF 2.1. Without an aligned source (no source.txt, or one whose paragraphs do not pair with the
 * MT's), the MT stands as the source; then `srcLang` is the MT's language, because XLIFF requires every source to
 * be in `srcLang`, and a file note says so.
 */
export function formatXliff(review: ArticleReview, resolution: Resolution): string {
  const units = paragraphUnits(review, resolution);
  const trgLang = review.meta.targetLang ?? 'en';
  const withSource = units.every((unit) => unit.source !== null);
  const srcLang = withSource ? (review.meta.sourceLang ?? 'de') : trgLang;
  const complete = resolution.counts.undecided === 0;
  const root = xmlAttrs({
    xmlns: XLIFF_NS,
    'xmlns:mtc': MATCHES_NS,
    'xmlns:its': ITS_NS,
    'its:version': '2.0',
    version: '2.1',
    srcLang,
    trgLang,
  });
  const file = xmlAttrs({ id: `f-${nmtoken(review.id)}`, original: review.meta.url ?? review.id });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff${root}>`,
    ` <file${file}>`,
    fileNotes(review, resolution, withSource),
    ...units.map((unit) => unitXml(unit, withSource, complete)),
    ' </file>',
    '</xliff>',
    '',
  ].join('\n');
}

function fileNotes(review: ArticleReview, resolution: Resolution, withSource: boolean): string {
  const { accepted, rejected, amended, undecided } = resolution.counts;
  const notes = [
    `Review of ${review.meta.title ?? review.id}: ${accepted} accepted, ${amended} amended, ${rejected} rejected, ` +
      `${undecided} undecided (undecided edits: ${resolution.policy}).`,
  ];
  if (!withSource) {
    const why =
      review.source === null ? 'no source text is available' : 'the source paragraphs do not pair with the MT';
    notes.push(`The source of each unit is the raw machine translation, not the original: ${why}.`);
  }
  // Note text cannot hold <cp>: xmlText replaces an XML-invalid character by U+FFFD there.
  return ['  <notes>', ...notes.map((note) => `   <note>${xmlText(note)}</note>`), '  </notes>'].join('\n');
}

function unitXml(unit: ParagraphUnit, withSource: boolean, complete: boolean): string {
  const n = unit.index + 1;
  const lines = [`  <unit id="p${n}">`];
  if (withSource) {
    // Translation Candidates module: the raw MT is the candidate the target was made from.
    lines.push(
      '   <mtc:matches>',
      `    <mtc:match ref="#s${n}" type="mt" origin="machine translation">`,
      `     <source xml:space="preserve">${xliffContent(unit.source ?? '')}</source>`,
      `     <target xml:space="preserve">${xliffContent(unit.mt)}</target>`,
      '    </mtc:match>',
      '   </mtc:matches>',
    );
  }
  lines.push(
    `   <segment id="s${n}" state="${segmentState(unit, complete)}">`,
    `    <source xml:space="preserve">${xliffContent(withSource ? (unit.source ?? '') : unit.mt)}</source>`,
    `    <target xml:space="preserve">${targetContent(unit)}</target>`,
    '   </segment>',
    '  </unit>',
  );
  return lines.join('\n');
}

/**
 * `final` when every edit of the paragraph is decided; `reviewed` when some are; `translated` when none are. A
 * paragraph without edits has nothing to decide and takes the article's state: `final` once every edit of the
 * article is decided, `translated` before (until the review is done, nobody has vouched for it).
 */
export function segmentState(unit: Pick<ParagraphUnit, 'edits'>, articleComplete: boolean): SegmentState {
  if (unit.edits.length === 0) return articleComplete ? 'final' : 'translated';
  const decided = unit.edits.filter((edit) => settles(edit.outcome)).length;
  if (decided === unit.edits.length) return 'final';
  return decided > 0 ? 'reviewed' : 'translated';
}

/**
 * The target with every decided edit as an ITS Localization Quality Issue on the text it left. Edits do not
 * overlap, so the markers never nest. A deletion leaves no text: its issue is an empty `<mrk>` where the text
 * was (XLIFF allows empty content), which keeps the issue at its exact place instead of on a neighbour it is not
 * about; the comment quotes the MT that was removed.
 */
function targetContent(unit: ParagraphUnit): string {
  let out = '';
  let at = 0;
  for (const resolved of unit.edits) {
    if (!settles(resolved.outcome)) continue;
    out += xliffContent(unit.target.slice(at, resolved.start));
    out += `<mrk${issueAttrs(resolved)}>${xliffContent(unit.target.slice(resolved.start, resolved.end))}</mrk>`;
    at = resolved.end;
  }
  return out + xliffContent(unit.target.slice(at));
}

function issueAttrs({ edit, outcome }: ResolvedEdit): string {
  const label = issueLabel(edit, outcome);
  // Trimmed: a removed paragraph's MT includes the blank line after it, which says nothing to a reader.
  const mt = edit.mtText.trim() === '' ? 'nothing' : `"${edit.mtText.trim()}"`;
  const comment = [`MT had ${mt}`, outcome.note ?? ''].filter((part) => part.trim() !== '').join(' | ');
  return xmlAttrs({
    id: `m-${nmtoken(edit.id)}`,
    type: 'its:generic',
    'its:locQualityIssueType': label.category?.its ?? 'uncategorized',
    'its:locQualityIssueComment': comment,
    'its:locQualityIssueSeverity': label.severity === null ? undefined : itsSeverity(label.severity),
    // A rejected edit: the MT was flagged but is right, so the issue stays on record, switched off.
    'its:locQualityIssueEnabled': outcome.decision === 'reject' ? 'no' : undefined,
  });
}

/** An XML NMTOKEN made from an id: characters outside name characters become `_`. */
function nmtoken(id: string): string {
  return id.replace(/[^\p{L}\p{N}._:-]/gu, '_') || '_';
}
