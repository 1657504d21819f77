/**
 * The one error type every layer throws. `kind` decides how each surface maps it:
 * `user` → 4xx / MCP isError / UnrecoverableError; `upstream` and `system` → 5xx / retry.
 */
export const ERROR_KINDS = ['user', 'upstream', 'system'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Codes with the HTTP status each maps to. Adding a code is adding a line here. */
export const ERROR_CODES = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  EMPTY_FILE: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  FILE_TYPE_MISMATCH: 415,
  FILE_TOO_LARGE: 413,
  TOO_MANY_FILES: 413,
  TOO_MANY_PAGES: 422,
  IMAGE_TOO_LARGE: 422,
  CORRUPT_FILE: 422,
  ENCRYPTED_PDF: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 503,
  NOT_READY: 503,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  /** For RATE_LIMITED: how long the upstream asked us to wait before trying again. */
  readonly retryAfterMs?: number;

  constructor(
    code: ErrorCode,
    message: string,
    options: { kind?: ErrorKind; cause?: unknown; retryAfterMs?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.kind = options.kind ?? (ERROR_CODES[code] < 500 ? 'user' : 'system');
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code];
  }

  /** Whether trying the same work again could succeed. */
  get isRetryable(): boolean {
    return this.kind !== 'user';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Wraps anything thrown into an AppError, keeping the original as `cause`. Unknown faults are ours, not the client's. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('INTERNAL', message, { kind: 'system', cause: error });
}
