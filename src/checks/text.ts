// Text helpers the checks share: lines with offsets, clean deletion spans, word scanning, sentence starts.
import type { Severity } from '../review/taxonomy.ts';
import type { Finding } from './types.ts';

/** A non-empty line of the text with its offsets (a paragraph, when paragraphs are one line each). */
export interface Line {
  start: number;
  end: number;
  text: string;
  /** Position among the non-empty lines, from 0. */
  index: number;
}

// Every check splits the same text into lines and words: remember the last text's, so a run of all checks
// over one article splits it once.
let linesMemo: { text: string; lines: readonly Line[] } | undefined;
let wordsMemo: { text: string; words: readonly Word[] } | undefined;

/** The non-empty lines of `text`, trimmed of surrounding spaces, with offsets into `text`. */
export function nonEmptyLines(text: string): readonly Line[] {
  if (linesMemo?.text !== text) linesMemo = { text, lines: splitLines(text) };
  return linesMemo.lines;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /[^\n]+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const start = match.index + lead;
    lines.push({ start, end: start + trimmed.length, text: trimmed, index: lines.length });
  }
  return lines;
}

/**
 * The span that deletes `lines[i]` and leaves clean text: the line and the separator after it, or, for the last
 * line, the separator before it. Removing "Home page politics\n\n" keeps the next paragraph first and alone.
 */
export function lineDeletionSpan(text: string, lines: readonly Line[], i: number): [number, number] {
  const line = lines[i] as Line;
  const next = lines[i + 1];
  if (next) return [lineStartOf(text, line.start), lineStartOf(text, next.start)];
  const previous = lines[i - 1];
  if (previous) return [previous.end, line.end];
  return [line.start, line.end];
}

/** The offset where the line holding `offset` begins (so leading spaces of a line go with it). */
function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** A finding with its text cut from `text`: the one way checks build findings. */
export function finding(
  text: string,
  fields: {
    check: string;
    start: number;
    end: number;
    suggestion: string | null;
    category: string;
    confidence: number;
  },
  severity: Severity,
  message: string,
): Finding {
  const { check, start, end, suggestion, category, confidence } = fields;
  return { check, start, end, text: text.slice(start, end), suggestion, category, severity, message, confidence };
}

/** A word of the text: letters, with inner apostrophes ("don't", "Russia’s" stays "Russia" + "’s"). */
export interface Word {
  start: number;
  end: number;
  text: string;
}

const wordPattern = /\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*/gu;

/** Every word of `text`, in order. */
export function words(text: string): readonly Word[] {
  if (wordsMemo?.text !== text) wordsMemo = { text, words: splitWords(text) };
  return wordsMemo.words;
}

function splitWords(text: string): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(wordPattern)) {
    found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return found;
}

/** The word without a trailing possessive ('s, ’s), so "Putin’s" is looked up as "Putin". */
export function withoutPossessive(word: string): string {
  // Called on every word of long texts: the cheap test first.
  return word.endsWith('s') && /['’]s$/u.test(word) ? word.slice(0, -2) : word;
}

const sentenceOpeners = new Set([
  '.',
  '!',
  '?',
  ':',
  '“',
  '"',
  '‘',
  "'",
  '(',
  '[',
  '–',
  '—',
  '-',
  '«',
  '»',
  '„',
  '•',
  '*',
]);

/** True when the word at `offset` opens a sentence, a line, a quotation or a parenthesis (capitals are normal). */
export function opensSentence(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0 || text[i] === '\n') return true;
  const before = text[i] as string;
  if (sentenceOpeners.has(before)) return true;
  // "... end.” Next" and "... end.) Next": a closing quote or bracket after sentence punctuation.
  return /[”’")\]]/.test(before) && i > 0 && /[.!?]/.test(text[i - 1] as string);
}

/** True when `word` starts with a capital letter. */
export function isCapitalised(word: string): boolean {
  const first = word[0] ?? '';
  return first !== first.toLowerCase();
}
