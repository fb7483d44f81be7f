// The plain company careers site (no ATS vendor): routes under /careers/:company.
import { randomBytes, randomInt } from 'node:crypto';
import { Router } from 'express';
import type { Posting } from '../../catalog/posting.ts';
import { answerPagePost, receiveApplication } from '../../shared/receive-application.ts';
import type { FieldSpec, FormSpec } from '../../spec/form-spec.ts';
import type { AtsModule, PracticeContext } from '../module.ts';
import { boardRoute, postingRoute } from '../posting-route.ts';
import { type PostingLookup, postingsOf } from '../postings-of.ts';
import { applyPage, boardPage, type FormView, postingPage, thanksPage } from './pages.ts';
import { careersPath, careersSpec } from './spec.ts';

// Synonyms the shuffled layout picks from on each visit; custom questions keep their wording so
// saved answers still apply.
const SYNONYMS: Record<string, string[]> = {
  first_name: ['First name', 'Given name', 'Forename'],
  last_name: ['Last name', 'Family name', 'Surname'],
  email: ['Email address', 'E-mail', 'Your email'],
  phone: ['Phone number', 'Mobile number', 'Telephone'],
  city: ['Where are you based?', 'Current city', 'City of residence'],
  linkedin_url: ['LinkedIn profile', 'LinkedIn URL', 'Your LinkedIn'],
  github_url: ['GitHub or portfolio', 'Portfolio / GitHub', 'Link to your work (GitHub)'],
  resume: ['CV / Resume', 'Resume', 'Upload your CV'],
  cover_letter: ['Cover letter', 'Motivation letter', 'Tell us about yourself (cover letter)'],
};

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function shuffledView(fields: FieldSpec[]): FormView {
  const suffix = randomBytes(3).toString('hex');
  const varied = fields.map((f) => {
    const synonyms = SYNONYMS[f.name];
    return {
      ...f,
      id: `${f.id}-${suffix}`,
      label: synonyms ? (synonyms[randomInt(synonyms.length)] ?? f.label) : f.label,
    };
  });
  return { fields: shuffle(varied), flat: true };
}

/** The shuffled scenario changes the layout on every visit; every other posting keeps its sections. */
function viewOf(p: Posting, spec: FormSpec): FormView {
  return p.scenario === 'shuffled' ? shuffledView(spec.fields) : { fields: spec.fields, flat: false };
}

export const careers: AtsModule = {
  kind: 'careers',
  applyPath: (p) => `${careersPath(p)}/apply`,
  formSpec: careersSpec,
  routes(ctx: PracticeContext) {
    const router = Router();
    const lookup: PostingLookup = postingsOf('careers');

    router.get('/careers/:board', boardRoute(lookup, boardPage));

    router.get(
      '/careers/:board/jobs/:id',
      postingRoute(lookup, ctx, (p, _req, res) => res.send(postingPage(p))),
    );

    router.get(
      '/careers/:board/jobs/:id/apply',
      postingRoute(lookup, ctx, (p, _req, res) => {
        const spec = careersSpec(p);
        res.send(applyPage(p, spec, viewOf(p, spec)));
      }),
    );

    router.post(
      '/careers/:board/jobs/:id/apply',
      postingRoute(lookup, ctx, async (p, req, res) => {
        const spec = careersSpec(p);
        const outcome = await receiveApplication(req, ctx, p, spec, {
          refusesDuplicates: false,
        });
        answerPagePost(res, outcome, {
          again: ({ form, errors }) => applyPage(p, spec, viewOf(p, spec), form, errors),
          alreadyApplied: '',
          done: (reference) => `${careersPath(p)}/thanks?ref=${reference}`,
        });
      }),
    );

    router.get(
      '/careers/:board/jobs/:id/thanks',
      postingRoute(lookup, ctx, (p, req, res) => res.send(thanksPage(p, String(req.query.ref ?? ''))), { gate: false }),
    );
    return router;
  },
};
