// Tests of reading a new hook: http(s) URLs only, a secret of a sane length or a generated one, known events.
import { describe, expect, it } from 'vitest';
import { HookInputError, parseHookEvents, parseHookSecret, parseHookUrl } from '../../src/webhooks/hook-input.ts';

const fieldOf = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    if (error instanceof HookInputError) return error.field;
    throw error;
  }
  return undefined;
};

describe('parseHookUrl', () => {
  it('takes http and https URLs, normalised', () => {
    expect(parseHookUrl(' https://CMS.example/hooks/mt ')).toBe('https://cms.example/hooks/mt');
    expect(parseHookUrl('http://127.0.0.1:8080/hook?x=1')).toBe('http://127.0.0.1:8080/hook?x=1');
  });

  it('refuses other schemes, relative URLs, credentials, and nothing, naming the url field', () => {
    for (const value of [
      undefined,
      '',
      'ftp://example.org/',
      'javascript:alert(1)',
      '/hook',
      'https://a:b@x.org/',
      7,
    ]) {
      expect(
        fieldOf(() => parseHookUrl(value)),
        String(value),
      ).toBe('url');
    }
    expect(() => parseHookUrl('file:///etc/passwd')).toThrow('url must use http or https, not file');
  });
});

describe('parseHookSecret', () => {
  it('keeps a given secret, generates one when there is none', () => {
    expect(parseHookSecret('a good secret')).toEqual({ secret: 'a good secret', generated: false });
    const made = parseHookSecret('');
    expect(made.generated).toBe(true);
    expect(made.secret).toMatch(/^[\w-]{32}$/);
  });

  it('refuses a secret too short or not a string', () => {
    expect(fieldOf(() => parseHookSecret('short'))).toBe('secret');
    expect(fieldOf(() => parseHookSecret(['a', 'b']))).toBe('secret');
  });
});

describe('parseHookEvents', () => {
  it('reads lists, comma- or space-separated names, in the known order; nothing means every event', () => {
    expect(parseHookEvents(['article.status_changed', 'article.created'])).toEqual([
      'article.created',
      'article.status_changed',
    ]);
    expect(parseHookEvents('article.revised, article.created')).toEqual(['article.created', 'article.revised']);
    expect(parseHookEvents(undefined)).toHaveLength(3);
    expect(parseHookEvents('')).toHaveLength(3);
  });

  it('refuses an empty list and an unknown event, naming the known ones', () => {
    expect(() => parseHookEvents([])).toThrow('events must name at least one event');
    expect(() => parseHookEvents('article.deleted')).toThrow(
      'events has an unknown event "article.deleted": known are article.created, article.revised, article.status_changed',
    );
  });
});
