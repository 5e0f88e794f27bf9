// German-leftover checks: untranslated German words, German quotation marks, nouns capitalised the German way.
import { isDictionaryEntry, isKnownWord } from './dictionary.ts';
import { loadHouseStyle } from './house-style.ts';
import { finding, isCapitalised, nonEmptyLines, opensSentence, type Word, withoutPossessive, words } from './text.ts';
import type { Check, Finding } from './types.ts';

// German function words that are not also English words ("die", "den", "man", "will", "also", "war" are left
// out), each with the English word a reviewer most often puts instead ('-' for none).
const germanWordList =
  'und:and nicht:not mit:with für:for auf:on ist:is sind:are wird:will wurde:was wurden:were werden:will aber:but ' +
  'oder:or auch:also noch:still bei:at nach:after über:about zum:to zur:to der:the das:the dem:the des:of ein:a ' +
  'eine:a einen:a einem:a einer:an sich:- dass:that daß:that wie:like sowie:and jedoch:however bereits:already ' +
  'sehr:very schon:already immer:always kein:no keine:no dieser:this diese:these dieses:this haben:have hatte:had ' +
  'können:can müssen:must soll:should sollen:should zwischen:between gegen:against unter:under durch:through ' +
  'ohne:without seit:since weil:because wenn:if dann:then jetzt:now heute:today gestern:yesterday mehr:more ' +
  'viele:many laut:according etwa:about sowohl:both nur:only vom:from beim:at im:in zu:to von:of ich:I wir:we ' +
  'sie:they uns:us aus:from bis:until vor:before hier:here dort:there neue:new neuen:new bzw:or zwei:two drei:three';

/** German words that are not English, with a usual English replacement (null: none). */
export const germanWords: ReadonlyMap<string, string | null> = new Map(
  germanWordList.split(' ').map((pair) => {
    const [german = '', english = '-'] = pair.split(':');
    return [german, english === '-' ? null : english];
  }),
);

// Particles of names: "Ursula von der Leyen", "Karl-Theodor zu Guttenberg", "Place des Vosges" are English too.
const nameParticles = new Set(['von', 'der', 'des', 'dem', 'das', 'zu', 'zum', 'zur']);

/** True when the word is in a run of particles ("von der") between two capitalised words: part of a name. */
function isNameParticle(list: readonly Word[], i: number): boolean {
  const isParticle = (k: number) => nameParticles.has(list[k]?.text ?? '');
  if (!isParticle(i)) return false;
  let first = i;
  let last = i;
  while (isParticle(first - 1)) first--;
  while (isParticle(last + 1)) last++;
  const [previous, next] = [list[first - 1], list[last + 1]];
  return previous !== undefined && next !== undefined && isCapitalised(previous.text) && isCapitalised(next.text);
}

/** Untranslated German words inside English sentences ("und", "nicht", "für"), and lowercase words with umlauts. */
export const germanWord: Check = {
  id: 'german-word',
  name: 'Untranslated German word',
  description: 'A German word left untranslated in an English sentence ("und", "nicht", "für", "Erhöhung").',
  family: 'german',
  category: 'accuracy/untranslated',
  run(text, context) {
    const style = loadHouseStyle(context?.houseStylePath);
    const list = words(text);
    const found: Finding[] = [];
    list.forEach((word, i) => {
      const known = germanWords.has(word.text);
      const umlaut = !known && /[äöüß]/.test(word.text) && !isCapitalised(word.text) && !style.words.has(word.text);
      if ((!known && !umlaut) || isNameParticle(list, i)) return;
      const suggestion = germanWords.get(word.text) ?? null;
      const fields = {
        check: 'german-word',
        start: word.start,
        end: word.end,
        suggestion,
        category: 'accuracy/untranslated',
      };
      found.push(
        finding(
          text,
          fields,
          'major',
          `"${word.text}" is German, left untranslated${suggestion ? `: "${suggestion}"?` : '.'}`,
        ),
      );
    });
    return found;
  },
};

// German quotes open low („ ‚) and close with the English opening mark (“ ‘); guillemets » « point inwards.
const germanQuote = /„([^\n„“”"]*)(“)?|‚([^\n‚‘’]*)(‘)?|»([^\n»«]*)(«)?/gu;

/** German quotation marks („...“, ‚...‘, »...«): propose English ones (“...”). */
export const germanQuotes: Check = {
  id: 'german-quotes',
  name: 'German quotation marks',
  description: 'German quotation marks („...“, ‚...‘, »...«) where English uses “...” and ‘...’.',
  family: 'german',
  category: 'locale/quote-marks',
  run(text) {
    const found: Finding[] = [];
    for (const match of text.matchAll(germanQuote)) {
      const single = match[0].startsWith('‚');
      const [open, close] = single ? ['‘', '’'] : ['“', '”'];
      const mark = (start: number, suggestion: string) =>
        finding(
          text,
          { check: 'german-quotes', start, end: start + 1, suggestion, category: 'locale/quote-marks' },
          'minor',
          `German quotation mark "${text[start]}": English writes ${open}...${close}.`,
        );
      found.push(mark(match.index, open));
      const closes = match[2] ?? match[4] ?? match[6];
      if (closes) found.push(mark(match.index + match[0].length - 1, close));
    }
    return found;
  },
};

// Words English news capitalises on their own: titles and institutions ("the Chancellor"), brands ("on Telegram").
const institutionWords = new Set(
  (
    'Government Chancellor President Minister Ministry Party State States Court Office League Cup Champions Council ' +
    'Commission Committee Assembly Cabinet Army Navy Prime Premier Mayor Governor Secretary Chairman Department Agency ' +
    'Bureau Authority Prosecutor Republic Kingdom Empire Embassy Foundation Institute University Club Group Prize ' +
    'Telegram Signal Threads Meta Apple Shell Target Visa Continental Amazon Bild Welt Spiegel Stern Focus'
  ).split(' '),
);

/** Ranges of short quotations ("“Just and Democratic World Order”"): titles and slogans keep their capitals. */
function shortQuotes(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(/[“"„«»‘]([^”"“«»\n]{1,60})[”"“«»’]/gu)) {
    if (match[1] && match[1].split(/\s+/).length <= 8) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

// "Ministry of Defense", "Department for Education", "Bank of England": capitals joined by a small word.
const nameConnectors = /^\s+(?:of|for|of the|for the|on|de|del|du|and)\s+$/;

/** Capitalised words that stand next to another capitalised word somewhere: parts of names ("Left Party"). */
function namePartWords(text: string, list: readonly Word[]): Set<string> {
  const parts = new Set<string>();
  const add = (word: Word) => parts.add(withoutPossessive(word.text));
  for (let i = 1; i < list.length; i++) {
    const b = list[i] as Word;
    // The capitalised word before: the previous one, or the one before a connector ("Ministry of Defense").
    const previous = list[i - 1];
    const before = previous && isCapitalised(previous.text) ? previous : list[i - 2];
    if (!before || !isCapitalised(b.text) || !isCapitalised(before.text)) continue;
    const gap = text.slice(before.end, b.start);
    // "The Fans": a common word opening the sentence makes no name of what follows.
    if (opensSentence(text, before.start) && isKnownWord(before.text.toLowerCase())) continue;
    if (/^[\s-]*$/.test(gap) || nameConnectors.test(gap)) {
      add(before);
      add(b);
    }
  }
  return parts;
}

/** A headline or label line: short, no sentence punctuation at the end; title case is normal there. */
function headlineRanges(text: string): Array<[number, number]> {
  return nonEmptyLines(text)
    .filter((line) => !/[.!?…:;][”"’)]*$/.test(line.text) || line.text.split(/\s+/).length <= 3)
    .map((line) => [line.start, line.end]);
}

const within = (ranges: Array<[number, number]>, offset: number) => ranges.some(([s, e]) => offset >= s && offset < e);

/** A common noun capitalised in mid-sentence, the German way or as a link's first word ("the Increase truck toll"). */
/** The mid-sentence capitalised common words of `text` ("Increase" in "the Increase truck toll"). */
function capitalisedCommonWords(text: string): Word[] {
  const list = words(text);
  const names = namePartWords(text, list);
  const skip = [...shortQuotes(text), ...headlineRanges(text)];
  const found: Word[] = [];
  for (const word of list) {
    if (!isCapitalised(word.text)) continue;
    const bare = withoutPossessive(word.text);
    if (bare.length < 3 || /\p{Lu}/u.test(bare.slice(1)) || names.has(bare) || institutionWords.has(bare)) continue;
    if (!isKnownWord(bare.toLowerCase()) || isDictionaryEntry(bare) || opensSentence(text, word.start)) continue;
    // The range test is the costly one: last.
    if (!within(skip, word.start)) found.push({ ...word, end: word.start + bare.length, text: bare });
  }
  return found;
}

/** A common noun capitalised in mid-sentence, the German way or as a link's first word ("the Increase truck toll"). */
export const capitalisedNoun: Check = {
  id: 'capitalised-noun',
  name: 'Capitalised common noun',
  description: 'A common word capitalised in mid-sentence, as German capitalises nouns ("the Increase truck toll").',
  family: 'german',
  category: 'linguistic/spelling',
  run(text) {
    const candidates = capitalisedCommonWords(text);
    const counts = new Map<string, number>();
    for (const word of candidates) counts.set(word.text, (counts.get(word.text) ?? 0) + 1);
    // Capitalised every time and never written small: a nickname or brand ("the Lions"), not a slip.
    const lowercase = new Set(words(text).map((word) => word.text));
    const consistent = (word: string) => (counts.get(word) ?? 0) > 1 && !lowercase.has(word.toLowerCase());
    return candidates
      .filter((word) => !consistent(word.text))
      .map((word) => {
        const lower = word.text.toLowerCase();
        const fields = {
          check: 'capitalised-noun',
          start: word.start,
          end: word.end,
          suggestion: lower,
          category: 'linguistic/spelling',
        };
        return finding(
          text,
          fields,
          'minor',
          `"${word.text}" is a common word capitalised mid-sentence (German noun casing): "${lower}".`,
        );
      });
  },
};
/** The German-leftover checks (number formats are in `numbers.ts`). */
export const germanChecks: readonly Check[] = [germanWord, germanQuotes, capitalisedNoun];
