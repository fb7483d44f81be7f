// Every never-tuned form, and the router that serves them all.
import { Router } from 'express';
import type { PracticeContext } from '../../ats/module.ts';
import type { NeverTunedForm } from '../serve.ts';
import ashby from './ashby.ts';
import bamboohr from './bamboohr.ts';
import careers from './careers.ts';
import greenhouse from './greenhouse.ts';
import icims from './icims.ts';
import jobvite from './jobvite.ts';
import lever from './lever.ts';
import recruitee from './recruitee.ts';
import smartrecruiters from './smartrecruiters.ts';
import teamtailor from './teamtailor.ts';
import workable from './workable.ts';
import workday from './workday.ts';

export const NEVER_TUNED_FORMS: readonly NeverTunedForm[] = [
  greenhouse,
  lever,
  ashby,
  workday,
  smartrecruiters,
  icims,
  workable,
  careers,
  bamboohr,
  jobvite,
  teamtailor,
  recruitee,
];

export function neverTunedRoutes(ctx: PracticeContext): Router {
  const router = Router();
  for (const form of NEVER_TUNED_FORMS) router.use(form.routes(ctx));
  return router;
}
