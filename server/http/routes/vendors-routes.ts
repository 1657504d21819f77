import express, { Router } from 'express';
import type { ToolContext } from '../../../tools/core/context.ts';
import { invokeTool } from '../../../tools/core/tool.ts';
import { importVendors, listVendorMaster } from '../../../tools/ops/vendor-master.ts';
import { callerContext } from '../authenticate.ts';

export function vendorsRoutes(ctx: ToolContext): Router {
  const router = Router();
  router.get('/api/vendors', async (req, res) => {
    res.json(await invokeTool(listVendorMaster, {}, callerContext(ctx, req)));
  });
  // The CSV file as the body (text/csv), or JSON {"csv": "..."}.
  router.post('/api/vendors/import', express.text({ type: 'text/csv', limit: '5mb' }), async (req, res) => {
    const csv = typeof req.body === 'string' ? req.body : (req.body as { csv?: unknown } | undefined)?.csv;
    res.json(await invokeTool(importVendors, { csv }, callerContext(ctx, req)));
  });
  return router;
}
