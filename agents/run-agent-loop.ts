import type {
  ContentBlockParam,
  Message,
  MessageParam,
  ToolResultBlockParam,
  ToolUseBlock,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type { ClaudeClient } from '../tools/claude/claude-client.ts';
import { toClaudeAppError } from '../tools/claude/claude-error.ts';
import { addUsage, type LlmUsage, usageOf } from '../tools/claude/llm-usage.ts';
import { toAppError } from '../tools/core/app-error.ts';
import type { ToolContext } from '../tools/core/context.ts';
import { invokeTool, type Tool } from '../tools/core/tool.ts';
import { insertLlmUsage } from '../tools/storage/llm-usage-table.ts';
import { toApiTool, wrapToolResult } from './agent-tool-schema.ts';

export const AGENT_STOP_REASONS = ['answered', 'max_turns', 'token_budget', 'timeout', 'refused'] as const;
export type AgentStopReason = (typeof AGENT_STOP_REASONS)[number];

export type AgentLimits = {
  /** Model calls at most; the loop stops after this many even if the model wants more tools. */
  maxTurns: number;
  /** Input and output tokens of all calls together; the loop stops once they are spent. */
  tokenBudget: number;
  /** Wall time of the whole run, model calls and tools together. */
  timeoutMs: number;
  /** Output tokens one call may produce. */
  maxTokensPerTurn: number;
};

export const DEFAULT_AGENT_LIMITS: AgentLimits = {
  maxTurns: 10,
  tokenBudget: 200_000,
  timeoutMs: 180_000,
  maxTokensPerTurn: 4_096,
};

/** A write the model asked for: the loop never runs it; `onWrite` records it and says what happened. */
export type ProposedWrite = { tool: Tool; input: unknown; rationale: string };

export type AgentLoopOptions = {
  client: ClaudeClient;
  /** The caller's context: read-only tools run with its actor, never above it. */
  ctx: ToolContext;
  system: string;
  prompt: string;
  tools: readonly Tool[];
  /** Called for every tool that is not read-only; its answer is what the model is told. */
  onWrite(write: ProposedWrite): Promise<unknown>;
  /** The name the ledger records the usage under (llm_usage.engine). */
  engine: string;
  documentId?: string;
  limits?: Partial<AgentLimits>;
};

export type AgentLoopResult = {
  answer: string;
  stopReason: AgentStopReason;
  turns: number;
  usage: LlmUsage | undefined;
  /** Every message of the run, the prompt first: what is stored with the task. */
  transcript: MessageParam[];
};

/**
 * A tool-calling loop over registry tools. Read-only tools run as the caller (invokeTool checks the role);
 * their errors go back to the model as `is_error` results so it can correct itself. A tool that changes
 * state is handed to `onWrite` instead of being run. Max turns, a token budget and a timeout stop the run
 * cleanly with what was said so far; an API failure is thrown as an AppError.
 */
export async function runAgentLoop(options: AgentLoopOptions): Promise<AgentLoopResult> {
  const limits = { ...DEFAULT_AGENT_LIMITS, ...options.limits };
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = options.ctx.signal ? AbortSignal.any([options.ctx.signal, timeout]) : timeout;
  const byName = new Map(options.tools.map((tool) => [tool.name, tool]));
  const apiTools = options.tools.map(toApiTool);
  const transcript: MessageParam[] = [{ role: 'user', content: options.prompt }];
  let usage: LlmUsage | undefined;
  let answer = '';
  let turns = 0;

  const finish = (stopReason: AgentStopReason): AgentLoopResult => ({
    answer,
    stopReason,
    turns,
    usage,
    transcript,
  });

  for (;;) {
    if (turns >= limits.maxTurns) return finish('max_turns');
    const spent = usage ? usage.inputTokens + usage.outputTokens : 0;
    if (spent >= limits.tokenBudget) return finish('token_budget');
    if (signal.aborted) return finish('timeout');
    let message: Message;
    try {
      message = await options.client.messages.create(
        {
          model: options.ctx.config.PAPERWORK_MODEL,
          max_tokens: limits.maxTokensPerTurn,
          system: options.system,
          tools: apiTools,
          messages: transcript,
        },
        { signal },
      );
    } catch (error) {
      if (timeout.aborted) return finish('timeout');
      throw toClaudeAppError(error);
    }
    turns += 1;
    const used = usageOf(options.ctx.config.PAPERWORK_MODEL, message.usage, options.ctx.config);
    usage = addUsage(usage, used);
    await insertLlmUsage(options.ctx.db, {
      engine: options.engine,
      documentId: options.documentId,
      usage: used,
    });
    transcript.push({ role: 'assistant', content: message.content as ContentBlockParam[] });
    const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('\n');
    if (text) answer = text;
    const calls = message.content.filter((block): block is ToolUseBlock => block.type === 'tool_use');
    if (message.stop_reason === 'refusal') return finish('refused');
    if (calls.length === 0) return finish('answered');
    const results: ToolResultBlockParam[] = [];
    for (const call of calls) {
      results.push(await runCall(call, text, byName, { ...options, ctx: { ...options.ctx, signal } }));
    }
    transcript.push({ role: 'user', content: results });
  }
}

async function runCall(
  call: ToolUseBlock,
  rationale: string,
  byName: Map<string, Tool>,
  options: AgentLoopOptions,
): Promise<ToolResultBlockParam> {
  const tool = byName.get(call.name);
  if (!tool) {
    const names = [...byName.keys()].join(', ');
    return {
      type: 'tool_result',
      tool_use_id: call.id,
      is_error: true,
      content: `No tool ${call.name}; the tools are: ${names}.`,
    };
  }
  try {
    const output = tool.isReadOnly
      ? await invokeTool(tool, call.input, options.ctx)
      : await options.onWrite({ tool, input: call.input, rationale });
    return { type: 'tool_result', tool_use_id: call.id, content: wrapToolResult(tool.name, output) };
  } catch (error) {
    const appError = toAppError(error);
    return {
      type: 'tool_result',
      tool_use_id: call.id,
      is_error: true,
      content: `${appError.code}: ${appError.message}`,
    };
  }
}
