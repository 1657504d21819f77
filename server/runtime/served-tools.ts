import { askCopilotTool } from '../../agents/copilot.ts';
import { decidePendingActionTool } from '../../agents/decide-pending-action.ts';
import { suggestCorrectionsTool } from '../../agents/exception-resolver.ts';
import { runEval } from '../../evals/run-eval.ts';
import { createToolRegistry, TOOLS, type ToolRegistry } from '../../tools/ops/registry.ts';

type AnyTool = (typeof TOOLS)[number];

/**
 * What the server serves over `POST /api/tools/:name` and MCP: every tool of tools/, run_eval from evals/, and
 * the agents' tools from agents/ (they call the tools of tools/, so they cannot live in its registry).
 */
export const SERVED_TOOLS: ToolRegistry = createToolRegistry([
  ...TOOLS,
  runEval as AnyTool,
  askCopilotTool as AnyTool,
  suggestCorrectionsTool as AnyTool,
  decidePendingActionTool as AnyTool,
]);
