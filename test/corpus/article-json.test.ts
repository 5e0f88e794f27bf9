// Tests for article.json: syntax errors located by line and column, each wrong field named, unknown fields ignored.
import { describe, expect, it } from 'vitest';
import { ARTICLE_JSON_FIELDS, parseArticleJson } from '../../src/corpus/article-json.ts';
import { findJsonSyntaxError } from '../../src/corpus/json-syntax.ts';

function errorsOf(text: string): string[] {
  const result = parseArticleJson(text);
  if ('meta' in result) throw new Error(`expected errors, got ${JSON.stringify(result.meta)}`);
  return result.errors;
}

describe('parseArticleJson', () => {
  it('reads every known field', () => {
    const meta = {
      title: 'Lavrov in China',
      url: 'https://www.fr.de/politik/lavrov-china-91447150.html',
      published: '2022-03-30',
      publisher: 'Frankfurter Rundschau',
      author: 'Marvin Ziegele',
      sourceLang: 'de',
      targetLang: 'en-GB',
    };
    expect(parseArticleJson(JSON.stringify(meta))).toEqual({ meta });
    expect(ARTICLE_JSON_FIELDS).toEqual(Object.keys(meta));
  });

  it('accepts an empty object and ignores unknown fields', () => {
    expect(parseArticleJson('{}')).toEqual({ meta: {} });
    expect(parseArticleJson('{"title": "T", "editorNote": 5, "tags": ["x"]}')).toEqual({ meta: { title: 'T' } });
  });

  it('locates a missing comma by line and column', () => {
    const text = '{\n  "title": "T",\n  "published": "2022-04-06"\n  "sourceLang": "de"\n}\n';
    expect(errorsOf(text)).toEqual(["invalid JSON at line 4, column 3: expected ',' or '}' after the property value"]);
  });

  it('locates a trailing comma and an unterminated file', () => {
    expect(errorsOf('{"title": "T",}')).toEqual([
      'invalid JSON at line 1, column 15: expected a property name in double quotes',
    ]);
    expect(errorsOf('{"title": ')).toEqual([
      'invalid JSON at line 1, column 11: unexpected end of file, expected a value',
    ]);
  });

  it('refuses a value that is not an object', () => {
    expect(errorsOf('["title"]')).toEqual(['must be a JSON object ({ "title": ... }), not an array']);
    expect(errorsOf('null')).toEqual(['must be a JSON object ({ "title": ... }), not null']);
  });

  it('names each field of the wrong type, all at once', () => {
    const text = JSON.stringify({
      title: 5,
      published: '30.03.2022',
      sourceLang: 'German',
      targetLang: null,
      url: '/x',
    });
    expect(errorsOf(text)).toEqual([
      '"title" must be a string, not a number (5)',
      '"url" must be an absolute http(s) URL, not "/x"',
      '"published" must be a date as YYYY-MM-DD, not "30.03.2022"',
      '"sourceLang" must be a language tag like "de" or "en-GB", not "German"',
      '"targetLang" must be a language tag like "de" or "en-GB", not null',
    ]);
  });

  it('refuses a date that is not on the calendar and an empty title', () => {
    expect(errorsOf('{"published": "2022-02-30"}')).toEqual([
      '"published" must be a date as YYYY-MM-DD, not "2022-02-30"',
    ]);
    expect(errorsOf('{"title": "  "}')).toEqual(['"title" must not be empty']);
  });

  it('accepts language tags with script and region subtags', () => {
    for (const tag of ['de', 'en-US', 'zh-Hans-CN', 'sr-Latn', 'gsw']) {
      expect(parseArticleJson(JSON.stringify({ sourceLang: tag }))).toEqual({ meta: { sourceLang: tag } });
    }
  });
});

describe('findJsonSyntaxError', () => {
  it('finds nothing in valid JSON', () => {
    expect(findJsonSyntaxError('{"a": [1, -2.5e3, true, null, "\\u00e4\\n"], "b": {}}')).toBeUndefined();
  });

  it('reports invalid escapes, control characters and text after the value', () => {
    expect(findJsonSyntaxError('"a\\x"')).toMatchObject({ offset: 2, message: 'invalid escape in a string' });
    expect(findJsonSyntaxError('"a\tb"')?.message).toBe('control character in a string (escape it)');
    expect(findJsonSyntaxError('{} x')).toMatchObject({ line: 1, column: 4 });
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(findJsonSyntaxError('['.repeat(100_000))?.message).toBe('nested too deeply');
  });
});
