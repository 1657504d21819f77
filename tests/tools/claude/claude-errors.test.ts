import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extractWithEngine } from '../../../tools/claude/extract-with-engine.ts';
import { resolveEngine } from '../../../tools/claude/select-engine.ts';
import { AppError } from '../../../tools/core/app-error.ts';
import { parseConfig } from '../../../tools/core/config.ts';
import type { Page } from '../../../tools/documents/page.ts';
import { claudeTestConfig } from './claude-config.ts';
import { apiError, type FakeMessagesApi, startFakeMessagesApi } from './fake-messages-api.ts';

const PAGE: Page = {
  number: 1,
  width: 600,
  height: 800,
  source: 'text',
  words: [{ text: 'TOTAL 12.40', bbox: [0.1, 0.5, 0.5, 0.52], confidence: 1 }],
};

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("Messages API failures as AppErrors, with one retry policy (the queue's)", () => {
  let api: FakeMessagesApi;
  beforeAll(async () => {
    api = await startFakeMessagesApi();
  });
  afterAll(async () => api?.close());
  beforeEach(() => {
    api.requests.length = 0;
  });

  const extract = () =>
    extractWithEngine([PAGE], { config: claudeTestConfig(api.url), engine: 'claude', docType: 'receipt' });

  it('turns a 429 into RATE_LIMITED with the wait the API asks for, sent once', async () => {
    api.setHandler(() => ({
      status: 429,
      headers: { 'retry-after': '7' },
      json: apiError('rate_limit_error', 'Number of requests has exceeded your rate limit'),
    }));
    const error = await failureOf(extract());
    expect(error).toMatchObject({ code: 'RATE_LIMITED', kind: 'upstream', retryAfterMs: 7000 });
    expect(api.requests).toHaveLength(1);
  });

  it('turns a 400 into a user error that is not retried', async () => {
    api.setHandler(() => ({ status: 400, json: apiError('invalid_request_error', 'image too large') }));
    const error = await failureOf(extract());
    expect(error).toMatchObject({ code: 'BAD_REQUEST', kind: 'user' });
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('image too large');
    expect(api.requests).toHaveLength(1);
  });

  it.each([500, 529])(
    'turns a %i into a retryable upstream error, without the SDK retrying it',
    async (status) => {
      api.setHandler(() => ({ status, json: apiError('api_error', 'Internal server error') }));
      const error = await failureOf(extract());
      expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', kind: 'upstream' });
      expect(error.isRetryable).toBe(true);
      expect(api.requests).toHaveLength(1);
    },
  );

  it('turns a refused connection into a retryable upstream error', async () => {
    const config = claudeTestConfig('http://127.0.0.1:9');
    const error = await failureOf(
      extractWithEngine([PAGE], { config, engine: 'claude', docType: 'receipt' }),
    );
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', kind: 'upstream' });
  });
});

describe('no key, no surprise', () => {
  const config = parseConfig({ DATA_DIR: '/tmp/paperwork-claude-test', LOG_LEVEL: 'silent' });

  it('defaults to the rules engine without a key, and to auto with one', () => {
    expect(resolveEngine(config)).toBe('rules');
    expect(resolveEngine({ ...config, ANTHROPIC_API_KEY: 'sk-ant-x' })).toBe('auto');
    expect(resolveEngine({ ...config, ANTHROPIC_API_KEY: 'sk-ant-x', PAPERWORK_ENGINE: 'rules' })).toBe(
      'rules',
    );
  });

  it.each(['claude', 'auto'] as const)(
    'refuses --engine %s with a message that says what to set',
    async (engine) => {
      const error = await failureOf(extractWithEngine([PAGE], { config, engine }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toContain('set ANTHROPIC_API_KEY');
    },
  );

  it('runs the rules engine as before', async () => {
    const result = await extractWithEngine([PAGE], { config, docType: 'receipt' });
    expect(result.engine.name).toBe('rules');
    expect(result.usage).toBeUndefined();
  });
});
