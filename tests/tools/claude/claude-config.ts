import { type Config, parseConfig } from '../../../tools/core/config.ts';

/** Configuration for an in-process engine test: a key (never sent anywhere real) and the fake API's URL. */
export function claudeTestConfig(baseUrl: string, overrides: Record<string, string> = {}): Config {
  return parseConfig({
    DATA_DIR: '/tmp/paperwork-claude-test',
    LOG_LEVEL: 'silent',
    ANTHROPIC_API_KEY: 'sk-ant-test-not-a-key',
    ANTHROPIC_BASE_URL: baseUrl,
    ...overrides,
  });
}
