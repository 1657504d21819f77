import express, { type Request, type Response, Router } from 'express';
import { AppError } from '../../../tools/core/app-error.ts';
import type { ToolContext } from '../../../tools/core/context.ts';
import type { Actor } from '../../../tools/core/roles.ts';
import { findActorByToken } from '../../../tools/storage/api-tokens.ts';
import { appendAudit } from '../../../tools/storage/audit-log.ts';
import { createSession, deleteSession, findActorBySession } from '../../../tools/storage/sessions-table.ts';
import { authenticate, isSameOrigin, readSessionId, requireActor, SESSION_COOKIE } from '../authenticate.ts';

const WINDOW_MS = 60_000;
// Past this many tracked addresses, the idle ones are dropped so a flood of addresses cannot grow memory.
const MAX_TRACKED_ADDRESSES = 10_000;

export type RateLimiter = {
  /** Counts one attempt; when over the limit, how many seconds until the next one is allowed. */
  hit(key: string): { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };
};

/** A sliding one-minute window per key, in memory: enough for one process guarding its login form. */
export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const attempts = new Map<string, number[]>();
  return {
    hit(key) {
      const at = now();
      if (attempts.size > MAX_TRACKED_ADDRESSES) {
        for (const [k, times] of attempts) if ((times.at(-1) ?? 0) <= at - WINDOW_MS) attempts.delete(k);
      }
      const recent = (attempts.get(key) ?? []).filter((t) => t > at - WINDOW_MS);
      if (recent.length >= perMinute) {
        attempts.set(key, recent);
        const retryAfterMs = recent[0]! + WINDOW_MS - at;
        return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
      }
      recent.push(at);
      attempts.set(key, recent);
      return { isAllowed: true };
    },
  };
}

/** `Set-Cookie` for the session: script cannot read it, other sites cannot send it. */
export function sessionCookie(id: string, options: { isSecure: boolean; clear?: boolean }): string {
  const parts = [`${SESSION_COOKIE}=${options.clear ? '' : id}`, 'HttpOnly', 'SameSite=Strict', 'Path=/'];
  if (options.isSecure) parts.push('Secure');
  if (options.clear) parts.push('Max-Age=0');
  return parts.join('; ');
}

const publicActor = (actor: Actor) => ({ name: actor.name, role: actor.role });

/** UI login: a token in, an httpOnly session cookie out. The only /api route that needs no credentials. */
export function sessionRoutes(ctx: ToolContext): Router {
  const router = Router();
  const limiter = createRateLimiter(ctx.config.LOGIN_ATTEMPTS_PER_MINUTE);

  router.post('/api/session', express.json({ limit: '4kb' }), async (req: Request, res: Response) => {
    const verdict = limiter.hit(req.ip ?? 'unknown');
    if (!verdict.isAllowed) {
      res.set('Retry-After', String(verdict.retryAfterSeconds));
      throw new AppError(
        'RATE_LIMITED',
        `Too many login attempts; try again in ${verdict.retryAfterSeconds} seconds.`,
      );
    }
    const token = (req.body as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.trim() === '')
      throw new AppError('UNAUTHENTICATED', 'Paste an API token to log in.');
    const actor = await findActorByToken(ctx.db, token.trim());
    if (!actor?.tokenId) throw new AppError('UNAUTHENTICATED', 'The token is unknown or revoked.');
    const tokenId = actor.tokenId;
    const session = await ctx.db.transaction(async (tx) => {
      const created = await createSession(tx, { tokenId, hours: ctx.config.SESSION_HOURS });
      await appendAudit(tx, { actor, action: 'session.login', details: { tokenId } });
      return created;
    });
    res.set('Set-Cookie', sessionCookie(session.id, { isSecure: req.secure }));
    res.set('Cache-Control', 'no-store');
    res.json({ actor: publicActor(actor), expiresAt: session.expiresAt.toISOString() });
  });

  router.get('/api/session', authenticate(ctx.db), (req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json({ actor: publicActor(requireActor(req)) });
  });

  // Logging out always succeeds and always clears the cookie, even when the session had already ended.
  router.delete('/api/session', async (req, res) => {
    const sessionId = readSessionId(req);
    if (sessionId) {
      if (!isSameOrigin(req.method, req.get('origin'), req.host))
        throw new AppError('FORBIDDEN', 'The request came from another origin.');
      const actor = await findActorBySession(ctx.db, sessionId);
      await ctx.db.transaction(async (tx) => {
        const isDeleted = await deleteSession(tx, sessionId);
        if (isDeleted && actor)
          await appendAudit(tx, { actor, action: 'session.logout', details: { tokenId: actor.tokenId } });
      });
    }
    res.set('Set-Cookie', sessionCookie('', { isSecure: req.secure, clear: true }));
    res.status(204).end();
  });

  return router;
}
