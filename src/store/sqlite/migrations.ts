// The schema as an ordered list of migrations, tracked with PRAGMA user_version and run at open.
import type Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';

/** One step of the schema; `version` is the user_version the database has once `sql` has run. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

// Severities are spelled out here rather than read from the taxonomy: a migration is history and must not change
// when the code does. A new severity means a new migration.
const severityCheck = "IN ('neutral', 'minor', 'major', 'critical')";

const initialSchema = `
CREATE TABLE reviewers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  title TEXT, url TEXT, published TEXT, publisher TEXT, author TEXT, source_lang TEXT, target_lang TEXT,
  mt TEXT NOT NULL,
  corrected TEXT,
  corrected_origin TEXT CHECK (corrected_origin IN ('file', 'reviewer')),
  corrected_by INTEGER REFERENCES reviewers(id),
  source TEXT,
  content_hash TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((corrected IS NULL) = (corrected_origin IS NULL))
) STRICT;

CREATE TABLE edits (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  ordinal INTEGER NOT NULL,
  mt_start INTEGER NOT NULL, mt_end INTEGER NOT NULL, mt_text TEXT NOT NULL,
  corrected_start INTEGER NOT NULL, corrected_end INTEGER NOT NULL, corrected_text TEXT NOT NULL,
  paragraph INTEGER NOT NULL,
  context_before TEXT NOT NULL, context_after TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('post-edit', 'reviewer') OR origin GLOB 'check:?*'),
  suggested_category TEXT,
  suggested_severity TEXT CHECK (suggested_severity ${severityCheck}),
  suggested_message TEXT,
  status TEXT NOT NULL DEFAULT 'current' CHECK (status IN ('current', 'stale')),
  created_by INTEGER REFERENCES reviewers(id),
  created_at TEXT NOT NULL,
  CHECK (mt_start <= mt_end AND corrected_start <= corrected_end)
) STRICT;
CREATE INDEX edits_in_order ON edits(article_id, mt_start, ordinal);
CREATE INDEX edits_by_status ON edits(article_id, status);

CREATE TABLE verdicts (
  id INTEGER PRIMARY KEY,
  edit_id TEXT NOT NULL REFERENCES edits(id),
  article_id TEXT NOT NULL REFERENCES articles(id),
  reviewer_id INTEGER NOT NULL REFERENCES reviewers(id),
  decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'amend')),
  category TEXT,
  severity TEXT CHECK (severity ${severityCheck}),
  note TEXT,
  amended_text TEXT,
  client_request_id TEXT,
  created_at TEXT NOT NULL,
  CHECK ((decision = 'amend') = (amended_text IS NOT NULL)),
  UNIQUE (reviewer_id, client_request_id)
) STRICT;
CREATE INDEX verdicts_by_article ON verdicts(article_id, id);
CREATE INDEX verdicts_by_edit ON verdicts(edit_id, id);
CREATE TRIGGER verdicts_no_update BEFORE UPDATE ON verdicts BEGIN SELECT RAISE(ABORT, 'verdicts are append-only'); END;
CREATE TRIGGER verdicts_no_delete BEFORE DELETE ON verdicts BEGIN SELECT RAISE(ABORT, 'verdicts are append-only'); END;

CREATE TABLE current_verdicts (
  edit_id TEXT NOT NULL REFERENCES edits(id),
  reviewer_id INTEGER NOT NULL REFERENCES reviewers(id),
  verdict_id INTEGER NOT NULL REFERENCES verdicts(id),
  article_id TEXT NOT NULL,
  decision TEXT NOT NULL,
  category TEXT,
  severity TEXT,
  PRIMARY KEY (edit_id, reviewer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX current_verdicts_by_article ON current_verdicts(article_id);
CREATE INDEX current_verdicts_by_reviewer ON current_verdicts(reviewer_id);

-- Counts of current verdicts on current edits. A missing category or severity is '' here, because these columns
-- form the primary key, and NULLs in a key would never match each other on upsert.
CREATE TABLE verdict_counts (
  article_id TEXT NOT NULL,
  category TEXT NOT NULL,
  severity TEXT NOT NULL,
  decision TEXT NOT NULL,
  n INTEGER NOT NULL CHECK (n > 0),
  PRIMARY KEY (article_id, category, severity, decision)
) STRICT, WITHOUT ROWID;

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  reviewer_id INTEGER NOT NULL REFERENCES reviewers(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_expiry ON sessions(expires_at);

CREATE TABLE sign_in_links (
  token_hash TEXT PRIMARY KEY,
  reviewer_id INTEGER NOT NULL REFERENCES reviewers(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  reviewer_id INTEGER NOT NULL REFERENCES reviewers(id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT
) STRICT;
`;

// A small table of its own: bumping a column of articles would rewrite the whole row (its texts) on every verdict.
// Triggers keep it, so no write path can forget to; SQLite's triggers do not recurse by default.
const revisions = `
CREATE TABLE article_revisions (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO article_revisions (article_id, revision) SELECT id, 1 FROM articles;
CREATE TRIGGER revision_on_article_insert AFTER INSERT ON articles BEGIN
  INSERT INTO article_revisions (article_id, revision) VALUES (NEW.id, 1);
END;
CREATE TRIGGER revision_on_article_update AFTER UPDATE ON articles BEGIN
  UPDATE article_revisions SET revision = revision + 1 WHERE article_id = NEW.id;
END;
CREATE TRIGGER revision_on_edit_insert AFTER INSERT ON edits BEGIN
  UPDATE article_revisions SET revision = revision + 1 WHERE article_id = NEW.article_id;
END;
CREATE TRIGGER revision_on_edit_update AFTER UPDATE ON edits BEGIN
  UPDATE article_revisions SET revision = revision + 1 WHERE article_id = NEW.article_id;
END;
CREATE TRIGGER revision_on_verdict AFTER INSERT ON verdicts BEGIN
  UPDATE article_revisions SET revision = revision + 1 WHERE article_id = NEW.article_id;
END;
`;

// Roles replace the admin flag. DROP COLUMN (SQLite 3.35+) rewrites the rows in place: the ids stay, so every
// reference to a reviewer stays valid, and no table is dropped, so nothing cascades (a create-copy-drop-rename
// rebuild would need foreign keys off around the transaction). Roles are spelled out as severities are above.
// Sessions get the time they were last used, for the idle limit: existing ones count as idle since they began, and
// a row written without one ('') counts as idle since ever, so forgetting it fails closed.
const rolesAndLimits = `
ALTER TABLE reviewers ADD COLUMN role TEXT NOT NULL DEFAULT 'reviewer' CHECK (role IN ('reviewer', 'lead', 'admin'));
UPDATE reviewers SET role = 'admin' WHERE is_admin = 1;
ALTER TABLE reviewers DROP COLUMN is_admin;
ALTER TABLE reviewers ADD COLUMN disabled_at TEXT;

ALTER TABLE sessions ADD COLUMN last_seen_at TEXT NOT NULL DEFAULT '';
UPDATE sessions SET last_seen_at = created_at;
CREATE INDEX sessions_by_reviewer ON sessions(reviewer_id);
CREATE INDEX sign_in_links_by_reviewer ON sign_in_links(reviewer_id);
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
CREATE INDEX api_tokens_by_reviewer ON api_tokens(reviewer_id);
`;

// Names were unique and looked up through the column's NOCASE collation, which only SQLite has. A key column (the
// NFKC name with ASCII letters lower-cased, written by the code) compares alike on both engines; SQLite's lower()
// folds ASCII only, so it fills the key for existing rows exactly as reviewerNameKey would.
const nameKeys = `
ALTER TABLE reviewers ADD COLUMN name_key TEXT;
UPDATE reviewers SET name_key = lower(name);
CREATE UNIQUE INDEX reviewers_by_name_key ON reviewers(name_key);
`;

// The secret that signs session cookies lived in a file beside the database; in the database, every server on it
// shares one, and a PostgreSQL store (no file) has the same place for it.
const settings = `
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT, WITHOUT ROWID;
`;

// Team review. A verdict is a reviewer's (kind 'verdict') or a lead's final word (kind 'adjudication'); a reviewer's
// undo is a retraction, appended like a verdict. The outcome of each edit (undecided, agreed, disputed, adjudicated)
// and its counts per article are kept by the store with every write (store/outcomes.ts), so lists and filters read
// them instead of every reviewer's verdicts; article_review also holds what a lead sets: blind or open review, and
// the approval that locks the article. An action log keeps who approved, reopened and assigned, and when.
const teamReview = `
ALTER TABLE verdicts ADD COLUMN kind TEXT NOT NULL DEFAULT 'verdict' CHECK (kind IN ('verdict', 'adjudication'));

CREATE TABLE retractions (
  id INTEGER PRIMARY KEY,
  verdict_id INTEGER NOT NULL UNIQUE REFERENCES verdicts(id),
  edit_id TEXT NOT NULL REFERENCES edits(id),
  article_id TEXT NOT NULL REFERENCES articles(id),
  reviewer_id INTEGER NOT NULL REFERENCES reviewers(id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX retractions_by_edit ON retractions(edit_id);
CREATE TRIGGER retractions_no_update BEFORE UPDATE ON retractions BEGIN SELECT RAISE(ABORT, 'retractions are append-only'); END;
CREATE TRIGGER retractions_no_delete BEFORE DELETE ON retractions BEGIN SELECT RAISE(ABORT, 'retractions are append-only'); END;
CREATE TRIGGER revision_on_retraction AFTER INSERT ON retractions BEGIN
  UPDATE article_revisions SET revision = revision + 1 WHERE article_id = NEW.article_id;
END;

CREATE TABLE current_adjudications (
  edit_id TEXT PRIMARY KEY REFERENCES edits(id),
  verdict_id INTEGER NOT NULL REFERENCES verdicts(id),
  article_id TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX current_adjudications_by_article ON current_adjudications(article_id);

CREATE TABLE edit_outcomes (
  edit_id TEXT PRIMARY KEY REFERENCES edits(id),
  article_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('undecided', 'agreed', 'disputed', 'adjudicated'))
) STRICT, WITHOUT ROWID;
CREATE INDEX edit_outcomes_by_article ON edit_outcomes(article_id);

CREATE TABLE article_review (
  article_id TEXT PRIMARY KEY REFERENCES articles(id),
  mode TEXT NOT NULL DEFAULT 'blind' CHECK (mode IN ('blind', 'open')),
  approved_at TEXT,
  approved_by INTEGER REFERENCES reviewers(id),
  edits INTEGER NOT NULL DEFAULT 0,
  undecided INTEGER NOT NULL DEFAULT 0,
  agreed INTEGER NOT NULL DEFAULT 0,
  disputed INTEGER NOT NULL DEFAULT 0,
  adjudicated INTEGER NOT NULL DEFAULT 0,
  CHECK ((approved_at IS NULL) = (approved_by IS NULL)),
  CHECK (edits = undecided + agreed + disputed + adjudicated)
) STRICT, WITHOUT ROWID;
INSERT INTO article_review (article_id) SELECT id FROM articles;
CREATE TRIGGER review_on_article_insert AFTER INSERT ON articles BEGIN
  INSERT INTO article_review (article_id) VALUES (NEW.id);
END;
CREATE TRIGGER revision_on_review_setting AFTER UPDATE OF mode, approved_at ON article_review BEGIN
  UPDATE article_revisions SET revision = revision + 1 WHERE article_id = NEW.article_id;
END;

CREATE TABLE assignments (
  article_id TEXT NOT NULL REFERENCES articles(id),
  reviewer_id INTEGER NOT NULL REFERENCES reviewers(id),
  assigned_by INTEGER NOT NULL REFERENCES reviewers(id),
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (article_id, reviewer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX assignments_by_reviewer ON assignments(reviewer_id);
CREATE TRIGGER revision_on_assignment AFTER INSERT ON assignments BEGIN
  UPDATE article_revisions SET revision = revision + 1 WHERE article_id = NEW.article_id;
END;
CREATE TRIGGER revision_on_unassignment AFTER DELETE ON assignments BEGIN
  UPDATE article_revisions SET revision = revision + 1 WHERE article_id = OLD.article_id;
END;

CREATE TABLE article_events (
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  actor_id INTEGER NOT NULL REFERENCES reviewers(id),
  action TEXT NOT NULL CHECK (action IN ('approved', 'reopened', 'assigned', 'unassigned', 'review-opened',
    'review-blinded')),
  subject_id INTEGER REFERENCES reviewers(id),
  note TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX article_events_by_article ON article_events(article_id, id);
CREATE TRIGGER article_events_no_update BEFORE UPDATE ON article_events BEGIN SELECT RAISE(ABORT, 'article events are append-only'); END;
CREATE TRIGGER article_events_no_delete BEFORE DELETE ON article_events BEGIN SELECT RAISE(ABORT, 'article events are append-only'); END;
`;

// Webhooks out, as a durable outbox: an event is written in the transaction of the change that causes it, with one
// delivery per subscribed hook; dispatchers claim due deliveries with a conditional UPDATE (so two servers never
// send one twice) and record each attempt. webhook_article_status keeps the status last announced per article, so
// a change of status is found by comparing with it, whatever write caused it. Existing articles start from the
// status their kept counts give (as review/article-status.ts computes it).
const webhooks = `
CREATE TABLE webhooks (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  events TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_by INTEGER REFERENCES reviewers(id),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE webhook_events (
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  event TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY,
  delivery_id TEXT NOT NULL UNIQUE,
  hook_id INTEGER NOT NULL REFERENCES webhooks(id),
  event_id INTEGER NOT NULL REFERENCES webhook_events(id),
  state TEXT NOT NULL CHECK (state IN ('pending', 'delivering', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  claim_token TEXT,
  response_status INTEGER,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE state IN ('pending', 'delivering');
CREATE INDEX webhook_deliveries_by_hook ON webhook_deliveries(hook_id, id);

CREATE TABLE webhook_article_status (
  article_id TEXT PRIMARY KEY REFERENCES articles(id),
  status TEXT NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO webhook_article_status (article_id, status)
  SELECT article_id, CASE WHEN approved_at IS NOT NULL THEN 'approved' WHEN agreed + adjudicated = edits THEN 'reviewed'
    WHEN undecided = edits THEN 'new' ELSE 'in review' END FROM article_review;
`;

// What an article's files looked like when its import key was computed (inode, size, times; see
// src/corpus/file-facts.ts) and the names context it was computed with: a restart that finds both the same skips
// the article without reading its files.
const filesKeys = `
ALTER TABLE import_keys ADD COLUMN files_key TEXT;
ALTER TABLE import_keys ADD COLUMN context_key TEXT;
`;

// Bulk review. Identical corrections (and a check's identical suggestions) share a group key, written with the edit
// (store/group-keys.ts; rows from before are filled in at open), indexed so that groups are counted from the index.
// A bulk action keeps the verdicts it recorded, so that its undo retracts exactly those.
const bulkReview = `
ALTER TABLE edits ADD COLUMN group_key TEXT;
CREATE INDEX edits_by_group ON edits(group_key, status, article_id);

CREATE TABLE bulk_actions (
  id INTEGER PRIMARY KEY,
  reviewer_id INTEGER NOT NULL REFERENCES reviewers(id),
  label TEXT NOT NULL,
  group_key TEXT,
  decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject')),
  created_at TEXT NOT NULL,
  undone_at TEXT
) STRICT;
CREATE INDEX bulk_actions_by_reviewer ON bulk_actions(reviewer_id, id);

CREATE TABLE bulk_action_verdicts (
  action_id INTEGER NOT NULL REFERENCES bulk_actions(id),
  verdict_id INTEGER NOT NULL UNIQUE REFERENCES verdicts(id),
  edit_id TEXT NOT NULL REFERENCES edits(id),
  PRIMARY KEY (action_id, verdict_id)
) STRICT, WITHOUT ROWID;
`;

// Text revisions: every import that changed an article (from a folder, the API, an upload, a JSONL file) appends
// one row: when, how and by whom, the content hash, the sizes and what happened to the edits, so the history of an
// article's text can be listed and the review page can say that the text changed under given verdicts. Existing
// articles get their first revision from what is stored. Sizes are UTF-8 bytes, measured alike on both engines.
const textRevisions = `
CREATE TABLE text_revisions (
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  number INTEGER NOT NULL CHECK (number >= 1),
  via TEXT NOT NULL CHECK (via IN ('corpus', 'api', 'upload', 'browser', 'jsonl')),
  reviewer_id INTEGER REFERENCES reviewers(id),
  content_hash TEXT NOT NULL,
  mt_bytes INTEGER NOT NULL,
  corrected_bytes INTEGER,
  source_bytes INTEGER,
  added INTEGER NOT NULL DEFAULT 0,
  staled INTEGER NOT NULL DEFAULT 0,
  revived INTEGER NOT NULL DEFAULT 0,
  reviewed_staled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (article_id, number)
) STRICT;
INSERT INTO text_revisions (article_id, number, via, content_hash, mt_bytes, corrected_bytes, source_bytes, created_at)
  SELECT id, 1, 'corpus', content_hash, length(CAST(mt AS BLOB)), length(CAST(corrected AS BLOB)),
    length(CAST(source AS BLOB)), imported_at FROM articles;
CREATE TRIGGER text_revisions_no_update BEFORE UPDATE ON text_revisions BEGIN SELECT RAISE(ABORT, 'text revisions are append-only'); END;
CREATE TRIGGER text_revisions_no_delete BEFORE DELETE ON text_revisions BEGIN SELECT RAISE(ABORT, 'text revisions are append-only'); END;
`;

// Derived data kept so that a restart recomputes nothing unchanged: the key an article was last imported under
// (its files' hash and the engine version), and its statistics part at the revision it was computed for.
const derived = `
CREATE TABLE import_keys (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  import_key TEXT NOT NULL,
  names_key TEXT NOT NULL,
  names TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE article_stats (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  part TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`;

// The article list at scale. Archiving hides an article from the lists and the statistics without deleting anything:
// archived_at says since when (archived_by who, NULL from the command line). Search runs on an FTS5 index of each
// article's title and the first 200,000 characters of its MT (the PostgreSQL index covers the same, so both engines
// find the same articles and a huge text cannot overflow a tsvector there), kept in step by triggers. An FTS row
// needs an integer key that never changes, and an article's implicit rowid may change on VACUUM: article_search_keys
// gives each article one. Diacritics are kept (remove_diacritics 0), as PostgreSQL's 'simple' configuration does.
const articleList = `
ALTER TABLE articles ADD COLUMN archived_at TEXT;
ALTER TABLE articles ADD COLUMN archived_by INTEGER REFERENCES reviewers(id);
CREATE INDEX articles_by_publisher ON articles(publisher);

CREATE TABLE article_search_keys (
  key INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL UNIQUE REFERENCES articles(id)
) STRICT;
CREATE VIRTUAL TABLE article_search USING fts5(title, body, content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 0');
INSERT INTO article_search_keys (article_id) SELECT id FROM articles ORDER BY id;
INSERT INTO article_search (rowid, title, body)
  SELECT k.key, coalesce(a.title, ''), substr(a.mt, 1, 200000) FROM article_search_keys k JOIN articles a ON a.id = k.article_id;
CREATE TRIGGER search_on_article_insert AFTER INSERT ON articles BEGIN
  INSERT INTO article_search_keys (article_id) VALUES (NEW.id);
  INSERT INTO article_search (rowid, title, body)
    VALUES ((SELECT key FROM article_search_keys WHERE article_id = NEW.id), coalesce(NEW.title, ''), substr(NEW.mt, 1, 200000));
END;
CREATE TRIGGER search_on_article_update AFTER UPDATE OF title, mt ON articles
  WHEN OLD.title IS NOT NEW.title OR OLD.mt IS NOT NEW.mt BEGIN
  DELETE FROM article_search WHERE rowid = (SELECT key FROM article_search_keys WHERE article_id = NEW.id);
  INSERT INTO article_search (rowid, title, body)
    VALUES ((SELECT key FROM article_search_keys WHERE article_id = NEW.id), coalesce(NEW.title, ''), substr(NEW.mt, 1, 200000));
END;
`;

// Which articles changed since a moment, without reading every article's revision: each change of a revision also
// sets the row's `changed` to one more than any before (indexed), so the statistics read only what moved since they
// last looked. Rows from before keep 0 (a process reads every revision once at start anyway).
const revisionChanges = `
ALTER TABLE article_revisions ADD COLUMN changed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX article_revisions_by_change ON article_revisions (changed);
CREATE TRIGGER change_on_revision_insert AFTER INSERT ON article_revisions BEGIN
  UPDATE article_revisions SET changed = (SELECT max(changed) FROM article_revisions) + 1
  WHERE article_id = NEW.article_id;
END;
CREATE TRIGGER change_on_revision_update AFTER UPDATE OF revision ON article_revisions BEGIN
  UPDATE article_revisions SET changed = (SELECT max(changed) FROM article_revisions) + 1
  WHERE article_id = NEW.article_id;
END;
`;

// A quick start of the statistics: each part's listed numbers apart (read without parsing the whole part), and one
// checkpoint of the totals of a bounded size, valid while every part it counts is stored at its revision. The table
// is rebuilt to hold the listed numbers before the part: a row's tail spills into overflow pages, and a column after
// the part would be read through all of them. For the same reason the statistics read whether each article is archived
// from an index, not from the article's row behind its texts.
const statsCheckpoint = `
CREATE TABLE article_stats_next (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  listed TEXT,
  part TEXT NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO article_stats_next (article_id, revision, part) SELECT article_id, revision, part FROM article_stats;
DROP TABLE article_stats;
ALTER TABLE article_stats_next RENAME TO article_stats;
CREATE INDEX articles_archived ON articles (id, archived_at);
CREATE TABLE stats_checkpoint (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL,
  body TEXT NOT NULL
) STRICT;
`;

// Version 18: each reviewer's activity on an article (the counts beside their name on the review page, and the spans of
// the per-reviewer statistics), kept by a trigger on every verdict and adjudication instead of counted from the whole
// history on each read: a review page then costs the same however many verdicts the article has had. Decisions, edits
// and times count verdicts only (first_at and last_at are NULL for a lead who only adjudicated there); reviewer_edits
// holds which edits a reviewer ever decided (their number is the activity's `edits`), bounded by the article's edits.
const reviewerActivity = `
CREATE TABLE reviewer_activity (
  article_id TEXT NOT NULL REFERENCES articles(id),
  reviewer_id INTEGER NOT NULL REFERENCES reviewers(id),
  verdicts INTEGER NOT NULL,
  accept INTEGER NOT NULL,
  reject INTEGER NOT NULL,
  amend INTEGER NOT NULL,
  adjudications INTEGER NOT NULL,
  first_at TEXT,
  last_at TEXT,
  PRIMARY KEY (article_id, reviewer_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE reviewer_edits (
  article_id TEXT NOT NULL REFERENCES articles(id),
  reviewer_id INTEGER NOT NULL REFERENCES reviewers(id),
  edit_id TEXT NOT NULL REFERENCES edits(id),
  PRIMARY KEY (article_id, reviewer_id, edit_id)
) STRICT, WITHOUT ROWID;
INSERT INTO reviewer_activity
  (article_id, reviewer_id, verdicts, accept, reject, amend, adjudications, first_at, last_at)
  SELECT article_id, reviewer_id, sum(kind = 'verdict'), sum(kind = 'verdict' AND decision = 'accept'),
    sum(kind = 'verdict' AND decision = 'reject'), sum(kind = 'verdict' AND decision = 'amend'),
    sum(kind = 'adjudication'), min(CASE WHEN kind = 'verdict' THEN created_at END),
    max(CASE WHEN kind = 'verdict' THEN created_at END)
  FROM verdicts GROUP BY article_id, reviewer_id;
INSERT INTO reviewer_edits (article_id, reviewer_id, edit_id)
  SELECT DISTINCT article_id, reviewer_id, edit_id FROM verdicts WHERE kind = 'verdict';
CREATE TRIGGER verdicts_counted_in_activity AFTER INSERT ON verdicts BEGIN
  INSERT INTO reviewer_activity
    (article_id, reviewer_id, verdicts, accept, reject, amend, adjudications, first_at, last_at)
  VALUES (NEW.article_id, NEW.reviewer_id, NEW.kind = 'verdict', NEW.kind = 'verdict' AND NEW.decision = 'accept',
    NEW.kind = 'verdict' AND NEW.decision = 'reject', NEW.kind = 'verdict' AND NEW.decision = 'amend',
    NEW.kind = 'adjudication', CASE WHEN NEW.kind = 'verdict' THEN NEW.created_at END,
    CASE WHEN NEW.kind = 'verdict' THEN NEW.created_at END)
  -- SQLite's min() and max() of several values are NULL when one is: the one that is not stands.
  ON CONFLICT (article_id, reviewer_id) DO UPDATE SET verdicts = verdicts + excluded.verdicts,
    accept = accept + excluded.accept, reject = reject + excluded.reject, amend = amend + excluded.amend,
    adjudications = adjudications + excluded.adjudications,
    first_at = coalesce(min(first_at, excluded.first_at), first_at, excluded.first_at),
    last_at = coalesce(max(last_at, excluded.last_at), last_at, excluded.last_at);
  INSERT INTO reviewer_edits (article_id, reviewer_id, edit_id)
    SELECT NEW.article_id, NEW.reviewer_id, NEW.edit_id WHERE NEW.kind = 'verdict'
  ON CONFLICT DO NOTHING;
END;
`;

/** Every migration, oldest first; append only, never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  { version: 1, description: 'articles, edits, verdicts, reviewers, sessions, api tokens', sql: initialSchema },
  {
    version: 2,
    description: 'edits.check_id: the check that explains a post-edit edit, for per-check precision',
    sql: 'ALTER TABLE edits ADD COLUMN check_id TEXT;',
  },
  { version: 3, description: 'article_revisions: a counter per article that any change bumps', sql: revisions },
  // The statistics became sums of per-article parts kept against article_revisions; nothing reads these counts.
  {
    version: 4,
    description: 'drop verdict_counts (superseded by per-article statistics)',
    sql: 'DROP TABLE verdict_counts;',
  },
  {
    version: 5,
    description:
      'reviewers.role (reviewer, lead, admin) replaces is_admin; disabled_at; session idle time; token expiry',
    sql: rolesAndLimits,
  },
  { version: 6, description: 'reviewers.name_key: names unique and looked up alike on every engine', sql: nameKeys },
  {
    version: 7,
    description: 'settings: values every server on the database shares (the session secret)',
    sql: settings,
  },
  {
    version: 8,
    description: 'team review: adjudications, retractions, edit outcomes, article review state, assignments, events',
    sql: teamReview,
  },
  {
    version: 9,
    description: 'import_keys and article_stats: what a restart needs to recompute nothing unchanged',
    sql: derived,
  },
  {
    version: 10,
    description: "text_revisions: every change of an article's texts, when, how, by whom, and its effect on edits",
    sql: textRevisions,
  },
  {
    version: 11,
    description: 'the article list: archived articles, a publisher index, full-text search of titles and texts (FTS5)',
    sql: articleList,
  },
  {
    version: 13,
    description: 'bulk review: edits.group_key (indexed), bulk actions and the verdicts each recorded',
    sql: bulkReview,
  },
  {
    version: 14,
    description: 'webhooks: hooks, an outbox of article events, deliveries with their attempts, announced statuses',
    sql: webhooks,
  },
  {
    version: 15,
    description: 'import_keys.files_key: a restart skips unchanged articles by their file facts, without reading them',
    sql: filesKeys,
  },
  {
    version: 16,
    description: 'article_revisions.changed (indexed): which articles changed since a moment, read without a scan',
    sql: revisionChanges,
  },
  {
    version: 17,
    description: 'article_stats.listed and stats_checkpoint: statistics read at start without parsing every part',
    sql: statsCheckpoint,
  },
  {
    version: 18,
    description:
      "reviewer_activity and reviewer_edits: a reviewer's counts on an article kept by a trigger, not counted",
    sql: reviewerActivity,
  },
];

/** The schema version this code writes. */
export const schemaVersion = migrations.at(-1)?.version ?? 0;

/** Brings `db` up to `schemaVersion` in one transaction; a database already there is left untouched. */
export function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > schemaVersion) {
    throw new StoreError(
      'too-new',
      `${file}: the database has schema version ${current}, newer than this mt-review knows (${schemaVersion}); ` +
        'upgrade mt-review to open it',
    );
  }
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return;
  // All pending steps in one transaction: a crash halfway leaves the old schema and the old user_version, never a mix.
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}
