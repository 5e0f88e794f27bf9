// Reviewer names: NFKC-normalised, a closed set of characters, one of Latin/Greek/Cyrillic at most, and no name that
// looks like another (the confusable "skeleton" of Unicode TS #39, section 4).
import unhomoglyph from 'unhomoglyph';

const namePattern = /^[\p{L}\p{Nd}._-]{1,40}$/u;

// Most look-alike letters live in these three scripts (a, а, α); a name mixing them is refused outright, as UTS #39's
// "highly restrictive" profile does, even when no existing name has its skeleton yet.
const confusableScripts = [
  ['Latin', /\p{Script=Latin}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
] as const;

/** The form a name is stored and looked up in: NFKC, so "ｂｏｓｓ" (full-width) and "boss" are one name. */
export function normalizeReviewerName(name: string): string {
  return name.normalize('NFKC');
}

/** Why `name` (already normalised) cannot be a reviewer name, or undefined when it can. */
export function reviewerNameProblem(name: string): string | undefined {
  if (!namePattern.test(name)) return `reviewer name "${name}" must be 1-40 letters, digits, ".", "_" or "-"`;
  const mixed = confusableScripts.filter(([, pattern]) => pattern.test(name)).map(([script]) => script);
  if (mixed.length > 1) return `reviewer name "${name}" mixes ${mixed.join(' and ')} letters`;
  return undefined;
}

/**
 * The UTS #39 skeleton: NFD, default-ignorable code points removed, each character replaced by its prototype from
 * confusables.txt (through unhomoglyph, which ships that table), NFD again. Equal skeletons look alike.
 */
export function skeleton(text: string): string {
  const decomposed = text.normalize('NFD').replace(/\p{Default_Ignorable_Code_Point}/gu, '');
  return unhomoglyph(decomposed).normalize('NFD');
}

/**
 * The keys two names are compared by: as written ("Ian" and "lan" look alike), and with case ignored before and
 * after the mapping, since sign-in ignores case ("bОss" with a capital Cyrillic О, and "b0b" whose 0 maps to O).
 */
function lookAlikeKeys(name: string): [string, string] {
  return [skeleton(name), skeleton(name.toLowerCase()).toLowerCase()];
}

/** The first of `existing` that `name` looks like (or is, ignoring case), or undefined. */
export function findLookAlike(name: string, existing: Iterable<string>): string | undefined {
  const [asWritten, caseless] = lookAlikeKeys(name);
  for (const other of existing) {
    const [otherAsWritten, otherCaseless] = lookAlikeKeys(other);
    if (asWritten === otherAsWritten || caseless === otherCaseless) return other;
  }
  return undefined;
}
