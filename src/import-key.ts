// The key an article is imported under: its files, the engine that turns them into edits, and the corpus it reads.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { houseStyleEnv, loadHouseStyle } from './checks/house-style.ts';
import { articleFields } from './corpus/article-fields.ts';
import type { LoadedArticle } from './corpus/types.ts';

/**
 * The version of everything that turns an article's files into edits: the diff, the checks and their word lists.
 * Bump it with any change to src/diff or src/checks that can change an edit, so that the next start recomputes every
 * article (unchanged files are otherwise skipped without computing anything).
 */
export const ENGINE_VERSION = 1;

const shippedStyle = new URL('./checks/house-style.json', import.meta.url);

/** The engine's part of every key: its version and the house style in force (shipped file and user file). */
export function engineKey(version: number = ENGINE_VERSION, houseStylePath?: string): string {
  loadHouseStyle(houseStylePath); // a broken user file is reported as the checks report it, naming the file
  const hash = createHash('sha256').update(`engine ${version}\n`).update(readFileSync(shippedStyle));
  const userPath = houseStylePath ?? process.env[houseStyleEnv];
  if (userPath) hash.update(`\n${userPath}\n`).update(readFileSync(userPath));
  return hash.digest('hex');
}

/**
 * The key of one article: equal keys mean the same edits, so an article whose stored key matches is left alone.
 * `corpusContext` is what the corpus-wide checks read about its names (CorpusNameIndex.contextOf).
 */
export function importKey(article: LoadedArticle, engine: string, corpusContext: string): string {
  const fingerprint = [engine, ...articleFields(article), corpusContext];
  return createHash('sha256').update(JSON.stringify(fingerprint)).digest('hex');
}

/** The key of an MT's names: its text under the engine (name finding and house style). */
export function namesKey(mt: string, engine: string): string {
  return createHash('sha256').update(engine).update('\n').update(mt).digest('hex');
}

/**
 * The key of an article's files as they lie (articleFileFacts) under the engine. Equal to the one stored with its
 * import key, its files and engine are those the key was computed from: with the same names context (contextKey)
 * too, its import key would be equal, so the article is skipped without reading it.
 */
export function filesKey(facts: string, engine: string): string {
  return createHash('sha256').update(engine).update('\n').update(facts).digest('hex');
}

/** The hash of a names context (CorpusNameIndex.contextOf), stored to compare without the article's files. */
export function contextKey(corpusContext: string): string {
  return createHash('sha256').update(corpusContext).digest('hex');
}
