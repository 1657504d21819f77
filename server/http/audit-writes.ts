import type { RequestHandler } from 'express';
import { appendAudit } from '../../tools/storage/audit-log.ts';
import type { Db } from '../../tools/storage/db.ts';
import { requireActor } from './authenticate.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every write through the API is on the record with the token (or session) that made it, before it runs:
 * even a write that then fails shows who tried.
 */
export function auditWrites(db: Db): RequestHandler {
  return async (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const actor = requireActor(req);
    await db.transaction((tx) =>
      appendAudit(tx, {
        actor,
        action: 'token.write',
        details: { method: req.method, path: req.path, ...(actor.tokenId && { tokenId: actor.tokenId }) },
      }),
    );
    next();
  };
}
