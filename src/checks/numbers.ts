// Number-format checks (German leftovers too): decimal commas, dotted thousands and dates, football scores "3:1".
import { months, numberWordMatches } from './number-words.ts';
import { finding } from './text.ts';
import type { Check, Finding } from './types.ts';

const category = 'locale/number-format';

// "3,5 percent", "1,25 billion", "0,756": a comma with one or two digits after it (three could be thousands),
// or any digits after a leading "0,". Not "1,2,3" (a list).
const decimalComma = /(?<![\d.,])(?:\d+,\d{1,2}|0,\d+)(?![\d,]|,\d)/gu;
// "1.200.000" (two or more groups: never an English decimal), "12.500 people" (a count noun follows),
// "40.000 Euro", "€ 40.000" (a currency beside it).
const dottedThousands =
  /(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.,]\d)|(?<![\d.,])\d{1,3}\.\d{3}(?=\s+(?!percent|per cent)\p{Ll}|\s*(?:Euros?|EUR|Dollars?|USD|Francs?|CHF)\b|\s*[€$£])|(?<=(?:[€$£]|\b(?:EUR|USD|CHF))\s?)\d{1,3}\.\d{3}(?![\d.,]\d)/gu;
// "30.03.2022" and "1.4.2023".
const dottedDate = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d)/gu;
// "won 3:1", "(1:0)": one digit after the colon cannot be a time; a sports word nearby tells it from a ratio.
const score = /(?<![\d:.,])(\d{1,2}):(\d)(?![\d:])/gu;
const sportsWords =
  /\b(?:won|win|wins|beat|beats|lost|loses|defeat|victory|draw|drew|goals?|match|game|half-time|halftime|score[ds]?|final|league|Bundesliga|season|coach|striker|minute|equali[sz]er|equali[sz]ed|penalty|corner|kick-off|referee|whistle|FC|SC|SV|VfB|TSV|SpVgg)\b/;

function dateInWords(day: number, month: number, year: string): string | null {
  const name = months[month - 1];
  return name && day >= 1 && day <= 31 ? `${name} ${day}, ${year}` : null;
}

function isSportsContext(text: string, offset: number): boolean {
  return sportsWords.test(text.slice(Math.max(0, offset - 120), offset + 120));
}

function matchesOf(text: string): Finding[] {
  const found: Finding[] = [];
  const add = (start: number, span: string, suggestion: string | null, message: string) =>
    found.push(
      finding(
        text,
        { check: 'number-format', start, end: start + span.length, suggestion, category, confidence: 0.9 },
        'major',
        message,
      ),
    );
  for (const m of text.matchAll(decimalComma))
    add(m.index, m[0], m[0].replace(',', '.'), `Decimal comma in "${m[0]}": English writes a decimal point.`);
  for (const m of text.matchAll(dottedThousands))
    add(m.index, m[0], m[0].replace(/\./g, ','), `Thousands separated by dots in "${m[0]}": English uses commas.`);
  for (const m of text.matchAll(dottedDate)) {
    const suggestion = dateInWords(Number(m[1]), Number(m[2]), m[3] ?? '');
    if (suggestion) add(m.index, m[0], suggestion, `German date format "${m[0]}": write "${suggestion}".`);
  }
  for (const m of numberWordMatches(text)) add(m.start, m.span, m.suggestion, m.message);
  for (const m of text.matchAll(score)) {
    if (isSportsContext(text, m.index))
      add(
        m.index,
        m[0],
        `${m[1]}-${m[2]}`,
        `Score written the German way "${m[0]}": English writes "${m[1]}-${m[2]}".`,
      );
  }
  return found;
}

/** Numbers in German format: decimal comma, dotted thousands, dotted dates, scores with a colon. */
export const numberFormat: Check = {
  id: 'number-format',
  name: 'German number format',
  description:
    'Decimal commas ("3,5 percent"), dotted thousands ("12.500 fans"), dates ("30.03.2022", "14. November"), "Mio."/"Mrd.", ordinals ("88. minute"), scores ("3:1").',
  family: 'formats',
  category,
  run(text) {
    // "1,2 Mrd." is also a decimal comma: the longest finding at a place wins, and none overlaps another.
    let end = -1;
    const kept: Finding[] = [];
    for (const f of matchesOf(text).sort((a, b) => a.start - b.start || b.end - a.end)) {
      if (f.start < end) continue;
      kept.push(f);
      end = f.end;
    }
    return kept;
  },
};

/** The number-format checks. */
export const numberChecks: readonly Check[] = [numberFormat];
