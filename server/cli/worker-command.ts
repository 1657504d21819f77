import type { Config } from '../../tools/core/config.ts';
import { resumeUnsettledDocuments } from '../../workflows/resume-unsettled.ts';
import { openRuntime } from '../runtime/open-runtime.ts';
import { onShutdown } from './on-shutdown.ts';
import { startStageWorkers } from './serve-command.ts';

/** Pipeline workers only, for scale-out: they share Redis, a Postgres server and the blob store. */
export async function workerCommand(config: Config) {
  if (!config.DATABASE_URL) {
    throw new Error(
      'paperwork worker needs DATABASE_URL: the embedded PGlite database can be opened by one process only, ' +
        'so separate workers must share a Postgres server. Set DATABASE_URL (and the same DATA_DIR or blob volume), ' +
        'or run `paperwork serve`, which runs the workers in process.',
    );
  }
  const runtime = await openRuntime(config);
  const workers = startStageWorkers(runtime);
  const resumed = await resumeUnsettledDocuments(runtime.ctx);
  onShutdown(runtime.logger, async () => {
    await workers.close();
    await runtime.close();
  });
  runtime.logger.info('workers started', { redis: runtime.redis.url, resumed });
  process.stdout.write(`Paperwork workers are running (${resumed} documents resumed)\n`);
}
