import Router from 'express-promise-router';

/** `GET /health`: anonymous (see the auth policy in plugin.ts). */
export function healthRoutes() {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  return router;
}
