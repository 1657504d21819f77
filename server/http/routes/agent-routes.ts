import { Router } from 'express';
import { askCopilotTool } from '../../../agents/copilot.ts';
import { decidePendingActionTool } from '../../../agents/decide-pending-action.ts';
import { suggestCorrectionsTool } from '../../../agents/exception-resolver.ts';
import type { ToolContext } from '../../../tools/core/context.ts';
import { invokeTool } from '../../../tools/core/tool.ts';
import { decideSuggestionTool } from '../../../tools/ops/decide-suggestion.ts';
import { getAgentRun } from '../../../tools/ops/get-agent-run.ts';
import { listPendingActionsTool } from '../../../tools/ops/list-pending-actions.ts';
import { callerContext, jsonBody } from '../authenticate.ts';

/** The agents over HTTP: the copilot, the pending actions it proposes, and the resolver's suggestions. */
export function agentRoutes(ctx: ToolContext): Router {
  const router = Router();

  router.post('/api/agent', async (req, res) => {
    res.json(await invokeTool(askCopilotTool, { question: jsonBody(req).question }, callerContext(ctx, req)));
  });
  router.get('/api/agent/runs/:id', async (req, res) => {
    res.json(await invokeTool(getAgentRun, { id: req.params.id }, callerContext(ctx, req)));
  });
  router.get('/api/actions', async (req, res) => {
    res.json(await invokeTool(listPendingActionsTool, req.query, callerContext(ctx, req)));
  });
  for (const decision of ['approve', 'dismiss'] as const) {
    router.post(`/api/actions/:id/${decision}`, async (req, res) => {
      res.json(
        await invokeTool(decidePendingActionTool, { id: req.params.id, decision }, callerContext(ctx, req)),
      );
    });
  }
  router.post('/api/review/:id/suggest', async (req, res) => {
    res.json(await invokeTool(suggestCorrectionsTool, { id: req.params.id }, callerContext(ctx, req)));
  });
  for (const decision of ['accept', 'dismiss'] as const) {
    router.post(`/api/suggestions/:id/${decision}`, async (req, res) => {
      res.json(
        await invokeTool(decideSuggestionTool, { id: req.params.id, decision }, callerContext(ctx, req)),
      );
    });
  }
  return router;
}
