import { runEval } from '../../evals/run-eval.ts';
import { createToolRegistry, TOOLS, type ToolRegistry } from '../../tools/ops/registry.ts';

/** What the server serves over `POST /api/tools/:name` and MCP: every tool of tools/, and run_eval from evals/. */
export const SERVED_TOOLS: ToolRegistry = createToolRegistry([...TOOLS, runEval as (typeof TOOLS)[number]]);
