import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { type RunningServer, startServer } from '../../server/cli/serve-command.ts';
import { type Config, parseConfig } from '../../tools/core/config.ts';
import type { Role } from '../../tools/core/roles.ts';
import type { DocumentStatus } from '../../tools/documents/document-status.ts';
import { isSettled } from '../../tools/documents/document-status.ts';
import { createApiToken } from '../../tools/storage/api-tokens.ts';
import { openDb } from '../../tools/storage/open-db.ts';
import { uniqueRunName } from './test-db.ts';

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Configuration for one test run: its own data folder, schema and queue prefix, on real Redis. */
export async function makeTestConfig(overrides: Record<string, string> = {}): Promise<Config> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'paperwork-test-'));
  return parseConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    REDIS_URL: TEST_REDIS_URL,
    DATABASE_URL: process.env.DATABASE_URL,
    DATABASE_SCHEMA: uniqueRunName(),
    QUEUE_PREFIX: uniqueRunName('pwq'),
    OCR_WORKERS: '1',
    LOG_LEVEL: 'silent',
    // No random QA sampling unless a test asks for it: routing must be deterministic under test.
    QA_SAMPLE_RATE: '0',
    ...overrides,
  });
}

export type TestServer = RunningServer & {
  adminToken: string;
  tokenFor(role: Role): Promise<string>;
  api(
    method: string,
    route: string,
    options?: { token?: string | null; body?: FormData | string | object },
  ): Promise<Response>;
  waitForSettled(id: string, token?: string): Promise<{ status: DocumentStatus } & Record<string, unknown>>;
  stop(): Promise<void>;
};

export async function startTestServer(overrides: Record<string, string> = {}): Promise<TestServer> {
  const config = await makeTestConfig(overrides);
  const running = await startServer(config);
  const adminToken = (await readFile(path.join(config.DATA_DIR, 'admin.token'), 'utf8')).trim();
  const api: TestServer['api'] = (method, route, options = {}) => {
    const token = options.token === undefined ? adminToken : options.token;
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const { body } = options;
    // A plain object is sent as JSON; FormData and strings as they are.
    const isJson = body !== undefined && typeof body === 'object' && !(body instanceof FormData);
    if (isJson) headers['content-type'] = 'application/json';
    return fetch(`${running.url}${route}`, {
      method,
      body: isJson ? JSON.stringify(body) : (body as FormData | string | undefined),
      headers,
    });
  };
  return {
    ...running,
    adminToken,
    api,
    async tokenFor(role) {
      const created = await createApiToken(running.runtime.ctx.db, {
        name: uniqueRunName(role),
        role,
        createdBy: running.runtime.ctx.actor,
      });
      return created.token;
    },
    // Waits on the document's own state, not on a clock: the test timeout is the only bound.
    async waitForSettled(id, token) {
      for (;;) {
        const view = (await (await api('GET', `/api/documents/${id}`, { token })).json()) as {
          status: DocumentStatus;
        };
        if (isSettled(view.status)) return view;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      await running.close();
      await removeTestData(config);
    },
  };
}

export function uploadForm(
  files: Array<{ name: string; content: Uint8Array }>,
  fields: Record<string, string> = {},
): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) form.append('file', new Blob([Buffer.from(file.content)]), file.name);
  return form;
}

/** Removes what a test run left: its schema on the Postgres server, its queue keys, its data folder. */
export async function removeTestData(config: Config) {
  if (config.DATABASE_URL) {
    const db = await openDb({
      databaseUrl: config.DATABASE_URL,
      pgliteDir: '',
      schema: config.DATABASE_SCHEMA,
    });
    await db.exec(`DROP SCHEMA ${config.DATABASE_SCHEMA} CASCADE`);
    await db.close();
  }
  await deleteQueueKeys(config.QUEUE_PREFIX);
  await rm(config.DATA_DIR, { recursive: true, force: true });
}

/** Removes this run's BullMQ keys from the shared Redis. */
export async function deleteQueueKeys(prefix: string) {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
