import express, { Router } from 'express';
import { AppError } from '../../../tools/core/app-error.ts';
import type { ToolContext } from '../../../tools/core/context.ts';
import { invokeTool } from '../../../tools/core/tool.ts';
import type { ToolRegistry } from '../../../tools/ops/registry.ts';
import { recordWriteAttempt } from '../../../tools/storage/audit-log.ts';
import { callerContext, requireActor } from '../authenticate.ts';

/** JSON big enough for a file at the upload limit in base64 (4 characters for 3 bytes), plus the rest. */
export function jsonBodyLimit(maxUploadBytes: number): number {
  return Math.ceil((maxUploadBytes * 4) / 3) + 64 * 1024;
}

/**
 * `POST /api/tools/:name`: any served tool, its JSON body the tool's input, its answer the tool's output.
 * The tool checks the role and the input (invokeTool); files travel as {filename, contentBase64} or {path}.
 */
export function toolsRoutes(ctx: ToolContext, registry: ToolRegistry): Router {
  const router = Router();
  router.post(
    '/api/tools/:name',
    express.json({ limit: jsonBodyLimit(ctx.config.MAX_UPLOAD_BYTES) }),
    async (req, res) => {
      const tool = registry.find(String(req.params.name));
      if (!tool) {
        const names = registry.tools.map((t) => t.name).join(', ');
        throw new AppError('NOT_FOUND', `No tool named ${req.params.name}; the tools are: ${names}.`);
      }
      if (!tool.isReadOnly) {
        await recordWriteAttempt(ctx.db, requireActor(req), {
          method: 'POST',
          path: req.path,
          tool: tool.name,
        });
      }
      res.json(await invokeTool(tool, req.body ?? {}, callerContext(ctx, req)));
    },
  );
  return router;
}
