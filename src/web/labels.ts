// The words pages show for ids: category and severity labels from the taxonomy, and the name of each edit state.
import { findCheck } from '../checks/registry.ts';
import { findCategory } from '../review/taxonomy.ts';

/** A category's label ("Link residue"); an id the taxonomy does not know is shown as it is. */
export function categoryLabel(id: string): string {
  return findCategory(id)?.label ?? id;
}

/** A check's name ("Breadcrumb line"); an unknown id as it is. */
export function checkLabel(id: string): string {
  return findCheck(id)?.name ?? id;
}

/** Where an edit came from, in words: "Post-edit", "Check: Breadcrumb line", "Post-edit (Breadcrumb line)". */
export function originLabel(origin: string, checkId: string | null | undefined): string {
  if (origin.startsWith('check:')) return `Check: ${checkLabel(origin.slice('check:'.length))}`;
  const who = origin === 'reviewer' ? 'Reviewer' : 'Post-edit';
  return checkId ? `${who} (${checkLabel(checkId)})` : who;
}

/** A verdict's labels as one phrase: "Link residue, major"; "" when it has neither. */
export function verdictLabel(verdict: { category: string | null; severity: string | null }): string {
  return [verdict.category && categoryLabel(verdict.category), verdict.severity].filter(Boolean).join(', ');
}

/** Each state an edit can show, with its symbol and word; `disputed`: reviewers disagree and no lead has decided. */
export const editStates = {
  undecided: { symbol: '○', label: 'undecided' },
  accept: { symbol: '✓', label: 'accepted' },
  reject: { symbol: '✗', label: 'rejected' },
  amend: { symbol: '✎', label: 'amended' },
  disputed: { symbol: '⚠', label: 'disputed' },
} as const;

/** What every template gets as `labels`. */
export const pageLabels = {
  category: categoryLabel,
  check: checkLabel,
  origin: originLabel,
  verdict: verdictLabel,
  states: editStates,
};
