// The German lexicon (word lists of @zxcvbn-ts/language-de, MIT): is a word German, and a German compound?
import { dictionary } from '@zxcvbn-ts/language-de';
import { isDictionaryEntry, isEnglishWord, isKnownWord } from './dictionary.ts';

/**
 * How a word is German: a compound of German parts ("Kurzarbeit"), a common noun ("Ampel", "Raser"), a word that
 * may be a name ("Isar", "Salzgitter"), or another word (lowercase).
 */
export type GermanKind = 'compound' | 'noun' | 'name' | 'word';

interface Lexicon {
  /** Every word form of both lists, lowercase: German Wikipedia's 65,000 and everyday German's 12,500 commonest. */
  words: Set<string>;
  /** Everyday German (the commonest words of spoken German): the evidence that a known word is a common noun. */
  everyday: Set<string>;
  /** Words that may be compound parts: everyday German and Wikipedia's 30,000 commonest (past those, the list is
   * mostly names and foreign words: "sula", "ira"). */
  partWords: Set<string>;
  /** First names and surnames common in Germany. */
  names: Set<string>;
  firstNames: Set<string>;
}

let lexicon: Lexicon | undefined;
const kindCache = new Map<string, GermanKind | null>();
const partCache = new Map<string, boolean>();

// The package's types say string[]; its lists are one comma-separated string.
const entries = (list: string | readonly string[]): string[] =>
  typeof list === 'string' ? list.split(',') : [...list];

function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const wikipedia = entries(dictionary.wikipedia);
  const everyday = entries(dictionary.commonWords);
  const firstNames = entries(dictionary.firstnames);
  lexicon = {
    words: new Set([...wikipedia, ...everyday].filter((word) => /^\p{Ll}+$/u.test(word))),
    everyday: new Set(everyday),
    partWords: new Set([...everyday, ...wikipedia.slice(0, 30_000)]),
    names: new Set([...firstNames, ...entries(dictionary.lastnames)]),
    firstNames: new Set(firstNames),
  };
  return lexicon;
}

// German inflection endings, tried longest first: "Kitas" → "Kita", "Häusern" → "Häuser".
const endings = ['ern', 'en', 'er', 'es', 'e', 'n', 's', ''];
// Linking elements between the parts of a compound: Arbeit-s-markt, Hund-e-hütte, Sonne-n-schein, Kind-er-garten.
// All but -s- and -es- make a plural of the part before them ("Hunde", "Sonnen", "Kinder").
const linkers = ['', 's', 'es', 'n', 'en', 'er', 'e'];
// Three-letter words that make compounds (Amts-gericht, Stadt-rat, Neu-bau); other three-letter entries of the lists
// are mostly function words, abbreviations and fragments of names ("der", "sch", "ari").
const shortParts = new Set(
  'alt amt arm art bad bau bio eis gas hof kur neu not ort ost rad rat tag tat tee tor uhr weg zug'.split(' '),
);
// Prefixes that open German nouns: Un-wetter, Un-fall, Ur-teil.
const prefixes = new Set(['un', 'ur']);
// Suffixes of German abstract and agent nouns: a known word with one is a common noun, not a name.
const nounSuffix = /(?:ung|heit|keit|schaft|tät|nis|tum|ling|ismus)(?:en|e|s|n)?$/;

/** True when `word`, or its stem of at least three letters after an inflection ending, passes `test`. */
function withoutEnding(word: string, test: (stem: string) => boolean): boolean {
  return endings.some(
    (ending) =>
      word.endsWith(ending) && word.length - ending.length >= 3 && test(word.slice(0, word.length - ending.length)),
  );
}

/** True when English knows `part` only as a name ("buckingham", "craig"): a part of a foreign name, not of German. */
function isEnglishName(part: string, lex: Lexicon): boolean {
  return (
    !lex.everyday.has(part) && isDictionaryEntry(part.charAt(0).toUpperCase() + part.slice(1)) && !isKnownWord(part)
  );
}

/**
 * True when `part` can stand in a compound: a common German word or a stem ("miet-" of "Miete", "heiz-" of
 * "heizen"), not a first name. Cached: compounds share their parts.
 */
function isPart(part: string): boolean {
  let known = partCache.get(part);
  if (known === undefined) {
    const lex = getLexicon();
    const stem = part.length >= 4 && (lex.everyday.has(`${part}e`) || lex.words.has(`${part}en`));
    known =
      (part.length >= 4 || shortParts.has(part)) &&
      (lex.partWords.has(part) || stem) &&
      !lex.firstNames.has(part) &&
      !isEnglishName(part, lex);
    partCache.set(part, known);
  }
  return known;
}

/** True when `head` takes `linker`: -s-, -es- after any part; -e-, -n-, -en-, -er- where they make its plural. */
function linksTo(head: string, linker: string): boolean {
  return linker === '' || linker === 's' || linker === 'es' || getLexicon().words.has(head + linker);
}

/** The parts of `word` as a compound of up to three German parts ("kurz|arbeit", "un|wetter"), or null. */
function compoundParts(word: string, depth = 0): string[] | null {
  for (let cut = 2; cut <= word.length - 3; cut++) {
    const head = word.slice(0, cut);
    if (cut === 2 ? depth > 0 || !prefixes.has(head) : !isPart(head)) continue;
    for (const linker of cut === 2 ? [''] : linkers) {
      if (!word.startsWith(linker, cut) || !linksTo(head, linker)) continue;
      const rest = word.slice(cut + linker.length);
      if (withoutEnding(rest, (stem) => stem.length >= 3 && isPart(stem))) return [head, rest];
      const tail = depth < 1 ? compoundParts(rest, depth + 1) : null;
      if (tail) return [head, ...tail];
    }
  }
  return null;
}

/**
 * True when the parts make an English compound rather than a German one: all English words, one of them no everyday
 * German ("dash|cam", "live|stream"; not "kinder|geld", "stark|regen"). Also "tempo|limit": that one is left to the
 * capitalisation check.
 */
function isEnglishCompound(parts: readonly string[], lex: Lexicon): boolean {
  const english = (part: string) => isEnglishWord(part) || (part.endsWith('s') && isEnglishWord(part.slice(0, -1)));
  return parts.every(english) && parts.some((part) => !withoutEnding(part, (stem) => lex.everyday.has(stem)));
}

/** True when the known word `lower` is a common noun: everyday German, a noun suffix, or written in its plural. */
function isCommonNoun(lower: string, lex: Lexicon): boolean {
  if (lex.names.has(lower)) return false;
  if (withoutEnding(lower, (stem) => stem.length >= 4 && lex.everyday.has(stem)) || nounSuffix.test(lower)) return true;
  // A plural of a German word ("Kitas"), not of an English one ("Programmes", "Bankings").
  return ['n', 'en', 'e', 's'].some((ending) => {
    const singular = lower.slice(0, -ending.length);
    return lower.endsWith(ending) && singular.length >= 4 && lex.words.has(singular) && !isEnglishWord(singular);
  });
}

// "Raser" from "rasen", "Gaffer" from "gaffen": agent nouns German makes from any verb.
function isAgentNoun(lower: string, lex: Lexicon): boolean {
  return lower.length > 4 && lower.endsWith('er') && lex.everyday.has(`${lower.slice(0, -2)}en`);
}

function computeKind(word: string): GermanKind | null {
  const lex = getLexicon();
  const lower = word.toLowerCase();
  const known = withoutEnding(lower, (stem) => stem.length >= 4 && lex.words.has(stem));
  if (word === lower) return known ? 'word' : null;
  const parts = lex.names.has(lower) ? null : compoundParts(lower);
  // "Dashcam", "Livestream": English parts, more likely an English compound (the capitalisation check's) than German.
  if (parts && isEnglishCompound(parts, lex)) return null;
  let kind: GermanKind | null;
  // A compound the lists do not know is coined or rare, no name; one they know may name a place ("Wiesbaden").
  if (parts && !known) kind = 'compound';
  else if (known) kind = parts || isCommonNoun(lower, lex) ? 'noun' : 'name';
  else kind = isAgentNoun(lower, lex) ? 'noun' : null;
  // British forms ("Levelling", "Programmes") are English, though American English does not know them. Asked last:
  // the British dictionary loads on its first question.
  return kind !== 'name' && kind !== null && isEnglishWord(lower) ? null : kind;
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
