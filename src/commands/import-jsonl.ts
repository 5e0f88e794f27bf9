// `mt-review import --jsonl FILE`: one article a line (the API's JSON), read as a stream, with progress and a summary.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArticleInput } from '../corpus/article-input.ts';
import { findJsonSyntaxError } from '../corpus/json-syntax.ts';
import { importArticleInput } from '../import-corpus.ts';
import { ConflictError, type Store } from '../store/index.ts';
import { ARTICLE_JSON_LIMIT } from '../web/article-bodies.ts';

/** What a JSONL import did; `refused` names each line that was not imported, and why. */
export interface JsonlSummary {
  new: number;
  changed: number;
  unchanged: number;
  refused: { line: number; message: string }[];
}

/** Where progress goes: a line rewritten in place on a terminal, a line now and then elsewhere. */
export interface Progress {
  write(text: string): void;
  isTTY?: boolean;
}

/**
 * Imports every line of `file` (blank lines skipped). A line with an `id` updates that article as a re-import of
 * its folder would; without one it is created under a slug of its title (the same content again is unchanged).
 * One line at a time: memory holds one article, whatever the file's length.
 */
export async function importJsonl(db: Store, file: string, progress: Progress): Promise<JsonlSummary> {
  const summary: JsonlSummary = { new: 0, changed: 0, unchanged: 0, refused: [] };
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  let shownAt = 0;
  const show = (final: boolean) => {
    const done = summary.new + summary.changed + summary.unchanged;
    const text = `line ${number}: ${done} imported, ${summary.refused.length} refused`;
    if (progress.isTTY) progress.write(`\r${text}${final ? '\n' : ''}`);
    else if (final || number % 1000 === 0) progress.write(`${text}\n`);
  };
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    const outcome = await importLine(db, line);
    if (typeof outcome === 'string') summary.refused.push({ line: number, message: outcome });
    else summary[outcome.status === 'updated' ? 'changed' : outcome.status]++;
    if (Date.now() - shownAt > 200 || !progress.isTTY) {
      shownAt = Date.now();
      show(false);
    }
  }
  show(true);
  return summary;
}

async function importLine(db: Store, line: string): Promise<{ status: 'new' | 'updated' | 'unchanged' } | string> {
  if (line.length > ARTICLE_JSON_LIMIT) return `longer than the API's limit of ${ARTICLE_JSON_LIMIT} characters`;
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (error) {
    const at = findJsonSyntaxError(line);
    return at ? `invalid JSON at column ${at.column}: ${at.message}` : `invalid JSON: ${(error as Error).message}`;
  }
  const parsed = parseArticleInput(data);
  if ('problems' in parsed) return parsed.problems.map((p) => `${p.field} ${p.message}`).join('; ');
  try {
    const { result } = await importArticleInput(db, parsed.input, {
      via: 'jsonl',
      replace: parsed.input.id !== undefined,
    });
    return result;
  } catch (error) {
    if (error instanceof ConflictError) return error.message;
    throw error;
  }
}
