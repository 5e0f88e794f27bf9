// PostgreSQL's constraint errors (and text it cannot hold) as the store's error kinds: callers never see a driver error.
import { DatabaseError } from 'pg';
import { ConflictError, NotFoundError, StoreError } from '../errors.ts';

/** The SQLSTATE codes the store maps, by name (PostgreSQL's appendix "Error Codes"). */
export const sqlState = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
  restrictViolation: '23001',
  characterNotInRepertoire: '22021',
} as const;

function describe(error: DatabaseError): string {
  return error.detail ? `${error.message}: ${error.detail}` : error.message;
}

// Which kind each code means for this store:
// - unique: the name, the request id or the edit id is taken (409);
// - foreign key: a reference to a row that does not exist, as in a verdict on an unknown edit (404). The other case,
//   deleting a row still referenced, does not arise: the store marks edits stale and reviewers disabled, it deletes
//   only sessions, links and tokens, which nothing references;
// - check and not null: a value outside the schema's rules (invalid, 400);
// - restrict: the append-only triggers refusing to change a stored verdict (409);
// - character not in repertoire: a NUL character, which SQLite stores and PostgreSQL text cannot hold (400).
function storeErrorFor(error: DatabaseError): StoreError | undefined {
  switch (error.code) {
    case sqlState.uniqueViolation:
    case sqlState.restrictViolation:
      return new ConflictError(describe(error));
    case sqlState.foreignKeyViolation:
      return new NotFoundError(describe(error));
    case sqlState.checkViolation:
    case sqlState.notNullViolation:
      return new StoreError('invalid', describe(error));
    case sqlState.characterNotInRepertoire:
      return new StoreError('invalid', `a text PostgreSQL cannot store: ${describe(error)}`);
    default:
      return undefined;
  }
}

/**
 * The store error a PostgreSQL error stands for, with the driver's error (its `constraint`, `table`, `detail`) as
 * `cause`; any other error is returned as it is.
 */
export function toStoreError(error: unknown): unknown {
  if (!(error instanceof DatabaseError)) return error;
  const mapped = storeErrorFor(error);
  if (!mapped) return error;
  mapped.cause = error;
  return mapped;
}
