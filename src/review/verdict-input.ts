// Validates a verdict as it arrives from a form or the JSON API, naming the field at fault.
import { canonicalCategory } from './category-names.ts';
import { findSeverity, type Severity } from './taxonomy.ts';

/** The longest note a verdict may carry. */
export const maxNoteLength = 5000;
const maxAmendedLength = 20_000;
const decisions = ['accept', 'reject', 'amend'] as const;

/** A verdict that passed validation. */
export interface VerdictFields {
  decision: (typeof decisions)[number];
  category: string | null;
  severity: Severity | null;
  note: string | null;
  amendedText: string | null;
  clientRequestId: string | null;
}

/** A field that is wrong, and why. */
export interface FieldError {
  field: string;
  message: string;
}

/** Empty form fields mean "not given". */
const given = (value: unknown) => value !== undefined && value !== null && value !== '';

function optionalString(
  body: Record<string, unknown>,
  field: string,
  max: number,
  errors: FieldError[],
): string | null {
  const value = body[field];
  if (!given(value)) return null;
  if (typeof value !== 'string') errors.push({ field, message: `${field} must be a string` });
  else if (value.length > max)
    errors.push({ field, message: `${field} is ${value.length} characters, over the limit of ${max}` });
  else return value;
  return null;
}

// The category as its canonical id: MQM allows an error at any level of its typology, named in any case, and
// WMT's labels (which the mqm export writes) read back as ours.
function categoryOf(fields: Record<string, unknown>, errors: FieldError[]): string | null {
  const name = optionalString(fields, 'category', 100, errors);
  if (name === null) return null;
  const category = canonicalCategory(name);
  if (category === undefined) {
    const message = `unknown category "${name}": GET /api/taxonomy lists the categories and the names accepted`;
    errors.push({ field: 'category', message });
  }
  return category ?? null;
}

/** Checks `body` (parsed JSON or form fields); returns the verdict or every field error. */
export function validateVerdict(body: unknown): { verdict: VerdictFields } | { errors: FieldError[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { errors: [{ field: 'body', message: 'expected a JSON object' }] };
  }
  const fields = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  const decision = fields.decision;
  if (!decisions.includes(decision as VerdictFields['decision'])) {
    errors.push({ field: 'decision', message: `decision must be one of ${decisions.join(', ')}` });
  }
  const category = categoryOf(fields, errors);
  const severity = given(fields.severity) ? (findSeverity(fields.severity) ?? null) : null;
  if (given(fields.severity) && severity === null) {
    errors.push({ field: 'severity', message: 'severity must be one of neutral, minor, major, critical' });
  }
  const note = optionalString(fields, 'note', maxNoteLength, errors);
  const amendedText = optionalString(fields, 'amendedText', maxAmendedLength, errors);
  if (decision === 'amend' && amendedText === null && !errors.some((e) => e.field === 'amendedText')) {
    errors.push({ field: 'amendedText', message: 'amend needs the amended text' });
  }
  const clientRequestId = optionalString(fields, 'clientRequestId', 100, errors);
  if (errors.length > 0) return { errors };
  return {
    verdict: {
      decision: decision as VerdictFields['decision'],
      category,
      severity,
      note,
      amendedText: decision === 'amend' ? amendedText : null,
      clientRequestId,
    },
  };
}
