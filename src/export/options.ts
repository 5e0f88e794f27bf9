// What an export may be asked for beyond the review: each format reads the options it needs.
import type { UndecidedPolicy } from '../diff/index.ts';

/** Options every format accepts; each format reads the ones it needs. */
export interface ExportOptions {
  /** What an undecided edit contributes to the text. Default `keep-correction`: the post-edit is the best guess. */
  policy?: UndecidedPolicy;
  /** mqm: the `system` column (default `mt`). */
  system?: string;
  /** mqm: added to the paragraph number to make `seg_id`, so several articles can share one file (default 0). */
  segIdOffset?: number;
  /** json: quality scores computed by the statistics (passed through as given). */
  scores?: unknown;
}
