import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { Config } from '../../../tools/core/config.ts';

export const CLI = path.resolve(import.meta.dirname, '../../../server/bin/paperwork.js');

/** The environment that points the real binary at a test run's data, schema and queues. */
export function cliEnvOf(config: Config): Record<string, string | undefined> {
  return {
    DATA_DIR: config.DATA_DIR,
    PORT: '0',
    REDIS_URL: config.REDIS_URL,
    DATABASE_URL: config.DATABASE_URL,
    DATABASE_SCHEMA: config.DATABASE_SCHEMA,
    QUEUE_PREFIX: config.QUEUE_PREFIX,
    OCR_WORKERS: '1',
    JOB_LOCK_MS: String(config.JOB_LOCK_MS),
    LOG_LEVEL: 'warn',
  };
}

type Spawned = {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
};

function spawnCli(
  args: string[],
  env: Record<string, string | undefined>,
  onStdout?: (all: string) => void,
): Spawned {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
    onStdout?.(stdout);
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Runs the real `paperwork` binary to completion. */
export async function runCli(args: string[], env: Record<string, string | undefined>) {
  const run = spawnCli(args, env);
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** Starts a long-running command and resolves once its stdout matches `ready`. */
export function startCli(
  args: string[],
  env: Record<string, string | undefined>,
  ready: RegExp,
): Promise<{
  child: ChildProcess;
  match: RegExpMatchArray;
  output: () => string;
  exited: Promise<number | null>;
}> {
  return new Promise((resolve, reject) => {
    const run = spawnCli(args, env, (stdout) => {
      const match = stdout.match(ready);
      if (match) resolve({ child: run.child, match, output: run.stdout, exited: run.exited });
    });
    run.exited.then(
      (code) =>
        reject(new Error(`exited with ${code} before it was ready:\n${run.stdout()}\n${run.stderr()}`)),
      reject,
    );
  });
}
