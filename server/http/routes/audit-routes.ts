import { Router } from 'express';
import type { ToolContext } from '../../../tools/core/context.ts';
import { invokeTool } from '../../../tools/core/tool.ts';
import { getAuditTrail, verifyAuditTrail } from '../../../tools/ops/audit-trail.ts';
import { requireActor } from '../authenticate.ts';

export function auditRoutes(ctx: ToolContext): Router {
  const router = Router();
  router.get('/api/audit/verify', async (req, res) => {
    res.json(await invokeTool(verifyAuditTrail, {}, { ...ctx, actor: requireActor(req) }));
  });
  router.get('/api/audit', async (req, res) => {
    res.json(await invokeTool(getAuditTrail, req.query, { ...ctx, actor: requireActor(req) }));
  });
  return router;
}
