// The errors the store throws on purpose: each carries a kind the layers above map to a response.

/** What went wrong, independent of HTTP or the CLI: callers map kinds to status codes or exit codes. */
export type StoreErrorKind = 'not-found' | 'conflict' | 'invalid' | 'unreadable' | 'unwritable' | 'too-new';

/** A problem the store recognised and can describe; anything else escaping the store is a bug. */
export class StoreError extends Error {
  readonly kind: StoreErrorKind;

  constructor(kind: StoreErrorKind, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreError';
    this.kind = kind;
  }
}

/** A record that was asked for by id does not exist (an unknown article, edit or reviewer). */
export class NotFoundError extends StoreError {
  constructor(message: string) {
    super('not-found', message);
    this.name = 'NotFoundError';
  }
}

/** The request clashes with what is stored: a taken name, an edit id already used, a text owned by a file. */
export class ConflictError extends StoreError {
  constructor(message: string) {
    super('conflict', message);
    this.name = 'ConflictError';
  }
}
