// Tests of the role order: admin includes lead, lead includes reviewer, and nobody holds any role.
import { describe, expect, it } from 'vitest';
import { hasRole, isRole, type Role, roles } from '../../src/review/roles.ts';

describe('hasRole', () => {
  it('grants each role what it includes and nothing above it', () => {
    const table = roles.map((held) => roles.map((needed) => hasRole({ role: held }, needed)));
    expect(table).toEqual([
      [true, false, false], // reviewer
      [true, true, false], // lead
      [true, true, true], // admin
    ]);
  });

  it('grants nothing to nobody', () => {
    for (const needed of roles) expect(hasRole(undefined, needed)).toBe(false);
  });
});

describe('isRole', () => {
  it('accepts the three roles exactly as stored, nothing else', () => {
    expect(roles.filter((role: Role) => isRole(role))).toEqual(['reviewer', 'lead', 'admin']);
    for (const value of ['Admin', 'owner', '', ' admin', 1, null, undefined, ['admin']])
      expect(isRole(value)).toBe(false);
  });
});
