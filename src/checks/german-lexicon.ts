// The German lexicon (hunspell de_DE, igerman98, from dictionary-de): is a word German, and a German compound?
import dictionary from 'dictionary-de';

/**
 * How a word is German: a compound of German parts ("Kurzarbeit"), a common noun ("Ampel", "Raser"), an entry that
 * may be a name ("Isar", "Berlin": no plural), or another word (lowercase).
 */
export type GermanKind = 'compound' | 'noun' | 'name' | 'word';

interface Lexicon {
  /** Every entry as written: nouns capitalised ("Ampel"), other words in lowercase ("rasen"). */
  entries: Set<string>;
  /** Capitalised entries that may open a compound ("Kurz", "Bürger", "Arbeits"; igerman98 flag j). */
  begins: Set<string>;
  /** Lowercase entries that may close a compound ("arbeit", "geld", "welle"; igerman98 flag z). */
  ends: Set<string>;
  /** Capitalised entries with a plural ending flag: common nouns ("Ampel/N"), not names ("Isar", "Berlin/S"). */
  commonNouns: Set<string>;
}

let lexicon: Lexicon | undefined;
const kindCache = new Map<string, GermanKind | null>();

// Reading the entries' stems is enough: no affix expansion (that is nspell's 1.4 s), endings are stripped below.
function loadLexicon(): Lexicon {
  const entries = new Set<string>();
  const begins = new Set<string>();
  const ends = new Set<string>();
  const commonNouns = new Set<string>();
  const lines = new TextDecoder().decode(dictionary.dic).split('\n');
  for (const line of lines) {
    const slash = line.indexOf('/');
    const word = slash < 0 ? line.trim() : line.slice(0, slash);
    const flags = slash < 0 ? '' : line.slice(slash + 1);
    if (!word || /[\s\d]/.test(word)) continue;
    const onlyInCompound = flags.includes('o');
    if (!onlyInCompound) entries.add(word);
    if (flags.includes('j') && word[0] !== word[0]?.toLowerCase()) begins.add(word);
    if (flags.includes('z')) ends.add(word);
    if (/[NEPRF]/.test(flags) && word[0] !== word[0]?.toLowerCase()) commonNouns.add(word);
  }
  return { entries, begins, ends, commonNouns };
}

function getLexicon(): Lexicon {
  lexicon ??= loadLexicon();
  return lexicon;
}

// German inflection endings, tried longest first: "Kitas" → "Kita", "Häusern" → "Häuser".
const endings = ['ern', 'en', 'er', 'es', 'e', 'n', 's', ''];

function withoutEnding(word: string, test: (stem: string) => boolean): boolean {
  return endings.some(
    (ending) =>
      word.endsWith(ending) && word.length - ending.length >= 2 && test(word.slice(0, word.length - ending.length)),
  );
}

/** True when `rest` (lowercase) is one or more compound parts closing with an end part ("preisbremse"). */
function isCompoundTail(rest: string, lex: Lexicon, depth: number): boolean {
  if (withoutEnding(rest, (stem) => lex.ends.has(stem))) return true;
  if (depth >= 2) return false;
  for (let cut = 3; cut <= rest.length - 3; cut++) {
    const middle = rest.slice(0, cut);
    const capital = middle.charAt(0).toUpperCase() + middle.slice(1);
    if (lex.begins.has(capital) && isCompoundTail(rest.slice(cut), lex, depth + 1)) return true;
  }
  return false;
}

function isCompound(word: string, lex: Lexicon): boolean {
  for (let cut = 3; cut <= word.length - 3; cut++) {
    if (lex.begins.has(word.slice(0, cut)) && isCompoundTail(word.slice(cut), lex, 0)) return true;
  }
  return false;
}

// "Raser" from "rasen", "Gaffer" from "gaffen": agent nouns German makes from any verb.
function isAgentNoun(word: string, lex: Lexicon): boolean {
  const lower = word.toLowerCase();
  return /er$/.test(lower) && lower.length > 4 && lex.entries.has(`${lower.slice(0, -2)}en`);
}

function computeKind(word: string): GermanKind | null {
  const lex = getLexicon();
  const capitalised = word[0] !== word[0]?.toLowerCase();
  if (!capitalised) return withoutEnding(word, (stem) => lex.entries.has(stem)) ? 'word' : null;
  if (isCompound(word, lex)) return 'compound';
  if (withoutEnding(word, (stem) => lex.commonNouns.has(stem)) || isAgentNoun(word, lex)) return 'noun';
  return withoutEnding(word, (stem) => lex.entries.has(stem)) ? 'name' : null;
}

/** How `word` is German (as written: a capitalised word is read as a noun), or null when German has no such word. */
export function germanKind(word: string): GermanKind | null {
  let kind = kindCache.get(word);
  if (kind === undefined) {
    kind = word.length < 4 ? null : computeKind(word);
    kindCache.set(word, kind);
  }
  return kind;
}
