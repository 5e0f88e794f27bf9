// An article's status (pure), from its team review: new → in review → reviewed → approved.

/** Where an article's review is: nobody decided anything; some; every edit agreed or adjudicated; a lead approved. */
export type ArticleStatus = 'new' | 'in review' | 'reviewed' | 'approved';

/** The statuses in their order. */
export const articleStatuses: readonly ArticleStatus[] = ['new', 'in review', 'reviewed', 'approved'];

/** What the status is made of: the approval, and the current edits counted by outcome. */
export interface StatusInput {
  approvedAt: string | null;
  edits: number;
  undecided: number;
  agreed: number;
  adjudicated: number;
}

/**
 * The status: approved once a lead approved it; reviewed when every current edit is agreed or adjudicated (an
 * article without edits has nothing left to review); new while every edit is undecided; in review in between
 * (disputed edits included).
 */
export function articleStatus(input: StatusInput): ArticleStatus {
  if (input.approvedAt) return 'approved';
  if (input.agreed + input.adjudicated === input.edits) return 'reviewed';
  return input.undecided === input.edits ? 'new' : 'in review';
}
