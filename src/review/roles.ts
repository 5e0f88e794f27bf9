// Reviewer roles and what each includes: an admin is a lead who also manages accounts; a lead is a reviewer who
// also adjudicates, assigns and approves.

/** Every role, from the least to the most allowed: each includes the ones before it. */
export const roles = ['reviewer', 'lead', 'admin'] as const;

/** What a reviewer account may do. */
export type Role = (typeof roles)[number];

/** True when `value` names a role (exactly, as stored). */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** True when `who` holds `needed` or a role that includes it (admin ⊇ lead ⊇ reviewer); nobody holds nothing. */
export function hasRole(who: { role: Role } | undefined, needed: Role): boolean {
  return who !== undefined && roles.indexOf(who.role) >= roles.indexOf(needed);
}
