// Parsing and validating article.json: syntax errors with line and column, and every wrong field named.
import { findJsonSyntaxError } from './json-syntax.ts';
import type { ArticleMeta } from './types.ts';

/** Either the metadata, or every error found (each a sentence naming the field or the line and column). */
export type ArticleJsonResult = { meta: ArticleMeta } | { errors: string[] };

type Check = (value: unknown) => string | undefined;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// BCP 47 "like": a 2-3 letter language, then subtags (script, region, variant) of 2-8 letters or digits.
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

const textCheck: Check = (value) => {
  if (typeof value !== 'string') return `must be a string, not ${describeType(value)}`;
  return value.trim() === '' ? 'must not be empty' : undefined;
};

const urlCheck: Check = (value) => {
  const textProblem = textCheck(value);
  if (textProblem) return textProblem;
  const protocol = URL.canParse(value as string) ? new URL(value as string).protocol : '';
  return protocol === 'http:' || protocol === 'https:'
    ? undefined
    : `must be an absolute http(s) URL, not ${JSON.stringify(value)}`;
};

const dateCheck: Check = (value) => {
  if (typeof value !== 'string') return `must be a date as YYYY-MM-DD, not ${describeType(value)}`;
  return isCalendarDate(value) ? undefined : `must be a date as YYYY-MM-DD, not ${JSON.stringify(value)}`;
};

const languageCheck: Check = (value) => {
  if (typeof value !== 'string') return `must be a language tag like "de" or "en-GB", not ${describeType(value)}`;
  return LANGUAGE_TAG.test(value)
    ? undefined
    : `must be a language tag like "de" or "en-GB", not ${JSON.stringify(value)}`;
};

// One check per known field. A field not listed here is ignored, not reported: metadata files written by other tools
// (or a later version of this one) carry extra fields, and refusing the whole article over them would hide it.
const FIELD_CHECKS: Record<keyof ArticleMeta, Check> = {
  title: textCheck,
  url: urlCheck,
  published: dateCheck,
  publisher: textCheck,
  author: textCheck,
  sourceLang: languageCheck,
  targetLang: languageCheck,
};

/** The fields article.json may hold; any other field is ignored. */
export const ARTICLE_JSON_FIELDS = Object.keys(FIELD_CHECKS) as (keyof ArticleMeta)[];

/** Parses the text of article.json into metadata, or returns every error; unknown fields are ignored. */
export function parseArticleJson(text: string): ArticleJsonResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { errors: [describeSyntaxError(text, error)] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { errors: [`must be a JSON object ({ "title": ... }), not ${describeType(data)}`] };
  }
  return validateFields(data as Record<string, unknown>);
}

/** Checks the metadata fields of an object (article.json's, or the API's JSON); unknown fields are ignored. */
export function validateFields(data: Record<string, unknown>): ArticleJsonResult {
  const meta: Record<string, string> = {};
  const errors: string[] = [];
  for (const field of ARTICLE_JSON_FIELDS) {
    if (!Object.hasOwn(data, field)) continue;
    const value = data[field];
    const problem = FIELD_CHECKS[field](value);
    if (problem) errors.push(`"${field}" ${problem}`);
    else meta[field] = value as string;
  }
  return errors.length > 0 ? { errors } : { meta: meta as ArticleMeta };
}

function describeSyntaxError(text: string, error: unknown): string {
  const located = findJsonSyntaxError(text);
  if (located) return `invalid JSON at line ${located.line}, column ${located.column}: ${located.message}`;
  // The scanner accepts what JSON.parse refused: fall back to the engine's own words.
  return `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
}

/** True for a real day of the proleptic Gregorian calendar as YYYY-MM-DD: 2022-02-30 is refused, so is 30.03.2022. */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `a ${typeof value} (${String(value)})`;
}
