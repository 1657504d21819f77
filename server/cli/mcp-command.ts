import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Config } from '../../tools/core/config.ts';
import { createLogger } from '../../tools/core/logger.ts';
import { createPaperworkMcpServer } from '../mcp/create-mcp-server.ts';
import { remoteToolRunner } from '../mcp/remote-tool-runner.ts';
import { SERVED_TOOLS } from '../runtime/served-tools.ts';

/**
 * `paperwork mcp`: MCP over stdio for Claude Code, in front of the running server at PAPERWORK_URL with
 * PAPERWORK_TOKEN. It opens no database (PGlite has one process at a time; the server is that process) and the
 * server checks roles and writes the audit log, as for the UI. stdout carries protocol messages only; logs go
 * to stderr.
 */
export async function mcpCommand(config: Config) {
  if (!config.PAPERWORK_TOKEN) {
    throw new Error(
      `mcp needs PAPERWORK_TOKEN, a token for the server at ${config.PAPERWORK_URL} (see \`paperwork token create --name claude --role reviewer\`). Its role bounds what the tools can do.`,
    );
  }
  const logger = createLogger({ level: config.LOG_LEVEL });
  const server = createPaperworkMcpServer({
    registry: SERVED_TOOLS,
    run: remoteToolRunner({
      url: config.PAPERWORK_URL,
      token: config.PAPERWORK_TOKEN,
      maxUploadBytes: config.MAX_UPLOAD_BYTES,
    }),
  });
  await server.connect(new StdioServerTransport());
  logger.info('paperwork mcp: serving over stdio', { server: config.PAPERWORK_URL });
}
