import { Router } from 'express';
import type { ToolContext } from '../../../tools/core/context.ts';
import { invokeTool } from '../../../tools/core/tool.ts';
import { listReviewQueue } from '../../../tools/ops/list-review-queue.ts';
import { resolveReview } from '../../../tools/ops/resolve-review.ts';
import { claimReview, releaseReview } from '../../../tools/ops/review-lease.ts';
import { callerContext, jsonBody } from '../authenticate.ts';

/** The review queue over HTTP; each route is one tool, which checks the role and the input. */
export function reviewRoutes(ctx: ToolContext): Router {
  const router = Router();

  router.get('/api/review', async (req, res) => {
    res.json(await invokeTool(listReviewQueue, req.query, callerContext(ctx, req)));
  });
  router.post('/api/review/:id/claim', async (req, res) => {
    res.json(await invokeTool(claimReview, { id: req.params.id }, callerContext(ctx, req)));
  });
  router.post('/api/review/:id/release', async (req, res) => {
    res.json(await invokeTool(releaseReview, { id: req.params.id }, callerContext(ctx, req)));
  });
  router.post('/api/review/:id/approve', async (req, res) => {
    const { corrections, reason } = jsonBody(req);
    const input = { id: req.params.id, decision: 'approve', corrections, reason };
    res.json(await invokeTool(resolveReview, input, callerContext(ctx, req)));
  });
  router.post('/api/review/:id/reject', async (req, res) => {
    const input = { id: req.params.id, decision: 'reject', reason: jsonBody(req).reason };
    res.json(await invokeTool(resolveReview, input, callerContext(ctx, req)));
  });
  return router;
}
