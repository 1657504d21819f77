import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../core/app-error.ts';
import type { ToolContext } from '../core/context.ts';
import { hasRole } from '../core/roles.ts';
import { defineTool, type Tool } from '../core/tool.ts';

/**
 * How a file travels as JSON (MCP, `POST /api/tools/:name`): its bytes in base64 with a name, or a path.
 * A path is read on the machine that runs the tool, with that process's permissions, so on the server it is
 * for admin tokens only: anyone else could make the server read its own files for them.
 */
export const FILE_SOURCE_FIELDS = {
  filename: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[/\\\0]/.test(name), 'a file name, not a path')
    .optional()
    .describe(
      'The file name, e.g. "inv-1042.pdf"; required with contentBase64; its extension must match the bytes.',
    ),
  contentBase64: z.base64().optional().describe('The file bytes (PDF, PNG, JPEG or TIFF), base64-encoded.'),
  path: z
    .string()
    .min(1)
    .max(4096)
    .optional()
    .describe(
      'Instead of contentBase64: an absolute file path. Through `paperwork mcp` (stdio) it is read on your machine; over HTTP it is read on the server and needs an admin token.',
    ),
};

/** The file part of a wire input; the wrapped tool's other fields (docType, engine…) travel beside it. */
export type FileSourceInput = {
  filename?: string;
  contentBase64?: string;
  path?: string;
  [field: string]: unknown;
};

type BytesInput = { filename: string; content: Uint8Array };

/** Reads a file named by path, within the upload size limit; the errors say what to do instead. */
export async function readFileAtPath(filePath: string, maxBytes: number): Promise<BytesInput> {
  if (!path.isAbsolute(filePath)) {
    throw new AppError('VALIDATION_FAILED', `path: give an absolute path, not "${filePath}".`);
  }
  const info = await stat(filePath).catch((cause: unknown) => {
    throw new AppError('NOT_FOUND', `No file at ${filePath}.`, { cause });
  });
  if (!info.isFile()) throw new AppError('VALIDATION_FAILED', `path: ${filePath} is not a file.`);
  if (info.size > maxBytes) {
    throw new AppError('FILE_TOO_LARGE', `${filePath} is ${info.size} bytes; the limit is ${maxBytes}.`);
  }
  return { filename: path.basename(filePath), content: new Uint8Array(await readFile(filePath)) };
}

async function readFileSource(input: FileSourceInput, ctx: ToolContext): Promise<BytesInput> {
  if (input.contentBase64 !== undefined) {
    const content = new Uint8Array(Buffer.from(input.contentBase64, 'base64'));
    return { filename: input.filename ?? 'document', content };
  }
  if (!hasRole(ctx.actor.role, 'admin')) {
    throw new AppError(
      'FORBIDDEN',
      'Reading a file on the server needs an admin token; send the bytes as contentBase64 with a filename instead.',
    );
  }
  const file = await readFileAtPath(input.path ?? '', ctx.config.MAX_UPLOAD_BYTES);
  return { ...file, ...(input.filename && { filename: input.filename }) };
}

/**
 * The same tool with its file given as JSON: base64 bytes or a path instead of `filename` + `content`, decoded
 * before the tool runs. Every other field of the tool's input (docType, engine…) is kept as it is.
 */
export function withFileSource<O extends z.ZodType>(
  tool: Tool<z.ZodObject<{ filename: z.ZodType; content: z.ZodType } & z.ZodRawShape>, O>,
): Tool<z.ZodType<FileSourceInput>, O> {
  const input = tool.input
    .omit({ filename: true, content: true })
    .extend(FILE_SOURCE_FIELDS)
    .refine((wire) => (wire.contentBase64 === undefined) !== (wire.path === undefined), {
      message: 'give either contentBase64 (with filename) or path, not both',
    })
    .refine((wire) => wire.contentBase64 === undefined || wire.filename !== undefined, {
      message: 'filename is required with contentBase64',
      path: ['filename'],
    }) as unknown as z.ZodType<FileSourceInput>;
  return defineTool({
    ...tool,
    input,
    async run(wire, ctx) {
      const { contentBase64: _b, path: _p, ...rest } = wire;
      const parsed = tool.input.safeParse({ ...rest, ...(await readFileSource(wire, ctx)) });
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        throw new AppError('VALIDATION_FAILED', `Invalid input for ${tool.name}: ${problems}`);
      }
      return tool.run(parsed.data, ctx);
    },
  });
}
