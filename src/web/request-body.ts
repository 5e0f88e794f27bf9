// The parsed request body checked once at the boundary: always an object, and only well-formed Unicode text.
import type { RequestHandler } from 'express';
import { HttpError } from './errors.ts';

const path = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

// With the u flag a pair is one code point, so only a surrogate standing alone matches.
const loneSurrogate = /\p{Surrogate}/u;

/**
 * The first field (as a path: `note`, `items[2].text`) whose name or text holds a lone surrogate, which UTF-8
 * cannot encode: SQLite would store it as U+FFFD. Walked in document order without recursion, so any nesting is safe.
 */
export function fieldWithLoneSurrogate(body: unknown): string | undefined {
  const pending: { value: unknown; at: string; isName?: boolean }[] = [{ value: body, at: '' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, at, isName } = next;
    if (typeof value === 'string') {
      if (loneSurrogate.test(value)) return isName ? value.replace(/\p{Surrogate}/gu, '\uFFFD') : at || 'body';
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push({ value: value[i], at: path(at, i) });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value).reverse()) {
        pending.push({ value: item, at: path(at, key) }, { value: path(at, key), at, isName: true });
      }
    }
  }
  return undefined;
}

/**
 * After the body parsers: a request without a parsed body gets an empty object (so no route reads a property of
 * undefined), a JSON body must be an object, and a lone surrogate anywhere in it is refused with 400 naming the field.
 */
export const checkRequestBody: RequestHandler = (req, _res, next) => {
  req.body ??= {};
  if (typeof req.body !== 'object' || Array.isArray(req.body)) {
    return next(
      new HttpError(400, 'the request body must be a JSON object', [{ field: 'body', message: 'not an object' }]),
    );
  }
  const field = fieldWithLoneSurrogate(req.body);
  if (field !== undefined) {
    const message = 'contains a lone surrogate, which is not valid Unicode text';
    return next(new HttpError(400, `${field} ${message}`, [{ field, message }]));
  }
  next();
};
