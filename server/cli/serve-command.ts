import { chmod, mkdir, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Config } from '../../tools/core/config.ts';
import { countApiTokens, createApiToken } from '../../tools/storage/api-tokens.ts';
import { resumeUnsettledDocuments } from '../../workflows/resume-unsettled.ts';
import { type RunningWorkers, startWorkers } from '../../workflows/start-workers.ts';
import { createApp } from '../http/create-app.ts';
import { isRedisAnswering } from '../runtime/ensure-redis.ts';
import { openRuntime, type Runtime } from '../runtime/open-runtime.ts';
import { onShutdown } from './on-shutdown.ts';

export type RunningServer = {
  url: string;
  runtime: Runtime;
  workers?: RunningWorkers;
  close(): Promise<void>;
};

/** API, UI and workers in one process, on the embedded defaults unless configured otherwise. */
export async function startServer(
  config: Config,
  options: { withWorkers?: boolean } = {},
): Promise<RunningServer> {
  const runtime = await openRuntime(config);
  const { ctx } = runtime;
  await ensureAdminToken(runtime);
  const workers = options.withWorkers === false ? undefined : startStageWorkers(runtime);
  if (workers) await resumeUnsettledDocuments(ctx);
  const app = createApp(ctx, {
    isReady: async () => {
      const failing: string[] = [];
      await ctx.db.query('SELECT 1').catch(() => failing.push('database'));
      if (!(await isRedisAnswering(runtime.redis.url))) failing.push('redis');
      return failing;
    },
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.PORT, config.HOST, () => resolve(listening));
    listening.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  return {
    url,
    runtime,
    workers,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await workers?.close();
      await runtime.close();
    },
  };
}

export function startStageWorkers(runtime: Runtime): RunningWorkers {
  const { config, ctx } = runtime;
  return startWorkers({
    redisUrl: runtime.redis.url,
    prefix: config.QUEUE_PREFIX,
    ctx,
    concurrency: { parse: ctx.ocr.size, extract: config.STAGE_CONCURRENCY, export: config.STAGE_CONCURRENCY },
    lockDuration: config.JOB_LOCK_MS,
    // Look for jobs of dead workers as often as a lock can expire.
    stalledInterval: config.JOB_LOCK_MS,
  });
}

/** First start: make an admin token, show it once, and keep it in DATA_DIR/admin.token readable by the owner only. */
async function ensureAdminToken(runtime: Runtime) {
  const { ctx, config } = runtime;
  if ((await countApiTokens(ctx.db)) > 0) return;
  const created = await createApiToken(ctx.db, { name: 'admin', role: 'admin', createdBy: ctx.actor });
  const file = path.join(config.DATA_DIR, 'admin.token');
  await mkdir(config.DATA_DIR, { recursive: true });
  await writeFile(file, `${created.token}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  process.stdout.write(
    `\nCreated the admin token (shown once; also saved to ${file}):\n  ${created.token}\n\n`,
  );
}

export async function serveCommand(config: Config) {
  const running = await startServer(config);
  onShutdown(running.runtime.logger, () => running.close());
  process.stdout.write(`Paperwork is serving at ${running.url}\n`);
}
