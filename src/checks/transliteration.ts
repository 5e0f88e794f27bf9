// German transliteration of Cyrillic names by rule: which names show its marks, and their English spelling.
import { isKnownWord } from './dictionary.ts';

// German renders Russian and Ukrainian names by German sound rules: в → w, х → ch, ш → sch, ч → tsch, й → j,
// ц → z, -ов → -ow. Those marks only mean a transliteration where Cyrillic names are at home: in texts about the
// region. Elsewhere "Pankow" and "Teltow" are German places and must stay.
const regionWords =
  /\b(?:Russ(?:ia|ian|ians)|Ukrain(?:e|ian|ians)|Kremlin|Moscow|Moskau|Belarus(?:ian)?|Soviet|Chechen|Chechnya|Crimea|Kyiv|Kiev|Kiew|Donbass?|Putin|Kazakh(?:stan)?)\b/;

/** True when the text is about Russia, Ukraine or their neighbours, where German transliterations occur. */
export function isAboutCyrillicRegion(text: string): boolean {
  return regionWords.test(text);
}

// An ending German transliteration has and no German or English name has: -ow, -ew, -iw, -ij, -yj,
// -owsk, -iwka, -owitsch, -owna. Strong enough alone. Not -ej: Czech and Slovak write "Andrej" themselves.
const germanEnding = /(?:ow|owa|ew|ewa|iw|iwka|ij|yj|owsk|ewsk|itsch|owna|ewna)$/;
// Letters a German transliteration never has: German words ("Weltschmerz", "Bützow") and Polish names
// ("Rzeszow", "Szczecin") that would otherwise look like one.
const notTransliterated = /ei|eu|äu|ie|[äöüßłąęńśźżčšžćě]|pf|tz|ck|rz|sz|cz|ph|ung$|heit$|keit$|schaft/;
// Weaker marks, two of which make a transliteration: w for в (not in German "schw", "zw"), tsch for ч,
// sch for ш, j for й before a vowel inside the word (a first "J" is German too: Jens, Joschka).
const weakMarks = [/(?<![chsz])w/, /tsch/, /(?<!t)sch/, /(?<=\p{L})j[aeiou]/u];

/** True when a capitalised word shows the marks of a German transliteration ("Budanow", "Wowtschansk"). */
export function looksTransliterated(word: string): boolean {
  const lower = word.toLowerCase();
  if (notTransliterated.test(lower) || isKnownWord(word)) return false;
  if (germanEnding.test(lower)) return true;
  return weakMarks.filter((mark) => mark.test(lower)).length >= 2;
}

// The German letters back to the English (BGN/PCGN-like) ones, longest first, in one pass.
const rules: Array<[string, string]> = [
  ['schtsch', 'shch'],
  ['tsch', 'ch'],
  ['sch', 'sh'],
  ['ch', 'kh'],
  ['w', 'v'],
  ['z', 'ts'],
];
const rulePattern = /schtsch|tsch|sch|ch|w|z|(?<=[aeiouy])ss(?=[aeiouy])|j/g;

/** The English spelling of a German transliteration by rule: "Budanow" → "Budanov", "Synjehubow" → "Synyehubov". */
export function englishTransliteration(word: string): string {
  const lower = word.toLowerCase();
  const english = lower.replace(rulePattern, (match, offset: number) => {
    if (match === 'ss') return 's';
    if (match !== 'j') return rules.find(([german]) => german === match)?.[1] ?? match;
    // й: "y" before a vowel and after "i" ("Oleksij" → "Oleksiy"), else "i" ("Andrej" → "Andrei").
    const [before, after] = [lower[offset - 1] ?? '', lower[offset + 1] ?? ''];
    return /[aeiou]/.test(after) || before === 'i' || before === '' ? 'y' : 'i';
  });
  return english.charAt(0).toUpperCase() + english.slice(1);
}
