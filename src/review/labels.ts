// The error label an export shows for a reviewed edit: its outcome's category and severity, else the check's.

import type { StoredEdit } from './article-review.ts';
import type { Outcome } from './outcome.ts';
import { type Category, findCategory, type Severity, severities } from './taxonomy.ts';

/** The category and severity that stand for an edit, and the taxonomy entry of the category (if it is known). */
export interface IssueLabel {
  categoryId: string | null;
  category: Category | undefined;
  severity: Severity | null;
}

/**
 * The label of an edit under its outcome. A reviewer who accepts a check's suggestion often leaves the labels
 * alone, so the suggestion's category and severity fill in what the outcome does not say.
 */
export function issueLabel(edit: StoredEdit, outcome: Pick<Outcome, 'category' | 'severity'> | null): IssueLabel {
  const categoryId = outcome?.category ?? edit.suggestedCategory ?? null;
  const severity = outcome?.severity ?? edit.suggestedSeverity ?? null;
  return { categoryId, category: categoryId === null ? undefined : findCategory(categoryId), severity };
}

/** ITS 2.0 locQualityIssueSeverity (0-100) of a severity, from the taxonomy. */
export function itsSeverity(severity: Severity): number {
  return severities.find((entry) => entry.id === severity)?.its ?? 0;
}
