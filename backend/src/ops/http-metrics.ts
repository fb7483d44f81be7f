// Counts and times every HTTP request by its route template (/v1/devices/:id, never the raw path:
// ids would make a series per request).
import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics.ts';

export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const stop = metrics.httpDuration.startTimer();
    // Express assigns req.route when a route matches, while req.baseUrl is still that router's
    // mount path; by the time an error response finishes, baseUrl has been unwound. So the
    // template is taken at assignment.
    let route: Request['route'];
    let template = 'unmatched';
    Object.defineProperty(req, 'route', {
      configurable: true,
      enumerable: true,
      get: () => route,
      set: (value: Request['route']) => {
        route = value;
        template = `${req.baseUrl}${String(value?.path ?? '')}`;
      },
    });
    res.on('finish', () => {
      const labels = { method: req.method, route: template, status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      stop(labels);
    });
    next();
  };
}
