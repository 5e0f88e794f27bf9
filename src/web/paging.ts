// Offset paging read strictly from `?page=` and `?limit=`: positive integers, the limit bounded, else a 400 naming it.
import type { Request } from 'express';
import { HttpError } from './errors.ts';

/** A page: its number (from 1), its size, and the offset they make. */
export interface OffsetPage {
  page: number;
  limit: number;
  offset: number;
}

/** Reads `?page=` (default 1) and `?limit=` (default `size`, at most `max`). */
export function offsetPageOf(req: Request, size: number, max: number): OffsetPage {
  const read = (field: 'page' | 'limit'): number | undefined => {
    const raw = req.query[field];
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string' || !/^[1-9]\d{0,6}$/.test(raw)) {
      throw new HttpError(400, `${field} must be a positive integer`, [{ field, message: 'not a positive integer' }]);
    }
    return Number(raw);
  };
  const limit = read('limit') ?? size;
  if (limit > max) throw new HttpError(400, `limit must be at most ${max}`, [{ field: 'limit', message: 'too large' }]);
  const page = read('page') ?? 1;
  return { page, limit, offset: (page - 1) * limit };
}
