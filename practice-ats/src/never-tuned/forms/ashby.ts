// Ashby's hosted application (jobs.ashbyhq.com/<board>/<id>/application), second variant: the
// resume sent ahead to its own upload endpoint, Yes/No toggle buttons with aria-pressed whose
// question title is a <label for> naming an id no element has (as Ashby renders them), a survey
// question built the same way around plain radios, a number question, submission by fetch.
import { Router } from 'express';
import { is, pick, RESUME } from '../../spec/expectation.ts';
import { formOf, options, profile } from '../../spec/form-spec.ts';
import { FROM } from '../applicant.ts';
import { NEVER_TUNED_POSTINGS } from '../postings.ts';
import { fetchSubmit, formPage, type NeverTunedForm, nt, UploadStore } from '../serve.ts';
import { FROM_SPONSORSHIP, FULL_PHONE, fromAuthorized, RESUME_TYPES, YES_NO } from './common.ts';

const p = NEVER_TUNED_POSTINGS.ashby;
const path = `/ashby/${p.company.board}/${p.externalId}`;
const HYBRID = ['Yes, I can work hybrid from New York', 'No, I need a fully remote role'];

const spec = formOf(
  'ashby',
  p,
  [
    nt('_systemfield_name', 'Name', 'text', true, is('Maren Okafor', 'profile.firstName + profile.lastName')),
    nt('_systemfield_email', 'Email', 'email', true, is('maren.okafor@example.net', 'profile.email'), {
      asks: profile('profile.email'),
      format: 'email',
    }),
    nt('_systemfield_phone', 'Phone', 'tel', false, is(FULL_PHONE, 'profile.phone'), { format: 'phone' }),
    nt('_systemfield_resume', 'Resume', 'file', true, RESUME, { accept: RESUME_TYPES, maxBytes: 10 * 1024 * 1024 }),
    nt('0f8c2d41-5b7e-4e19-a3c6-8d2f1b9e7a05', 'Preferred name', 'text', false, is('Ren', FROM.preferredName)),
    nt('1a9d3e52-6c8f-4f2a-b4d7-9e3a2c0f8b16', 'Pronouns', 'text', false, is('she/her', FROM.pronouns)),
    nt(
      '2b0e4f63-7d9a-4a3b-85e8-0f4b3d1a9c27',
      'Are you legally authorized to work in the United States?',
      'yes_no',
      true,
      pick('Yes', fromAuthorized('United States', true)),
      { options: YES_NO },
    ),
    nt(
      '3c1f5a74-8e0b-4b4c-96f9-1a5c4e2b0d38',
      'Will you be able to work in the United States without requiring visa sponsorship, now or in the future?',
      'yes_no',
      true,
      pick('Yes', `${FROM_SPONSORSHIP} (the question is negated)`),
      { options: YES_NO },
    ),
    nt(
      '4d2a6b85-9f1c-4c5d-a70a-2b6d5f3c1e49',
      'How many years of professional software engineering experience do you have?',
      'number',
      true,
      is('7', 'profile.yearsOfExperience'),
    ),
    nt(
      '5e3b7c96-0a2d-4d6e-b81b-3c7e6a4d2f5a',
      'This role is hybrid: three days a week in our New York office. Are you able to work on that schedule?',
      'radio',
      true,
      pick(HYBRID[0] as string, FROM.onSite),
      { options: options(HYBRID) },
    ),
    nt(
      '6f4c8da7-1b3e-4e7f-892c-4d8f7b5e3a6b',
      'LinkedIn',
      'url',
      false,
      is('https://www.linkedin.com/in/maren-okafor', 'profile.links.linkedin'),
    ),
  ],
  `${path}/application`,
  `${path}/application/submit`,
);

const CSS = `body{font-family:Inter,system-ui,sans-serif;margin:0;color:#222;background:#fbfbfd}._container_1xkm{max-width:760px;margin:0 auto;padding:32px 20px}
._fieldEntry_17dpp_29{margin:18px 0;display:flex;flex-direction:column}._heading_101oc_53{font-weight:600;margin-bottom:6px}._required_101oc_92{color:#d93025;margin-left:3px}
._input_1wkz4_28,._textarea_1wkz4_40{border:1px solid #d4d4dd;border-radius:8px;padding:10px;font:inherit}
._yesno_hkyf8_143{display:flex}._option_y2cw4_33{flex:1;padding:10px;border:1px solid #d4d4dd;background:#fff;cursor:pointer}._active_y2cw4_58{background:#4b3fe4;color:#fff}
._radio_1r2fv_30 label{display:block;margin:4px 0}._button_8wvgw_29{background:#4b3fe4;color:#fff;border:0;border-radius:8px;padding:10px 18px;cursor:pointer}
._errorMessage_17dpp_60{color:#d93025;font-size:.85rem}._errors_1pqj5_80{background:#fdeeee;border:1px solid #d93025;border-radius:8px;padding:12px}`;

const uploads = new UploadStore();

const form: NeverTunedForm = {
  posting: p,
  applyPath: `${path}/application`,
  spec,
  routes(ctx) {
    const router = Router();
    router.get(`${path}/application`, (_req, res) => {
      res.send(
        formPage(form, 'ashby', {
          title: `${p.title} @ ${p.company.name}`,
          css: CSS,
          extra: { uploadUrl: `${path}/application/upload` },
        }),
      );
    });
    router.post(`${path}/application/upload`, (req, res) => uploads.receive(req, res));
    router.post(
      `${path}/application/submit`,
      fetchSubmit(form, ctx, { uploads: { store: uploads, fields: ['_systemfield_resume'] } }),
    );
    return router;
  },
};
export default form;
