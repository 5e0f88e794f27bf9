// The store's public surface in one import: opening the database and each table module's API (not its internals).
export * from './api-tokens.ts';
export * from './articles.ts';
export * from './db.ts';
export {
  addReviewerEdit,
  type EditStatus,
  getEdit,
  type ImportedEdit,
  listEdits,
  type StoredEdit,
  type SyncResult,
  setEditAside,
} from './edits.ts';
export * from './errors.ts';
export { type Migration, migrations, schemaVersion } from './migrations.ts';
export * from './password-policy.ts';
export * from './passwords.ts';
export * from './reviewer-accounts.ts';
export { normalizeReviewerName } from './reviewer-names.ts';
export {
  countReviewers,
  createReviewer,
  findReviewerByName,
  getReviewer,
  listReviewers,
  type Reviewer,
  verifyReviewerPassword,
} from './reviewers.ts';
export * from './sessions.ts';
export {
  type BatchOutcome,
  currentVerdicts,
  getVerdict,
  listVerdicts,
  maxHistoryPage,
  recordVerdict,
  recordVerdictBatch,
  reviewerActivity,
  type StoredActivity,
  type StoredVerdict,
  type VerdictDecision,
  type VerdictInput,
  verdictHistory,
} from './verdicts.ts';
