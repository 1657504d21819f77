/** Roles in order of power: each can do everything the ones before it can. */
export const ROLES = ['viewer', 'clerk', 'reviewer', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function hasRole(actual: Role, needed: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(needed);
}

/** Who is acting: a token's owner, the system itself, or a CLI user on the machine. */
export type Actor = { kind: 'token' | 'system' | 'local'; name: string; role: Role; tokenId?: string };

export const SYSTEM_ACTOR: Actor = { kind: 'system', name: 'system', role: 'admin' };
