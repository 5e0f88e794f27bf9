// The store's public surface in one import: opening a store and each table module's API (not its internals).
export * from './api-tokens.ts';
export * from './article-archive.ts';
export {
  type ArticleFilters,
  type ArticleListPage,
  type ArticleListQuery,
  type ArticleListRow,
  decodeListCursor,
  listArticlePage,
  listPublishers,
} from './article-list.ts';
export type { KeyValues, ListDate, ListOrder, ListOrdering, ListSort } from './article-list-order.ts';
export { loadArticleReview } from './article-review.ts';
export { maxSearchTerms, searchTerms } from './article-search.ts';
export {
  type StoredListedPart,
  type StoredPart,
  storeCheckpoint,
  storedCheckpoint,
  storedListedPage,
  storedPart,
  storedPartsPage,
  storeListed,
  storePart,
} from './article-stats.ts';
export * from './articles.ts';
export * from './bulk-actions.ts';
export type { SyncResult } from './edit-sync.ts';
export {
  addReviewerEdit,
  type EditStatus,
  getEdit,
  type ImportedEdit,
  listEdits,
  type StoredEdit,
  setEditAside,
} from './edits.ts';
export * from './errors.ts';
export { groupKeyPattern } from './group-keys.ts';
export { clearImportKey, importKeys, type StoredImportKey, setFilesKeys, setImportKey } from './import-keys.ts';
export { type NextArticle, nextArticleFor } from './next-article.ts';
export { isPostgresUrl, openStore } from './open-store.ts';
export { keepOutcomes, toVerdictRecord } from './outcomes.ts';
export * from './password-policy.ts';
export * from './passwords.ts';
export * from './recurring.ts';
export { type Retracted, retractVerdict } from './retractions.ts';
export * from './reviewer-accounts.ts';
export * from './reviewer-figures.ts';
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
export { allRevisions, type RevisionRow, type RevisionSignature, revisionsChangedAfter } from './revision-changes.ts';
export * from './sessions.ts';
export { ensureSetting } from './settings.ts';
export type { EngineKind, Sql, SqlParams, SqlValue, Store, Transaction } from './sql.ts';
export { describeWriteFailure } from './sqlite/open.ts';
export * from './team-review.ts';
export * from './text-revisions.ts';
export {
  currentVerdicts,
  listVerdicts,
  maxHistoryPage,
  reviewerActivity,
  type StoredActivity,
  verdictHistory,
} from './verdict-reads.ts';
export {
  type BatchOutcome,
  type Recorded,
  recordVerdict,
  recordVerdictBatch,
  type StoredVerdict,
  type VerdictDecision,
  type VerdictInput,
} from './verdicts.ts';
export {
  type AttemptResult,
  type ClaimedDelivery,
  claimDueDeliveries,
  type DeliveryQuery,
  type DeliveryState,
  listDeliveries,
  recordDeliveryAttempt,
  retryDelivery,
  type WebhookDelivery,
} from './webhook-deliveries.ts';
export type { WebhookBody } from './webhook-outbox.ts';
export * from './webhooks.ts';
