/** Structured JSON-lines logger that masks tax ids and account numbers before anything is written. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type Logger = {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
};

const LEVEL_RANK = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;

// SSN/ITIN (123-45-6789), EIN (12-3456789), and long digit runs such as account numbers.
const SENSITIVE_PATTERNS: RegExp[] = [/\b\d{3}-\d{2}-\d{4}\b/g, /\b\d{2}-\d{7}\b/g, /\b\d{9,17}\b/g];

export function maskSensitive(text: string): string {
  return SENSITIVE_PATTERNS.reduce(
    (masked, pattern) => masked.replace(pattern, (m) => `***${m.slice(-4)}`),
    text,
  );
}

export function createLogger(
  options: { level?: LogLevel; write?: (line: string) => void; fields?: Record<string, unknown> } = {},
): Logger {
  const level = options.level ?? 'info';
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const base = options.fields ?? {};
  const emit = (at: Exclude<LogLevel, 'silent'>, message: string, fields?: Record<string, unknown>) => {
    if (LEVEL_RANK[at] < LEVEL_RANK[level]) return;
    const line = JSON.stringify(
      { time: new Date().toISOString(), level: at, message, ...base, ...fields },
      (_k, v) => (v instanceof Error ? { name: v.name, message: v.message } : v),
    );
    write(maskSensitive(line));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger({ level, write, fields: { ...base, ...fields } }),
  };
}
