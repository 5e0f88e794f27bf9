// The edit engine's public surface: everything outside src/diff imports from here.
export { amendedReplacement, applyVerdicts } from './apply-verdicts.ts';
export { type ExtractOptions, extractEdits } from './extract-edits.ts';
export { splitParagraphs } from './paragraphs.ts';
export { conflictingPairs, spanProblem, spansConflict } from './spans.ts';
export { tokenize } from './tokenize.ts';
export type { Decision, Edit, EditOrigin, UndecidedPolicy } from './types.ts';
