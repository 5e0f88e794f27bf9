// Name-variant check: one name spelled several ways in one text, by skeleton, one letter, capitals or casing.
import { type HouseStyle, loadHouseStyle } from './house-style.ts';
import { canonicalSpelling, groupVariants, nameCandidates, nameSkeleton } from './name-candidates.ts';
import { capitalisedWords, casingVariants, oneLetterGroups, type VariantGroup } from './name-forms.ts';
import { finding, type Word } from './text.ts';
import type { Check, Finding } from './types.ts';

/** One person or place spelled more than one way in one text ("Sergey" and "Sergei"): propose one spelling. */
export const nameVariant: Check = {
  id: 'name-variant',
  name: 'Name spelled two ways',
  description:
    'One name spelled more than one way in the text (Sergey/Sergei, Medwedew/Medvedev), found by transliteration.',
  family: 'names',
  category: 'terminology/inconsistent-entity',
  run(text, context) {
    const style = loadHouseStyle(context?.houseStylePath);
    const candidates = nameCandidates(text, style);
    const groups = [...groupVariants(candidates).values(), ...oneLetterGroups(text, candidates)];
    const found = groups.flatMap((group) => groupFindings(text, group, style));
    found.push(...capsFindings(text, candidates, style), ...casingFindings(text));
    const seen = new Set<number>();
    return found.sort((a, b) => a.start - b.start).filter((f) => !seen.has(f.start) && seen.add(f.start) !== undefined);
  },
};

function variantFinding(text: string, word: Word, canonical: string, others: string, confidence: number): Finding {
  const fields = {
    check: 'name-variant',
    start: word.start,
    end: word.end,
    suggestion: canonical,
    category: 'terminology/inconsistent-entity',
    confidence,
  };
  return finding(
    text,
    fields,
    'major',
    `"${others}" and "${canonical}" name the same: write "${canonical}" throughout.`,
  );
}

/** Every spelling of a group but its canonical one, as findings (German forms are the house-style check's). */
function groupFindings(text: string, group: VariantGroup, style: HouseStyle): Finding[] {
  const counts = new Map([...group].map(([spelling, list]) => [spelling, list.length]));
  const canonical = canonicalSpelling(counts, style);
  const others = [...group.keys()].filter((spelling) => spelling !== canonical).join('", "');
  const found: Finding[] = [];
  for (const [spelling, list] of group) {
    if (spelling === canonical || style.names.has(spelling)) continue;
    for (const word of list) found.push(variantFinding(text, word, canonical, others, 0.8));
  }
  return found;
}

/** "KIEV", "KESSLER": a name in capitals that the text (or the house style) writes in title case. */
function capsFindings(text: string, candidates: readonly Word[], style: HouseStyle): Finding[] {
  const found: Finding[] = [];
  const capitals = capitalisedWords(text);
  if (capitals.length === 0) return found;
  const bySkeleton = new Map<string, Map<string, number>>();
  for (const candidate of candidates) {
    const key = nameSkeleton(candidate.text);
    const spellings = bySkeleton.get(key) ?? new Map<string, number>();
    spellings.set(candidate.text, (spellings.get(candidate.text) ?? 0) + 1);
    bySkeleton.set(key, spellings);
  }
  for (const { word, title } of capitals) {
    const spellings = new Map(bySkeleton.get(nameSkeleton(title)) ?? []);
    const mapped = style.names.get(title) ?? style.variants.get(title);
    if (mapped) spellings.set(mapped, (spellings.get(mapped) ?? 0) + 1);
    if (spellings.size === 0) continue;
    const canonical = canonicalSpelling(spellings, style);
    found.push(variantFinding(text, word, canonical, word.text, 0.85));
  }
  return found;
}

/** "Free voters" beside "Free Voters": the name's casing throughout. */
function casingFindings(text: string): Finding[] {
  return casingVariants(text).map((variant) =>
    variantFinding(
      text,
      { start: variant.start, end: variant.end, text: variant.text },
      variant.name,
      variant.text,
      0.8,
    ),
  );
}
