import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

/** The review UI: static files only; every piece of data comes from /api with the session cookie. */
export function uiRoutes(): Router {
  const router = Router();
  router.use((_req, res, next) => {
    // Scripts, styles and images from this origin only: document text can never run as code.
    res.set(
      'Content-Security-Policy',
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    next();
  });
  router.use(express.static(PUBLIC_DIR, { index: 'index.html', fallthrough: true }));
  return router;
}
