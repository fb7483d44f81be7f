// The practice ATS's own endpoints (not part of any real ATS): the record of submissions, the
// request log and the catalog, under /__practice.
import { Router } from 'express';
import { practiceJobs } from './catalog/catalog.ts';
import { baseUrlOf } from './shared/base-url.ts';
import type { RequestLog } from './store/request-log.ts';
import type { SubmissionFilter, SubmissionStore } from './store/submissions.ts';

function queryText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function practiceApiRoutes(submissions: SubmissionStore, requests: RequestLog): Router {
  const router = Router();
  router.get('/__practice/submissions', (req, res) => {
    const filter: SubmissionFilter = {};
    for (const key of ['ats', 'board', 'jobId', 'email'] as const) {
      const value = queryText(req.query[key]);
      if (value !== undefined) filter[key] = value;
    }
    res.json(submissions.list(filter));
  });
  router.get('/__practice/submissions/:id/files/:field', (req, res) => {
    const submission = submissions.get(req.params.id);
    const file = submission?.files.find((f) => f.field === req.params.field);
    const bytes = submissions.fileBytes(req.params.id, req.params.field);
    if (!file || !bytes) {
      res.status(404).json({ error: `No file "${req.params.field}" in submission ${req.params.id}.` });
      return;
    }
    res.type(file.mime).attachment(file.filename).send(bytes);
  });
  router.delete('/__practice/submissions', (_req, res) => {
    submissions.clear();
    res.status(204).end();
  });
  router.get('/__practice/requests', (_req, res) => {
    res.json(requests.list());
  });
  router.delete('/__practice/requests', (_req, res) => {
    requests.clear();
    res.status(204).end();
  });
  router.get('/__practice/jobs', (req, res) => {
    res.json(practiceJobs(baseUrlOf(req)));
  });
  return router;
}
