import { type ChildProcess, spawn } from 'node:child_process';
import { access, constants, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { Logger } from '../../tools/core/logger.ts';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export type RedisHandle = { url: string; isPrivate: boolean; stop(): Promise<void> };

export async function isRedisAnswering(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * Finds the Redis to use. An explicit REDIS_URL must answer. Without one, the default local Redis is used
 * if it answers; otherwise a private redis-server is started for this process, with its data in DATA_DIR.
 */
export async function ensureRedis(options: {
  redisUrl?: string;
  dataDir: string;
  logger: Logger;
  /** Where to look when REDIS_URL is unset; tests point it at a port where nothing listens. */
  defaultUrl?: string;
  /** Where to look for redis-server; tests give an empty one to see the message. */
  searchPath?: string;
}): Promise<RedisHandle> {
  const defaultUrl = options.defaultUrl ?? DEFAULT_REDIS_URL;
  const url = options.redisUrl ?? defaultUrl;
  if (await isRedisAnswering(url)) return { url, isPrivate: false, stop: async () => undefined };
  if (options.redisUrl) {
    throw new Error(
      `No Redis answered at REDIS_URL=${redactUrl(url)}. Start it, or unset REDIS_URL to use a local one.`,
    );
  }
  const binary = await findOnPath('redis-server', options.searchPath ?? process.env.PATH ?? '');
  if (!binary) {
    throw new Error(
      [
        `No Redis answered at ${defaultUrl}, and redis-server is not installed to start a private one.`,
        'Paperwork needs Redis for its job queues. Any one of these works:',
        '  - Debian/Ubuntu: sudo apt-get install redis-server',
        '  - macOS: brew install redis',
        '  - Docker: docker run -d -p 6379:6379 redis:7',
        '  - or point REDIS_URL at a Redis you already run.',
      ].join('\n'),
    );
  }
  return startPrivateRedis(binary, path.join(options.dataDir, 'redis'), options.logger);
}

async function startPrivateRedis(binary: string, dir: string, logger: Logger): Promise<RedisHandle> {
  await mkdir(dir, { recursive: true });
  const port = await findFreePort();
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--daemonize',
      'no',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const url = `redis://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let attempt = 0; attempt < 50; attempt++) {
    if (child.exitCode !== null)
      throw new Error(`The private redis-server exited with code ${child.exitCode}.`);
    if (await isRedisAnswering(url)) {
      logger.info('started a private redis-server', { url, dir });
      return { url, isPrivate: true, stop: () => stopChild(child, exited) };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('The private redis-server did not answer within 5 seconds.');
}

async function stopChild(child: ChildProcess, exited: Promise<void>) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM'); // redis-server flushes its AOF on SIGTERM
  await exited;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function findOnPath(command: string, searchPath: string): Promise<string | undefined> {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, command);
    if (
      await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return undefined;
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
