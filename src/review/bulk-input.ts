// Validates a bulk verdict as it arrives from a form or the JSON API, naming the field at fault.
import type { Severity } from './taxonomy.ts';
import { type FieldError, validateVerdict } from './verdict-input.ts';

/** The most edit ids one request may name. */
export const maxBulkEditIds = 5000;
/** What a group key looks like (store/group-keys.ts makes them). */
const keyPattern = /^[A-Za-z0-9_-]{22}$/;

/** A bulk verdict that passed validation. */
export interface BulkFields {
  key?: string;
  editIds?: string[];
  decision: 'accept' | 'reject';
  category: string | null;
  severity: Severity | null;
  note: string | null;
  dryRun: boolean;
}

// A form sends one value as a string and several as an array; JSON sends an array.
function idsOf(value: unknown, errors: FieldError[]): string[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const ids = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || id === '' || id.length > 200)) {
    errors.push({ field: 'editIds', message: 'editIds must be a list of edit ids (strings)' });
    return undefined;
  }
  if (ids.length > maxBulkEditIds) {
    errors.push({
      field: 'editIds',
      message: `editIds names ${ids.length} edits, over the limit of ${maxBulkEditIds}`,
    });
    return undefined;
  }
  return ids as string[];
}

const truthy = (value: unknown) => value === true || value === 'true' || value === '1' || value === 'on';

/** Checks `body`: a group `key` and/or `editIds`, `decision` accept or reject, the usual labels, `dryRun`. */
export function validateBulkVerdict(body: unknown): { bulk: BulkFields } | { errors: FieldError[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { errors: [{ field: 'body', message: 'expected a JSON object' }] };
  }
  const fields = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  const key = fields.key === undefined || fields.key === '' ? undefined : fields.key;
  if (key !== undefined && (typeof key !== 'string' || !keyPattern.test(key))) {
    errors.push({ field: 'key', message: 'key must be a group key as GET /api/recurring lists them' });
  }
  const editIds = idsOf(fields.editIds, errors);
  if (key === undefined && editIds === undefined && !errors.length) {
    errors.push({ field: 'key', message: 'name the edits: a group key, or editIds' });
  }
  if (fields.decision !== 'accept' && fields.decision !== 'reject') {
    errors.push({ field: 'decision', message: 'decision must be accept or reject' });
  }
  const labels = validateVerdict({
    decision: 'accept',
    category: fields.category,
    severity: fields.severity,
    note: fields.note,
  });
  if ('errors' in labels) errors.push(...labels.errors);
  if (errors.length > 0 || 'errors' in labels) return { errors };
  return {
    bulk: {
      ...(key === undefined ? {} : { key: key as string }),
      ...(editIds === undefined ? {} : { editIds }),
      decision: fields.decision as 'accept' | 'reject',
      category: labels.verdict.category,
      severity: labels.verdict.severity,
      note: labels.verdict.note,
      dryRun: truthy(fields.dryRun),
    },
  };
}
