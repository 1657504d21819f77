import { AppError } from '../core/app-error.ts';
import type { Config } from '../core/config.ts';
import { MISSING_KEY_MESSAGE } from './claude-client.ts';

export const ENGINE_NAMES = ['rules', 'claude', 'auto'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** The engine that runs when none is asked for: `PAPERWORK_ENGINE`, else auto with a key and rules without. */
export function defaultEngineOf(config: Pick<Config, 'PAPERWORK_ENGINE' | 'ANTHROPIC_API_KEY'>): EngineName {
  return config.PAPERWORK_ENGINE ?? (config.ANTHROPIC_API_KEY ? 'auto' : 'rules');
}

/** The engine to run; an engine that calls Claude without a key is a clear error, not a silent fallback. */
export function resolveEngine(
  config: Pick<Config, 'PAPERWORK_ENGINE' | 'ANTHROPIC_API_KEY'>,
  requested?: EngineName,
): EngineName {
  const engine = requested ?? defaultEngineOf(config);
  if (engine !== 'rules' && !config.ANTHROPIC_API_KEY) {
    throw new AppError('BAD_REQUEST', `--engine ${engine}: ${MISSING_KEY_MESSAGE}`);
  }
  return engine;
}
