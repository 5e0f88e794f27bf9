// German nouns the MT left standing ("Kurzarbeit", "the Bürgergeld", "The Raser"): unknown in English, known in German.
import { isKnownWord } from './dictionary.ts';
import { germanKind } from './german-lexicon.ts';
import { capitalisedLoanwords } from './german-words.ts';
import type { HouseStyle } from './house-style.ts';
import { isCapitalised, opensSentence, type Word, withoutPossessive, words } from './text.ts';

/** A German noun left in the text, and how sure the rule is. */
export interface Leftover {
  word: Word;
  confidence: number;
}

// German words English news keeps as they are: institutions, and terms it explains rather than translates.
const keptInEnglish = new Set(
  (
    'Bundestag Bundesrat Bundeswehr Bundesliga Bundesbank Landtag Länder Mittelstand Energiewende Autobahn Autobahnen ' +
    'Oktoberfest Reichstag Zeitenwende Deutschlandticket Stasi Wehrmacht Kristallnacht Kindertransport Heimat Abitur'
  ).split(' '),
);
// Compounds closing like a place or a street are names ("Terrassenufer", "Salzgitter" after "in" aside).
const placeEnding =
  /(?:ufer|straße|strasse|platz|allee|weg|ring|damm|gasse|markt|berg|burg|dorf|hausen|heim|stadt|feld|hof|bach|see|wald|brücke|tal|furt|ingen|kirchen|hafen|au|haus|gitter|land)$/;
// Words before a name, not before a common noun: a place after a preposition, a person after a title.
const beforeName =
  /^(?:in|from|near|at|to|of|outside|around|between|via|towards|Mr|Mrs|Ms|Dr|Prof|Minister|Mayor|Chancellor|President|Governor|Senator|coach|striker|player|spokesman|spokeswoman)$/;
// Nouns a place name stands before: "the Blasewitz district", "the Neckar valley", "the Wetterau region".
const placeNoun =
  /^(?:district|quarter|neighbou?rhood|suburb|borough|county|region|municipality|village|town|city|river|valley|lake|forest|mountains|island|street|square|station|stadium)$/;
// Newspapers, broadcasters and agencies keep their German names ("the Bild", "Forsa").
const mediaNames = new Set(['Bild', 'Welt', 'Spiegel', 'Stern', 'Focus', 'Zeit', 'Forsa', 'Kicker', 'Tagesschau']);
// Words before a common noun: "the Ampel", "a Raser", "so-called Bürgergeld".
const beforeNoun = /^(?:the|a|an|this|that|these|those|its|their|his|her|our|new|no|any|every|so-called|called)$/i;

/** A capitalised word that can be part of a name: not a common word capitalised to open a sentence ("The"). */
function isNamePart(text: string, word: Word): boolean {
  return isCapitalised(word.text) && !(opensSentence(text, word.start) && isKnownWord(word.text.toLowerCase()));
}

/**
 * True when `word` stands where names stand: beside another capitalised word, before a place noun ("district"),
 * after a title or a preposition.
 */
function inNameContext(text: string, list: readonly Word[], i: number): boolean {
  const previous = list[i - 1];
  const next = list[i + 1];
  const joined = (a: Word, b: Word) => /^(?: |-)$/.test(text.slice(a.end, b.start));
  const word = list[i] as Word;
  if (previous && joined(previous, word) && isNamePart(text, previous)) return true;
  if (next && joined(word, next) && (isCapitalised(next.text) || placeNoun.test(next.text))) return true;
  return previous !== undefined && beforeName.test(previous.text) && joined(previous, word);
}

/** Words the text itself uses as names: right after another capitalised word ("Jonas Großmann"). */
function namesOfText(text: string, list: readonly Word[]): Set<string> {
  const names = new Set<string>();
  for (let i = 1; i < list.length; i++) {
    const [a, b] = [list[i - 1] as Word, list[i] as Word];
    if (isNamePart(text, a) && isCapitalised(b.text) && /^ $/.test(text.slice(a.end, b.start))) {
      names.add(withoutPossessive(b.text));
    }
  }
  return names;
}

function isCandidate(bare: string, style: HouseStyle): boolean {
  if (bare.length < 4 || !isCapitalised(bare) || bare === bare.toUpperCase() || /\p{Lu}/u.test(bare.slice(1)))
    return false;
  if (
    keptInEnglish.has(bare) ||
    mediaNames.has(bare) ||
    capitalisedLoanwords.has(bare) ||
    style.words.has(bare) ||
    bare.startsWith('Bundes')
  ) {
    return false;
  }
  return !isKnownWord(bare) && !isKnownWord(bare.toLowerCase());
}

/** The German nouns of `text` an English reader meets untranslated, each with the rule's confidence. */
export function germanLeftovers(text: string, style: HouseStyle): Leftover[] {
  const list = words(text);
  let names: Set<string> | undefined;
  const found: Leftover[] = [];
  list.forEach((word, i) => {
    const bare = withoutPossessive(word.text);
    if (!isCandidate(bare, style)) return;
    const kind = germanKind(bare);
    if (kind === null || kind === 'word' || kind === 'name' || inNameContext(text, list, i)) return;
    names ??= namesOfText(text, list);
    if (names.has(bare)) return;
    if (placeEnding.test(bare.toLowerCase())) return;
    if (kind === 'compound') {
      found.push({ word: { ...word, end: word.start + bare.length, text: bare }, confidence: 0.85 });
      return;
    }
    // A plain German noun may be a name: only after an article or inside quotes is it surely a noun.
    const previous = list[i - 1];
    const quoted = /[“"„«]$/.test(text.slice(Math.max(0, word.start - 1), word.start));
    if (quoted || (previous && beforeNoun.test(previous.text) && /^ $/.test(text.slice(previous.end, word.start)))) {
      found.push({ word: { ...word, end: word.start + bare.length, text: bare }, confidence: 0.75 });
    }
  });
  return found;
}
