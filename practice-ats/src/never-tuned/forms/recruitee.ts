// Recruitee's careers site (<company>.recruitee.com/o/<slug>/c/new), second family: "(Required)"
// inside each required field's accessible name, a location typeahead that forgets unpicked text,
// experience ranges with en dashes, a cover letter box, and a required security-clearance
// question, a sensitive question nobody can answer for the applicant: the form must be held
// (needs-attention), never sent with a guess.
import { Router } from 'express';
import { html } from '../../shared/html.ts';
import { ask, empty, is, pick, RESUME } from '../../spec/expectation.ts';
import { formOf, options, profile } from '../../spec/form-spec.ts';
import { NEVER_TUNED_POSTINGS } from '../postings.ts';
import { fetchSubmit, formPage, type NeverTunedForm, nt } from '../serve.ts';
import { FROM_SPONSORSHIP, FULL_PHONE, LOCATION_OPTIONS, NO_COVER_LETTER, RESUME_TYPES, YES_NO } from './common.ts';

const p = NEVER_TUNED_POSTINGS.recruitee;
const path = `/recruitee/${p.company.board}/o/${p.externalId}/c/new`;

const spec = formOf(
  'recruitee',
  p,
  [
    nt('candidate[name]', 'Full name', 'text', true, is('Maren Okafor', 'profile.firstName + profile.lastName'), {
      id: 'candidate-name',
    }),
    nt('candidate[email]', 'Email address', 'email', true, is('maren.okafor@example.net', 'profile.email'), {
      id: 'candidate-email',
      asks: profile('profile.email'),
      format: 'email',
    }),
    nt('candidate[phone]', 'Phone number', 'tel', true, is(FULL_PHONE, 'profile.phone'), {
      id: 'candidate-phone',
      format: 'phone',
    }),
    nt(
      'candidate[location]',
      'Location',
      'location',
      false,
      is('Seattle, Washington, United States', 'profile.location'),
      {
        id: 'candidate-location',
        options: LOCATION_OPTIONS,
      },
    ),
    nt('candidate[cv]', 'CV or resume', 'file', true, RESUME, {
      id: 'candidate-cv',
      accept: RESUME_TYPES,
      maxBytes: 10 * 1024 * 1024,
    }),
    nt('candidate[cover_letter]', 'Cover letter', 'textarea', false, empty(NO_COVER_LETTER), {
      id: 'candidate-cover-letter',
    }),
    nt(
      'candidate[open_question_answers][0]',
      'Years of professional experience',
      'select',
      true,
      pick('6–9 years', 'profile.yearsOfExperience = 7'),
      {
        id: 'oq-0',
        options: options(['0–2 years', '3–5 years', '6–9 years', '10+ years']),
      },
    ),
    nt(
      'candidate[open_question_answers][1]',
      'Will you require visa sponsorship now or in the future?',
      'yes_no',
      true,
      pick('No', FROM_SPONSORSHIP),
      {
        id: 'oq-1',
        options: YES_NO,
      },
    ),
    nt(
      'candidate[open_question_answers][2]',
      'Do you currently hold an active U.S. Department of Defense security clearance?',
      'yes_no',
      true,
      ask('clearance is sensitive and neither in the profile nor in the answer sheet'),
      {
        id: 'oq-2',
        options: YES_NO,
      },
    ),
  ],
  path,
  `/recruitee/${p.company.board}/o/${p.externalId}/c`,
);

const CSS = `body{font-family:"Source Sans Pro",Arial,sans-serif;margin:0;color:#1c1c1c}.rt-header{padding:20px 40px;background:#1e2a3b;color:#fff}
.rt-form{max-width:640px;margin:24px auto;padding:0 20px}.rt-field{margin:16px 0}.rt-field label,.rt-caption{display:block;font-weight:600;margin-bottom:6px}
.rt-input{width:100%;box-sizing:border-box;border:1px solid #c8ccd2;border-radius:4px;padding:9px}.rt-yesno{display:flex;gap:8px}.rt-yesno button{padding:8px 20px;border:1px solid #c8ccd2;background:#fff}
.rt-yesno .is-active{background:#1e2a3b;color:#fff}.rt-button{background:#2a70f4;color:#fff;border:0;border-radius:4px;padding:10px 20px}.rt-error{color:#d32}.rt-suggest{background:#fff;border:1px solid #c8ccd2}`;

const form: NeverTunedForm = {
  posting: p,
  applyPath: path,
  spec,
  routes(ctx) {
    const router = Router();
    router.get(path, (_req, res) => {
      res.send(
        formPage(form, 'recruitee', {
          title: `${p.title} - ${p.company.name}`,
          css: CSS,
          chrome: (root) => html`<header class="rt-header">${p.company.name}</header>${root}`,
        }),
      );
    });
    router.post(`/recruitee/${p.company.board}/o/${p.externalId}/c`, fetchSubmit(form, ctx));
    return router;
  },
};
export default form;
