// Capitalised-noun check: common words capitalised in mid-sentence, the German way or as a link's first word.
import { headlineRanges, isCommonHyphenPair, namePartWords, shortQuotes } from './capital-context.ts';
import { isClosedCompound, isDictionaryEntry, isKnownWord } from './dictionary.ts';
import { germanKind } from './german-lexicon.ts';
import { capitalisedLoanwords, germanNouns } from './german-words.ts';
import { finding, isCapitalised, opensSentence, type Word, withoutPossessive, words } from './text.ts';
import type { Check } from './types.ts';

// Words English news capitalises on their own: titles and institutions ("the Chancellor"), brands ("on Telegram").
const institutionWords = new Set(
  (
    'Government Chancellor President Minister Ministry Party State States Court Office League Cup Champions Council ' +
    'Commission Committee Assembly Cabinet Army Navy Prime Premier Mayor Governor Secretary Chairman Department Agency ' +
    'Bureau Authority Prosecutor Republic Kingdom Empire Embassy Foundation Institute University Club Group Prize ' +
    'Chancellery Senate Parliament Bundestag Union Greens Left Crown Church Pope Vatican Kremlin Pentagon West East ' +
    'Telegram Signal Threads Meta Apple Shell Target Visa Continental Amazon Bild Welt Spiegel Stern Focus Sky'
  ).split(' '),
);
// "Section 315d", "Article 5", "Paragraph 2": a reference keeps its capital.
const referenceWords = /^(?:Section|Article|Paragraph|Chapter|Annex|Clause|Rule|Point|Level|Stage|Phase|Grade)$/;
// Words after which a capital names someone: "told Sky", "according to Forsa".
const beforeAddressee = /^(?:told|tells|to|via)$/;
// Words a common noun follows ("the Summer", "a Dashcam", "the higher Price"), unlike a name ("said Price").
const beforeCommonNoun =
  /^(?:the|a|an|this|that|these|those|its|their|his|her|our|your|my|no|any|every|each|some|new|old|next|last|first|higher|lower|high|low|big|small|great|whole)$/i;

/** A capitalised common word found, its fix and how sure the rule is. */
interface Candidate {
  word: Word;
  suggestion: string | null;
  confidence: number;
}

const within = (ranges: Array<[number, number]>, offset: number) => ranges.some(([s, e]) => offset >= s && offset < e);

/** How sure we are that a capitalised word is a common word, or 0: known words 0.8; name-like ones only in context. */
function commonWordConfidence(text: string, list: readonly Word[], i: number, bare: string): number {
  const previous = list[i - 1];
  const next = list[i + 1];
  if (previous && beforeAddressee.test(previous.text)) return 0;
  if (referenceWords.test(bare) && /^\s*\d/.test(text.slice(list[i]?.end ?? 0))) return 0;
  const afterArticle = previous !== undefined && beforeCommonNoun.test(previous.text);
  const nextIsSmall = !next || !isCapitalised(next.text);
  if (isKnownWord(bare.toLowerCase())) {
    if (!isDictionaryEntry(bare)) return 0.8;
    // "Summer", "Price", "Green" are names too: only after an article, and before a small word. "Polish",
    // "Turkish": a nationality is capitalised.
    if (/(?:ish|ian|ese|an|ic|i)$/.test(bare)) return 0;
    return afterArticle && nextIsSmall ? 0.65 : 0;
  }
  // "Dashcam": no word of the dictionary, but two of them written together, after an article; not German.
  const compound = isClosedCompound(bare.toLowerCase()) && germanKind(bare) === null;
  return compound && afterArticle && nextIsSmall ? 0.7 : 0;
}

/** The mid-sentence capitalised common words of `text` ("Increase" in "the Increase truck toll"). */
function capitalisedCommonWords(text: string): Candidate[] {
  const list = words(text);
  const names = namePartWords(text, list);
  const skip = [...shortQuotes(text), ...headlineRanges(text)];
  const found: Candidate[] = [];
  list.forEach((word, i) => {
    if (!isCapitalised(word.text)) return;
    const bare = withoutPossessive(word.text);
    const next = list[i + 1];
    // "Weather-Expert": two common words joined the German way, whatever else "Weather" is part of.
    if (next && isCommonHyphenPair(word, next, text) && !institutionWords.has(next.text)) {
      if (!opensSentence(text, word.start) && !within(skip, word.start)) found.push(hyphenPair(text, word, list, i));
      return;
    }
    if (bare.length < 3 || /\p{Lu}/u.test(bare.slice(1)) || names.has(bare) || institutionWords.has(bare)) return;
    // German nouns are the german-word check's; loanwords keep the capital English often gives them.
    if (germanNouns.has(bare) || capitalisedLoanwords.has(bare) || opensSentence(text, word.start)) return;
    const previous = list[i - 1];
    if (previous && text.slice(previous.end, word.start) === '-' && isCommonHyphenPair(previous, word, text)) return;
    const confidence = commonWordConfidence(text, list, i, bare);
    // The range test is the costly one: last.
    if (confidence > 0 && !within(skip, word.start)) {
      found.push({
        word: { ...word, end: word.start + bare.length, text: bare },
        suggestion: bare.toLowerCase(),
        confidence,
      });
    }
  });
  return found;
}

/** "Weather-Expert" mid-sentence: one finding for the pair and those after it; English may drop the hyphen. */
function hyphenPair(text: string, word: Word, list: readonly Word[], i: number): Candidate {
  let last = list[i + 1] as Word;
  for (let k = i + 2; list[k] && text.slice(last.end, (list[k] as Word).start) === '-'; k++) last = list[k] as Word;
  return {
    word: { start: word.start, end: last.end, text: text.slice(word.start, last.end) },
    suggestion: null,
    confidence: 0.75,
  };
}

/** A common noun capitalised in mid-sentence, the German way or as a link's first word ("the Increase truck toll"). */
export const capitalisedNoun: Check = {
  id: 'capitalised-noun',
  name: 'Capitalised common noun',
  description: 'A common word capitalised in mid-sentence, as German capitalises nouns ("the Increase truck toll").',
  family: 'capitalisation',
  category: 'linguistic/spelling',
  run(text) {
    const candidates = capitalisedCommonWords(text);
    // Counted over the whole text, headlines and quotes included ("Patriot" in the headline and in the text), but
    // not where a sentence opens, where the capital says nothing.
    const counts = new Map<string, number>();
    const wanted = new Set(candidates.map(({ word }) => word.text));
    for (const word of words(text)) {
      const bare = withoutPossessive(word.text);
      if (wanted.has(bare) && !opensSentence(text, word.start)) counts.set(bare, (counts.get(bare) ?? 0) + 1);
    }
    // Capitalised every time and never written small: a nickname or brand ("the Lions"), not a slip.
    const lowercase = new Set(words(text).map((word) => word.text));
    const consistent = (word: string) => (counts.get(word) ?? 0) > 1 && !lowercase.has(word.toLowerCase());
    return candidates
      .filter(({ word }) => !consistent(word.text))
      .map(({ word, suggestion, confidence }) => {
        const fields = {
          check: 'capitalised-noun',
          start: word.start,
          end: word.end,
          suggestion,
          category: 'linguistic/spelling',
          confidence,
        };
        const fix = suggestion ? `: "${suggestion}"` : ', in lowercase';
        return finding(
          text,
          fields,
          'minor',
          `"${word.text}" is a common word capitalised mid-sentence (German noun casing)${fix}.`,
        );
      });
  },
};
