// An article sent as JSON (the API, a JSONL line): checked exactly as the loader checks a folder, each problem named.
import { validateFields } from './article-json.ts';
import { articleIdProblem } from './load-corpus.ts';
import { CorpusFileError, formatBytes, MAX_TEXT_BYTES, normaliseArticleText } from './read-text.ts';
import { RESERVED_IDS } from './slug.ts';
import type { ArticleMeta } from './types.ts';

/** The texts and metadata of an article sent as JSON; `id` is absent when the sender leaves it to the server. */
export interface ArticleInput {
  id?: string;
  meta: ArticleMeta;
  mt: string;
  corrected?: string;
  source?: string;
}

/** What is wrong with one field; `tooLarge` marks a text over the size limit (HTTP answers 413 for it). */
export interface InputProblem {
  field: string;
  message: string;
  tooLarge?: boolean;
}

/** The article, or every problem found (one pass fixes the request). */
export type ArticleInputResult = { input: ArticleInput } | { problems: InputProblem[] };

const TEXT_FIELDS = ['mt', 'corrected', 'source'] as const;

/**
 * Checks an article sent as a JSON object: `mt` required; `corrected`, `source` optional texts; metadata as in
 * article.json; `id` a slug when given. Texts are normalised as files are (BOM, CRLF, NUL, blank, 2 MiB of UTF-8).
 * `idFromPath` (PUT) overrides the body's id, which must then agree. Unknown fields are ignored, as in article.json.
 */
export function parseArticleInput(body: unknown, idFromPath?: string): ArticleInputResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { problems: [{ field: 'body', message: 'must be a JSON object ({ "mt": ... })' }] };
  }
  const data = body as Record<string, unknown>;
  const problems: InputProblem[] = [];
  const texts: Partial<Record<(typeof TEXT_FIELDS)[number], string>> = {};
  for (const field of TEXT_FIELDS) {
    const value = data[field];
    if (value === undefined || (value === null && field !== 'mt')) {
      if (field === 'mt') problems.push({ field, message: 'is required (the machine translation)' });
      continue;
    }
    const checked = checkText(field, value);
    if (typeof checked === 'string') texts[field] = checked;
    else problems.push(checked);
  }
  const id = idFromPath ?? data.id;
  if (idFromPath !== undefined && data.id !== undefined && data.id !== idFromPath) {
    problems.push({ field: 'id', message: `must be the id of the address (${JSON.stringify(idFromPath)}) or absent` });
  } else if (id !== undefined) {
    const problem =
      typeof id !== 'string'
        ? `must be a string, not ${typeof id}`
        : RESERVED_IDS.has(id)
          ? `${JSON.stringify(id)} is reserved for a page (/articles/${id})`
          : articleIdProblem(id);
    if (problem) problems.push({ field: 'id', message: problem.replace(/^article id /, '') });
  }
  const meta = validateFields(data);
  if ('errors' in meta) problems.push(...meta.errors.map(metaProblem));
  if (problems.length > 0 || texts.mt === undefined || 'errors' in meta) return { problems };
  const input: ArticleInput = { meta: meta.meta, mt: texts.mt };
  if (typeof id === 'string') input.id = id;
  if (texts.corrected !== undefined) input.corrected = texts.corrected;
  if (texts.source !== undefined) input.source = texts.source;
  return { input };
}

function checkText(field: string, value: unknown): string | InputProblem {
  if (typeof value !== 'string')
    return { field, message: `must be a string, not ${value === null ? 'null' : typeof value}` };
  // The loader's limit, on the same measure: bytes of UTF-8, as the file would hold them.
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > MAX_TEXT_BYTES) {
    return {
      field,
      message: `is ${formatBytes(bytes)}, over the ${formatBytes(MAX_TEXT_BYTES)} limit`,
      tooLarge: true,
    };
  }
  try {
    return normaliseArticleText(value, field);
  } catch (error) {
    if (!(error instanceof CorpusFileError)) throw error;
    return {
      field,
      message: error.reason.replace(/^empty file/, 'must not be empty').replace(': not a text file', ''),
    };
  }
}

// validateFields says `"title" must be a string, ...`: the field's name becomes the problem's field.
function metaProblem(error: string): InputProblem {
  const match = /^"([^"]+)" (.*)$/s.exec(error);
  return match ? { field: match[1] as string, message: match[2] as string } : { field: 'body', message: error };
}
