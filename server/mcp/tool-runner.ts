import type { ToolContext, ToolProgress } from '../../tools/core/context.ts';
import { invokeTool, type Tool } from '../../tools/core/tool.ts';
import { recordWriteAttempt } from '../../tools/storage/audit-log.ts';

/** What one MCP call brings besides its input: the client's cancel signal and a way to report progress. */
export type ToolCall = { signal?: AbortSignal; onProgress?: (progress: ToolProgress) => void };

/** Runs a tool for the MCP surface: in this process (HTTP, in-memory) or on a server (stdio). */
export type ToolRunner = (tool: Tool, input: unknown, call: ToolCall) => Promise<unknown>;

/**
 * Runs tools in this process as the context's actor, through invokeTool (role, then input). A call that may
 * change state is on the audit log with the actor before it runs, as every API write is: a refused or failed
 * attempt still shows who tried.
 */
export function localToolRunner(ctx: ToolContext): ToolRunner {
  return async (tool, input, call) => {
    if (!tool.isReadOnly) await recordWriteAttempt(ctx.db, ctx.actor, { via: 'mcp', tool: tool.name });
    return invokeTool(tool, input, { ...ctx, signal: call.signal, reportProgress: call.onProgress });
  };
}
