import type { z } from 'zod';
import { AppError } from './app-error.ts';
import type { ToolContext } from './context.ts';
import { hasRole, type Role } from './roles.ts';

/**
 * One operation, declared once and served by adapters over HTTP, MCP and to the agents.
 * Shape and format constraints live in the schemas; authorization, existence and conflicts in `run`.
 */
export type Tool<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  name: string;
  description: string;
  input: I;
  output: O;
  role: Role;
  isReadOnly: boolean;
  isDestructive: boolean;
  run(input: z.output<I>, ctx: ToolContext): Promise<z.input<O>>;
};

export function defineTool<I extends z.ZodType, O extends z.ZodType>(tool: Tool<I, O>): Tool<I, O> {
  return tool;
}

/** The one way every surface runs a tool: authorize, validate the input at the edge, run. */
export async function invokeTool<I extends z.ZodType, O extends z.ZodType>(
  tool: Tool<I, O>,
  rawInput: unknown,
  ctx: ToolContext,
): Promise<z.output<O>> {
  if (!hasRole(ctx.actor.role, tool.role)) {
    throw new AppError(
      'FORBIDDEN',
      `${tool.name} needs the ${tool.role} role; this token has ${ctx.actor.role}.`,
    );
  }
  const parsed = tool.input.safeParse(rawInput);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || 'input'}: ${i.message}`)
      .join('; ');
    throw new AppError('VALIDATION_FAILED', `Invalid input for ${tool.name}: ${problems}`);
  }
  return tool.output.parse(await tool.run(parsed.data, ctx));
}
