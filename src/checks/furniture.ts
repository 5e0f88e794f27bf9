// Page-furniture checks of the header and buttons: breadcrumb, byline label, date lines, share buttons.
import { authorInitials, photoCredit } from './credits.ts';
import { finding, type Line, lineDeletionSpan, nonEmptyLines } from './text.ts';
import type { Check, Finding } from './types.ts';

const category = 'design/page-furniture';

/** How many opening lines count as the page header, where breadcrumbs, bylines and date lines stand. */
const headerLines = 8;

/** True when a line is short and ends without sentence punctuation: the shape of a label, not of prose. */
function isLabelShaped(line: Line, maxWords: number): boolean {
  return line.text.split(/\s+/).length <= maxWords && !/[.!?;,"“”]$/.test(line.text);
}

// "Startseite" comes out as "Home page", "Homepage", "Start page" or "Home"; section names follow it.
const breadcrumbStart = /^(?:home\s?page|start\s?page|homepage|startpage|home)(?:\s*[›>»|/]\s*|\s+)\S/iu;

/** A breadcrumb ("Home page politics") among the first lines: the whole line goes, with its separator. */
export const breadcrumb: Check = {
  id: 'breadcrumb',
  name: 'Breadcrumb line',
  description: 'A navigation path ("Home page politics", "Homepage Sport") left as the first line of the article.',
  family: 'furniture',
  category,
  run(text) {
    const lines = nonEmptyLines(text);
    const found: Finding[] = [];
    for (const line of lines.slice(0, 3)) {
      if (!breadcrumbStart.test(line.text) || !isLabelShaped(line, 7)) continue;
      const [start, end] = lineDeletionSpan(text, lines, line.index);
      found.push(
        finding(
          text,
          { check: 'breadcrumb', start, end, suggestion: '', category, confidence: 0.95 },
          'major',
          'Breadcrumb of the web page, not article text: delete it.',
        ),
      );
    }
    return found;
  },
};

// German "Von:" becomes "Of:" or "From:" (or stays "Von:"); English bylines read "By Name".
const bylineLabel = /^(?:Of|From|Von|By|BY|OF|FROM)\s*:\s*(?=\p{Lu})/u;

/** A byline whose label is a translation of German "Von:": proposes "By ". */
export const bylineLabelCheck: Check = {
  id: 'byline-label',
  name: 'Byline label',
  description: 'A byline made from German "Von:" ("Of: Name", "From: Name"); English news writes "By Name".',
  family: 'furniture',
  category,
  run(text) {
    const found: Finding[] = [];
    for (const line of nonEmptyLines(text).slice(0, headerLines)) {
      const match = bylineLabel.exec(line.text);
      if (!match || !isLabelShaped(line, 12)) continue;
      const start = line.start;
      const end = start + match[0].length;
      found.push(
        finding(
          text,
          { check: 'byline-label', start, end, suggestion: 'By ', category, confidence: 0.95 },
          'minor',
          `Byline label "${match[0].trim()}" is a translation of German "Von:": write "By".`,
        ),
      );
    }
    return found;
  },
};

// "Erstellt:", "Aktualisiert:", "Stand:" with a date: page metadata, not text.
const dateLine =
  /^(?:Created|Updated|Last updated|Published|Status|As of|Stand|Erstellt|Aktualisiert)\s*:?\s*\d{1,4}[./-]\d{1,2}[./-]\d{2,4}/iu;

/** A "Created: 03/30/2022, 4:55 p.m." line among the first lines: page metadata to delete. */
export const dateLineCheck: Check = {
  id: 'date-line',
  name: 'Date line',
  description: 'A "Created:" / "Updated:" / "As of:" line with a date: page metadata left in the text.',
  family: 'furniture',
  category,
  run(text) {
    const lines = nonEmptyLines(text);
    const found: Finding[] = [];
    for (const line of lines.slice(0, headerLines)) {
      // "…, 12:15 p.m." ends in a dot that closes no sentence: test the shape without it.
      const label = { ...line, text: line.text.replace(/\s*[ap]\.\s?m\.$/i, '') };
      if (!dateLine.test(line.text) || !isLabelShaped(label, 8)) continue;
      const [start, end] = lineDeletionSpan(text, lines, line.index);
      found.push(
        finding(
          text,
          { check: 'date-line', start, end, suggestion: '', category, confidence: 0.9 },
          'minor',
          'Publication date line of the web page: delete it (the date belongs in the metadata).',
        ),
      );
    }
    return found;
  },
};

// The MT renders "teilen" as split/share/divide/part; other buttons: comments, print, send, bookmark, read more.
const buttonWords = new Set(
  (
    'split|share|divide|part|teilen|share article|share this article|comment|comments|to the comments|print|send|' +
    'e-mail|email|mail|tweet|facebook|twitter|whatsapp|pinterest|flipboard|copy link|bookmark|watch list|' +
    'to the watch list|read more|more|continue reading|kommentare|drucken|weiterlesen|merken|leaflet|notepad'
  ).split('|'),
);

// Single words that are buttons only beside other buttons on one line ("Press Split" for "Drucken Teilen").
const comboButtonWords = new Set(['press', 'save', 'copy', 'link', 'x', 'linkedin', 'telegram', 'messenger']);

/** A button label, or a row of two to six of them on one line ("Print Share", "Comments Share Print"). */
function isButtonLine(line: string): boolean {
  const lower = line.toLowerCase().replace(/\s+/g, ' ');
  if (buttonWords.has(lower) || lower === 'press') return true;
  const tokens = lower.split(/\s*[ |·•/]\s*/).filter(Boolean);
  return (
    tokens.length >= 2 &&
    tokens.length <= 6 &&
    tokens.every((token) => buttonWords.has(token) || comboButtonWords.has(token))
  );
}

/** A line that is only a share or social button word ("split", "Share", "Comments"): delete the line. */
export const shareButton: Check = {
  id: 'share-button',
  name: 'Share button',
  description: 'A share, print or comment button label left as a line of its own ("split", "Share", "Comments").',
  family: 'furniture',
  category,
  run(text) {
    const lines = nonEmptyLines(text);
    const found: Finding[] = [];
    for (const line of lines) {
      if (line.text.length > 60 || !isButtonLine(line.text)) continue;
      const [start, end] = lineDeletionSpan(text, lines, line.index);
      found.push(
        finding(
          text,
          { check: 'share-button', start, end, suggestion: '', category, confidence: 0.95 },
          'major',
          `"${line.text}" is a button label of the web page (share, print, comment): delete it.`,
        ),
      );
    }
    return found;
  },
};

export { authorInitials, photoCredit };

/** The page-furniture checks, in reading order (credits and initials are in `credits.ts`). */
export const furnitureChecks: readonly Check[] = [
  breadcrumb,
  bylineLabelCheck,
  dateLineCheck,
  shareButton,
  photoCredit,
  authorInitials,
];
