// German number forms with words: "1,2 Mrd.", "400 Mio.", ordinals "the 88. minute", dates "14. November".

/** A German number form found in a text, with its English form. */
export interface NumberMatch {
  start: number;
  span: string;
  suggestion: string | null;
  message: string;
}

/** The English month names, January first. */
export const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// "1,2 Mrd.", "400 Mio.", "3.5 Mio", "12 Tsd.": German abbreviations of million, billion, thousand.
const abbreviated = /(?<![\d.,])(\d+(?:[.,]\d+)?) ?(Mio|Mrd|Tsd|Mill|Md)\.?(?![\p{L}])/gu;
const abbreviationWords: Record<string, string> = {
  Mio: 'million',
  Mill: 'million',
  Mrd: 'billion',
  Md: 'billion',
  Tsd: 'thousand',
};
// "14. November", "3. March 2025": a German day with its dot before the month.
const dayMonth = new RegExp(`(?<![\\d.,])(\\d{1,2})\\. (${months.join('|')})(?: (\\d{4}))?\\b`, 'gu');
// "the 88. minute", "in the 3. round": a German ordinal, its dot before a lowercase word that goes on the sentence.
const ordinal = /(?<![\d.,])(\d{1,3})\. (?=(\p{Ll}+))/gu;

/** "1st", "2nd", "3rd", "11th", "88th". */
export function englishOrdinal(value: number): string {
  const teen = value % 100 >= 11 && value % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][value % 10] ?? 'th');
  return `${value}${suffix}`;
}

/** German numbers with words: abbreviated millions and billions, dates with a dotted day, dotted ordinals. */
export function numberWordMatches(text: string): NumberMatch[] {
  const found: NumberMatch[] = [];
  for (const m of text.matchAll(abbreviated)) {
    const [span, number = '', unit = ''] = m;
    const suggestion = `${number.replace(',', '.')} ${abbreviationWords[unit] ?? unit}`;
    found.push({ start: m.index, span, suggestion, message: `"${span}" is German shorthand: "${suggestion}".` });
  }
  for (const m of text.matchAll(dayMonth)) {
    const [span, day = '', month = '', year] = m;
    const suggestion = year ? `${month} ${Number(day)}, ${year}` : `${month} ${Number(day)}`;
    found.push({ start: m.index, span, suggestion, message: `German date "${span}": write "${suggestion}".` });
  }
  for (const m of text.matchAll(ordinal)) {
    const [dotted, number = '', next = ''] = m;
    // The month forms are dates, above; "p.m." and units after a number are no ordinals.
    if (months.includes(next) || /^(?:m|h|km|kg|cm|mm|min|sec|am|pm)$/.test(next)) continue;
    const span = `${dotted}${next}`;
    const suggestion = `${englishOrdinal(Number(number))} ${next}`;
    found.push({ start: m.index, span, suggestion, message: `German ordinal "${span}": write "${suggestion}".` });
  }
  return found;
}
