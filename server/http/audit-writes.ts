import type { RequestHandler } from 'express';
import { recordWriteAttempt } from '../../tools/storage/audit-log.ts';
import type { Db } from '../../tools/storage/db.ts';
import { requireActor } from './authenticate.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Tool calls arrive as POSTs whether or not the tool writes: the tools route audits the ones that may. */
const TOOL_CALLS = /^\/tools\//;

/**
 * Every write through the API is on the record with the token (or session) that made it, before it runs:
 * even a write that then fails shows who tried.
 */
export function auditWrites(db: Db): RequestHandler {
  return async (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || TOOL_CALLS.test(req.path)) return next();
    await recordWriteAttempt(db, requireActor(req), { method: req.method, path: req.path });
    next();
  };
}
