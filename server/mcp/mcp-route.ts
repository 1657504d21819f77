import { randomUUID } from 'node:crypto';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import express, { type Request, type Response, Router } from 'express';
import { AppError } from '../../tools/core/app-error.ts';
import type { ToolContext } from '../../tools/core/context.ts';
import type { Actor } from '../../tools/core/roles.ts';
import type { ToolRegistry } from '../../tools/ops/registry.ts';
import { authenticate, requireActor } from '../http/authenticate.ts';
import { jsonBodyLimit } from '../http/routes/tools-routes.ts';
import { createPaperworkMcpServer } from './create-mcp-server.ts';
import { localToolRunner } from './tool-runner.ts';

/** A session nobody has used for this long is closed; the client starts a new one (it gets a 404). */
const SESSION_IDLE_MS = 30 * 60_000;
// A token opening session after session (a client that never ends them) keeps only its newest ones.
const MAX_SESSIONS_PER_TOKEN = 20;

type Session = {
  transport: StreamableHTTPServerTransport;
  server: McpServer;
  actor: Actor;
  lastSeenAt: number;
};

/** Only a bearer token opens MCP: the session cookie is for the UI in a browser. */
function requireBearer(req: Request, _res: Response, next: () => void) {
  if (!/^Bearer\s+\S+$/i.test(req.get('authorization') ?? '')) {
    throw new AppError('UNAUTHENTICATED', 'Send a token: Authorization: Bearer <token>.');
  }
  next();
}

const jsonRpcError = (res: Response, status: number, message: string) =>
  res.status(status).json({ jsonrpc: '2.0', error: { code: -32000, message }, id: null });

/**
 * MCP over Streamable HTTP at `/mcp`, behind the same tokens as /api. Each session (one initialize) has its own
 * server bound to the token that opened it, kept in this process: a tool call can then ask the person to
 * confirm (elicitation) and get the answer back on the same session. Everything a call sends (progress, the
 * question) travels on that call's own response stream, so there is no standalone GET stream (405).
 */
export function mcpRoutes(ctx: ToolContext, registry: ToolRegistry): Router {
  const router = Router();
  const sessions = new Map<string, Session>();
  const closeIdle = () => {
    const now = Date.now();
    for (const [id, session] of sessions) {
      if (now - session.lastSeenAt > SESSION_IDLE_MS) {
        sessions.delete(id);
        session.server.close().catch(() => undefined);
      }
    }
  };
  const sessionOf = (req: Request, res: Response): Session | undefined => {
    const id = req.get('mcp-session-id');
    const session = id ? sessions.get(id) : undefined;
    if (!session) {
      jsonRpcError(res, id ? 404 : 400, id ? 'No such session; initialize again.' : 'Send Mcp-Session-Id.');
      return undefined;
    }
    // A session is its token's: another token cannot ride on it.
    if (session.actor.tokenId !== requireActor(req).tokenId) {
      throw new AppError('FORBIDDEN', 'This MCP session belongs to another token.');
    }
    session.lastSeenAt = Date.now();
    return session;
  };

  router.use('/mcp', requireBearer, authenticate(ctx.db));
  router.post(
    '/mcp',
    express.json({ limit: jsonBodyLimit(ctx.config.MAX_UPLOAD_BYTES) }),
    async (req, res) => {
      closeIdle();
      if (req.get('mcp-session-id')) {
        const session = sessionOf(req, res);
        if (session) await session.transport.handleRequest(req, res, req.body);
        return;
      }
      if (!isInitializeRequest(req.body)) {
        jsonRpcError(res, 400, 'Start with an initialize request, or send Mcp-Session-Id.');
        return;
      }
      const actor = requireActor(req);
      const own = [...sessions].filter(([, session]) => session.actor.tokenId === actor.tokenId);
      for (const [id, session] of own.slice(0, Math.max(0, own.length - MAX_SESSIONS_PER_TOKEN + 1))) {
        sessions.delete(id);
        session.server.close().catch(() => undefined);
      }
      const server = createPaperworkMcpServer({ registry, run: localToolRunner({ ...ctx, actor }) });
      const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => {
          sessions.set(id, { transport, server, actor, lastSeenAt: Date.now() });
        },
        onsessionclosed: (id) => {
          sessions.delete(id);
        },
      });
      await server.connect(transport);
      await transport.handleRequest(req, res, req.body);
    },
  );
  router.get('/mcp', (_req, res) => {
    res.set('Allow', 'POST, DELETE');
    jsonRpcError(res, 405, 'No standalone stream: messages travel on the responses to POST.');
  });
  router.delete('/mcp', async (req, res) => {
    const session = sessionOf(req, res);
    if (session) await session.transport.handleRequest(req, res);
  });
  return router;
}
