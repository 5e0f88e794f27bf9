// Tests for validating a verdict at the boundary: canonical category and severity, every bad field named.
import { describe, expect, it } from 'vitest';
import { validateVerdict } from '../../src/review/verdict-input.ts';

describe('validateVerdict', () => {
  it('stores a category and a severity named in other words as their canonical ids', () => {
    expect(validateVerdict({ decision: 'accept', category: 'FLUENCY', severity: 'Major' })).toEqual({
      verdict: {
        decision: 'accept',
        category: 'linguistic/other',
        severity: 'major',
        note: null,
        amendedText: null,
        clientRequestId: null,
      },
    });
    const wmt = validateVerdict({ decision: 'reject', category: 'Accuracy/Untranslated text', severity: 'minor' });
    expect(wmt).toMatchObject({ verdict: { category: 'accuracy/untranslated', severity: 'minor' } });
  });

  it('names the category and the severity it cannot read', () => {
    const result = validateVerdict({ decision: 'accept', category: 'No-error', severity: 'huge' });
    expect(result).toEqual({
      errors: [
        { field: 'category', message: expect.stringMatching(/^unknown category "No-error": GET \/api\/taxonomy/) },
        { field: 'severity', message: 'severity must be one of neutral, minor, major, critical' },
      ],
    });
    expect(validateVerdict({ decision: 'accept', severity: 5 })).toMatchObject({ errors: [{ field: 'severity' }] });
    expect(validateVerdict({ decision: 'accept', category: ['accuracy'] })).toEqual({
      errors: [{ field: 'category', message: 'category must be a string' }],
    });
  });

  it('takes empty form fields as not given', () => {
    expect(validateVerdict({ decision: 'accept', category: '', severity: '' })).toMatchObject({
      verdict: { category: null, severity: null },
    });
  });
});
