// Literal-phrase checks: German prepositions translated word for word ("loud" for laut, "since three weeks").
import { finding } from './text.ts';
import type { Check, Finding } from './types.ts';

const category = 'accuracy/mistranslation';

// "laut Polizei" → "loud police": "loud" before a source, where English "loud" would describe a noise.
const loud =
  /(?<!\b(?:a|an|the|very|so|too|quite|really|extremely|as|how|and|or|more|less|most|is|are|was|were)\s)\b([Ll]oud) (?=\p{Lu}|(?:the|police|prosecutors?|reports?|information|media|sources|estimates|experts|officials|authorities|witnesses|statements?|data|figures|calculations)\b)/gu;
// "seit drei Wochen" → "since three weeks": "since" before a length of time, where English says "for".
const sinceDuration =
  /\b([Ss]ince) (?=(?:(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|a few|few|some|\d+ and a half) )?(?:hours?|days?|weeks?|months?|years?|decades?|centuries)\b(?! ago))/gu;
// "sagte gegenüber dem WDR" → "said opposite the WDR": German "gegenüber" (to) read as a place.
const opposite = /\bopposite (?:the )?(?:\p{Lu}{2,5}|Bild|Spiegel|Welt|Focus|Stern|dpa|[\p{L}-]+\.(?:de|com))\b/gu;

function literalFinding(
  text: string,
  start: number,
  span: string,
  suggestion: string | null,
  message: string,
  confidence: number,
): Finding {
  return finding(
    text,
    { check: 'literal-phrase', start, end: start + span.length, suggestion, category, confidence },
    'major',
    message,
  );
}

const capitalisedLike = (word: string, replacement: string) =>
  word[0] === word[0]?.toUpperCase() ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;

/** German prepositions translated word for word: "loud" (laut), "since three weeks" (seit), "opposite the WDR". */
export const literalPhrase: Check = {
  id: 'literal-phrase',
  name: 'Literal translation',
  description:
    'A German preposition translated word for word: "loud the police" (laut: according to), "since three weeks" (seit: for), "said opposite the WDR" (gegenüber: told).',
  family: 'grammar',
  category,
  run(text) {
    const found: Finding[] = [];
    for (const m of text.matchAll(loud)) {
      const word = m[1] ?? 'loud';
      found.push(
        literalFinding(
          text,
          m.index,
          word,
          capitalisedLike(word, 'according to'),
          `"${word}" translates German "laut": "according to".`,
          0.85,
        ),
      );
    }
    for (const m of text.matchAll(sinceDuration)) {
      const word = m[1] ?? 'since';
      found.push(
        literalFinding(
          text,
          m.index,
          word,
          capitalisedLike(word, 'for'),
          `"${word}" before a length of time translates German "seit": "for".`,
          0.85,
        ),
      );
    }
    for (const m of text.matchAll(opposite)) {
      found.push(
        literalFinding(
          text,
          m.index,
          m[0],
          null,
          `"${m[0]}" translates German "gegenüber": "told ..." or "to ...".`,
          0.75,
        ),
      );
    }
    return found.sort((a, b) => a.start - b.start);
  },
};
