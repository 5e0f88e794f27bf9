// Source checks: the name of a medium the MT moved to the end of its clause ("the agency reported dpa.").
import { finding } from './text.ts';
import type { Check, Finding } from './types.ts';

const category = 'linguistic/word-order';

// Media, agencies and services German news cites; domains ("n-tv.de") and acronyms ("LRT", "DWD") count too.
const media =
  'dpa|DPA|AFP|Reuters|AP|KNA|epd|SID|ddp|Bild|BILD|Spiegel|Welt|Focus|Stern|ZDF|ARD|RTL|n-tv|ntv|SWR|BR|NDR|WDR|MDR|HR|RBB|Handelsblatt|Tagesschau|Tagesspiegel|FAZ|SZ|taz|Kicker|Sky|Ippen\\.Media|IPPEN\\.MEDIA|[\\p{L}-]+\\.(?:de|com|net|at|ch)|\\p{Lu}{2,5}';
const source = `(?:${media})`;
const reportingVerb =
  '(?:reported|reports|said|says|wrote|writes|learned|announced|measured|informed|quoted|cited|published)';
// A medium named by its kind before the verb: "the newspaper reported Sächsische Zeitung", "the agency said dpa".
const mediumNoun =
  '(?:newspaper|paper|broadcaster|station|channel|magazine|agency|news agency|portal|news portal|tabloid|daily|weekly|website|service|institute)';
const namedAfterVerb = new RegExp(
  `\\b(?:the|The) (${mediumNoun}) (${reportingVerb})(?: about it)? ((?:\\p{Lu}[\\p{L}.-]*)(?: \\p{Lu}[\\p{L}.-]*){0,2}|${source})(?=\\s*[.,;:]|\\s+(?:about|that)\\b)`,
  'gu',
);
// "... as the German Weather Service measured DWD.", "as reported dpa": a medium after its verb, before the stop.
const sourceAfterVerb = new RegExp(
  `(?<![,”"“]\\s?)\\b(${reportingVerb})(?: about it)? (${source})(?=\\s*[.;]|\\s+(?:about it|that)\\b)`,
  'gu',
);
// "told on election night Ippen.Media that": the addressee pushed behind a time phrase.
const addresseeLate = new RegExp(`\\btold ((?:on|in|at|during) [^.,;:]{1,40}?) (${source}) that\\b`, 'gu');
// "according to this Bild": German "demnach ... laut Bild" read as one phrase.
const accordingToThis = /\b([Aa]ccording to) this (?=\p{Lu})/gu;

function sourceFinding(
  text: string,
  start: number,
  end: number,
  suggestion: string | null,
  confidence: number,
): Finding {
  const span = text.slice(start, end);
  const fix = suggestion === null ? 'name the source with its verb' : `write "${suggestion}"`;
  return finding(
    text,
    { check: 'moved-source', start, end, suggestion, category, confidence },
    'major',
    `"${span}": the source the page linked was moved by the MT; ${fix}.`,
  );
}

/** A source moved to the end of its clause ("the agency reported dpa.", "according to this Bild"). */
export const movedSource: Check = {
  id: 'moved-source',
  name: 'Source moved by the MT',
  description:
    'The name of a newspaper, broadcaster or agency that the MT moved behind its verb or clause ("the broadcaster reported ZDF.", "according to this Bild").',
  family: 'links',
  category,
  run(text) {
    const found: Finding[] = [];
    for (const m of text.matchAll(namedAfterVerb)) {
      const [whole, noun = '', verb = '', name = ''] = m;
      const start = m.index + whole.indexOf(noun);
      found.push(sourceFinding(text, start, m.index + whole.length, `${noun} ${name} ${verb}`, 0.8));
    }
    for (const m of text.matchAll(sourceAfterVerb)) {
      if (found.some((f) => f.start <= m.index && m.index < f.end)) continue;
      found.push(sourceFinding(text, m.index, m.index + m[0].length, null, 0.7));
    }
    for (const m of text.matchAll(addresseeLate)) {
      const [whole, phrase = '', name = ''] = m;
      found.push(sourceFinding(text, m.index, m.index + whole.length, `told ${name} ${phrase} that`, 0.7));
    }
    for (const m of text.matchAll(accordingToThis)) {
      found.push(sourceFinding(text, m.index, m.index + m[0].length, `${m[1]} `, 0.85));
    }
    return found.sort((a, b) => a.start - b.start);
  },
};
