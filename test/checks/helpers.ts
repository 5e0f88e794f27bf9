// Test helpers for the checks: run one check, apply its suggestions, read the fixtures.
import { readFileSync } from 'node:fs';
import type { Check, CheckContext, Finding } from '../../src/checks/types.ts';

/** The spans the check found, as text. */
export function spans(check: Check, text: string, context?: CheckContext): string[] {
  return check.run(text, context).map((f) => f.text);
}

/** The text with every finding's suggestion applied (findings must not overlap); null suggestions are skipped. */
export function applyFindings(text: string, findings: readonly Finding[]): string {
  let result = text;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) {
    if (f.suggestion !== null) result = result.slice(0, f.start) + f.suggestion + result.slice(f.end);
  }
  return result;
}

/** A fixture of test/fixtures/checks, as text. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/checks/${name}`, import.meta.url), 'utf8');
}
