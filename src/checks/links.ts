// Link-residue checks: the asterisks that marked links on the web page, and the publisher footer explaining them.
import { finding, lineDeletionSpan, nonEmptyLines } from './text.ts';
import type { Check, Finding } from './types.ts';

const category = 'design/link-residue';

// An asterisk glued to the end of a word, number, bracket or quote ("China*", "USA*.", "conflict*"), or one
// standing alone between spaces. Not "*fr.de" (the footer starts with one) and not "**" (emphasis).
const gluedMarker = /(?<=[\p{L}\p{N})”"’])\*(?![\p{L}\p{N}*])/gu;
const looseMarker = /[ \t]\*(?=[ \t]|[.,;:!?]|$)/gmu;

/** Link markers ("China*"): the asterisk goes; a loose one goes with the space before it. */
export const linkMarker: Check = {
  id: 'link-marker',
  name: 'Link marker',
  description: 'An asterisk left after a word that was a link on the web page ("China*", "Ukraine conflict*").',
  family: 'links',
  category,
  run(text) {
    const found: Finding[] = [];
    for (const pattern of [gluedMarker, looseMarker]) {
      for (const match of text.matchAll(pattern)) {
        const start = match.index;
        found.push(
          finding(
            text,
            { check: 'link-marker', start, end: start + match[0].length, suggestion: '', category, confidence: 0.95 },
            'minor',
            'Link marker of the web page: delete the asterisk.',
          ),
        );
      }
    }
    return found.sort((a, b) => a.start - b.start);
  },
};

// "*fr.de is an offer from IPPEN.MEDIA." and its siblings on merkur.de, tz.de, hna.de, ...: a domain, then one
// sentence that names the group or says "offer", "part of", "network". The sentence ends at ". " or the line end.
const footerPattern =
  /(?<lead>[ \t]*)(?<star>\*\s?)?(?:[\p{L}\d-]+\.)+(?:de|at|ch|com|net|eu|info)\b[^\n]*?(?:\.(?=[ \t]*(?:\n|$))|\.(?=\s)|(?=\n|$))/giu;
const footerWords = /ippen|offer|part of|network|belongs to|portal/i;
const footerDomain = /\.(?:de|at|ch|com|net|eu|info)\b/i;

/** The publisher footer ("*fr.de is an offer from IPPEN.MEDIA."): deleted with the space or blank line before. */
export const publisherFooter: Check = {
  id: 'publisher-footer',
  name: 'Publisher footer',
  description: 'The footer that explains the link markers ("*fr.de is an offer from IPPEN.MEDIA.") on any site.',
  family: 'links',
  category,
  run(text) {
    const lines = nonEmptyLines(text);
    const found: Finding[] = [];
    // Only lines that name a domain and say "offer", "part of", ... can hold a footer: scan just those.
    for (const line of lines) {
      if (!footerWords.test(line.text) || !footerDomain.test(line.text)) continue;
      for (const match of line.text.matchAll(footerPattern)) {
        const body = match[0].trimStart();
        if (!footerWords.test(body)) continue;
        const whole = match.index + match[0].length - body.length === 0 && match[0].length === line.text.length;
        // Without an asterisk it is a footer only when it stands alone: "merkur.de reported" is a sentence.
        if (!match.groups?.star && !whole) continue;
        const offset = line.start + match.index;
        const [start, end] = whole ? lineDeletionSpan(text, lines, line.index) : [offset, offset + match[0].length];
        found.push(
          finding(
            text,
            { check: 'publisher-footer', start, end, suggestion: '', category, confidence: 0.98 },
            'major',
            'Publisher footer explaining the link markers: delete it.',
          ),
        );
      }
    }
    return found;
  },
};

/** The link-residue checks. */
export const linkChecks: readonly Check[] = [linkMarker, publisherFooter];
