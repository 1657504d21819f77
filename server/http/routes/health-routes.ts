import { Router } from 'express';

/** Resolves to the names of the dependencies that do not answer; empty when ready. */
export type ReadinessCheck = () => Promise<string[]>;

export function healthRoutes(isReady: ReadinessCheck): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  router.get('/readyz', async (_req, res) => {
    const failing = await isReady();
    if (failing.length > 0) {
      res
        .status(503)
        .json({ error: { code: 'NOT_READY', message: `Not answering: ${failing.join(', ')}.` }, failing });
      return;
    }
    res.json({ ok: true });
  });
  return router;
}
