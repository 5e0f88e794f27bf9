// Name-possessive check: a German genitive left on a name ("Habecks plan" for "Habeck's plan").
import { isKnownWord } from './dictionary.ts';
import { loadHouseStyle } from './house-style.ts';
import { nameCandidates } from './name-candidates.ts';
import { finding, isCapitalised, opensSentence, type Word, words } from './text.ts';
import type { Check, Finding } from './types.ts';

/** Surnames the text uses as names: after a first name or a title ("Robert Habeck", "Minister Habeck"). */
function surnamesOf(text: string, list: readonly Word[]): Set<string> {
  const surnames = new Set<string>();
  for (let i = 1; i < list.length; i++) {
    const [a, b] = [list[i - 1] as Word, list[i] as Word];
    if (isCapitalised(a.text) && isCapitalised(b.text) && text.slice(a.end, b.start) === ' ') surnames.add(b.text);
  }
  return surnames;
}

/** "Tannerts plan" where the text names "Tannert": a name with German genitive -s before a noun. */
export const namePossessive: Check = {
  id: 'name-possessive',
  name: 'Possessive without apostrophe',
  description: 'A name with the German genitive "s" and no apostrophe ("Habecks plan" for "Habeck\'s plan").',
  family: 'names',
  category: 'linguistic/grammar',
  run(text, context) {
    const style = loadHouseStyle(context?.houseStylePath);
    const list = words(text);
    const names = new Set(nameCandidates(text, style).map((word) => word.text));
    let surnames: Set<string> | undefined;
    const found: Finding[] = [];
    list.forEach((word, i) => {
      const stem = word.text.slice(0, -1);
      if (!word.text.endsWith('s') || stem.length < 3 || !names.has(stem) || isKnownWord(word.text)) return;
      // The s-form must be no name of its own ("Peters" beside "Peter") and stand before a small word (a noun).
      surnames ??= surnamesOf(text, list);
      const next = list[i + 1];
      if (surnames.has(word.text) || !next || isCapitalised(next.text) || text.slice(word.end, next.start) !== ' ')
        return;
      if (/^(?:and|or|said|says|was|is|has|had|will|would|in|on|at|of|to|for|with|from|by)$/.test(next.text)) return;
      const previous = list[i - 1];
      if (
        previous &&
        isCapitalised(previous.text) &&
        !opensSentence(text, previous.start) &&
        text.slice(previous.end, word.start) === ' '
      )
        return;
      const suggestion = `${stem}'s`;
      const fields = {
        check: 'name-possessive',
        start: word.start,
        end: word.end,
        suggestion,
        category: 'linguistic/grammar',
        confidence: 0.85,
      };
      found.push(finding(text, fields, 'minor', `"${word.text}" is a German genitive: "${suggestion}".`));
    });
    return found;
  },
};
