// Terminology checks: the house style's terms (German politics), and one term written two ways in one text.
import { isKnownWord } from './dictionary.ts';
import { loadHouseStyle } from './house-style.ts';
import { finding, words } from './text.ts';
import type { Check, Finding } from './types.ts';

/** The line (paragraph) of `text` that holds `offset`. */
function paragraphAround(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(text.lastIndexOf('\n', offset) + 1, end < 0 ? text.length : end);
}

/** The house style's terms: "Prime Minister" of a German state, "faction" for Fraktion, "the traffic light". */
export const houseStyleTerm: Check = {
  id: 'house-style-term',
  name: 'House-style term',
  description:
    'A term the house style writes otherwise: a state premier, not "Prime Minister"; a parliamentary group, not a "faction"; the traffic-light coalition, not "the traffic light".',
  family: 'terminology',
  category: 'terminology/wrong-term',
  run(text, context) {
    const style = loadHouseStyle(context?.houseStylePath);
    const found: Finding[] = [];
    // One pass of each term over the text; its context is tested on the whole text once, or on the match's paragraph.
    for (const term of style.terms) {
      if (term.scope === 'text' && term.context && !term.context.test(text)) continue;
      for (const match of text.matchAll(term.pattern)) {
        if (term.scope === 'line' && term.context && !term.context.test(paragraphAround(text, match.index))) continue;
        const fields = {
          check: 'house-style-term',
          start: match.index,
          end: match.index + match[0].length,
          suggestion: term.suggestion,
          category: 'terminology/wrong-term',
          confidence: term.confidence,
        };
        found.push(finding(text, fields, 'minor', term.message));
      }
    }
    // Terms may overlap ("Union faction" and "faction"): the longer one, found first, wins.
    let end = -1;
    return found
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .filter((f) => {
        if (f.start < end) return false;
        end = f.end;
        return true;
      });
  },
};

// Compounds English writes as one word or two ("heatwave"/"heat wave") but not verb-and-particle pairs
// ("set up"/"setup") or function-word pairs ("every day"/"everyday"), which differ in meaning.
const particles = /^(?:up|down|out|off|in|on|over|back|away|about|through|around|by)$/;
const functionWords =
  /^(?:every|any|some|no|may|in|on|a|an|over|under|out|up|down|with|for|to|be|all|some|there|where|what|who)$/;

/** One compound written closed or hyphenated and open in the same text: the rarer form goes ("heatwave"). */
export const termVariant: Check = {
  id: 'term-variant',
  name: 'Term written two ways',
  description:
    'One compound written two ways in the same text ("heat wave" and "heatwave", "heat pump" and "heatpump").',
  family: 'terminology',
  category: 'terminology/inconsistent-entity',
  run(text) {
    const list = words(text);
    const open = new Map<string, { count: number; form: string }>();
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]];
      if (!a || !b || text.slice(a.end, b.start) !== ' ') continue;
      const [x, y] = [a.text.toLowerCase(), b.text.toLowerCase()];
      if (particles.test(y) || functionWords.test(x) || x.length < 3 || y.length < 3) continue;
      const key = x + y;
      const entry = open.get(key) ?? { count: 0, form: `${x} ${y}` };
      entry.count++;
      open.set(key, entry);
    }
    const closed = new Map<string, number>();
    for (const word of list) closed.set(word.text.toLowerCase(), (closed.get(word.text.toLowerCase()) ?? 0) + 1);
    const found: Finding[] = [];
    for (const word of list) {
      const lower = word.text.toLowerCase().replace(/-/g, '');
      const twin = open.get(lower);
      // Only a closed form the dictionary does not know as a word of its own ("heatwave" may be; "heatpump" is not):
      // both forms must occur, and the open one at least as often.
      if (!twin || twin.count < 1 || word.text !== word.text.toLowerCase()) continue;
      const closedCount = closed.get(word.text) ?? 0;
      if (closedCount > twin.count || (isKnownWord(word.text) && closedCount === twin.count)) continue;
      const fields = {
        check: 'term-variant',
        start: word.start,
        end: word.end,
        suggestion: twin.form,
        category: 'terminology/inconsistent-entity',
        confidence: 0.7,
      };
      found.push(
        finding(
          text,
          fields,
          'minor',
          `"${word.text}" and "${twin.form}" in one text: write "${twin.form}" throughout.`,
        ),
      );
    }
    return found;
  },
};
