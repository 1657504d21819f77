import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../tools/core/app-error.ts';
import type { ToolContext } from '../../../tools/core/context.ts';
import type { Role } from '../../../tools/core/roles.ts';
import { defineTool, invokeTool } from '../../../tools/core/tool.ts';

const double = defineTool({
  name: 'double',
  description: 'Doubles a number.',
  input: z.object({ n: z.number().int() }),
  output: z.object({ n: z.number() }),
  role: 'reviewer',
  isReadOnly: true,
  isDestructive: false,
  run: async ({ n }) => ({ n: n * 2 }),
});

const asRole = (role: Role) => ({ actor: { kind: 'token', name: 't', role } }) as ToolContext;

describe('invokeTool', () => {
  it.each<[Role, boolean]>([
    ['viewer', false],
    ['clerk', false],
    ['reviewer', true],
    ['approver', true],
    ['admin', true],
  ])('lets a %s run a reviewer tool: %s', async (role, isAllowed) => {
    const result = invokeTool(double, { n: 2 }, asRole(role));
    if (isAllowed) await expect(result).resolves.toEqual({ n: 4 });
    else await expect(result).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses bad input with the field and the problem named', async () => {
    const error = await invokeTool(double, { n: 'two' }, asRole('admin')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', kind: 'user' });
    expect((error as AppError).message).toMatch(/^Invalid input for double: n:/);
  });
});
