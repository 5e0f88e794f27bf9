// The OpenAPI document of the JSON routes, public: it describes the API and holds no data.
import { Router } from 'express';
import { openApiDocument } from '../openapi.ts';

/** GET /api/openapi.json. */
export function openApiRoutes(): Router {
  const router = Router();
  const body = JSON.stringify(openApiDocument);
  router.get('/api/openapi.json', (_req, res) => {
    res.type('application/json').set('Cache-Control', 'public, max-age=3600').send(body);
  });
  return router;
}
