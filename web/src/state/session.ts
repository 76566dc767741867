// Who is signed in and what their role allows.
import type { Me, Role } from '../api/types';

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2, owner: 3 };

export function atLeast(role: Role | undefined, needed: Role): boolean {
  return role !== undefined && RANK[role] >= RANK[needed];
}

export function roleOf(me: Me | null): Role | undefined {
  return me?.organization?.role;
}

/** Upload workbooks, run and cancel simulations. */
export function canAnalyze(me: Me | null): boolean {
  return atLeast(roleOf(me), 'analyst');
}

/** Invite, change roles, see everyone's API keys. */
export function canAdminister(me: Me | null): boolean {
  return atLeast(roleOf(me), 'admin');
}

/** The roles an admin may give: ownership only by an owner. */
export function assignableRoles(me: Me | null): Role[] {
  return roleOf(me) === 'owner' ? ['viewer', 'analyst', 'admin', 'owner'] : ['viewer', 'analyst', 'admin'];
}

export function displayName(me: Me): string {
  return me.name?.trim() || me.email;
}

export function initials(me: Me): string {
  const name = displayName(me);
  const words = name.split(/[\s@.]+/).filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words[1]?.[0] ?? '')).toUpperCase() || '?';
}
