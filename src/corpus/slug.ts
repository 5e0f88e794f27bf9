// A slug (an article id) made from a title: what an article sent without an id is called.
import { MAX_ARTICLE_ID_LENGTH } from './load-corpus.ts';

// German letters spelled out the German way rather than stripped ("Übergang" → "uebergang", not "bergang").
const SPELLED: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'ae', Ö: 'oe', Ü: 'ue', ẞ: 'ss' };

/** Ids the pages take for themselves (/articles/new, /articles/upload): an article with one could not be opened. */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['new', 'upload']);

/** The longest slug made from a title, leaving room for a "-N" that makes it unique. */
export const MAX_TITLE_SLUG_LENGTH = 80;

/**
 * Lowercase words of letters and digits joined by hyphens, cut at a word end; '' when the text has no letter or
 * digit of the Latin alphabet (the caller then picks another name).
 */
export function slugify(text: string): string {
  const plain = text
    .replace(/[äöüßÄÖÜẞ]/g, (ch) => SPELLED[ch] ?? ch)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  const words = plain.split(/[^a-z0-9]+/).filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_TITLE_SLUG_LENGTH) break;
    slug = next;
  }
  // One word longer than the limit: cut it.
  if (slug === '' && words[0]) slug = words[0].slice(0, MAX_TITLE_SLUG_LENGTH);
  return slug.slice(0, MAX_ARTICLE_ID_LENGTH);
}

/** The candidates in order: the slug, then slug-2, slug-3, ... (never past the id length limit). */
export function* slugCandidates(slug: string): Generator<string> {
  if (!RESERVED_IDS.has(slug)) yield slug;
  for (let n = 2; ; n++) yield `${slug}-${n}`;
}
