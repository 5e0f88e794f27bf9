// Splits text into paragraphs (separated by blank lines) with their offsets and the separator that follows each.

/** One paragraph: its text (no surrounding whitespace), where it starts and ends, and the whitespace after it. */
export interface Paragraph {
  text: string;
  start: number;
  end: number;
  /** The blank-line separator after the paragraph; for the last one, the text's trailing whitespace. */
  after: string;
}

/** A text as leading whitespace plus paragraphs; `lead + Σ(text + after)` is the text again. */
export interface ParagraphSplit {
  lead: string;
  paragraphs: Paragraph[];
}

/** A whitespace run holding at least two line breaks, i.e. a blank line. */
const separatorPattern = /\s*\n[^\S\n]*\n\s*/g;

/** Splits `text` into paragraphs; whitespace-only text has none, and all of it is `lead`. */
export function splitParagraphs(text: string): ParagraphSplit {
  const leadLength = text.length - text.trimStart().length;
  const lead = text.slice(0, leadLength);
  const paragraphs: Paragraph[] = [];
  if (leadLength === text.length) return { lead, paragraphs };
  const bodyEnd = text.trimEnd().length;
  let start = leadLength;
  separatorPattern.lastIndex = start;
  for (let match = separatorPattern.exec(text); match; match = separatorPattern.exec(text)) {
    if (match.index >= bodyEnd) break;
    const end = match.index;
    paragraphs.push({ text: text.slice(start, end), start, end, after: match[0] });
    start = end + match[0].length;
  }
  paragraphs.push({ text: text.slice(start, bodyEnd), start, end: bodyEnd, after: text.slice(bodyEnd) });
  return { lead, paragraphs };
}
