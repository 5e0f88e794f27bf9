// The house style of names and terms: the shipped list, extended by a user file, loaded once per file.
import { readFileSync } from 'node:fs';

/** The environment variable naming a user house-style file (same JSON shape as `house-style.json`). */
export const houseStyleEnv = 'MT_REVIEW_HOUSE_STYLE';

/** The house style in force: German forms to flag, English variants to unify, and every word they contain. */
export interface HouseStyle {
  /** German transliteration or form → English standard ("Wladimir" → "Vladimir"): flagged wherever it occurs. */
  names: ReadonlyMap<string, string>;
  /** English variant → house form ("Sergei" → "Sergey"): used when a text mixes spellings. */
  variants: ReadonlyMap<string, string>;
  /** The standard forms (values of both maps): what a mixed group of spellings settles on. */
  targets: ReadonlySet<string>;
  /** Every word of every entry, so the spelling check accepts them. */
  words: ReadonlySet<string>;
  /** The German forms by their first word ("Sankt" → ["Sankt Petersburg"]), longest first. */
  byFirstWord: ReadonlyMap<string, readonly string[]>;
  /** German forms of German places that stay inside proper names ("1. FC Köln", "Boris Rhein"). */
  places: ReadonlySet<string>;
  /** Terms of the house style: what the MT writes ("the traffic light"), what the house writes, and when. */
  terms: readonly HouseTerm[];
}

/** A term rule of the house style, as data: a pattern, its replacement, and the words that must be near. */
export interface HouseTerm {
  /** Matches the MT's term (a regular expression, case-sensitive, matched on whole words). */
  pattern: RegExp;
  /** The house form; null when it depends on the sentence. */
  suggestion: string | null;
  message: string;
  /** Words one of which must stand near ("German politics" words), or null. */
  context: RegExp | null;
  /** Where `context` must match: the paragraph of the term, or anywhere in the text. */
  scope: 'line' | 'text';
  confidence: number;
}

interface HouseTermFile {
  pattern: string;
  suggestion: string | null;
  message: string;
  context?: string;
  scope?: 'line' | 'text';
  confidence?: number;
}

interface HouseStyleFile {
  names?: Record<string, string>;
  variants?: Record<string, string>;
  places?: string[];
  terms?: HouseTermFile[];
}

const shippedPath = new URL('./house-style.json', import.meta.url);
const cache = new Map<string, HouseStyle>();

function readStyleFile(path: string | URL): HouseStyleFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`house style ${String(path)}: ${(error as Error).message}`);
  }
  const file = parsed as HouseStyleFile;
  for (const key of ['names', 'variants'] as const) {
    const section = file[key];
    const valid =
      section === undefined ||
      (typeof section === 'object' && section !== null && Object.values(section).every((v) => typeof v === 'string'));
    if (!valid) throw new Error(`house style ${String(path)}: "${key}" must map strings to strings`);
  }
  if (file.places !== undefined && !(Array.isArray(file.places) && file.places.every((p) => typeof p === 'string'))) {
    throw new Error(`house style ${String(path)}: "places" must be a list of strings`);
  }
  file.terms?.forEach((term, i) => {
    const valid = typeof term?.pattern === 'string' && typeof term.message === 'string';
    if (!valid) throw new Error(`house style ${String(path)}: term ${i + 1} needs "pattern" and "message" strings`);
  });
  return file;
}

function compileTerm(term: HouseTermFile, path: string): HouseTerm {
  try {
    return {
      pattern: new RegExp(`(?<![\\p{L}\\p{N}-])(?:${term.pattern})(?![\\p{L}\\p{N}-])`, 'gu'),
      suggestion: term.suggestion ?? null,
      message: term.message,
      context: term.context ? new RegExp(term.context, 'u') : null,
      scope: term.scope === 'text' ? 'text' : 'line',
      confidence: term.confidence ?? 0.8,
    };
  } catch (error) {
    throw new Error(`house style ${path}: term "${term.pattern}": ${(error as Error).message}`);
  }
}

function buildStyle(files: Array<{ path: string; file: HouseStyleFile }>): HouseStyle {
  const names = new Map<string, string>();
  const variants = new Map<string, string>();
  const places = new Set<string>();
  const terms: HouseTerm[] = [];
  for (const { path, file } of files) {
    for (const [from, to] of Object.entries(file.names ?? {})) names.set(from, to);
    for (const [from, to] of Object.entries(file.variants ?? {})) variants.set(from, to);
    for (const place of file.places ?? []) places.add(place);
    for (const term of file.terms ?? []) terms.push(compileTerm(term, path));
  }
  const targets = new Set([...names.values(), ...variants.values()]);
  const words = new Set<string>();
  for (const entry of [...names.keys(), ...variants.keys(), ...targets]) {
    for (const word of entry.split(/[\s-]+/)) words.add(word);
  }
  const byFirstWord = new Map<string, string[]>();
  for (const key of [...names.keys()].sort((a, b) => b.length - a.length)) {
    const first = key.split(/[\s-]/)[0] ?? key;
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), key]);
  }
  return { names, variants, targets, words, byFirstWord, places, terms };
}

/**
 * The house style: the shipped list, then the user file (`userPath`, else $MT_REVIEW_HOUSE_STYLE) on top of it, its
 * entries adding to and overriding the shipped ones. Read once per file; a broken user file throws naming the file.
 */
export function loadHouseStyle(userPath?: string): HouseStyle {
  const path = userPath ?? process.env[houseStyleEnv] ?? '';
  const cached = cache.get(path);
  if (cached) return cached;
  const files = [{ path: String(shippedPath), file: readStyleFile(shippedPath) }];
  if (path) files.push({ path, file: readStyleFile(path) });
  const style = buildStyle(files);
  cache.set(path, style);
  return style;
}
