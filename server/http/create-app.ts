import express, { type Express } from 'express';
import type { ToolContext } from '../../tools/core/context.ts';
import { mcpRoutes } from '../mcp/mcp-route.ts';
import { SERVED_TOOLS } from '../runtime/served-tools.ts';
import { uiRoutes } from '../ui/ui-routes.ts';
import { auditWrites } from './audit-writes.ts';
import { authenticate } from './authenticate.ts';
import { errorHandler, notFoundHandler } from './http-error.ts';
import { agentRoutes } from './routes/agent-routes.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { documentsRoutes } from './routes/documents-routes.ts';
import { exportRoutes } from './routes/export-routes.ts';
import { healthRoutes, type ReadinessCheck } from './routes/health-routes.ts';
import { reviewRoutes } from './routes/review-routes.ts';
import { sessionRoutes } from './routes/session-routes.ts';
import { toolsRoutes } from './routes/tools-routes.ts';
import { vendorsRoutes } from './routes/vendors-routes.ts';

/** The HTTP API over the same operations every other surface uses. */
export function createApp(ctx: ToolContext, options: { isReady: ReadinessCheck }): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.TRUST_PROXY);
  app.use((_req, res, next) => {
    res.set({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    next();
  });
  app.use(healthRoutes(options.isReady));
  // Before authentication: logging in is the one API call made without credentials.
  app.use(sessionRoutes(ctx));
  app.use('/api', authenticate(ctx.db));
  app.use('/api', auditWrites(ctx.db));
  // Before the 1 MB JSON parser: these take files as base64 up to the upload limit.
  app.use(toolsRoutes(ctx, SERVED_TOOLS));
  app.use(mcpRoutes(ctx, SERVED_TOOLS));
  app.use(express.json({ limit: '1mb' }));
  app.use(documentsRoutes(ctx));
  app.use(reviewRoutes(ctx));
  app.use(exportRoutes(ctx));
  app.use(auditRoutes(ctx));
  app.use(vendorsRoutes(ctx));
  app.use(agentRoutes(ctx));
  app.use(uiRoutes());
  app.use(notFoundHandler);
  app.use(errorHandler(ctx.logger));
  return app;
}
