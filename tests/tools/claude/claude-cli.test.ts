import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInvoicePdf, SAMPLE_INVOICE } from '../../../evals/synth/make-invoice-pdf.ts';
import { retryInProcess } from '../../../tools/claude/retry-in-process.ts';
import { AppError } from '../../../tools/core/app-error.ts';
import { runCli } from '../../server/cli/run-cli.ts';
import { type FakeMessagesApi, startFakeMessagesApi, toolAnswer } from './fake-messages-api.ts';

describe('paperwork extract --engine claude', () => {
  let api: FakeMessagesApi;
  let dir: string;
  let file: string;
  const env = (extra: Record<string, string | undefined>) => ({
    ANTHROPIC_API_KEY: undefined,
    ANTHROPIC_BASE_URL: undefined,
    PAPERWORK_ENGINE: undefined,
    DATA_DIR: dir,
    OCR_WORKERS: '1',
    LOG_LEVEL: 'silent',
    ...extra,
  });

  beforeAll(async () => {
    api = await startFakeMessagesApi((request) =>
      toolAnswer(request, { total_amount: { value: '1907.95', quote: '$1,907.95', confidence: 0.9 } }),
    );
    dir = await mkdtemp(path.join(os.tmpdir(), 'paperwork-claude-cli-'));
    file = path.join(dir, 'invoice.pdf');
    await writeFile(file, await makeInvoicePdf(SAMPLE_INVOICE));
  });
  afterAll(async () => {
    await api?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints the extraction with the engine, its version and the usage as JSON Lines', async () => {
    const run = await runCli(
      ['extract', file, '--engine', 'claude', '--json'],
      env({ ANTHROPIC_API_KEY: 'sk-ant-test-not-a-key', ANTHROPIC_BASE_URL: api.url }),
    );
    expect(run.stderr).not.toContain('Error');
    const result = JSON.parse(run.stdout.trim());
    expect(result.engine.name).toBe('claude');
    expect(result.fields.total_amount.source.text).toBe('$1,907.95');
    expect(result.timings.llmOutputTokens).toBe(50);
    expect(api.requests).toHaveLength(1);
  });

  it('says what to set when there is no key, and still extracts with the rules', async () => {
    const refused = await runCli(['extract', file, '--engine', 'claude', '--json'], env({}));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('set ANTHROPIC_API_KEY');
    const rules = await runCli(['extract', file, '--json'], env({}));
    expect(rules.code).toBe(0);
    expect(JSON.parse(rules.stdout.trim()).engine.name).toBe('rules');
  });
});

describe('waiting out limits in process, where there is no queue', () => {
  it('waits the time a 429 asks and tries again; a bad request is thrown at once', async () => {
    const waits: number[] = [];
    let calls = 0;
    const value = await retryInProcess(
      async () => {
        if (calls++ === 0)
          throw new AppError('RATE_LIMITED', 'slow down', { kind: 'upstream', retryAfterMs: 7000 });
        return 'done';
      },
      async (ms) => void waits.push(ms),
    );
    expect(value).toBe('done');
    expect(waits).toEqual([7000]);
    const bad = retryInProcess(async () => {
      throw new AppError('BAD_REQUEST', 'no');
    });
    await expect(bad).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
