import { describe, expect, it } from 'vitest';
import { isSameOrigin, parseCookies } from '../../../server/http/authenticate.ts';
import { createRateLimiter, sessionCookie } from '../../../server/http/routes/session-routes.ts';

describe('parseCookies', () => {
  it.each([
    ['pw_session=abc', 'abc'],
    ['a=1; pw_session=abc; b=2', 'abc'],
    ['a=1;pw_session=abc', 'abc'],
    ['pw_session="abc"', 'abc'],
    ['pw_session=a%2Fb', 'a/b'],
    ['pw_session=%E0%A4%A', '%E0%A4%A'],
    ['pw_session=first; pw_session=second', 'first'],
    ['pw_session_x=abc', undefined],
    ['=abc; pw_session', undefined],
    ['', undefined],
  ])('reads %j', (header, expected) => {
    expect(parseCookies(header).get('pw_session')).toBe(expected);
  });

  it('reads nothing from a missing header', () => {
    expect(parseCookies(undefined).size).toBe(0);
  });
});

describe('isSameOrigin', () => {
  it.each([
    ['GET', 'https://evil.example', 'paperwork.local', true],
    ['POST', undefined, 'paperwork.local', true],
    ['POST', 'http://paperwork.local', 'paperwork.local', true],
    ['POST', 'http://127.0.0.1:3000', '127.0.0.1:3000', true],
    ['POST', 'http://paperwork.local', 'paperwork.local:80', true],
    ['DELETE', 'https://Paperwork.Local', 'paperwork.local', true],
    ['POST', 'https://evil.example', 'paperwork.local', false],
    ['POST', 'http://127.0.0.1:3001', '127.0.0.1:3000', false],
    ['PUT', 'null', 'paperwork.local', false],
    ['PATCH', 'file:///etc/passwd', 'paperwork.local', false],
    ['POST', 'http://paperwork.local', undefined, false],
  ])('%s from %s to %s: %s', (method, origin, host, expected) => {
    expect(isSameOrigin(method, origin, host)).toBe(expected);
  });
});

describe('createRateLimiter', () => {
  it('allows the limit per minute per key, then says when to come back', () => {
    let now = 1_000_000;
    const limiter = createRateLimiter(3, () => now);
    expect([1, 2, 3].map(() => limiter.hit('10.0.0.1').isAllowed)).toEqual([true, true, true]);
    now += 20_000;
    expect(limiter.hit('10.0.0.1')).toEqual({ isAllowed: false, retryAfterSeconds: 40 });
    expect(limiter.hit('10.0.0.2').isAllowed).toBe(true);
    now += 40_000;
    expect(limiter.hit('10.0.0.1').isAllowed).toBe(true);
  });

  it('counts refused attempts against nobody: waiting out the window is enough', () => {
    let now = 0;
    const limiter = createRateLimiter(1, () => now);
    limiter.hit('a');
    for (let i = 0; i < 5; i += 1) {
      now += 10_000;
      expect(limiter.hit('a').isAllowed).toBe(false);
    }
    now = 60_001;
    expect(limiter.hit('a').isAllowed).toBe(true);
  });
});

describe('sessionCookie', () => {
  it('is httpOnly, SameSite=Strict and site-wide, and Secure over https', () => {
    expect(sessionCookie('id1', { isSecure: false })).toBe(
      'pw_session=id1; HttpOnly; SameSite=Strict; Path=/',
    );
    expect(sessionCookie('id1', { isSecure: true })).toBe(
      'pw_session=id1; HttpOnly; SameSite=Strict; Path=/; Secure',
    );
  });

  it('clears with an empty value that expires now', () => {
    expect(sessionCookie('', { isSecure: false, clear: true })).toBe(
      'pw_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0',
    );
  });
});
