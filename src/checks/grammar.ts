// Word-order checks: German clause order the MT kept, found by patterns and confirmed by part-of-speech tags.
import { sentenceAround, type TaggedTerm, tagSentence } from './tagger.ts';
import { finding, type Word, words } from './text.ts';
import type { Check, Finding } from './types.ts';

const category = 'linguistic/word-order';

function orderFinding(text: string, start: number, end: number, message: string, confidence: number): Finding {
  return finding(text, { check: 'word-order', start, end, suggestion: null, category, confidence }, 'major', message);
}

// "... that the government in spring decided has.": a participle and its auxiliary at the clause end (verb-final).
const verbFinal =
  /\b(\p{Ll}{3,}(?:ed|en|t|d))\s+(has|have|had|is|are|was|were|will|would|can|could|must|should|become|becomes|became)(?=\s*[.,;!?]|\s*$)/gmu;

/** A clause closing on "participle + auxiliary" ("decided has."), where English puts the auxiliary first. */
function verbFinalClauses(text: string): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(verbFinal)) {
    const [span, verb = ''] = match;
    const sentence = sentenceAround(text, match.index);
    const terms = tagSentence(sentence.text);
    const term = terms.find((t) => t.text.toLowerCase() === verb.toLowerCase());
    const isVerb = term?.tags.has('Verb') && !term.tags.has('Auxiliary') && !term.tags.has('Modal');
    if (!isVerb) continue;
    found.push(
      orderFinding(
        text,
        match.index,
        match.index + span.length,
        `"${span}": German verb-final order; English puts the auxiliary first.`,
        0.65,
      ),
    );
  }
  return found;
}

// "... five weeks ago China.", "... in August Freiburg.": a name left at the clause end after a time phrase.
const strandedName =
  /\b(?:ago|yesterday|today|tomorrow|again|already|recently|(?:in|since|until) (?:January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|winter))\s+(\p{Lu}\p{Ll}+)\*?(?=\s*[.;!?](?:\s|$))/gu;

/** A proper noun stranded at the end of its clause after a time phrase ("... weeks ago China."). */
function strandedNames(text: string): Finding[] {
  return [...text.matchAll(strandedName)].map((match) => {
    const name = match[1] ?? '';
    const start = match.index + match[0].lastIndexOf(name);
    return orderFinding(
      text,
      start,
      start + name.length,
      `"${name}" is stranded at the end of the clause (German order): move it to its verb.`,
      0.6,
    );
  });
}

// Sentences that open with a time or place phrase, where German puts the verb second ("On Saturday celebrated the fans").
// Only where a word that may be a finite verb ("celebrated", "wants") stands before an article or a name within
// a few words of the opener: tagging every sentence that opens with "In" would cost seconds on a long text.
const frontedOpener =
  /(?:^|(?<=[.!?]\s+)|(?<=\n))(?:On|In|At|From|After|Before|During|Yesterday|Today|Now|Then|Therefore|Meanwhile|Afterwards|Last|This|Next)\b(?=(?: [\p{L}’'-]+){0,4}? \p{Ll}+(?:ed|es|s|t) (?:the|a|an|his|her|its|their|this|these|\p{Lu}))/gu;
// Verbs English does put before the subject after a place phrase: "In the morning came the news", "Here comes ...".
const invertingVerbs =
  /^(?:came|comes|come|stood|stands|lay|lies|sat|sits|followed|follows|remained|remains|went|goes|began|begins|ended|ends)$/;

/**
 * The index of the verb when the tags read: opening phrase, a finite verb, then a subject (article, name or noun);
 * -1 otherwise. The opening phrase is a preposition with one noun phrase ("On Saturday", "From faction circles") or
 * a time adverb; a second article or a name after its noun starts a subject, and English order is kept.
 */
function verbSecondIndex(terms: readonly TaggedTerm[]): number {
  if (terms[0]?.post.includes(',')) return -1;
  let i = 1;
  let sawNoun = false;
  while (i < terms.length && !terms[i]?.tags.has('Verb')) {
    const term = terms[i] as TaggedTerm;
    if (term.post.includes(',') || term.tags.has('Pronoun') || term.tags.has('Conjunction')) return -1;
    if (term.tags.has('Determiner') && i > 1) return -1;
    if (term.tags.has('ProperNoun') && sawNoun) return -1;
    if (term.tags.has('Noun') || term.tags.has('Date')) sawNoun = true;
    i++;
  }
  const verb = terms[i];
  const next = terms[i + 1];
  if (!verb || !next || i > 6) return -1;
  if (!(verb.tags.has('PastTense') || verb.tags.has('PresentTense')) || verb.tags.has('Copula')) return -1;
  if (verb.tags.has('Auxiliary') || verb.tags.has('Modal') || verb.tags.has('Gerund') || /ing$/.test(verb.text))
    return -1;
  if (invertingVerbs.test(verb.text.toLowerCase())) return -1;
  const subject =
    next.tags.has('Determiner') || next.tags.has('ProperNoun') || (next.tags.has('Noun') && !next.tags.has('Pronoun'));
  return subject ? i : -1;
}

/** The end offset in `text` of the `count` first tagged words of the sentence starting at `start`. */
function endOfTerms(text: string, start: number, terms: readonly TaggedTerm[], count: number): number {
  let cursor = start;
  for (const term of terms.slice(0, count)) {
    const at = text.indexOf(term.text, cursor);
    if (at < 0) break;
    cursor = at + term.text.length;
  }
  return cursor;
}

/** The verb before the subject after an opening phrase ("On Saturday celebrated the fans ..."). */
function verbSecondClauses(text: string): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(frontedOpener)) {
    const sentence = sentenceAround(text, match.index);
    if (sentence.start !== match.index) continue;
    const terms = tagSentence(sentence.text);
    const verbAt = verbSecondIndex(terms);
    if (verbAt < 0) continue;
    // Through the subject: the verb, an article if one follows, and its noun.
    const count = verbAt + (terms[verbAt + 1]?.tags.has('Determiner') ? 3 : 2);
    const end = endOfTerms(text, match.index, terms, count);
    const span = text.slice(match.index, end);
    found.push(
      orderFinding(text, match.index, end, `"${span}": the verb stands before its subject (German order).`, 0.6),
    );
  }
  return found;
}

/** German word order kept by the MT: verb-final clauses, stranded names, the verb before its subject. */
export const wordOrder: Check = {
  id: 'word-order',
  name: 'German word order',
  description:
    'German clause order kept in English: a verb-final clause ("that the government in spring decided has"), a name stranded at the clause end ("... weeks ago China."), the verb before the subject ("On Saturday celebrated the fans").',
  family: 'grammar',
  category,
  run(text) {
    return [...verbFinalClauses(text), ...strandedNames(text), ...verbSecondClauses(text)].sort(
      (a, b) => a.start - b.start,
    );
  },
};

// "a phrase used by Putin and Xi use to ...": the participle's verb comes back after the agent (German syntax).
const participle = /^(\p{Ll}{2,}?)(?:ed|d|en|n)$/u;

/** The verb forms a participle stands for: "used" → use, "driven" → drive, "written" → write. */
function baseForms(word: string): string[] {
  const match = participle.exec(word);
  if (!match) return [];
  const stem = match[1] as string;
  return [stem, `${stem}e`, word.replace(/(?:ed|d)$/, ''), word.replace(/en$/, 'e'), word.replace(/ten$/, 'te')];
}

/** A verb doubled around its agent ("used by X and Y use to"): the second one goes. */
export const doubledVerb: Check = {
  id: 'doubled-verb',
  name: 'Doubled verb',
  description:
    'A verb said twice around its agent, as German syntax leaves it ("a phrase used by Putin and Xi use to").',
  family: 'grammar',
  category: 'linguistic/grammar',
  run(text) {
    if (!text.includes(' by ')) return [];
    const list = words(text);
    const found: Finding[] = [];
    for (let i = 1; i < list.length - 2; i++) {
      if (list[i]?.text !== 'by') continue;
      const forms = baseForms((list[i - 1] as Word).text);
      if (forms.length === 0) continue;
      // The agent: up to twelve words, no sentence punctuation; then the verb again, before "to", "for", "in", "as".
      for (let k = i + 2; k < Math.min(list.length - 1, i + 14); k++) {
        const again = list[k] as Word;
        if (/[.;:!?]/.test(text.slice((list[k - 1] as Word).end, again.start))) break;
        if (!forms.includes(again.text) || !/^(?:to|for|in|as)$/.test((list[k + 1] as Word).text)) continue;
        // The space before the verb goes with it; a link marker before that space is the link check's.
        const start = text[again.start - 1] === ' ' ? again.start - 1 : again.start;
        const fields = {
          check: 'doubled-verb',
          start,
          end: again.end,
          suggestion: '',
          category: 'linguistic/grammar',
          confidence: 0.75,
        };
        found.push(
          finding(
            text,
            fields,
            'major',
            `"${again.text}" repeats the verb of "${(list[i - 1] as Word).text} by": delete it.`,
          ),
        );
        break;
      }
    }
    return found;
  },
};
