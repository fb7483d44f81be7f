// Every never-tuned form, and the router that serves them all.
import { Router } from 'express';
import type { PracticeContext } from '../../ats/module.ts';
import type { NeverTunedForm } from '../serve.ts';
import ashby from './ashby.ts';
import greenhouse from './greenhouse.ts';
import lever from './lever.ts';
import workday from './workday.ts';

export const NEVER_TUNED_FORMS: readonly NeverTunedForm[] = [greenhouse, lever, ashby, workday];

export function neverTunedRoutes(ctx: PracticeContext): Router {
  const router = Router();
  for (const form of NEVER_TUNED_FORMS) router.use(form.routes(ctx));
  return router;
}
