import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '../../tools/core/app-error.ts';
import { type Actor, hasRole, type Role } from '../../tools/core/roles.ts';
import { findActorByToken } from '../../tools/storage/api-tokens.ts';
import type { Db } from '../../tools/storage/db.ts';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

/** Resolves `Authorization: Bearer <token>` to an actor; every /api route needs one. */
export function authenticate(db: Db): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      throw new AppError(
        'UNAUTHENTICATED',
        'Send a token: Authorization: Bearer <token>. Create one with `paperwork token create`.',
      );
    }
    const actor = await findActorByToken(db, match[1]);
    if (!actor) throw new AppError('UNAUTHENTICATED', 'The token is unknown or revoked.');
    req.actor = actor;
    next();
  };
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
