import { Router } from 'express';
import type { ToolContext } from '../../../tools/core/context.ts';
import { invokeTool } from '../../../tools/core/tool.ts';
import { retryExport } from '../../../tools/ops/retry-export.ts';
import { callerContext } from '../authenticate.ts';

/** `POST /api/documents/:id/export`: export an approved document again after a failed delivery (202). */
export function exportRoutes(ctx: ToolContext): Router {
  const router = Router();
  router.post('/api/documents/:id/export', async (req, res) => {
    const result = await invokeTool(retryExport, { id: req.params.id }, callerContext(ctx, req));
    res.status(202).json(result);
  });
  return router;
}
