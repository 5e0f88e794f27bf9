// Page-furniture checks of credits and sign-offs: photo-credit casing, author or agency initials.
import { finding, lineDeletionSpan, nonEmptyLines } from './text.ts';
import type { Check, Finding } from './types.ts';

const category = 'design/page-furniture';

// The MT lowercases all but the first letters of agency names in credits: "IMAGO" → "IMago", "DPA" → "DPa".
const creditPattern = /(?:©|\(c\)|Photo:|Image:|Foto:)[^\n©]*/giu;
const oddCasing = /\b\p{Lu}{2}\p{Ll}{2,}\b/gu;
// Agencies that write their name one fixed way; the MT re-cases them ("DPA", "Dpa", "DPa" for dpa).
const agencyCasing = new Map(
  ['dpa', 'epd', 'KNA', 'AFP', 'AP', 'Reuters', 'Getty Images', 'picture alliance', 'ddp', 'SID'].map((name) => [
    name.toLowerCase(),
    name,
  ]),
);
const agencyPattern = new RegExp(`\\b(?:${[...agencyCasing.values()].join('|')})\\b`, 'giu');

/** The fixes inside one credit: agency names in their own casing, other names with one capital ("Imago"). */
function creditFixes(credit: string): Array<{ index: number; word: string; fixed: string }> {
  const fixes: Array<{ index: number; word: string; fixed: string }> = [];
  for (const match of credit.matchAll(agencyPattern)) {
    const fixed = agencyCasing.get(match[0].toLowerCase()) ?? match[0];
    if (fixed !== match[0]) fixes.push({ index: match.index, word: match[0], fixed });
  }
  for (const match of credit.matchAll(oddCasing)) {
    if (fixes.some((f) => f.index === match.index)) continue;
    fixes.push({ index: match.index, word: match[0], fixed: match[0].charAt(0) + match[0].slice(1).toLowerCase() });
  }
  return fixes;
}

/** Broken casing inside a photo credit ("© IMago Images", "/DPa"): proposes the agency's own casing. */
export const photoCredit: Check = {
  id: 'photo-credit',
  name: 'Photo credit casing',
  description: 'A photo credit whose agency name the MT cased wrongly ("© IMago Images" for IMAGO, "DPA" for dpa).',
  family: 'furniture',
  category: 'linguistic/spelling',
  run(text) {
    const found: Finding[] = [];
    for (const credit of text.matchAll(creditPattern)) {
      for (const { index, word, fixed } of creditFixes(credit[0])) {
        const start = credit.index + index;
        const fields = {
          check: 'photo-credit',
          start,
          end: start + word.length,
          suggestion: fixed,
          category,
          confidence: 0.9,
        };
        found.push(
          finding(
            text,
            { ...fields, category: 'linguistic/spelling' },
            'minor',
            `Credit name "${word}" has broken casing: "${fixed}".`,
          ),
        );
      }
    }
    return found.sort((a, b) => a.start - b.start);
  },
};

// Author or agency initials closing a paragraph, "(marv)", "(dpa)", "(jh/afp)", possibly before a link footer;
// after a space, or opening a line of their own when a teaser or a caption came between.
const initialsPattern = /(?:[ \t]|^)\((?!sic\))[a-z]{2,5}(?:\/[a-zA-Z]{2,5})*\)(?=[ \t]*(?:\n|$|\*))/gmu;

/** The span that deletes the initials: with the space before, or, opening a line, with the line or the space after. */
function initialsSpan(text: string, start: number, end: number): [number, number] {
  if (text[start] === ' ' || text[start] === '\t') return [start, end];
  const lines = nonEmptyLines(text);
  const line = lines.find((l) => l.start === start);
  if (line && line.end === end) return lineDeletionSpan(text, lines, line.index);
  return [start, end + (/^[ \t]+/.exec(text.slice(end))?.[0].length ?? 0)];
}

/** Author initials at the end of a paragraph ("(marv)"): delete them with the space before. */
export const authorInitials: Check = {
  id: 'author-initials',
  name: 'Author initials',
  description: 'The author\'s or agency\'s initials closing the text ("(marv)", "(dpa/lm)"), a German news convention.',
  family: 'furniture',
  category,
  run(text) {
    return [...text.matchAll(initialsPattern)].map((match) => {
      const [start, end] = initialsSpan(text, match.index, match.index + match[0].length);
      return finding(
        text,
        { check: 'author-initials', start, end, suggestion: '', category, confidence: 0.9 },
        'minor',
        `Author initials ${match[0].trim()} are a German news convention: delete them.`,
      );
    });
  },
};
