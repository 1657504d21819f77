import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../tools/core/roles.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';

/** Every API route with the least role that may use it. */
const ROUTES: Array<{ method: string; route: string; role: Role; body?: object }> = [
  { method: 'GET', route: '/api/documents', role: 'viewer' },
  { method: 'GET', route: '/api/documents/:id', role: 'viewer' },
  { method: 'GET', route: '/api/documents/:id/file', role: 'viewer' },
  { method: 'GET', route: '/api/documents/:id/pages/1.png', role: 'viewer' },
  { method: 'POST', route: '/api/documents', role: 'clerk' },
  { method: 'POST', route: '/api/documents/:id/export', role: 'approver' },
  { method: 'GET', route: '/api/review', role: 'viewer' },
  { method: 'POST', route: '/api/review/:id/claim', role: 'reviewer' },
  { method: 'POST', route: '/api/review/:id/release', role: 'reviewer' },
  { method: 'POST', route: '/api/review/:id/approve', role: 'reviewer', body: {} },
  { method: 'POST', route: '/api/review/:id/reject', role: 'reviewer', body: { reason: 'no' } },
  { method: 'GET', route: '/api/audit', role: 'reviewer' },
  { method: 'GET', route: '/api/audit/verify', role: 'approver' },
  { method: 'GET', route: '/api/vendors', role: 'viewer' },
  { method: 'POST', route: '/api/vendors/import', role: 'admin', body: { csv: 'name\n' } },
];

describe('roles on every route', () => {
  let server: TestServer;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    server = await startTestServer();
    for (const role of ROLES) tokens[role] = await server.tokenFor(role);
  });
  afterAll(() => server?.stop());

  const cases = ROUTES.flatMap((route) => ROLES.map((role) => ({ ...route, as: role })));
  it.each(cases)('$method $route as $as', async ({ method, route, role, as, body }) => {
    // An id that exists nowhere: a permitted role gets past authorization to a 404 or 400, never a 403.
    const path = route.replace(':id', randomUUID());
    const response = await server.api(method, path, { token: tokens[as], body });
    const allowed = ROLES.indexOf(as) >= ROLES.indexOf(role);
    if (allowed) expect([200, 202, 400, 404]).toContain(response.status);
    else expect(response.status).toBe(403);
  });

  it('refuses every route without a token', async () => {
    for (const { method, route, body } of ROUTES) {
      const response = await server.api(method, route.replace(':id', randomUUID()), { token: null, body });
      expect(response.status, `${method} ${route}`).toBe(401);
    }
  });
});
