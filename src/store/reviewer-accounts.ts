// Managing reviewer accounts after their creation: role, disabling and enabling, new passwords. Whatever is done,
// at least one enabled admin remains, so the accounts can always be managed from the web.
import type { Role } from '../review/roles.ts';
import { revokeAllApiTokens } from './api-tokens.ts';
import type { Store } from './db.ts';
import { ConflictError, NotFoundError, StoreError } from './errors.ts';
import { passwordProblem } from './password-policy.ts';
import { generatePassword, hashPassword } from './passwords.ts';
import { getReviewer, type Reviewer } from './reviewers.ts';
import { endReviewerSessions } from './sessions.ts';
import { nowIso, statement } from './statements.ts';

function existing(db: Store, id: number): Reviewer {
  const reviewer = getReviewer(db, id);
  if (!reviewer) throw new NotFoundError(`no reviewer with id ${id}`);
  return reviewer;
}

// Called inside the transaction that would take the admin away, so two admins cannot demote each other at once.
function keepAnAdmin(db: Store, reviewer: Reviewer): void {
  if (reviewer.role !== 'admin' || reviewer.disabledAt !== null) return;
  const others = statement(
    db,
    "SELECT count(*) AS n FROM reviewers WHERE role = 'admin' AND disabled_at IS NULL AND id != :id",
  ).get({ id: reviewer.id }) as { n: number };
  if (others.n === 0) {
    throw new ConflictError(`${reviewer.name} is the last enabled admin: make another reviewer admin first`);
  }
}

/** Gives the reviewer a role; taking admin from the last enabled admin is a ConflictError. */
export function setReviewerRole(db: Store, id: number, role: Role): Reviewer {
  return db.transaction(() => {
    const reviewer = existing(db, id);
    if (role !== 'admin') keepAnAdmin(db, reviewer);
    statement(db, 'UPDATE reviewers SET role = :role WHERE id = :id').run({ role, id });
    return existing(db, id);
  })();
}

/**
 * Disables the reviewer: they can no longer sign in, and their sessions, sign-in links and API tokens end in the
 * same transaction (tokens are deleted, so enabling the account later does not bring them back).
 */
export function disableReviewer(db: Store, id: number): Reviewer {
  return db.transaction(() => {
    const reviewer = existing(db, id);
    keepAnAdmin(db, reviewer);
    if (reviewer.disabledAt === null) {
      statement(db, 'UPDATE reviewers SET disabled_at = :now WHERE id = :id').run({ now: nowIso(), id });
    }
    endReviewerSessions(db, id);
    revokeAllApiTokens(db, id);
    return existing(db, id);
  })();
}

/** Enables a disabled reviewer again (with their old password; no token comes back). */
export function enableReviewer(db: Store, id: number): Reviewer {
  return db.transaction(() => {
    existing(db, id);
    statement(db, 'UPDATE reviewers SET disabled_at = NULL WHERE id = :id').run({ id });
    return existing(db, id);
  })();
}

/**
 * Sets the reviewer's password (the policy applies: a StoreError 'invalid' says why not) and ends their sessions and
 * sign-in links, all but the session `keepSession` (the one changing its own password). API tokens stay.
 */
export async function setReviewerPassword(
  db: Store,
  id: number,
  password: string,
  keepSession?: string,
): Promise<void> {
  const weakness = await passwordProblem(password, existing(db, id).name);
  if (weakness) throw new StoreError('invalid', weakness);
  const passwordHash = await hashPassword(password);
  db.transaction(() => {
    existing(db, id);
    statement(db, 'UPDATE reviewers SET password_hash = :passwordHash WHERE id = :id').run({ passwordHash, id });
    endReviewerSessions(db, id, keepSession);
  })();
}

/** Gives the reviewer a new generated password, ending their sessions; returns it (to be shown once). */
export async function resetReviewerPassword(db: Store, id: number): Promise<string> {
  const password = generatePassword();
  await setReviewerPassword(db, id, password);
  return password;
}
