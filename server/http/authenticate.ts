import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '../../tools/core/app-error.ts';
import type { ToolContext } from '../../tools/core/context.ts';
import { type Actor, hasRole, type Role } from '../../tools/core/roles.ts';
import { findActorByToken } from '../../tools/storage/api-tokens.ts';
import type { Db } from '../../tools/storage/db.ts';
import { findActorBySession } from '../../tools/storage/sessions-table.ts';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

export const SESSION_COOKIE = 'pw_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `Cookie: a=1; b=2` as a map; the first of a repeated name wins, undecodable values are kept raw. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (!name || cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}

/** The session id the browser sent, if any. */
export function readSessionId(req: Request): string | undefined {
  return parseCookies(req.get('cookie')).get(SESSION_COOKIE) || undefined;
}

/**
 * Whether a cookie-authenticated request may change state: an `Origin` header, when the browser sends one,
 * must name this server. SameSite=Strict already keeps other sites' requests cookie-less; this is the
 * second lock on the same door.
 */
export function isSameOrigin(method: string, origin: string | undefined, host: string | undefined): boolean {
  if (!UNSAFE_METHODS.has(method.toUpperCase()) || origin === undefined) return true;
  if (!host) return false;
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    // Parsed the same way, so `host:80` and `host` agree for http.
    return url.host === new URL(`${url.protocol}//${host}`).host;
  } catch {
    // `Origin: null` (sandboxed frames, some redirects) and garbage are never this server.
    return false;
  }
}

/** Resolves `Authorization: Bearer <token>` or the UI's session cookie to an actor; every /api route needs one. */
export function authenticate(db: Db): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    req.actor = await resolveActor(db, req);
    next();
  };
}

async function resolveActor(db: Db, req: Request): Promise<Actor> {
  const header = req.get('authorization');
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1])
      throw new AppError('UNAUTHENTICATED', 'Send the token as: Authorization: Bearer <token>.');
    const actor = await findActorByToken(db, match[1]);
    if (!actor) throw new AppError('UNAUTHENTICATED', 'The token is unknown or revoked.');
    return actor;
  }
  const sessionId = readSessionId(req);
  if (!sessionId) {
    throw new AppError(
      'UNAUTHENTICATED',
      'Send a token: Authorization: Bearer <token>, or log in to the UI. Create one with `paperwork token create`.',
    );
  }
  const actor = await findActorBySession(db, sessionId);
  if (!actor) throw new AppError('UNAUTHENTICATED', 'The session has ended; log in again.');
  if (!isSameOrigin(req.method, req.get('origin'), req.host)) {
    throw new AppError('FORBIDDEN', 'The request came from another origin.');
  }
  return actor;
}

/** For routes that are not tools (which check their own role): refuse before any work is done. */
export function requireRole(role: Role): RequestHandler {
  return (req, _res, next) => {
    const actor = requireActor(req);
    if (!hasRole(actor.role, role))
      throw new AppError('FORBIDDEN', `This needs the ${role} role; the token has ${actor.role}.`);
    next();
  };
}

export function requireActor(req: Request): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 'Not authenticated.');
  return req.actor;
}

/** The server's context acting as the request's caller: what every route hands to the tool it runs. */
export function callerContext(ctx: ToolContext, req: Request): ToolContext {
  return { ...ctx, actor: requireActor(req) };
}

/** The JSON body as an object, or an empty one: the tool's schema then says what is missing. */
export function jsonBody(req: Request): Record<string, unknown> {
  return req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
}
