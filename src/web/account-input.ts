// Reading the account forms and their JSON twins: string fields with a 400 naming the field, and the store's
// refusals (invalid, conflict, not found) as the HTTP errors they mean.
import type { Request } from 'express';
import { isRole, type Role, roles } from '../review/roles.ts';
import { StoreError } from '../store/index.ts';
import { HttpError } from './errors.ts';

/** True for the JSON twin of a page route (under /api/): it answers JSON, the page answers HTML. */
export const isApiRequest = (req: Request) => req.originalUrl.startsWith('/api/');

/**
 * The string field `name` of the form or JSON body; absent or empty is undefined, or a 400 naming the field when
 * `required`; any other type is a 400.
 */
export function stringField(req: Request, name: string, options: { required: boolean }): string | undefined {
  const value = ((req.body ?? {}) as Record<string, unknown>)[name];
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw new HttpError(400, `${name} must be a string`, [{ field: name, message: 'must be a string' }]);
  }
  if (options.required && !value) {
    throw new HttpError(400, `${name} is required`, [{ field: name, message: 'is required' }]);
  }
  return value || undefined;
}

/** The `role` field as a role, undefined when absent (a 400 when `required`); a 400 listing the roles otherwise. */
export function roleField(req: Request, options: { required: boolean }): Role | undefined {
  const role = stringField(req, 'role', options);
  if (role === undefined || isRole(role)) return role;
  const message = `must be one of ${roles.join(', ')}`;
  throw new HttpError(400, `role ${message}`, [{ field: 'role', message }]);
}

const statusOfKind: Partial<Record<StoreError['kind'], number>> = { invalid: 400, conflict: 409, 'not-found': 404 };

/** `error` as the HttpError to answer: an HttpError as it is, a store refusal by its kind; anything else is rethrown. */
export function asHttpError(error: unknown, field?: string): HttpError {
  if (error instanceof HttpError) return error;
  const status = error instanceof StoreError ? statusOfKind[error.kind] : undefined;
  if (status === undefined) throw error;
  const message = (error as StoreError).message;
  return new HttpError(status, message, field && status === 400 ? [{ field, message }] : []);
}
