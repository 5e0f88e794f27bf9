// TER's word splitting, as sacrebleu's TercomTokenizer does it: lowercasing, tercom normalisation, punctuation removal.

/** How TER turns a line into words; every flag off is sacrebleu's default. */
export interface TerOptions {
  /** Keep case differences as errors (sacrebleu lowercases both sides by default). */
  caseSensitive?: boolean;
  /** Tercom's normalisation: split punctuation off words, unescape XML entities, join hyphenated line breaks. */
  normalized?: boolean;
  /** Remove the characters . , ? : ; ! " ( ) before splitting. */
  noPunct?: boolean;
}

/**
 * A run of what separates TER words: Python's str.split() splits on what str.isspace() accepts, which differs from
 * JavaScript's \s by \x1c-\x1f and \x85 (Python only) and \ufeff (JavaScript only).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python counts the separators \x1c-\x1f as whitespace.
export const terWhitespace = /[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** True for the character codes `terWhitespace` matches (to scan text without slicing it). */
export function isTerWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code >= 0x1c;
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

// Tercom's Normalizer.java rules for Western languages, applied in this order: first line joins and XML entities,
// then (on the sentence padded with spaces) punctuation, each padded so that the final split makes it a word.
const entityRules: readonly [RegExp, string][] = [
  [/\n-/g, ''],
  [/\n/g, ' '],
  [/&quot;/g, '"'],
  [/&amp;/g, '&'],
  [/&lt;/g, '<'],
  [/&gt;/g, '>'],
];
const punctuationRules: readonly [RegExp, string][] = [
  [/([{-~[-` -&(-+:-@/])/g, ' $1 '],
  [/'s /g, " 's "],
  [/'s$/g, " 's"],
  [/([^0-9])([.,])/g, '$1 $2 '],
  [/([.,])([^0-9])/g, ' $1 $2'],
  [/([0-9])(-)/g, '$1 $2 '],
];

function normalizeTercom(sentence: string): string {
  let text = entityRules.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), sentence);
  text = punctuationRules.reduce(
    (current, [pattern, replacement]) => current.replace(pattern, replacement),
    ` ${text} `,
  );
  return text.replace(/\s+/g, ' ').trim();
}

/** Splits a line into TER words with sacrebleu's tokenizer settings. */
export function tokenizeForTer(line: string, options: TerOptions = {}): string[] {
  let text = options.caseSensitive ? line : line.toLowerCase();
  if (options.normalized) text = normalizeTercom(text);
  if (options.noPunct) text = text.replace(/[.,?:;!"()]/g, '');
  return text.split(terWhitespace).filter((word) => word !== '');
}
