// The shapes shared by the edit engine and everything downstream: edits, decisions, and the undecided policy.

/** Where an edit came from: the post-edit file, an automatic check (`check:<id>`), or a reviewer in the browser. */
export type EditOrigin = 'post-edit' | 'reviewer' | `check:${string}`;

/** One reviewable difference between the MT and its corrected version. Offsets index the text as loaded. */
export interface Edit {
  /** Stable: derived from the edit's text and its surroundings, so the same article text gives the same ids. */
  id: string;
  mtStart: number;
  mtEnd: number;
  mtText: string;
  /** Where the replacement stands in the corrected text (offsets into it). */
  correctedStart: number;
  correctedEnd: number;
  correctedText: string;
  /** Index of the MT paragraph the edit belongs to (for an inserted paragraph: the one it precedes). */
  paragraph: number;
  /** Up to a few dozen characters of MT on either side, within the paragraph, to show the edit in place. */
  contextBefore: string;
  contextAfter: string;
  origin: EditOrigin;
}

/** A reviewer's decision on one edit, as far as the text is concerned. */
export type Decision = { decision: 'accept' } | { decision: 'reject' } | { decision: 'amend'; amendedText: string };

/** What to do with an edit nobody has decided: keep the post-editor's correction, or keep the MT. */
export type UndecidedPolicy = 'keep-correction' | 'keep-mt';
