import { Router } from 'express';
import type { ToolContext } from '../../../tools/core/context.ts';
import { invokeTool } from '../../../tools/core/tool.ts';
import { getAuditTrail, verifyAuditTrail } from '../../../tools/ops/audit-trail.ts';
import { callerContext } from '../authenticate.ts';

export function auditRoutes(ctx: ToolContext): Router {
  const router = Router();
  router.get('/api/audit/verify', async (req, res) => {
    res.json(await invokeTool(verifyAuditTrail, {}, callerContext(ctx, req)));
  });
  router.get('/api/audit', async (req, res) => {
    res.json(await invokeTool(getAuditTrail, req.query, callerContext(ctx, req)));
  });
  return router;
}
