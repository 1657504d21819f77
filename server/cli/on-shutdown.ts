import type { Logger } from '../../tools/core/logger.ts';

/**
 * On SIGTERM or SIGINT: stop taking work, let jobs in flight finish, close connections, exit.
 * A second signal exits at once; jobs then in flight are handed back by BullMQ's stalled-job check.
 */
export function onShutdown(logger: Logger, close: () => Promise<void>) {
  let isClosing = false;
  const handle = (signal: NodeJS.Signals) => {
    if (isClosing) {
      logger.warn('second signal: exiting now', { signal });
      process.exit(130);
    }
    isClosing = true;
    logger.info('shutting down: finishing jobs in flight', { signal });
    close().then(
      () => process.exit(0),
      (error) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
