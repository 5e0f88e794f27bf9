// German-leftover checks: untranslated German words, German quotation marks (noun casing is in `capitalisation.ts`).
import { capitalisedNoun } from './capitalisation.ts';
import { germanLeftovers } from './german-leftovers.ts';
import { germanNouns, germanWords } from './german-words.ts';
import { loadHouseStyle } from './house-style.ts';
import { finding, isCapitalised, opensSentence, type Word, words } from './text.ts';
import type { Check, Finding } from './types.ts';

export { capitalisedNoun, germanWords };

// Particles of names: "Ursula von der Leyen", "Karl-Theodor zu Guttenberg", "Place des Vosges" are English too.
// "Alternative für Deutschland", "Bündnis für Arbeit": German names of parties and alliances, kept in English.
const nameParticles = new Set(['von', 'der', 'des', 'dem', 'das', 'zu', 'zum', 'zur', 'für', 'am', 'im']);

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

/** True when the word is a German noun standing alone in mid-sentence ("14 Grad"), not part of a name. */
function isGermanNoun(text: string, list: readonly Word[], i: number): boolean {
  const word = list[i] as Word;
  if (!germanNouns.has(word.text) || opensSentence(text, word.start)) return false;
  const neighbour = (k: number) => list[k] !== undefined && isCapitalised((list[k] as Word).text);
  // "Polizei Köln", "Stadt Kassel": beside another capital it is a name.
  return !neighbour(i - 1) && !neighbour(i + 1);
}

/** Untranslated German words inside English sentences ("und", "nicht", "für"), and lowercase words with umlauts. */
export const germanWord: Check = {
  id: 'german-word',
  name: 'Untranslated German word',
  description:
    'A German word left untranslated in an English sentence ("und", "nicht", "für"), or a German noun English does not know and German does ("Kurzarbeit", "the Ampel").',
  family: 'german-words',
  category: 'accuracy/untranslated',
  run(text, context) {
    const style = loadHouseStyle(context?.houseStylePath);
    const list = words(text);
    const found: Finding[] = [];
    list.forEach((word, i) => {
      const known = germanWords.has(word.text) || isGermanNoun(text, list, i);
      const umlaut = !known && /[äöüß]/.test(word.text) && !isCapitalised(word.text) && !style.words.has(word.text);
      if ((!known && !umlaut) || isNameParticle(list, i)) return;
      const suggestion = germanWords.get(word.text) ?? germanNouns.get(word.text) ?? null;
      const fields = {
        check: 'german-word',
        start: word.start,
        end: word.end,
        suggestion,
        category: 'accuracy/untranslated',
        confidence: 0.9,
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
    const taken = new Set(found.map((f) => f.start));
    for (const { word, confidence } of germanLeftovers(text, style)) {
      if (taken.has(word.start)) continue;
      const fields = {
        check: 'german-word',
        start: word.start,
        end: word.end,
        suggestion: null,
        category: 'accuracy/untranslated',
        confidence,
      };
      found.push(finding(text, fields, 'major', `"${word.text}" is a German word, left untranslated.`));
    }
    return found.sort((a, b) => a.start - b.start);
  },
};

// German quotes open low („ ‚) and close with the English opening mark (“ ‘); guillemets » « point inwards.
const germanQuote = /„([^\n„“”"]*)(“)?|‚([^\n‚‘’]*)(‘)?|»([^\n»«]*)(«)?/gu;

/** German quotation marks („...“, ‚...‘, »...«): propose English ones (“...”). */
export const germanQuotes: Check = {
  id: 'german-quotes',
  name: 'German quotation marks',
  description: 'German quotation marks („...“, ‚...‘, »...«) where English uses “...” and ‘...’.',
  family: 'formats',
  category: 'locale/quote-marks',
  run(text) {
    const found: Finding[] = [];
    for (const match of text.matchAll(germanQuote)) {
      const single = match[0].startsWith('‚');
      const [open, close] = single ? ['‘', '’'] : ['“', '”'];
      const mark = (start: number, suggestion: string) =>
        finding(
          text,
          {
            check: 'german-quotes',
            start,
            end: start + 1,
            suggestion,
            category: 'locale/quote-marks',
            confidence: 0.98,
          },
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

/** The German-leftover checks (number formats are in `numbers.ts`). */
export const germanChecks: readonly Check[] = [germanWord, germanQuotes, capitalisedNoun];
