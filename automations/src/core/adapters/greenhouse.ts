// Greenhouse (classic boards and the React job-boards design, also embedded in a company page
// through #grnhse_iframe): one page, "Submit Application", a confirmation block.
import type { Adapter } from './adapter.ts';

export const greenhouse: Adapter = {
  ats: 'greenhouse',
  start: { selectors: ['#apply_for_this_job'] },
  submit: { selectors: ['#submit_app'] },
  markers: { successSelectors: ['#application_confirmation'], errorSelectors: ['.field-error-msg', '#error_messages'] },
};
