// GET /v1/openapi.json: the API described by OpenAPI 3.1, generated from the route table and zod
// schemas in @jobswipe/protocol (built once, on the first request).
import { type OpenApiDocument, openApiDocument } from '@jobswipe/protocol/openapi';
import { Router } from 'express';

let document: OpenApiDocument | undefined;

export function openApiRoutes(): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    document ??= openApiDocument();
    res.json(document);
  });
  return router;
}
