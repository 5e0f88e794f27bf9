// The registry of automatic checks: every check once, and the function that runs them over a text.
import { photoCaption } from './captions.ts';
import { corpusChecks } from './corpus.ts';
import { fluencyChecks } from './fluency.ts';
import { furnitureChecks } from './furniture.ts';
import { germanChecks } from './german.ts';
import { doubledVerb, wordOrder } from './grammar.ts';
import { dropCap, repeatedHeading } from './headings.ts';
import { linkChecks } from './links.ts';
import { literalPhrase } from './literal.ts';
import { nameVariant } from './name-variant.ts';
import { nameChecks } from './names.ts';
import { numberChecks } from './numbers.ts';
import { namePossessive } from './possessive.ts';
import { movedSource } from './sources.ts';
import { spelling } from './spelling.ts';
import { houseStyleTerm, termVariant } from './terms.ts';
import { timeFormat } from './times.ts';
import type { Check, CheckContext, CheckFamily, Finding } from './types.ts';
import { audioPlayer, authorBox, teaser } from './widgets.ts';

/** Every check, in reporting order: furniture, links and sources, names and terms, German leftovers and formats, grammar, fluency, corpus. */
export const checks: readonly Check[] = [
  ...furnitureChecks,
  teaser,
  audioPlayer,
  authorBox,
  repeatedHeading,
  dropCap,
  photoCaption,
  ...linkChecks,
  movedSource,
  ...nameChecks,
  nameVariant,
  namePossessive,
  houseStyleTerm,
  termVariant,
  ...germanChecks,
  ...numberChecks,
  timeFormat,
  wordOrder,
  doubledVerb,
  literalPhrase,
  ...fluencyChecks,
  spelling,
  ...corpusChecks,
];

const checkById = new Map(checks.map((check) => [check.id, check]));

/** The families in reporting order: page furniture first, corpus consistency last. */
export const families: readonly CheckFamily[] = [
  'furniture',
  'links',
  'formats',
  'german-words',
  'capitalisation',
  'names',
  'terminology',
  'grammar',
  'fluency',
  'spelling',
  'corpus',
];

/** The family of a check id ('unknown' for an id no check has, as an annotation file may name). */
export function familyOf(id: string): string {
  return checkById.get(id)?.family ?? 'unknown';
}

/** The check with this id, or undefined. */
export function findCheck(id: string): Check | undefined {
  return checkById.get(id);
}

/** True when `inner` lies within a deletion other than itself: "marv" inside the deleted " (marv)". */
function insideDeletion(inner: Finding, deletions: readonly Finding[]): boolean {
  return deletions.some(
    (d) => d !== inner && d.start <= inner.start && inner.end <= d.end && d.end - d.start > inner.end - inner.start,
  );
}

/**
 * All findings of `selected` checks (all by default) on `text`, ordered by position, then by check order. A finding
 * inside a span another check deletes is dropped: it would vanish with the deletion, and the two could not both apply.
 */
export function runChecks(text: string, context?: CheckContext, selected: readonly Check[] = checks): Finding[] {
  const findings = selected.flatMap((check) => check.run(text, context));
  const deletions = findings.filter((f) => f.suggestion === '' && f.end - f.start > 1);
  const order = new Map(selected.map((check, i) => [check.id, i]));
  return findings
    .filter((f) => !insideDeletion(f, deletions))
    .sort((a, b) => a.start - b.start || (order.get(a.check) ?? 0) - (order.get(b.check) ?? 0));
}
