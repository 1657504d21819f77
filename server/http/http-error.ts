import type { ErrorRequestHandler, RequestHandler } from 'express';
import multer from 'multer';
import { AppError, toAppError } from '../../tools/core/app-error.ts';
import type { Logger } from '../../tools/core/logger.ts';

const MULTER_CODES: Record<string, AppError['code']> = {
  LIMIT_FILE_SIZE: 'FILE_TOO_LARGE',
  LIMIT_FILE_COUNT: 'TOO_MANY_FILES',
  LIMIT_UNEXPECTED_FILE: 'BAD_REQUEST',
};

/** The one place an error becomes an HTTP answer: `{ error: { code, message } }` with the code's status. */
export function toHttpError(caught: unknown): AppError {
  if (caught instanceof multer.MulterError) {
    return new AppError(MULTER_CODES[caught.code] ?? 'BAD_REQUEST', uploadMessage(caught), { cause: caught });
  }
  const status = (caught as { status?: number; type?: string }).status;
  if ((caught as { type?: string }).type === 'entity.parse.failed') {
    return new AppError('BAD_REQUEST', 'The request body is not valid JSON.', { cause: caught });
  }
  if (status === 413)
    return new AppError('FILE_TOO_LARGE', 'The request body is too large.', { cause: caught });
  return toAppError(caught);
}

function uploadMessage(error: InstanceType<typeof multer.MulterError>): string {
  if (error.code === 'LIMIT_FILE_SIZE')
    return `File ${error.field ? `in "${error.field}" ` : ''}is over the upload size limit.`;
  if (error.code === 'LIMIT_FILE_COUNT') return 'Too many files in one upload.';
  return error.message;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (caught, req, res, _next) => {
    const error = toHttpError(caught);
    if (error.httpStatus >= 500) {
      logger.error('request failed', { method: req.method, path: req.path, code: error.code, error: caught });
    }
    // A server fault is ours: say so without leaking internals.
    const message =
      error.kind === 'system' && error.code === 'INTERNAL'
        ? 'Something went wrong on the server.'
        : error.message;
    res.status(error.httpStatus).json({ error: { code: error.code, message } });
  };
}

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'NOT_FOUND', message: `No route for ${req.method} ${req.path}.` } });
};
