// Time-format check: German clock times left by the MT ("14.30 o'clock", "18 o'clock", "03.15 hours").
import { finding } from './text.ts';
import type { Check, Finding } from './types.ts';

const category = 'locale/number-format';

// "14.30 o'clock", "14:30 o'clock", "18 o'clock", "around 0.30 o'clock": German "Uhr" after a 24-hour time.
// English says "o'clock" only after whole hours from 1 to 12; after minutes or a 24-hour hour it is the MT's.
const oclock = /(?<![\d.,:])(\d{1,2})(?:[.:](\d{2}))? ?o['’]clock\b/gu;
// "03.15 hours:" opening a ticker line, "at 14.30 hours": German "Uhr" rendered as "hours".
const hours = /(?<![\d.,:])(\d{1,2})[.:](\d{2}) hours\b/gu;
// Words that say the time is in the evening although the hour is under 12 ("8 o'clock in the evening").
const eveningAfter = /^\s+(?:in the (?:evening|afternoon)|at night|tonight|pm|p\.m\.)/i;

/** The English form of a 24-hour time: "2:30 p.m.", "6 p.m.", "12:30 a.m.", "noon", "midnight". */
export function englishTime(hour: number, minutes: string | undefined, evening: boolean): string | null {
  if (hour > 24 || (minutes !== undefined && Number(minutes) > 59)) return null;
  if (!minutes || minutes === '00') {
    if (hour === 12) return 'noon';
    if (hour === 0 || hour === 24) return 'midnight';
  }
  const pm = hour >= 12 && hour < 24 ? true : evening && hour < 12;
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  const clock = minutes && minutes !== '00' ? `${twelve}:${minutes}` : `${twelve}`;
  return `${clock} ${pm ? 'p.m.' : 'a.m.'}`;
}

function timeFinding(text: string, start: number, span: string, suggestion: string | null): Finding {
  return finding(
    text,
    { check: 'time-format', start, end: start + span.length, suggestion, category, confidence: 0.9 },
    'minor',
    `"${span}" is a German time (Uhr)${suggestion ? `: "${suggestion}"` : ''}.`,
  );
}

/** German clock times: "14.30 o'clock" → "2:30 p.m.", "18 o'clock" → "6 p.m.", "03.15 hours" → "3:15 a.m.". */
export const timeFormat: Check = {
  id: 'time-format',
  name: 'German time format',
  description: 'A 24-hour German time left as "14.30 o\'clock", "18 o\'clock" or "03.15 hours"; English: "2:30 p.m.".',
  family: 'formats',
  category,
  run(text) {
    if (!/o['’]clock|\d hours/.test(text)) return [];
    const found: Finding[] = [];
    for (const match of text.matchAll(oclock)) {
      const [span, hour = '', minutes] = match;
      // "at 8 o'clock" is English: only minutes or a 24-hour hour mark the German clock.
      if (minutes === undefined && Number(hour) >= 1 && Number(hour) <= 12) continue;
      const evening = eveningAfter.test(text.slice(match.index + span.length, match.index + span.length + 20));
      found.push(timeFinding(text, match.index, span, englishTime(Number(hour), minutes, evening)));
    }
    for (const match of text.matchAll(hours)) {
      const [span, hour = '', minutes = ''] = match;
      // "2.30 hours" after "for", "took", "lasted" is a duration, not a time of day.
      if (/\b(?:for|took|takes|lasted|lasts)\s*$/i.test(text.slice(Math.max(0, match.index - 10), match.index)))
        continue;
      found.push(timeFinding(text, match.index, span, englishTime(Number(hour), minutes, false)));
    }
    return found.sort((a, b) => a.start - b.start);
  },
};
