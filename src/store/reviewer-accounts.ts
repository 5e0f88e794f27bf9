// Managing reviewer accounts after their creation: role, disabling and enabling, new passwords. Whatever is done,
// at least one enabled admin remains, so the accounts can always be managed from the web.
import type { Role } from '../review/roles.ts';
import { revokeAllApiTokens } from './api-tokens.ts';
import { ConflictError, NotFoundError, StoreError } from './errors.ts';
import { passwordProblem } from './password-policy.ts';
import { generatePassword, hashPassword } from './passwords.ts';
import { getReviewer, type Reviewer } from './reviewers.ts';
import { endReviewerSessions } from './sessions.ts';
import type { Sql, Store } from './sql.ts';
import { nowIso } from './values.ts';

async function existing(db: Sql, id: number): Promise<Reviewer> {
  const reviewer = await getReviewer(db, id);
  if (!reviewer) throw new NotFoundError(`no reviewer with id ${id}`);
  return reviewer;
}

// Called inside the transaction that would take the admin away, so two admins cannot demote each other at once.
async function keepAnAdmin(tx: Sql, reviewer: Reviewer): Promise<void> {
  if (reviewer.role !== 'admin' || reviewer.disabledAt !== null) return;
  const others = await tx.get<{ n: number }>(
    "SELECT count(*) AS n FROM reviewers WHERE role = 'admin' AND disabled_at IS NULL AND id <> :id",
    { id: reviewer.id },
  );
  if (others?.n === 0) {
    throw new ConflictError(`${reviewer.name} is the last enabled admin: make another reviewer admin first`);
  }
}

/** Gives the reviewer a role; taking admin from the last enabled admin is a ConflictError. */
export function setReviewerRole(store: Store, id: number, role: Role): Promise<Reviewer> {
  return store.transaction(async (tx) => {
    const reviewer = await existing(tx, id);
    if (role !== 'admin') await keepAnAdmin(tx, reviewer);
    await tx.run('UPDATE reviewers SET role = :role WHERE id = :id', { role, id });
    return existing(tx, id);
  });
}

/**
 * Disables the reviewer: they can no longer sign in, and their sessions, sign-in links and API tokens end in the
 * same transaction (tokens are deleted, so enabling the account later does not bring them back).
 */
export function disableReviewer(store: Store, id: number): Promise<Reviewer> {
  return store.transaction(async (tx) => {
    const reviewer = await existing(tx, id);
    await keepAnAdmin(tx, reviewer);
    if (reviewer.disabledAt === null) {
      await tx.run('UPDATE reviewers SET disabled_at = :now WHERE id = :id', { now: nowIso(), id });
    }
    await endReviewerSessions(tx, id);
    await revokeAllApiTokens(tx, id);
    return existing(tx, id);
  });
}

/** Enables a disabled reviewer again (with their old password; no token comes back). */
export function enableReviewer(store: Store, id: number): Promise<Reviewer> {
  return store.transaction(async (tx) => {
    await existing(tx, id);
    await tx.run('UPDATE reviewers SET disabled_at = NULL WHERE id = :id', { id });
    return existing(tx, id);
  });
}

/**
 * Sets the reviewer's password (the policy applies: a StoreError 'invalid' says why not) and ends their sessions and
 * sign-in links, all but the session `keepSession` (the one changing its own password). API tokens stay.
 */
export async function setReviewerPassword(
  store: Store,
  id: number,
  password: string,
  keepSession?: string,
): Promise<void> {
  const weakness = await passwordProblem(password, (await existing(store, id)).name);
  if (weakness) throw new StoreError('invalid', weakness);
  const passwordHash = await hashPassword(password);
  await store.transaction(async (tx) => {
    await existing(tx, id);
    await tx.run('UPDATE reviewers SET password_hash = :passwordHash WHERE id = :id', { passwordHash, id });
    await endReviewerSessions(tx, id, keepSession);
  });
}

/** Gives the reviewer a new generated password, ending their sessions; returns it (to be shown once). */
export async function resetReviewerPassword(store: Store, id: number): Promise<string> {
  const password = generatePassword();
  await setReviewerPassword(store, id, password);
  return password;
}
