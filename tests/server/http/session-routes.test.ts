import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../tools/storage/audit-log.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';

const LIMIT = 8;

describe('UI login over HTTP', () => {
  let server: TestServer;
  let reviewerToken: string;

  beforeAll(async () => {
    server = await startTestServer({ LOGIN_ATTEMPTS_PER_MINUTE: String(LIMIT) });
    reviewerToken = await server.tokenFor('reviewer');
  });
  afterAll(() => server?.stop());

  const call = (
    method: string,
    route: string,
    init: { cookie?: string; origin?: string; body?: object } = {},
  ) =>
    fetch(`${server.url}${route}`, {
      method,
      headers: {
        ...(init.cookie && { cookie: init.cookie }),
        ...(init.origin && { origin: init.origin }),
        ...(init.body && { 'content-type': 'application/json' }),
      },
      body: init.body && JSON.stringify(init.body),
    });

  async function logIn(token = reviewerToken): Promise<string> {
    const response = await call('POST', '/api/session', { body: { token } });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^pw_session=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    return setCookie.split(';')[0]!;
  }

  it('logs in with a token and answers API calls with the session cookie alone', async () => {
    const response = await call('POST', '/api/session', { body: { token: reviewerToken } });
    expect(await response.json()).toMatchObject({ actor: { role: 'reviewer' } });
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    const me = await call('GET', '/api/session', { cookie });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { actor: { role: string } }).actor.role).toBe('reviewer');
    expect((await call('GET', '/api/documents', { cookie })).status).toBe(200);
  });

  it('refuses a bad token and a missing one', async () => {
    expect((await call('POST', '/api/session', { body: { token: 'pw_wrong' } })).status).toBe(401);
    const empty = await call('POST', '/api/session', { body: {} });
    expect(empty.status).toBe(401);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    expect((await call('GET', '/api/session')).status).toBe(401);
    expect((await call('GET', '/api/documents', { cookie: 'pw_session=forged' })).status).toBe(401);
  });

  it('refuses a cookie-authenticated change from another origin and allows it from this one', async () => {
    const cookie = await logIn();
    const foreign = await call('POST', '/api/documents', { cookie, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    // The same origin passes authentication and reaches the route, which wants files.
    const same = await call('POST', '/api/documents', { cookie, origin: server.url });
    expect(same.status).toBe(400);
    expect(((await same.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    // A read from anywhere is harmless to the state; SameSite keeps other sites from sending the cookie.
    expect((await call('GET', '/api/documents', { cookie, origin: 'https://evil.example' })).status).toBe(
      200,
    );
  });

  it('logs out: the cookie is cleared, the session row is gone and both are audited', async () => {
    const cookie = await logIn();
    const out = await call('DELETE', '/api/session', { cookie, origin: server.url });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^pw_session=; .*Max-Age=0/);
    expect((await call('GET', '/api/session', { cookie })).status).toBe(401);
    const actions = (await listAudit(server.runtime.ctx.db)).map((e) => e.action);
    expect(actions).toContain('session.login');
    expect(actions).toContain('session.logout');
  });

  it('ends sessions when their token is revoked', async () => {
    const cookie = await logIn();
    await server.runtime.ctx.db.query('UPDATE api_tokens SET revoked_at = now() WHERE role = $1', [
      'reviewer',
    ]);
    expect((await call('GET', '/api/session', { cookie })).status).toBe(401);
  });

  it('limits login attempts per address and says when to retry', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i += 1) {
      const response = await call('POST', '/api/session', { body: { token: 'pw_guess' } });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
  });
});
